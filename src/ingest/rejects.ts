// Reports rejected rows. The terminal (or log) gets the line number, the field and the rule
// broken, never a value: no BSN, name or date of birth. The optional reject file gets the rows
// themselves, after the extract's own header, so that it is an extract of the same format that
// can be corrected and imported again. It holds personal data: it is created readable by its
// owner only (mode 0600) and is the operator's to protect and delete.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from './csvText.ts';
import type { Problem, RawRow } from './formats/readItem.ts';

/** At most this many rejected rows are printed one by one; the rest are only counted. */
const PRINTED = 100;

export interface RejectSink {
  reject(line: number, problems: Problem[], raw: RawRow | null): Promise<void>;
  close(): Promise<void>;
}

export interface RejectSinkOptions {
  /** Where the per-row messages go (stderr, or the progress bar's log on a terminal). */
  print(message: string): void;
  json: boolean;
  rejectFile?: string | undefined;
  /** The first lines of the reject file: the extract's header (and CSV header row). */
  head(): string[];
}

export function createRejectSink(options: RejectSinkOptions): RejectSink {
  let printed = 0;
  let file: WriteStream | undefined;

  async function write(text: string) {
    if (!options.rejectFile) return;
    if (!file) {
      file = createWriteStream(options.rejectFile, { flags: 'w', mode: 0o600 });
      file.write(
        options
          .head()
          .map((l) => `${l}\n`)
          .join(''),
      );
    }
    if (!file.write(text)) await once(file, 'drain');
  }

  return {
    async reject(line, problems, raw) {
      printed += 1;
      if (printed <= PRINTED) options.print(describe(line, problems, options.json));
      if (printed === PRINTED + 1) {
        options.print(
          options.json
            ? JSON.stringify({ event: 'import.rejected.more', printed: PRINTED })
            : `more rows were rejected; only the first ${PRINTED} are listed`,
        );
      }
      if (raw === null) await write(`# line ${line} could not be read; see the extract\n`);
      else await write(`${typeof raw === 'string' ? raw : csvLine(raw)}\n`);
    },
    async close() {
      if (!file) return;
      file.end();
      await once(file, 'finish');
    },
  };
}

function describe(line: number, problems: Problem[], json: boolean): string {
  if (json) return JSON.stringify({ event: 'import.rejected', line, problems });
  const reasons = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message));
  return `line ${line} rejected: ${reasons.join('; ')}`;
}
