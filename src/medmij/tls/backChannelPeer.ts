// Peer admission on the back channel (MedMij section 9): a verified client certificate with at
// least one DNS name on the Whitelist. Shared by the token endpoint and the FHIR face.
import type { FastifyRequest } from 'fastify';
import type { ClientCertificateOf, ClientIdentity } from './clientCertificate.ts';

export interface WhitelistLookup {
  /** Case-insensitive, as DNS names are. */
  isWhitelisted(hostname: string): boolean;
}

export type PeerAdmission =
  | { admitted: true; identity: ClientIdentity; whitelisted: string[] }
  | { admitted: false; reason: 'no_client_certificate' | 'not_whitelisted' };

export function admitBackChannelPeer(
  request: FastifyRequest,
  clientCertificateOf: ClientCertificateOf,
  whitelist: WhitelistLookup,
): PeerAdmission {
  const identity = clientCertificateOf(request);
  if (!identity) return { admitted: false, reason: 'no_client_certificate' };
  const whitelisted = identity.dnsNames.filter((name) => whitelist.isWhitelisted(name));
  if (whitelisted.length === 0) return { admitted: false, reason: 'not_whitelisted' };
  return { admitted: true, identity, whitelisted };
}
