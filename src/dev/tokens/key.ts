// The key that lets `entpoort dev-token` ask the running server for a token. It is new at every
// start and kept in DATA_DIR, readable by its owner only: whoever can read it could open the
// embedded database anyway, and nobody else can mint tokens through the server.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const keyFile = (dataDir: string) => join(resolve(dataDir), 'dev-pgo-token-key');

export async function writeDevTokenKey(dataDir: string): Promise<string> {
  const key = randomBytes(32).toString('base64url');
  const file = keyFile(dataDir);
  // Removed first: writeFile keeps the mode of a file that exists.
  await rm(file, { force: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function readDevTokenKey(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(keyFile(dataDir), 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function removeDevTokenKey(dataDir: string, key: string): Promise<void> {
  // Only our own: a server started since owns the file now.
  if ((await readDevTokenKey(dataDir)) === key) await rm(keyFile(dataDir), { force: true });
}

export function sameKey(presented: string, key: string): boolean {
  const [a, b] = [Buffer.from(presented), Buffer.from(key)];
  return a.length === b.length && timingSafeEqual(a, b);
}
