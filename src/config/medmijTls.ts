// MedMij back channel: TLS, client certificates and the token endpoint (see
// src/medmij/tls/ and src/medmij/token/). Without TLS_CERT_FILE the server speaks plain HTTP:
// development, or behind a TLS-terminating proxy, which then passes the verified client
// certificate in CLIENT_CERT_HEADER (honoured only with TRUSTED_PROXY=true).
import { z } from 'zod';
import type { Environment } from './config.ts';
import { ConfigError, flag } from './primitives.ts';

export const medmijTlsVariables = {
  /** Server certificate and key (PEM); on the back channel a PKIoverheid private G1 one. */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** CAs that client certificates must chain to: the PKIoverheid private G1 chain. */
  TLS_CLIENT_CA_FILE: z.string().min(1).optional(),
  /** Public certificate for the citizens' front channel when it has a listener of its own. */
  TLS_FRONT_CERT_FILE: z.string().min(1).optional(),
  TLS_FRONT_KEY_FILE: z.string().min(1).optional(),
  /** `port`: a second listener for token + FHIR; `route`: one listener, checked per route. */
  TLS_BACK_CHANNEL: z.enum(['port', 'route']).default('port'),
  BACK_CHANNEL_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  TRUSTED_PROXY: flag.optional(),
  /** Comma-separated peer addresses of the proxy; empty means any (the network guards it). */
  TRUSTED_PROXY_ADDRESSES: z.string().optional(),
  CLIENT_CERT_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be a header name')
    .default('x-ssl-client-cert'),
  /** Refresh tokens live this many months from their last use (MedMij: six). */
  REFRESH_TOKEN_MONTHS: z.coerce.number().int().min(1).max(12).default(6),
};

export interface MedmijTlsSettings {
  certFile?: string | undefined;
  keyFile?: string | undefined;
  clientCaFile?: string | undefined;
  frontCertFile?: string | undefined;
  frontKeyFile?: string | undefined;
  backChannel: 'port' | 'route';
  backChannelPort: number;
  trustedProxy: boolean;
  /** Empty: any peer may be the proxy. */
  trustedProxyAddresses: string[];
  /** Lower-cased, as Node presents header names. */
  clientCertHeader: string;
}

export function medmijTlsSettings(e: Environment): MedmijTlsSettings {
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    throw new ConfigError('TLS_CERT_FILE, TLS_KEY_FILE: give both or neither');
  }
  if (Boolean(e.TLS_FRONT_CERT_FILE) !== Boolean(e.TLS_FRONT_KEY_FILE)) {
    throw new ConfigError('TLS_FRONT_CERT_FILE, TLS_FRONT_KEY_FILE: give both or neither');
  }
  if (e.TLS_CERT_FILE && !e.TLS_CLIENT_CA_FILE) {
    throw new ConfigError('TLS_CLIENT_CA_FILE: required with TLS_CERT_FILE (mutual TLS)');
  }
  return {
    certFile: e.TLS_CERT_FILE,
    keyFile: e.TLS_KEY_FILE,
    clientCaFile: e.TLS_CLIENT_CA_FILE,
    frontCertFile: e.TLS_FRONT_CERT_FILE,
    frontKeyFile: e.TLS_FRONT_KEY_FILE,
    backChannel: e.TLS_BACK_CHANNEL,
    backChannelPort: e.BACK_CHANNEL_PORT,
    trustedProxy: e.TRUSTED_PROXY ?? false,
    trustedProxyAddresses: (e.TRUSTED_PROXY_ADDRESSES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    clientCertHeader: e.CLIENT_CERT_HEADER.toLowerCase(),
  };
}
