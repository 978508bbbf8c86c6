// The DNS names a client certificate proves: its subjectAltName dNSName entries, lower-cased.
//
// The common name is never used, not even as a fallback: RFC 6125 §6.4.4 and RFC 9525 retire it
// for hostnames, PKIoverheid server certificates always carry dNSName entries, and a CN may hold
// text that is no hostname. Wildcard entries are dropped: Whitelist and OCL hostnames are exact
// names, and MedMij advises against wildcard certificates.
import type { X509Certificate } from 'node:crypto';

/** The Hostname pattern of the MedMij list schemas. */
const HOSTNAME = /^([a-z0-9][a-z0-9-]*\.)+[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/**
 * Node renders the extension as `DNS:a, DNS:b, IP Address:…`, quoting a value as a JSON string
 * when it contains separators (so a crafted entry cannot pose as two). Each candidate is then
 * confirmed by OpenSSL's own matching (`checkHost`, subject never consulted).
 */
export function dnsNamesOf(certificate: X509Certificate): string[] {
  const names = new Set<string>();
  for (const [type, value] of subjectAltNameEntries(certificate.subjectAltName ?? '')) {
    const name = value.toLowerCase();
    if (type !== 'DNS' || !HOSTNAME.test(name)) continue;
    if (certificate.checkHost(name, { subject: 'never', wildcards: false }) === undefined) {
      continue;
    }
    names.add(name);
  }
  return [...names];
}

/** Splits Node's subjectAltName text into [type, value] pairs, honouring quoted values. */
export function subjectAltNameEntries(text: string): [string, string][] {
  const entries: [string, string][] = [];
  let rest = text;
  while (rest.length > 0) {
    const colon = rest.indexOf(':');
    if (colon < 0) break;
    const type = rest.slice(0, colon).trim();
    rest = rest.slice(colon + 1);
    let value: string;
    if (rest.startsWith('"')) {
      const end = closingQuote(rest);
      if (end < 0) break;
      value = JSON.parse(rest.slice(0, end + 1)) as string;
      rest = rest.slice(end + 1);
    } else {
      const comma = rest.indexOf(',');
      value = comma < 0 ? rest : rest.slice(0, comma);
      rest = comma < 0 ? '' : rest.slice(comma);
    }
    entries.push([type, value]);
    rest = rest.replace(/^,\s*/, '');
  }
  return entries;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
