// Reads a CSV extract as a stream, one row at a time: the `#entpoort-extract` preamble
// (handled by header.ts, skipped here as a comment), a header row of field names in any order,
// then one vaccination per row. Cells are decoded by field kind (fields.ts) into the NDJSON
// shape (codings stay text, see codingChecks.ts) and checked by the same rules (recordRules.ts).
// A row that is not
// readable CSV (a stray quote) is rejected on its own; the rest of the file still imports.
import type { Readable } from 'node:stream';
import type { Registry } from '../model.ts';
import { createCsvSplitter, type CsvRecord } from './csvRecords.ts';
import { ExtractError, type ExtractHeader } from './header.ts';
import type { ReadItem } from './readItem.ts';
import { RowCheck, rowRules, type RowField, type RowRules } from './recordRules.ts';

const required = [
  'bsn',
  'birth_date',
  'family_name',
  'source_record_id',
  'status',
  'product_display',
  'occurrence',
  'recorded_at',
];

export async function* readCsv(
  input: Readable,
  registry: Registry,
  header: ExtractHeader,
  onHeaderRow: (names: string[]) => void = () => {},
): AsyncGenerator<ReadItem> {
  const rules = rowRules(registry, header.extractedAt, 'text');
  const splitter = createCsvSplitter();
  let columns: RowField[] | undefined;
  function* decode(records: CsvRecord[]): Generator<ReadItem> {
    for (const record of records) {
      if (record.fields === null) {
        const problem = { field: '', message: `not readable as CSV: ${record.error}` };
        yield { ok: false, line: record.line, problems: [problem], raw: null };
      } else if (!columns) {
        columns = headerColumns(record.fields, rules, registry);
        onHeaderRow(record.fields);
      } else {
        yield decodeRow(rules, columns, record.fields, record.line);
      }
    }
  }
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) yield* decode(splitter.push(chunk));
  yield* decode(splitter.end());
  if (!columns) throw new ExtractError('the file has no header row');
}

function headerColumns(names: string[], rules: RowRules, registry: Registry): RowField[] {
  const known = new Map<string, RowField>(rules.fields.map((f) => [f.name, f]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new ExtractError(`header row: unknown field(s) ${unknown.join(', ')}`);
  }
  if (new Set(names).size !== names.length) throw new ExtractError('header row: repeated field');
  const missing = [...required, ...(registry === 'CIMS' ? ['consent_to_share'] : [])].filter(
    (n) => !names.includes(n),
  );
  if (missing.length > 0) {
    throw new ExtractError(`header row: missing field(s) ${missing.join(', ')}`);
  }
  return names.map((n) => known.get(n)!);
}

function decodeRow(rules: RowRules, columns: RowField[], cells: string[], line: number): ReadItem {
  if (cells.length !== columns.length) {
    const message = `has ${cells.length} fields, the header row ${columns.length}`;
    return { ok: false, line, problems: [{ field: '', message }], raw: cells };
  }
  const row = new RowCheck();
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i]!;
    // An empty cell is an absent value; fields without a column stay absent too.
    row.set(columns[i]!, cell === '' ? undefined : decodeCell(columns[i]!, cell));
  }
  return rules.finish(row, line, cells);
}

/** Text, codings (as text) and decimals stay strings; their checks read them. */
function decodeCell(field: RowField, cell: string): unknown {
  if (field.kind === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  if (field.kind === 'integer') return /^-?[0-9]{1,9}$/.test(cell) ? Number(cell) : cell;
  return cell;
}
