// The `https` options for Entpoort's listeners, read from the files named in the configuration.
//
// Design choice (TLS_BACK_CHANNEL): by default, `port`: the back channel (token endpoint and
// FHIR, called by PGO servers) gets a listener of its own with requestCert and
// rejectUnauthorized, and the main listener serves the citizens' browsers without asking for a
// certificate. Reasons:
//   - MedMij wants different server certificates on the two channels: a PKIoverheid private G1
//     certificate on the back channel (core.tls.314), a public one on the front (core.tls.315).
//     Node decides requestCert per server, not per SNI name, so one listener cannot do both.
//   - A handshake without a client certificate fails on the back channel (section 9 of our
//     MedMij reference), before any HTTP is parsed, and the port can be firewalled.
//   - A listener that asks every browser for a certificate (requestCert on the front channel)
//     makes browsers with installed certificates prompt citizens to pick one.
// `route` (one listener, requestCert: true, rejectUnauthorized: false) remains for deployments
// with a single port; there the per-route check alone keeps back-channel routes closed.
// In both modes back-channel routes check the peer on every request (clientCertificate.ts).
//
// Known shortcoming: certificates are read at start; a renewed certificate needs a restart.
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import type { MedmijTlsSettings } from '../../config/config.ts';
import { tlsBaseOptions } from './ciphers.ts';

/** Options for the back-channel listener: mutual TLS, refused in the handshake without it. */
export function backChannelHttpsOptions(settings: MedmijTlsSettings): ServerOptions {
  const { certFile, keyFile, clientCaFile } = settings;
  if (!certFile || !keyFile || !clientCaFile) {
    throw new Error('back channel TLS needs TLS_CERT_FILE, TLS_KEY_FILE and TLS_CLIENT_CA_FILE');
  }
  return {
    ...tlsBaseOptions,
    cert: readFileSync(certFile),
    key: readFileSync(keyFile),
    ca: readFileSync(clientCaFile),
    requestCert: true,
    rejectUnauthorized: true,
  };
}

/**
 * Options for the main listener, for `Fastify({ https: mainHttpsOptions(settings) })`;
 * undefined means plain HTTP (development, or TLS ended at a proxy).
 * - `route` mode: the back-channel certificate, client certificates asked for but optional.
 * - `port` mode: the public front-channel certificate when one is configured.
 */
export function mainHttpsOptions(settings: MedmijTlsSettings): ServerOptions | undefined {
  if (settings.backChannel === 'route') {
    if (!settings.certFile) return undefined;
    return { ...backChannelHttpsOptions(settings), rejectUnauthorized: false };
  }
  const { frontCertFile, frontKeyFile } = settings;
  if (!frontCertFile || !frontKeyFile) return undefined;
  return { ...tlsBaseOptions, cert: readFileSync(frontCertFile), key: readFileSync(frontKeyFile) };
}

/** Whether a back-channel listener of its own is to be started (see backChannelListener.ts). */
export function wantsBackChannelListener(settings: MedmijTlsSettings): boolean {
  return settings.backChannel === 'port' && Boolean(settings.certFile);
}
