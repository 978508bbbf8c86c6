// COPY … FROM STDIN for both databases, without an extra dependency: on PostgreSQL a minimal
// "submittable" for node-postgres that answers the server's CopyInResponse with the data and
// CopyDone (what pg-copy-streams does, for one in-memory batch); on PGlite the `/dev/blob`
// device its query API offers for COPY.
import type { SqlConnection } from '../../store/sqlConnection.ts';

export type DatabaseKind = 'postgresql' | 'pglite';

/** Copies text-format COPY data (tab-separated, `\N` for null, one row per line). */
export async function copyFrom(
  kind: DatabaseKind,
  sql: SqlConnection,
  statement: string,
  data: string,
): Promise<void> {
  if (kind === 'pglite') {
    const pglite = sql.raw as { query(q: string, p: unknown[], o: object): Promise<unknown> };
    await pglite.query(`${statement} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
    return;
  }
  const client = sql.raw as { query(submittable: object): unknown };
  await new Promise<void>((resolve, reject) => {
    client.query(copyInSubmittable(`${statement} FROM STDIN`, Buffer.from(data), resolve, reject));
  });
}

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 64 * 1024;

/** The handlers node-postgres calls on its active query, for a COPY FROM STDIN. */
function copyInSubmittable(
  text: string,
  data: Buffer,
  resolve: () => void,
  reject: (error: Error) => void,
) {
  let failed = false;
  return {
    submit: (connection: Connection) => void connection.query(text),
    handleCopyInResponse(connection: Connection) {
      for (let at = 0; at < data.length; at += CHUNK) {
        connection.sendCopyFromChunk(data.subarray(at, at + CHUNK));
      }
      connection.endCopyFrom();
    },
    handleCommandComplete: () => {},
    handleReadyForQuery: () => (failed ? undefined : resolve()),
    handleError(error: Error) {
      failed = true;
      reject(error);
    },
    handleRowDescription: () => {},
    handleDataRow: () => {},
    handleEmptyQuery: () => {},
    handlePortalSuspended: () => {},
    handleCopyData: () => {},
  };
}

/** One value in COPY text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, escapeChar) : text;
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeChar = (ch: string) => escapes[ch]!;

const jsonText = new WeakMap<object, string>();

/** A JSON value in COPY text format; made once per shared (frozen) coding object. */
export function copyJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return copyValue(JSON.stringify(value));
  let text = jsonText.get(value);
  if (text === undefined) {
    text = copyValue(JSON.stringify(value));
    if (Object.isFrozen(value)) jsonText.set(value, text);
  }
  return text;
}
