// How the back channel reads a client's identity from a certificate: subjectAltName dNSName
// entries only (no CN, no wildcard, no entry smuggled inside another), the proxy header's PEM
// in the forms proxies send it, the CA check on proxied certificates, and the TLS settings.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.ts';
import { tlsBaseOptions } from '../src/medmij/tls/ciphers.ts';
import { dnsNamesOf, subjectAltNameEntries } from '../src/medmij/tls/dnsNames.ts';
import { mainHttpsOptions } from '../src/medmij/tls/httpsOptions.ts';
import {
  acceptableProxiedCertificate,
  certificateFromHeader,
  readCaBundle,
} from '../src/medmij/tls/proxyCertificate.ts';
import { createTestPki, type TestPki } from './support/testCertificates.ts';

describe('client identity from certificates', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki();
  });
  afterAll(() => pki?.remove());

  it('takes the dNSName entries, lower-cased, and nothing from the CN', async () => {
    const both = new X509Certificate((await pki.client(['Medmij.PGO.example', 'b.example'])).cert);
    expect(dnsNamesOf(both)).toEqual(['medmij.pgo.example', 'b.example']);
    const cnOnly = new X509Certificate((await pki.client([], 'medmij.pgo.example')).cert);
    expect(dnsNamesOf(cnOnly)).toEqual([]);
  });

  it('drops wildcards and does not split an entry that contains separators', async () => {
    const crafted = await pki.client(['x, DNS:evil.example', '*.pgo.example', 'ok.example']);
    expect(dnsNamesOf(new X509Certificate(crafted.cert))).toEqual(['ok.example']);
    expect(subjectAltNameEntries('DNS:"a\\u002c DNS:b.example", DNS:c.example')).toEqual([
      ['DNS', 'a, DNS:b.example'],
      ['DNS', 'c.example'],
    ]);
  });

  it('reads the header as nginx escapes it and as proxies fold it onto one line', async () => {
    const { cert } = await pki.client(['medmij.pgo.example']);
    expect(certificateFromHeader(encodeURIComponent(cert))?.subject).toContain('medmij');
    expect(certificateFromHeader(cert.replace(/\n/g, ' '))?.subject).toContain('medmij');
    expect(certificateFromHeader('garbage')).toBeUndefined();
    expect(certificateFromHeader('%E0%A4%A')).toBeUndefined();
    expect(certificateFromHeader(undefined)).toBeUndefined();
  });

  it('accepts a proxied certificate only from the configured CAs and while current', async () => {
    const cas = readCaBundle(pki.files.ca);
    const ours = new X509Certificate((await pki.client(['medmij.pgo.example'])).cert);
    const foreign = new X509Certificate((await pki.foreignClient(['medmij.pgo.example'])).cert);
    expect(acceptableProxiedCertificate(ours, cas)).toBe(true);
    expect(acceptableProxiedCertificate(foreign, cas)).toBe(false);
    expect(acceptableProxiedCertificate(ours, cas, new Date(Date.now() + 7 * 86400_000))).toBe(
      false,
    );
  });
});

describe('TLS settings', () => {
  it('wants certificate and key together, and a client CA with them', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: '/x.pem' })).toThrow(ConfigError);
    expect(() => loadConfig({ TLS_CERT_FILE: '/x.pem', TLS_KEY_FILE: '/x.key' })).toThrow(
      /TLS_CLIENT_CA_FILE/,
    );
    expect(() => loadConfig({ TRUSTED_PROXY: 'yes' })).toThrow(/TRUSTED_PROXY/);
  });

  it('defaults to a back-channel listener of its own and plain HTTP without files', () => {
    const { medmijTls } = loadConfig({});
    expect(medmijTls).toMatchObject({
      backChannel: 'port',
      trustedProxy: false,
      clientCertHeader: 'x-ssl-client-cert',
    });
    expect(mainHttpsOptions(medmijTls)).toBeUndefined();
  });

  it('offers TLS 1.2 at least, with forward-secret AEAD suites only', () => {
    expect(tlsBaseOptions.minVersion).toBe('TLSv1.2');
    const suites = String(tlsBaseOptions.ciphers).split(':');
    for (const suite of suites) expect(suite).toMatch(/^(TLS_|ECDHE-).*(GCM|CHACHA20)/);
  });
});
