// `entpoort staff-token --role <viewer|registrar|auditor>`: asks the running server's
// development identity provider for a staff access token (client credentials grant, as the
// demo staff client of that role) and prints only the token, for `curl -H "Authorization:
// Bearer $(npx entpoort staff-token --role viewer)"`.
import { parseArgs } from 'node:util';
import * as oidc from 'openid-client';
import { staffRoles, type StaffRole } from '../../auth/actor.ts';
import {
  DEV_STAFF_CLIENT_SECRET,
  devIdpIssuer,
  devStaffClientId,
} from '../../dev/idp/staffClients.ts';
import { UsageError } from '../usageError.ts';
import type { Command } from './index.ts';

export const staffTokenCommand: Command = {
  summary: `get a staff access token from the dev IdP: --role <${staffRoles.join('|')}>`,
  devOnly: true,
  async run(args, config) {
    const role = parseRole(args);
    const issuer = devIdpIssuer(config);
    const clientId = devStaffClientId(role);

    let server: oidc.Configuration;
    try {
      server = await oidc.discovery(
        new URL(issuer),
        clientId,
        undefined,
        oidc.ClientSecretBasic(DEV_STAFF_CLIENT_SECRET),
        { execute: issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      );
    } catch (error) {
      throw new Error(
        `cannot reach the development identity provider at ${issuer} ` +
          `(is \`entpoort serve\` running with the same PUBLIC_BASE_URL?): ${describe(error)}`,
        { cause: error },
      );
    }
    const tokens = await oidc.clientCredentialsGrant(server);
    console.error(`staff token for ${clientId} (role ${role}), valid ${tokens.expires_in}s`);
    console.log(tokens.access_token);
    return 0;
  },
};

function parseRole(args: string[]): StaffRole {
  let role: string | undefined;
  try {
    ({
      values: { role },
    } = parseArgs({ args, options: { role: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const known = staffRoles.join(', ');
  if (role === undefined) throw new UsageError(`--role is required: one of ${known}`);
  if (!isStaffRole(role)) throw new UsageError(`--role: unknown role "${role}"; use ${known}`);
  return role;
}

function isStaffRole(name: string): name is StaffRole {
  return (staffRoles as readonly string[]).includes(name);
}

/** The root cause of a failed fetch (e.g. ECONNREFUSED), not just "fetch failed". */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
