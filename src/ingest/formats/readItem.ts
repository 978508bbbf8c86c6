// What a format reader yields per data row: a neutral record, or the reasons it was rejected.
// Problems name a field and a rule, never a value: they are printed to the terminal and logs.
import type { z } from 'zod';
import type { IncomingRecord } from '../model.ts';
import type { RecordContent } from './recordSchema.ts';

export interface Problem {
  /** The extract field, or '' for the row as a whole. */
  field: string;
  message: string;
}

export type RawRow = string | readonly string[];

export type ReadItem =
  | { ok: true; record: IncomingRecord }
  | { ok: false; line: number; problems: Problem[]; raw: RawRow | null };

export type RowSchema = z.ZodType<RecordContent, unknown>;

/** Validates one decoded row; `problems` are decoding problems found before validation. */
export function validateRow(
  schema: RowSchema,
  value: unknown,
  line: number,
  raw: RawRow,
  problems: Problem[] = [],
): ReadItem {
  const parsed = schema.safeParse(value);
  if (parsed.success && problems.length === 0) {
    return { ok: true, record: { ...parsed.data, line, raw } };
  }
  const issues = parsed.success ? [] : parsed.error.issues;
  const found = [
    ...problems,
    ...issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
  ];
  return { ok: false, line, problems: found, raw };
}
