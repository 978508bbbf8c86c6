// Configuration from the environment, validated once at start. A bad value stops the process
// with a message naming the variable, never with a stack trace from deep inside a library.
import { z } from 'zod';
import { fhirSettings, fhirVariables, type FhirSettings } from './fhir.ts';
import {
  medmijAuthorizeSettings,
  medmijAuthorizeVariables,
  type MedmijAuthorizeSettings,
} from './medmijAuthorize.ts';
import { medmijListSettings, medmijListVariables, type MedmijListSettings } from './medmijLists.ts';
import { medmijTlsSettings, medmijTlsVariables, type MedmijTlsSettings } from './medmijTls.ts';
import { ConfigError, flag, optionalUrl } from './primitives.ts';

export { ConfigError };
export type { FhirSettings, MedmijAuthorizeSettings, MedmijListSettings, MedmijTlsSettings };

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
