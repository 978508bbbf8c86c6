// A throw-away PKI for mutual-TLS tests: a CA standing in for PKIoverheid private G1, a server
// certificate for 127.0.0.1/localhost, and client certificates for any DNS names, plus one CA
// nobody trusts. Written to a temporary folder, because the TLS settings name files.
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import './reflectMetadata.ts';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export interface KeyAndCertificate {
  cert: string;
  key: string;
}

export interface TestPki {
  caPem: string;
  server: KeyAndCertificate;
  /** A client certificate from the trusted CA; no names gives a certificate with only a CN. */
  client(dnsNames: string[], commonName?: string): Promise<KeyAndCertificate>;
  /** A client certificate from a CA that is not trusted. */
  foreignClient(dnsNames: string[]): Promise<KeyAndCertificate>;
  files: { ca: string; serverCert: string; serverKey: string };
  remove(): void;
}

interface Authority {
  certificate: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
}

export async function createTestPki(): Promise<TestPki> {
  const ca = await authority('Entpoort Test Private Services CA');
  const foreign = await authority('Someone Else CA');
  const server = await leaf(ca, 'localhost', [
    { type: 'dns', value: 'localhost' },
    { type: 'ip', value: '127.0.0.1' },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'entpoort-pki-'));
  const files = {
    ca: join(dir, 'ca.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server.key'),
  };
  writeFileSync(files.ca, ca.certificate.toString('pem'));
  writeFileSync(files.serverCert, server.cert);
  writeFileSync(files.serverKey, server.key);
  const dns = (names: string[]) => names.map((value) => ({ type: 'dns' as const, value }));
  return {
    caPem: ca.certificate.toString('pem'),
    server,
    client: (names, commonName) => leaf(ca, commonName ?? names[0] ?? 'client', dns(names)),
    foreignClient: (names) => leaf(foreign, names[0] ?? 'client', dns(names)),
    files,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function authority(name: string): Promise<Authority> {
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}`,
    keys,
    signingAlgorithm: algorithm,
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 86400_000),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys };
}

async function leaf(
  issuer: Authority,
  commonName: string,
  names: { type: 'dns' | 'ip'; value: string }[],
): Promise<KeyAndCertificate> {
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([
      x509.ExtendedKeyUsage.serverAuth,
      x509.ExtendedKeyUsage.clientAuth,
    ]),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names));
  const certificate = await x509.X509CertificateGenerator.create({
    subject: `CN=${commonName}`,
    issuer: issuer.certificate.subject,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: algorithm,
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 86400_000),
    extensions,
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    cert: certificate.toString('pem'),
    key: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}
