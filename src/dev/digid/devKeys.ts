// Development keys of the DigiD broker and of our client at it, made on first start and kept in
// DATA_DIR (dev-digid-*-keys.json, readable by the owner only, next to the development IdP's
// dev-idp-keys.json), so the registration survives a restart; made afresh on each start for
// an in-memory DATA_DIR (memory://). Never production.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

async function rsaKey(use: 'sig' | 'enc', alg: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { modulusLength: 2048, extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), use, alg };
}

async function keptOrMade(
  dataDir: string,
  name: string,
  make: () => Promise<JWK[]>,
): Promise<{ keys: JWK[] }> {
  if (dataDir.startsWith('memory://')) return { keys: await make() };
  const folder = resolve(dataDir);
  const file = join(folder, `dev-${name}-keys.json`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { keys: JWK[] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const jwks = { keys: await make() };
  await mkdir(folder, { recursive: true });
  try {
    // `wx`: a process that started at the same moment and wrote first wins; we read its keys.
    await writeFile(file, JSON.stringify(jwks, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(await readFile(file, 'utf8')) as { keys: JWK[] };
  }
  return jwks;
}

/** The broker's signing key (ID tokens and userinfo JWS, RS256 like nl-rdo-max). */
export function devBrokerJwks(dataDir: string) {
  return keptOrMade(dataDir, 'digid-broker', async () => [await rsaKey('sig', 'RS256')]);
}

/** Our client's keys: private_key_jwt signing and userinfo decryption (RSA-OAEP). */
export function devClientJwks(dataDir: string) {
  return keptOrMade(dataDir, 'digid-client', async () => [
    await rsaKey('sig', 'RS256'),
    await rsaKey('enc', 'RSA-OAEP'),
  ]);
}
