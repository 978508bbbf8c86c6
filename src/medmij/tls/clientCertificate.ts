// Who is calling on the back channel: the DNS names of the verified client certificate, taken
// from the TLS connection, or, in trusted-proxy mode only, from the proxy's header. The token
// endpoint and the FHIR face both ask `clientCertificateOf(request)`; null means "no verified
// client certificate", which back-channel routes refuse.
import type { X509Certificate } from 'node:crypto';
import { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import type { MedmijTlsSettings } from '../../config/config.ts';
import { dnsNamesOf } from './dnsNames.ts';
import {
  acceptableProxiedCertificate,
  certificateFromHeader,
  readCaBundle,
} from './proxyCertificate.ts';

export interface ClientIdentity {
  /** The certificate's subjectAltName dNSName entries, lower-cased; never empty. */
  dnsNames: string[];
  /** Where the certificate came from. */
  via: 'tls' | 'proxy';
}

export type ClientCertificateOf = (request: FastifyRequest) => ClientIdentity | null;

/** Builds `clientCertificateOf` for the configured mode (reads the CA bundle once). */
export function clientCertificateResolver(settings: MedmijTlsSettings): ClientCertificateOf {
  const cas = settings.trustedProxy ? readCaBundle(settings.clientCaFile) : [];
  return (request) =>
    settings.trustedProxy ? fromProxy(request, settings, cas) : fromConnection(request);
}

/** The certificate the TLS handshake verified against TLS_CLIENT_CA_FILE. */
function fromConnection(request: FastifyRequest): ClientIdentity | null {
  const socket = request.raw.socket;
  // `authorized` is false when the chain failed (possible in `route` mode, where the handshake
  // lets such clients in) or no certificate was sent.
  if (!(socket instanceof TLSSocket) || !socket.authorized) return null;
  return identity(socket.getPeerX509Certificate(), 'tls');
}

function fromProxy(
  request: FastifyRequest,
  settings: MedmijTlsSettings,
  cas: readonly X509Certificate[],
): ClientIdentity | null {
  if (!fromTrustedProxy(request, settings.trustedProxyAddresses)) return null;
  const raw = request.headers[settings.clientCertHeader];
  // Two copies of the header mean someone added one; trust neither.
  if (Array.isArray(raw)) return null;
  const certificate = certificateFromHeader(raw);
  if (!certificate || !acceptableProxiedCertificate(certificate, cas)) return null;
  return identity(certificate, 'proxy');
}

function fromTrustedProxy(request: FastifyRequest, addresses: readonly string[]): boolean {
  if (addresses.length === 0) return true;
  const peer = (request.raw.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return addresses.includes(peer);
}

function identity(
  certificate: X509Certificate | undefined,
  via: ClientIdentity['via'],
): ClientIdentity | null {
  if (!certificate) return null;
  const dnsNames = dnsNamesOf(certificate);
  return dnsNames.length > 0 ? { dnsNames, via } : null;
}
