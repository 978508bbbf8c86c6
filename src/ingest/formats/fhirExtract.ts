// A FHIR input as an extract (../extract.ts): the registry is the one the operator names
// (FHIR does not say: both registries share one identifier system) and the extract's time,
// which stamps what the import writes, is the input's own (Bundle.timestamp, else
// meta.lastUpdated), else the file's modification time, so that importing the same file again
// writes nothing.
import { stat } from 'node:fs/promises';
import type { Extract } from '../extract.ts';
import type { Registry } from '../model.ts';
import { readFhirInput } from './fhirInput.ts';
import { readFhirRecords } from './fhirRecords.ts';
import { ExtractError } from './header.ts';
import type { ReadItem } from './readItem.ts';

export async function openFhirExtract(
  path: string,
  registry: Registry,
  totalBytes: number,
): Promise<Extract> {
  const input = await readFhirInput(path);
  const extractedAt = input.madeAt ? new Date(input.madeAt) : (await stat(path)).mtime;
  if (Number.isNaN(extractedAt.getTime())) {
    throw new ExtractError('the Bundle timestamp (or meta.lastUpdated) is not an instant');
  }
  // The file is read already; progress is told in entries, scaled to its size.
  const last = Math.max(input.entries.at(-1)?.number ?? 1, 1);
  let read = 0;
  async function* items(): AsyncGenerator<ReadItem> {
    for (const item of readFhirRecords(input.entries, registry, extractedAt)) {
      read = Math.round((totalBytes * (item.ok ? item.record.line : item.line)) / last);
      yield item;
    }
  }
  return {
    header: { registry, extractedAt },
    totalBytes,
    bytesRead: () => read,
    items: items(),
    // Rejected entries are written as FHIR NDJSON (fhirRecords.ts), which needs no header.
    rejectFileHead: () => [],
  };
}
