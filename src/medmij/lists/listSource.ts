// Reads a list from where configuration says it lives: an https URL (the MedMij stelselnode,
// over mutual TLS with our client certificate), a file path or file: URL (development, or a
// mirror on disk), or a plain http URL (tests only; configuration refuses it in production).
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Agent, request, type Dispatcher } from 'undici';
import { ListError } from './listErrors.ts';
import { MAX_LIST_BYTES } from './safeXmlText.ts';

/** File paths of the client certificate, its key and the CA bundle for https sources. */
export interface ListTlsFiles {
  cert?: string | undefined;
  key?: string | undefined;
  /** Replaces the default roots: the stelselnode's chain (PKIoverheid private G1). */
  ca?: string | undefined;
}

export const FETCH_TIMEOUT_MS = 30_000;

export function isRemote(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * A connection pool for one refresh round, holding the certificate files as they are now (so
 * a renewed certificate is used from the next round on). Close it after the round.
 */
export async function createListDispatcher(
  tls: ListTlsFiles,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<Agent> {
  const [cert, key, ca] = await Promise.all([tls.cert, tls.key, tls.ca].map(readOptional));
  return new Agent({
    connect: { cert, key, ca, minVersion: 'TLSv1.2', rejectUnauthorized: true, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

async function readOptional(path: string | undefined): Promise<Buffer | undefined> {
  if (!path) return undefined;
  try {
    return await readFile(path);
  } catch (error) {
    throw new ListError('FETCH_FAILED', `cannot read TLS file ${path}`, { cause: error });
  }
}

export async function readSource(source: string, dispatcher?: Dispatcher): Promise<Uint8Array> {
  try {
    return isRemote(source) ? await fetchRemote(source, dispatcher) : await readLocal(source);
  } catch (error) {
    if (error instanceof ListError) throw error;
    const reason = (error as Error).message || (error as { code?: string }).code || 'failed';
    const oneLine = reason.replace(/\s+/g, ' ').trim();
    throw new ListError('FETCH_FAILED', `${source}: ${oneLine}`, { cause: error });
  }
}

async function fetchRemote(url: string, dispatcher: Dispatcher | undefined): Promise<Uint8Array> {
  const response = await request(url, {
    method: 'GET',
    headers: { accept: 'application/xml, text/xml' },
    ...(dispatcher ? { dispatcher } : {}),
  });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new ListError('FETCH_FAILED', `${url}: HTTP ${response.statusCode}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_LIST_BYTES) {
      response.body.destroy();
      throw new ListError('UNREADABLE', `${url}: larger than ${MAX_LIST_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readLocal(source: string): Promise<Uint8Array> {
  const path = source.startsWith('file:') ? fileURLToPath(source) : source;
  const info = await stat(path);
  if (info.size > MAX_LIST_BYTES) {
    throw new ListError('UNREADABLE', `${path}: larger than ${MAX_LIST_BYTES} bytes`);
  }
  return readFile(path);
}
