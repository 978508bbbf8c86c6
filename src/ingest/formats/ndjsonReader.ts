// Reads an NDJSON extract line by line (node:readline over the stream): a header object on the
// first line (header.ts), then one JSON object per vaccination with the same field names as the
// CSV columns. Blank lines are skipped; a line that is not a JSON object is rejected on its own.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Registry } from '../model.ts';
import type { ExtractHeader } from './header.ts';
import { recordSchema } from './recordSchema.ts';
import { validateRow, type ReadItem, type RowSchema } from './readItem.ts';

export async function* readNdjson(
  input: Readable,
  registry: Registry,
  header: ExtractHeader,
): AsyncGenerator<ReadItem> {
  const schema: RowSchema = recordSchema(registry, header.extractedAt, 'json');
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
    yield validateRow(schema, value, line, text);
  }
}

const reject = (line: number, raw: string, message: string): ReadItem => ({
  ok: false,
  line,
  problems: [{ field: '', message }],
  raw,
});
