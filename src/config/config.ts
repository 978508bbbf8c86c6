// Configuration from the environment, validated once at start. A bad value stops the process
// with a message naming the variable, never with a stack trace from deep inside a library.
import { z } from 'zod';

const optionalUrl = z.url().optional();
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// --- MedMij lists (OCL, Whitelist, ZAL, GNL): where each is read from, how often, and the
// client certificate for https sources (the stelselnode requires mutual TLS). Outside
// production a missing source falls back to the development lists in dev/medmij-lists.
const medmijListVariables = {
  MEDMIJ_OCL_SOURCE: z.string().min(1).optional(),
  MEDMIJ_WHITELIST_SOURCE: z.string().min(1).optional(),
  MEDMIJ_ZAL_SOURCE: z.string().min(1).optional(),
  MEDMIJ_GNL_SOURCE: z.string().min(1).optional(),
  MEDMIJ_LIST_REFRESH_SECONDS: z.coerce.number().int().min(10).max(86400).default(3600),
  MEDMIJ_LIST_CLIENT_CERT: z.string().min(1).optional(),
  MEDMIJ_LIST_CLIENT_KEY: z.string().min(1).optional(),
  MEDMIJ_LIST_CA: z.string().min(1).optional(),
};

export interface MedmijListSettings {
  /** Per list: an https URL, a file path or a file: URL. */
  sources: {
    OAuthclientlist: string;
    Whitelist: string;
    Zorgaanbiederslijst: string;
    Gegevensdienstnamenlijst: string;
  };
  refreshSeconds: number;
  /** File paths, read at every refresh round so a renewed certificate is picked up. */
  tls: { cert?: string | undefined; key?: string | undefined; ca?: string | undefined };
}

const devMedmijList = (file: string) =>
  new URL(`../../dev/medmij-lists/${file}`, import.meta.url).href;

export function medmijListSettings(e: Environment, production: boolean): MedmijListSettings {
  const given = {
    OAuthclientlist: ['MEDMIJ_OCL_SOURCE', e.MEDMIJ_OCL_SOURCE, 'MedMij_OAuthclientlist.xml'],
    Whitelist: ['MEDMIJ_WHITELIST_SOURCE', e.MEDMIJ_WHITELIST_SOURCE, 'MedMij_Whitelist.xml'],
    Zorgaanbiederslijst: [
      'MEDMIJ_ZAL_SOURCE',
      e.MEDMIJ_ZAL_SOURCE,
      'MedMij_Zorgaanbiederslijst.xml',
    ],
    Gegevensdienstnamenlijst: [
      'MEDMIJ_GNL_SOURCE',
      e.MEDMIJ_GNL_SOURCE,
      'MedMij_Gegevensdienstnamenlijst.xml',
    ],
  } as const;
  const sources = {} as MedmijListSettings['sources'];
  for (const [list, [variable, value, devFile]] of Object.entries(given)) {
    if (production && !value) throw new ConfigError(`${variable}: required in production`);
    if (production && value && /^http:/i.test(value)) {
      throw new ConfigError(`${variable}: must be https (mutual TLS) in production`);
    }
    sources[list as keyof typeof given] = value ?? devMedmijList(devFile);
  }
  const https = Object.values(sources).some((source) => /^https:/i.test(source));
  if (production && https && !(e.MEDMIJ_LIST_CLIENT_CERT && e.MEDMIJ_LIST_CLIENT_KEY)) {
    throw new ConfigError(
      'MEDMIJ_LIST_CLIENT_CERT, MEDMIJ_LIST_CLIENT_KEY: required in production for https sources',
    );
  }
  return {
    sources,
    refreshSeconds: e.MEDMIJ_LIST_REFRESH_SECONDS,
    tls: { cert: e.MEDMIJ_LIST_CLIENT_CERT, key: e.MEDMIJ_LIST_CLIENT_KEY, ca: e.MEDMIJ_LIST_CA },
  };
}
// --- end of MedMij lists

// --- MedMij back channel: TLS, client certificates and the token endpoint (see
// src/medmij/tls/ and src/medmij/token/). Without TLS_CERT_FILE the server speaks plain HTTP:
// development, or behind a TLS-terminating proxy, which then passes the verified client
// certificate in CLIENT_CERT_HEADER (honoured only with TRUSTED_PROXY=true).
const medmijTlsVariables = {
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

function medmijTlsSettings(e: Environment): MedmijTlsSettings {
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
// --- end of MedMij back channel

// --- MedMij front channel: the authorization endpoint, consent and the citizen's DigiD login
// through an OpenID Connect broker (nl-rdo-max; see src/medmij/authorize/, login/, consent/).
// Outside production the broker defaults to the in-process development broker (/dev/digid).
const medmijAuthorizeVariables = {
  /** Our MedMij provider name without `@medmij`: the one scope we accept (medmij-dva §3.2). */
  MEDMIJ_SCOPE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a MedMij provider name without @medmij')
    .default('rivm'),
  /** How the consent page names us to the citizen. */
  PROVIDER_DISPLAY_NAME: z.string().min(1).max(100).default('RIVM'),
  DIGID_BROKER_ISSUER: optionalUrl,
  DIGID_CLIENT_ID: z.string().min(1).optional(),
  /** JWKS file with our private keys: `sig` for private_key_jwt, `enc` for the userinfo JWE. */
  DIGID_CLIENT_KEYS_FILE: z.string().min(1).optional(),
  /** The userinfo claim holding the assurance level (nl-rdo-max: `loa_authn`). */
  DIGID_LOA_CLAIM: z.string().min(1).default('loa_authn'),
  /** RFC 6749 §4.1.2 advises at most ten minutes. */
  AUTHORIZATION_CODE_TTL_SECONDS: z.coerce.number().int().min(30).max(600).default(600),
};

export interface MedmijAuthorizeSettings {
  scope: string;
  providerName: string;
  digidIssuer: string;
  digidClientId: string;
  /** Undefined outside production: development keys are made and kept in DATA_DIR. */
  digidClientKeysFile: string | undefined;
  loaClaim: string;
  codeTtlSeconds: number;
}

function medmijAuthorizeSettings(
  e: Environment,
  production: boolean,
  publicBaseUrl: string,
): MedmijAuthorizeSettings {
  const requiredInProduction = [
    'DIGID_BROKER_ISSUER',
    'DIGID_CLIENT_ID',
    'DIGID_CLIENT_KEYS_FILE',
  ] as const;
  for (const name of requiredInProduction) {
    if (production && !e[name]) throw new ConfigError(`${name}: required in production`);
  }
  if (production && e.DIGID_BROKER_ISSUER && !/^https:/i.test(e.DIGID_BROKER_ISSUER)) {
    throw new ConfigError('DIGID_BROKER_ISSUER: must be https in production');
  }
  return {
    scope: e.MEDMIJ_SCOPE,
    providerName: e.PROVIDER_DISPLAY_NAME,
    digidIssuer: (e.DIGID_BROKER_ISSUER ?? `${publicBaseUrl}/dev/digid`).replace(/\/+$/, ''),
    digidClientId: e.DIGID_CLIENT_ID ?? 'entpoort-dev',
    digidClientKeysFile: e.DIGID_CLIENT_KEYS_FILE,
    loaClaim: e.DIGID_LOA_CLAIM,
    codeTtlSeconds: e.AUTHORIZATION_CODE_TTL_SECONDS,
  };
}
// --- end of MedMij front channel

// --- FHIR face: where the two bases are mounted (src/fhir/plugin.ts). Each base is a
// Systeemrol's ResourceEndpointuri in the ZAL and must end in `/fhir`: MGO appends `/fhir` to
// that URI unless it already ends with it (medmij-dva.md §12.1, §17). The 2.0 base serves
// Vaccinatie-Immunisatie 2.0, the other the same data in the 1.0 profiles that MGO renders.
const basePath = z
  .string()
  .regex(/^(\/[A-Za-z0-9._~-]+)*\/fhir$/, 'must be an absolute path ending in /fhir');
const fhirVariables = {
  FHIR_BASE_PATH: basePath.default('/fhir'),
  FHIR_1_0_BASE_PATH: basePath.default('/vaccinatie-immunisatie-1.0/fhir'),
};

export interface FhirSettings {
  /** Vaccinatie-Immunisatie 2.0: path on this server and the URL clients use. */
  base2: { path: string; publicUrl: string };
  /** Vaccinatie-Immunisatie 1.0. */
  base1: { path: string; publicUrl: string };
}

function fhirSettings(e: Environment, publicBaseUrl: string): FhirSettings {
  const [a, b] = [e.FHIR_BASE_PATH, e.FHIR_1_0_BASE_PATH];
  // Nested bases would share routes (`/fhir/:type` would swallow `/fhir/x/fhir`).
  if (a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)) {
    throw new ConfigError('FHIR_BASE_PATH, FHIR_1_0_BASE_PATH: must differ and not nest');
  }
  return {
    base2: { path: a, publicUrl: `${publicBaseUrl}${a}` },
    base1: { path: b, publicUrl: `${publicBaseUrl}${b}` },
  };
}
// --- end of FHIR face

const environment = z.object({
  ENTPOORT_ENV: z.enum(['production', 'development', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLIC_BASE_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO_DATA: flag.optional(),
  STAFF_OIDC_ISSUER: optionalUrl,
  STAFF_OIDC_AUDIENCE: z.string().min(1).default('entpoort'),
  STAFF_ROLES_CLAIM: z.string().min(1).default('roles'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(8),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
  GRAPHQL_INTROSPECTION: flag.optional(),
  AUDIT_CHAINS: z.coerce.number().int().min(1).max(64).default(8),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  ...medmijListVariables,
  ...medmijTlsVariables,
  ...medmijAuthorizeVariables,
  ...fhirVariables,
});

export type Environment = z.infer<typeof environment>;

export interface Config extends Environment {
  production: boolean;
  /** The URL at which clients reach this server, without a trailing slash. */
  publicBaseUrl: string;
  /** Whether the in-process development identity provider is mounted. */
  devIdp: boolean;
  /** Whether an empty embedded database is filled with demo citizens. */
  seedDemoData: boolean;
  introspection: boolean;
  staffIssuer: string;
  medmijLists: MedmijListSettings;
  medmijTls: MedmijTlsSettings;
  medmijAuthorize: MedmijAuthorizeSettings;
  fhir: FhirSettings;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.ENTPOORT_ENV === 'production';
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://${hostForUrl(e.HOST)}:${e.PORT}`).replace(
    /\/+$/,
    '',
  );
  if (production && !e.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL: required in production (the embedded database is not)');
  }
  if (production && !e.STAFF_OIDC_ISSUER) {
    throw new ConfigError('STAFF_OIDC_ISSUER: required in production');
  }
  if (production && !e.PUBLIC_BASE_URL) {
    throw new ConfigError('PUBLIC_BASE_URL: required in production');
  }
  return {
    ...e,
    production,
    publicBaseUrl,
    devIdp: !production,
    seedDemoData: e.SEED_DEMO_DATA ?? (!production && !e.DATABASE_URL),
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    staffIssuer: e.STAFF_OIDC_ISSUER ?? `${publicBaseUrl}/dev/idp`,
    medmijLists: medmijListSettings(e, production),
    medmijTls: medmijTlsSettings(e),
    medmijAuthorize: medmijAuthorizeSettings(e, production, publicBaseUrl),
    fhir: fhirSettings(e, publicBaseUrl),
  };
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
