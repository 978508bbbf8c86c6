// Steps 1 and 2 of the token checks (medmij-dva.md §7), mutual-TLS client authentication:
//   1. a verified client certificate (PKIoverheid private G1, checked in the handshake or by
//      the trusted proxy) with a DNS name on the Whitelist;
//   2. client_id is an OCL Hostname and one of the certificate's DNS names (RFC 8705 §2).
// Any failure is `invalid_client`.
import type { FastifyRequest } from 'fastify';
import type { OAuthClient } from '../lists/oauthClientList.ts';
import { admitBackChannelPeer } from '../tls/backChannelPeer.ts';
import type { ClientCertificateOf } from '../tls/clientCertificate.ts';
import type { ClientDirectory } from './clientDirectory.ts';
import { InvalidClient, InvalidRequest } from './errors.ts';

export function authenticateClient(
  request: FastifyRequest,
  clientId: string | undefined,
  clientCertificateOf: ClientCertificateOf,
  directory: ClientDirectory,
): OAuthClient {
  const peer = admitBackChannelPeer(request, clientCertificateOf, directory);
  if (!peer.admitted) {
    throw peer.reason === 'no_client_certificate'
      ? new InvalidClient('a verified client certificate is required', 'no_client_certificate')
      : new InvalidClient('client certificate is not of a MedMij node', 'not_whitelisted');
  }

  // RFC 8705 §2: with mutual-TLS client authentication the client_id is still sent.
  if (!clientId) throw new InvalidRequest('client_id is required', 'client_id_missing');
  const client = directory.oauthClient(clientId);
  if (!client) throw new InvalidClient('client_id is not on the OAuth client list', 'not_in_ocl');
  // OCL hostnames are lower case by their schema; certificates' names were lower-cased.
  const name = clientId.toLowerCase();
  if (!peer.identity.dnsNames.includes(name)) {
    throw new InvalidClient('client_id does not match the client certificate', 'cert_mismatch');
  }
  if (!peer.whitelisted.includes(name)) {
    throw new InvalidClient('client_id is not a MedMij node', 'client_not_whitelisted');
  }
  return client;
}
