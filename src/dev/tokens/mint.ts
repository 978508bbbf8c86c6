// Development PGO access tokens: a token for a citizen, as a PGO would hold after the OAuth
// flow, without the flow. Used by `entpoort dev-token` directly on the database, and by the
// running server's /dev/pgo-tokens for the same command when the server holds the embedded
// database. Never in production (both callers refuse there).
import { issueAccessToken } from '../../auth/pgoTokens.ts';
import { isValidBsn } from '../../rules/bsn.ts';
import type { PrismaClient } from '../../store/generated/client.ts';

const DEV_PGO_HOSTNAME = 'medmij.pgo.example';
const DEV_PGO_NAME = 'Voorbeeld PGO';
/** Our MedMij scope: the provider's MedMij name without `@medmij`. */
const DEV_PGO_SCOPE = 'rivm';

const hostname =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

export interface DevTokenRequest {
  bsn: string;
  /** The PGO's hostname, lower case. */
  client: string;
}

export interface DevToken {
  token: string;
  expiresAt: Date;
  client: string;
  scope: string;
}

/** The request, or what is wrong with it (a message that never repeats the BSN). */
export function devTokenRequest(bsn: unknown, client: unknown): DevTokenRequest | string {
  if (typeof bsn !== 'string' || bsn === '') return '--bsn <bsn> is required';
  if (!isValidBsn(bsn)) return '--bsn: not a valid BSN (nine digits, 11-test)';
  if (client !== undefined && typeof client !== 'string') return '--client: not a hostname';
  const host = (client ?? DEV_PGO_HOSTNAME).toLowerCase();
  if (!hostname.test(host)) return '--client: not a hostname';
  return { bsn, client: host };
}

/** A token for the citizen with that BSN, or undefined when there is none. */
export async function mintDevToken(
  prisma: PrismaClient,
  request: DevTokenRequest,
): Promise<DevToken | undefined> {
  const citizen = await prisma.citizen.findUnique({
    where: { bsn: request.bsn },
    select: { id: true },
  });
  if (!citizen) return undefined;
  const pgo = await prisma.pgoClient.upsert({
    where: { hostname: request.client },
    create: { hostname: request.client, organisationName: DEV_PGO_NAME },
    update: {},
  });
  const issued = await issueAccessToken(prisma, {
    citizenId: citizen.id,
    clientId: pgo.id,
    scope: DEV_PGO_SCOPE,
  });
  return {
    token: issued.token,
    expiresAt: issued.expiresAt,
    client: request.client,
    scope: DEV_PGO_SCOPE,
  };
}
