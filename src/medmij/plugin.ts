// The MedMij face of Entpoort, as one Fastify plugin: the authorization endpoint and the
// citizen's pages (front channel), the development DigiD broker outside production, and the
// token endpoint (back channel, src/medmij/token/). Routes sit in an encapsulated scope with
// their own cookie and form parsers, so nothing here changes how other faces parse requests.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Services } from '../server/services.ts';
import { registerAuthorizeRoute } from './authorize/authorizeRoute.ts';
import type { FrontChannel } from './authorize/frontChannel.ts';
import { registerConsentRoutes } from './consent/consentRoutes.ts';
import { registerManageConsentsRoutes } from './consent/manageConsentsRoutes.ts';
import { registerCallbackRoute } from './login/callbackRoute.ts';
import { clientKeysFromJwks, readClientKeysFile, type ClientKeys } from './login/clientKeys.ts';
import { createDigidClient } from './login/digidClient.ts';
import { registerStartLogin } from './login/startLogin.ts';
import { clientCertificateResolver, type ClientCertificateOf } from './tls/clientCertificate.ts';
import type { ClientDirectory } from './token/clientDirectory.ts';
import { registerTokenRoutes } from './token/routes.ts';

export interface MedmijDependencies {
  /** OCL and Whitelist; by default the list cache (services.medmijLists). */
  clients?: ClientDirectory;
  /** The back channel's client certificate; by default as MEDMIJ TLS settings say. */
  clientCertificateOf?: ClientCertificateOf;
  /** Our keys towards the DigiD broker; by default from DIGID_CLIENT_KEYS_FILE. */
  digidClientKeys?: ClientKeys;
  now?: () => Date;
}

/** DIGID_CLIENT_KEYS_FILE, or (outside production only) development keys in DATA_DIR. */
async function clientKeysFor(config: Config): Promise<ClientKeys> {
  const file = config.medmijAuthorize.digidClientKeysFile;
  if (file) return readClientKeysFile(file);
  if (config.production) throw new Error('DIGID_CLIENT_KEYS_FILE: required in production');
  const { devClientJwks } = await import('../dev/digid/devKeys.ts');
  return clientKeysFromJwks(await devClientJwks(config.DATA_DIR));
}

export async function registerMedmij(
  app: FastifyInstance,
  services: Services,
  deps: MedmijDependencies = {},
): Promise<void> {
  const { config } = services;
  const clients = deps.clients ?? services.medmijLists;
  const settings = config.medmijAuthorize;
  const keys = deps.digidClientKeys ?? (await clientKeysFor(config));
  const digidRedirectUri = `${config.publicBaseUrl}/oauth/digid/callback`;

  if (config.devIdp) {
    // Loaded only here, so production never even imports the development broker.
    const { registerDevDigid } = await import('../dev/digid/plugin.ts');
    await registerDevDigid(app, services, {
      clientId: settings.digidClientId,
      redirectUri: digidRedirectUri,
      publicJwks: keys.publicJwks,
    });
  }

  const front: FrontChannel = {
    prisma: services.database.prisma,
    audit: services.audit,
    clients,
    digid: createDigidClient(
      {
        issuer: settings.digidIssuer,
        clientId: settings.digidClientId,
        redirectUri: digidRedirectUri,
        loaClaim: settings.loaClaim,
        allowHttp: !config.production,
      },
      keys,
    ),
    settings,
    sessions: { secure: config.publicBaseUrl.startsWith('https:') },
    grants: {
      codeTtlSeconds: settings.codeTtlSeconds,
      longTermMonths: config.REFRESH_TOKEN_MONTHS,
      auditChains: config.AUDIT_CHAINS,
    },
    publicBaseUrl: config.publicBaseUrl,
    digidRedirectUri,
    logger: services.logger,
    now: deps.now ?? (() => new Date()),
  };

  await app.register(async (scope) => {
    await scope.register(cookie);
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    registerAuthorizeRoute(scope, front);
    registerStartLogin(scope, front);
    registerCallbackRoute(scope, front);
    registerConsentRoutes(scope, front);
    registerManageConsentsRoutes(scope, front);
  });

  // ---- Token endpoint (back channel, src/medmij/token/) ------------------------------------
  await registerTokenRoutes(app, services, {
    clients,
    clientCertificateOf: deps.clientCertificateOf ?? clientCertificateResolver(config.medmijTls),
    ...(deps.now ? { now: deps.now } : {}),
  });
}
