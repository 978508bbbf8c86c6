// The extract's header: which registry made it and when. The time matters beyond provenance:
// everything an import writes is stamped with it (created_at, updated_at), so that re-running
// the same extract after a crash leaves exactly the database that one clean run leaves.
//
// CSV: a first line `#entpoort-extract registry=cims format=1 extracted_at=<instant>`.
// NDJSON: a first line `{"entpoort_extract":1,"registry":"cims","extracted_at":"<instant>"}`.
import { z } from 'zod';
import type { Registry } from '../model.ts';
import { instantRule, parseInstant } from './checks.ts';

export interface ExtractHeader {
  registry: Registry;
  extractedAt: Date;
}

/** The file as a whole cannot be imported; nothing was written. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

const headerSchema = z.strictObject({
  entpoort_extract: z.literal(1),
  registry: z.enum(['cims', 'praeventis']),
  extracted_at: z
    .string()
    .refine((v) => parseInstant(v) !== null, instantRule)
    .transform((v) => parseInstant(v)!),
});

function fromFields(fields: unknown, where: string): ExtractHeader {
  const parsed = headerSchema.safeParse(fields);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ExtractError(`line 1: ${where} is not valid (${problems.join('; ')})`);
  }
  return {
    registry: parsed.data.registry === 'cims' ? 'CIMS' : 'PRAEVENTIS',
    extractedAt: parsed.data.extracted_at,
  };
}

export function parseCsvPreamble(line: string): ExtractHeader {
  const match = /^#entpoort-extract((?: [a-z_]+=\S+)+)\s*$/.exec(line);
  if (!match) {
    throw new ExtractError('line 1: a CSV extract starts with "#entpoort-extract registry=…"');
  }
  const pairs = match[1]!
    .trim()
    .split(' ')
    .map((p) => p.split('=') as [string, string]);
  const fields: Record<string, unknown> = Object.fromEntries(pairs);
  fields.entpoort_extract = fields.format === '1' ? 1 : fields.format;
  delete fields.format;
  return fromFields(fields, 'the #entpoort-extract line');
}

export function parseNdjsonHeader(line: string): ExtractHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ExtractError('line 1: an NDJSON extract starts with a JSON header object');
  }
  return fromFields(value, 'the header object');
}

export function csvPreamble(header: ExtractHeader): string {
  const registry = header.registry.toLowerCase();
  return `#entpoort-extract registry=${registry} format=1 extracted_at=${iso(header)}`;
}

export function ndjsonHeader(header: ExtractHeader): string {
  return JSON.stringify({
    entpoort_extract: 1,
    registry: header.registry.toLowerCase(),
    extracted_at: iso(header),
  });
}

const iso = (header: ExtractHeader) => header.extractedAt.toISOString();
