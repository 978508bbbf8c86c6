// The client certificate as a TLS-terminating proxy passes it on (e.g. nginx
// `proxy_set_header X-SSL-Client-Cert $ssl_client_escaped_cert;`, a URL-encoded PEM).
//
// Honoured only in trusted-proxy mode (see clientCertificate.ts): anyone can send a header.
// The proxy verifies the chain; as a second line we check that the certificate is current and,
// when TLS_CLIENT_CA_FILE is set, signed by one of its certificates, so a proxy configured with
// `ssl_verify_client optional_no_ca` cannot pass an unverified one.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

/** Parses the header value; undefined when it holds no single well-formed certificate. */
export function certificateFromHeader(value: string | undefined): X509Certificate | undefined {
  if (!value) return undefined;
  let text = value;
  try {
    if (text.includes('%')) text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  // Some proxies fold the PEM onto one line (spaces or tabs for newlines); rebuild it.
  const match = PEM.exec(text);
  if (!match?.[1]) return undefined;
  const body = match[1].replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  const pem = ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''];
  try {
    return new X509Certificate(pem.join('\n'));
  } catch {
    return undefined;
  }
}

/** Reads the CA bundle (PEM, several certificates) once. */
export function readCaBundle(file: string | undefined): X509Certificate[] {
  if (!file) return [];
  const text = readFileSync(file, 'utf8');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return (blocks ?? []).map((block) => new X509Certificate(block));
}

/** Current, and issued and signed by one of `cas` when any are given. */
export function acceptableProxiedCertificate(
  certificate: X509Certificate,
  cas: readonly X509Certificate[],
  now: Date = new Date(),
): boolean {
  if (now < certificate.validFromDate || now > certificate.validToDate) return false;
  if (cas.length === 0) return true;
  return cas.some((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
}
