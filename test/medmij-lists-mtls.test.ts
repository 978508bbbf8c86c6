// The list cache fetches from an https source over mutual TLS: against a real HTTPS server on
// 127.0.0.1 that demands a client certificate from its own throw-away CA, the right
// certificate gets the lists; a foreign one, none, or an untrusted server fails the fetch and
// the previous list stays in force.
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListCache, type ListCache } from '../src/medmij/lists/listCache.ts';
import type { ListName } from '../src/medmij/lists/listNames.ts';
import { listReadinessCheck } from '../src/medmij/lists/listReadiness.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases.ts';

// @peculiar/x509 loads tsyringe, which insists on a Reflect metadata polyfill; these few
// functions are all it uses, so the test needs no extra package. Hence the dynamic import.
const metadata = new WeakMap<object, Map<unknown, unknown>>();
const reflect = Reflect as unknown as Record<string, unknown>;
reflect.getMetadata ??= (key: unknown, target: object) => metadata.get(target)?.get(key);
reflect.getOwnMetadata ??= reflect.getMetadata;
reflect.defineMetadata ??= (key: unknown, value: unknown, target: object) => {
  metadata.set(target, (metadata.get(target) ?? new Map()).set(key, value));
};
const x509 = await import('@peculiar/x509');
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const files: Record<ListName, string> = {
  OAuthclientlist: 'MedMij_OAuthclientlist.xml',
  Whitelist: 'MedMij_Whitelist.xml',
  Zorgaanbiederslijst: 'MedMij_Zorgaanbiederslijst.xml',
  Gegevensdienstnamenlijst: 'MedMij_Gegevensdienstnamenlijst.xml',
};
const devList = (name: ListName) =>
  readFileSync(new URL(`../dev/medmij-lists/${files[name]}`, import.meta.url), 'utf8');

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

interface Issued {
  cert: string;
  key: string;
  keys: webcrypto.CryptoKeyPair;
  certificate: InstanceType<typeof x509.X509Certificate>;
}

async function pem(keys: webcrypto.CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const lines = der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return `-----BEGIN PRIVATE KEY-----\n${lines}\n-----END PRIVATE KEY-----\n`;
}

async function issueCa(name: string): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}`,
    keys,
    signingAlgorithm: algorithm,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: certificate.toString('pem'), key: await pem(keys), keys, certificate };
}

async function issueLeaf(ca: Issued, name: string, usage: 'server' | 'client'): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.create({
    subject: `CN=${name}`,
    issuer: ca.certificate.subject,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: algorithm,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(
        [usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
        false,
      ),
      new x509.SubjectAlternativeNameExtension(
        usage === 'server'
          ? [
              { type: 'ip', value: '127.0.0.1' },
              { type: 'dns', value: 'localhost' },
            ]
          : [{ type: 'dns', value: name }],
      ),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { cert: certificate.toString('pem'), key: await pem(keys), keys, certificate };
}

describe.each(databaseKinds)('MedMij lists over mutual TLS on %s', (kind) => {
  let db: TestDatabase;
  let dir: string;
  let server: Server;
  let baseUrl: string;
  const published = new Map<string, string>();
  const seenClients: string[] = [];
  const caches: ListCache[] = [];
  let paths: { cert: string; key: string; ca: string; rogueCert: string; rogueKey: string };
  let good: { cert: string; key: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'entpoort-mtls-'));

    const ca = await issueCa('Test stelselnode CA');
    const serverCert = await issueLeaf(ca, 'stelselnode.test', 'server');
    const client = await issueLeaf(ca, 'entpoort.rivm.example', 'client');
    const rogueCa = await issueCa('Someone else');
    const rogue = await issueLeaf(rogueCa, 'entpoort.rivm.example', 'client');

    paths = {
      cert: join(dir, 'client.crt'),
      key: join(dir, 'client.key'),
      ca: join(dir, 'ca.crt'),
      rogueCert: join(dir, 'rogue.crt'),
      rogueKey: join(dir, 'rogue.key'),
    };
    good = { cert: client.cert, key: client.key };
    writeFileSync(paths.cert, client.cert);
    writeFileSync(paths.key, client.key);
    writeFileSync(paths.ca, ca.cert);
    writeFileSync(paths.rogueCert, rogue.cert);
    writeFileSync(paths.rogueKey, rogue.key);

    for (const name of Object.keys(files) as ListName[]) {
      published.set(`/${files[name]}`, devList(name));
    }
    server = createServer(
      {
        key: serverCert.key,
        cert: serverCert.cert,
        ca: ca.cert,
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
      },
      (request, response) => {
        const peer = (request.socket as TLSSocket).getPeerCertificate();
        seenClients.push(String(peer.subject?.CN));
        const body = published.get(new URL(request.url ?? '/', 'https://x').pathname);
        response.writeHead(body ? 200 : 404, { 'content-type': 'application/xml' });
        response.end(body ?? '');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all(caches.map((c) => c.stop()));
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const sources = () => {
    const result = {} as Record<ListName, string>;
    for (const name of Object.keys(files) as ListName[]) {
      result[name] = `${baseUrl}/${files[name]}?api=2`;
    }
    return result;
  };
  const newCache = (tls: { cert?: string; key?: string; ca?: string }) => {
    const cache = createListCache({
      prisma: db.database.prisma,
      sources: sources(),
      tls,
      logger: pino({ level: 'silent' }),
    });
    caches.push(cache);
    return cache;
  };
  const oclVolgnummer = (cache: ListCache) =>
    cache.status().find((s) => s.name === 'OAuthclientlist');
  const publishOcl = (volgnummer: number) =>
    published.set(
      `/${files.OAuthclientlist}`,
      devList('OAuthclientlist').replace(
        '<Volgnummer>1</Volgnummer>',
        `<Volgnummer>${volgnummer}</Volgnummer>`,
      ),
    );

  it('fetches every list with our client certificate', async () => {
    const cache = newCache({ cert: paths.cert, key: paths.key, ca: paths.ca });
    await cache.start();
    for (const status of cache.status()) {
      expect(status, status.name).toMatchObject({ volgnummer: 1 });
      expect(status.lastError).toBeUndefined();
      expect(status.source).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/MedMij_/);
    }
    expect(cache.oauthClient('medmij.pgo.example')?.organisationName).toBe('Voorbeeld PGO');
    expect(seenClients).toContain('entpoort.rivm.example');
  });

  it('fails with a certificate from another CA and keeps the previous list', async () => {
    publishOcl(2);
    const cache = caches[0]!;
    writeFileSync(paths.cert, readFileSync(paths.rogueCert));
    writeFileSync(paths.key, readFileSync(paths.rogueKey));
    try {
      await cache.refresh();
    } finally {
      writeFileSync(paths.cert, good.cert);
      writeFileSync(paths.key, good.key);
    }
    expect(oclVolgnummer(cache)).toMatchObject({
      volgnummer: 1,
      lastError: { code: 'FETCH_FAILED' },
    });
    expect(cache.oauthClient('medmij.pgo.example')).toBeDefined();
    await expect(listReadinessCheck(cache).check()).resolves.toBeDefined();
  });

  it('fails without a client certificate, starting from the stored list', async () => {
    const cache = newCache({ ca: paths.ca });
    await cache.start();
    expect(oclVolgnummer(cache)).toMatchObject({
      volgnummer: 1,
      lastError: { code: 'FETCH_FAILED' },
    });
    expect(cache.isWhitelisted('medmij.pgo.example')).toBe(true);
  });

  it('fails against a server outside the configured CA', async () => {
    const cache = newCache({ cert: paths.cert, key: paths.key });
    await cache.start();
    const status = oclVolgnummer(cache);
    expect(status).toMatchObject({ volgnummer: 1, lastError: { code: 'FETCH_FAILED' } });
    expect(status?.lastError?.message).toMatch(/certificate/i);
  });

  it('takes the new version once the right certificate is back', async () => {
    const cache = caches[0]!;
    await cache.refresh();
    expect(oclVolgnummer(cache)).toMatchObject({ volgnummer: 2 });
    expect(oclVolgnummer(cache)?.lastError).toBeUndefined();
  });
});
