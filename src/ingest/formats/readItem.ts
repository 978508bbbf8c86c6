// What a format reader yields per data row: a neutral record, or the reasons it was rejected.
// Problems name a field and a rule, never a value: they are printed to the terminal and logs.
import type { IncomingRecord } from '../model.ts';

export interface Problem {
  /** The extract field (`route.system` inside it), or '' for the row as a whole. */
  field: string;
  message: string;
}

export type RawRow = string | readonly string[];

export type ReadItem =
  | { ok: true; record: IncomingRecord }
  | { ok: false; line: number; problems: Problem[]; raw: RawRow | null };
