// Opens an extract file: reads its header line, checks it names the registry the operator
// asked for, and returns the stream of rows as neutral records or rejections. Reading is
// streamed (fs stream, then the CSV splitter or readline); the file is never held in memory.
// A FHIR input (formats/fhirInput.ts) is the exception: it has no header line and is read whole.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { readCsv } from './formats/csvReader.ts';
import {
  ExtractError,
  parseCsvPreamble,
  parseNdjsonHeader,
  type ExtractHeader,
} from './formats/header.ts';
import { readNdjson } from './formats/ndjsonReader.ts';
import { openFhirExtract } from './formats/fhirExtract.ts';
import type { ReadItem } from './formats/readItem.ts';
import { csvLine } from './csvText.ts';
import type { Registry } from './model.ts';

export type ExtractFormat = 'csv' | 'ndjson' | 'fhir';

export interface Extract {
  header: ExtractHeader;
  totalBytes: number;
  /** Bytes read from the file so far. */
  bytesRead(): number;
  items: AsyncGenerator<ReadItem>;
  /** The lines a reject file starts with, so it is an extract of the same format. */
  rejectFileHead(): string[];
}

export async function openExtract(
  path: string,
  format: ExtractFormat,
  registry: Registry,
): Promise<Extract> {
  const totalBytes = (await stat(path)).size;
  if (format === 'fhir') return openFhirExtract(path, registry, totalBytes);
  const first = await firstLine(path);
  const header = format === 'csv' ? parseCsvPreamble(first) : parseNdjsonHeader(first);
  if (header.registry !== registry) {
    throw new ExtractError(
      `line 1: the extract comes from ${header.registry}, not ${registry} (--registry)`,
    );
  }
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let columns: string[] = [];
  const items =
    format === 'csv'
      ? readCsv(stream, registry, header, (names) => void (columns = names))
      : readNdjson(stream, registry, header);
  return {
    header,
    totalBytes,
    bytesRead: () => stream.bytesRead,
    items,
    rejectFileHead: () => (format === 'csv' ? [first, csvLine(columns)] : [first]),
  };
}

/** The file's first line, read on its own (at most 4 KiB). */
async function firstLine(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const end = text.indexOf('\n');
    if (end === -1 && bytesRead === buffer.length) throw new ExtractError('line 1 is too long');
    return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
  } finally {
    await file.close();
  }
}
