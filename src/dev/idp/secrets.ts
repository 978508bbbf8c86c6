// The development identity provider's secrets: its token signing key and the keys for its own
// cookies. Made once and kept in DATA_DIR, so tokens and sessions survive a restart; kept only
// in memory when DATA_DIR is `memory://` (then every start has new ones).
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

export interface DevIdpSecrets {
  /** Private signing keys as JWKs, each with `kid`, `alg` and `use: 'sig'`. */
  signingKeys: JWK[];
  /** Keys that sign oidc-provider's cookies; the first signs, all verify. */
  cookieKeys: string[];
}

export const secretsFileName = 'dev-idp-keys.json';

const stored = z.object({
  signingKeys: z
    .array(z.looseObject({ kty: z.string(), kid: z.string(), alg: z.string(), d: z.string() }))
    .min(1),
  cookieKeys: z.array(z.string().min(32)).min(1),
});

/** Secrets per in-memory "data dir", so two providers in one process can share them. */
const inMemory = new Map<string, Promise<DevIdpSecrets>>();

export async function loadOrCreateDevIdpSecrets(dataDir: string): Promise<DevIdpSecrets> {
  if (dataDir.startsWith('memory://')) {
    let secrets = inMemory.get(dataDir);
    if (!secrets) inMemory.set(dataDir, (secrets = createSecrets()));
    return secrets;
  }
  const file = join(resolve(dataDir), secretsFileName);
  const existing = await readSecrets(file);
  if (existing) return existing;

  const secrets = await createSecrets();
  await mkdir(resolve(dataDir), { recursive: true });
  // Written aside, then linked into place: a reader never sees half a file, and when two
  // processes start at once the first link wins and the other adopts its secrets.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(partial, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readSecrets(file)) ?? secrets;
  } finally {
    await rm(partial, { force: true });
  }
}

async function readSecrets(file: string): Promise<DevIdpSecrets | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A damaged file is reported, not replaced: replacing it would silently void every token.
  const parsed = stored.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new Error(`${file} is not a valid dev IdP secrets file; delete it to make new keys`);
  }
  return parsed.data as DevIdpSecrets;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function createSecrets(): Promise<DevIdpSecrets> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    signingKeys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }],
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}
