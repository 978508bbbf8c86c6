// Reads an NDJSON extract line by line (node:readline over the stream): a header object on the
// first line (header.ts), then one JSON object per vaccination with the same field names as the
// CSV columns. Blank lines are skipped; a line that is not a JSON object is rejected on its own.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Registry } from '../model.ts';
import type { ExtractHeader } from './header.ts';
import { unrecognized } from './checks.ts';
import type { ReadItem } from './readItem.ts';
import { RowCheck, rowRules, type RowField, type RowRules } from './recordRules.ts';

export async function* readNdjson(
  input: Readable,
  registry: Registry,
  header: ExtractHeader,
): AsyncGenerator<ReadItem> {
  const rules = rowRules(registry, header.extractedAt, 'json');
  const byName = new Map<string, RowField>(rules.fields.map((f) => [f.name, f]));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (line === 1 || text.trim() === '') continue; // the header, parsed before reading
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the text; the report must not.
      yield reject(line, text, 'not valid JSON');
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield reject(line, text, 'not a JSON object');
      continue;
    }
    yield checkRow(rules, byName, value as Record<string, unknown>, line, text);
  }
}

/** Every field of the registry is checked, present or not; a key of no field is a problem. */
function checkRow(
  rules: RowRules,
  byName: ReadonlyMap<string, RowField>,
  value: Record<string, unknown>,
  line: number,
  text: string,
): ReadItem {
  const row = new RowCheck();
  for (const field of rules.fields) row.set(field, value[field.name]);
  const unknown = Object.keys(value).filter((key) => !byName.has(key));
  if (unknown.length > 0) {
    row.problems.push({ field: '', message: unrecognized(unknown) });
    row.stopped = true;
  }
  return rules.finish(row, line, text);
}

const reject = (line: number, raw: string, message: string): ReadItem => ({
  ok: false,
  line,
  problems: [{ field: '', message }],
  raw,
});
