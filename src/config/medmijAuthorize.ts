// MedMij front channel: the authorization endpoint, consent and the citizen's DigiD login
// through an OpenID Connect broker (nl-rdo-max; see src/medmij/authorize/, login/, consent/).
// Outside production the broker defaults to the in-process development broker (/dev/digid).
import { z } from 'zod';
import type { Environment } from './config.ts';
import { ConfigError, optionalUrl } from './primitives.ts';

export const medmijAuthorizeVariables = {
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

export function medmijAuthorizeSettings(
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
