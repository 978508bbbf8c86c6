// PGO access tokens: opaque, stored only as a hash, valid 15 minutes, and bound to exactly one
// citizen, one PGO client and one scope (architecture decision 2). Verification turns a token
// into the PgoActor that every later check uses; the FHIR face never chooses the patient.
//
// Lookup is by the hash, so a timing difference reveals nothing about the token itself.
import type { ArgType } from '@prisma/driver-adapter-utils';
import type { Citizen, Prisma, PrismaClient } from '../store/generated/client.ts';
import type { RawReader } from '../store/rawReader.ts';
import type { PgoActor } from './actor.ts';
import { hashOpaqueToken, looksLikeOpaqueToken, newOpaqueToken } from './opaqueTokens.ts';

/** 900 seconds: what MedMij practice expects of a one-time consent's access token. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 900;

/** Works on the client and inside a transaction alike. */
type Store = PrismaClient | Prisma.TransactionClient;

export interface IssueAccessTokenInput {
  citizenId: string;
  /** PgoClient.id (not the hostname). */
  clientId: string;
  scope: string;
  grantId?: string | null;
  now?: Date;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
  id: string;
}

export const invalidTokenReasons = ['unknown', 'expired', 'revoked'] as const;
export type InvalidTokenReason = (typeof invalidTokenReasons)[number];

/** A presented token that grants nothing. Maps to OAuth `invalid_token` (RFC 6750) at the edge. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  readonly code = 'invalid_token';
  readonly reason: InvalidTokenReason;
  constructor(reason: InvalidTokenReason) {
    super(`access token ${reason}`);
    this.reason = reason;
  }
}

export async function issueAccessToken(
  prisma: Store,
  input: IssueAccessTokenInput,
): Promise<IssuedAccessToken> {
  const now = input.now ?? new Date();
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000);
  const row = await prisma.accessToken.create({
    data: {
      tokenHash: hashOpaqueToken(token),
      citizenId: input.citizenId,
      clientId: input.clientId,
      grantId: input.grantId ?? null,
      scope: input.scope,
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  return { token, expiresAt, id: row.id };
}

/** The token's columns; the rest of the row is its citizen's, named as Prisma names them. */
interface TokenRow extends Citizen {
  'token.id': string;
  'token.citizenId': string;
  'token.scope': string;
  'token.expiresAt': Date;
  'token.revokedAt': Date | null;
  'token.grantRevokedAt': Date | null;
  'token.hostname': string;
  'token.active': boolean;
}

export interface VerifiedToken {
  actor: PgoActor;
  /**
   * The token's citizen as stored, read in the same statement because every FHIR request
   * needs it next (the GraphQL core takes it instead of reading it again); null if gone.
   */
  citizen: Citizen | null;
}

/**
 * The actor a bearer token stands for, or InvalidTokenError. A token dies with its grant and
 * with its client's listing: a PGO taken off the OCL (inactive) counts as revoked.
 */
export async function verifyAccessToken(
  reader: RawReader,
  token: string,
  now: Date = new Date(),
): Promise<PgoActor> {
  return (await verifyAccessTokenWithCitizen(reader, token, now)).actor;
}

// One statement (token joined with its client, grant and citizen) rather than Prisma's one per
// relation, read beneath the client (src/store/rawReader.ts): this runs on every FHIR request.
// The citizen's columns carry Prisma's field names, so the row's rest is a Citizen as Prisma
// would read it (test/pgo-access-tokens). Exported for bench/raw-read.ts.
export const verifyStatement = `
  SELECT t.id AS "token.id", t.citizen_id AS "token.citizenId", t.scope AS "token.scope",
    t.expires_at AS "token.expiresAt", t.revoked_at AS "token.revokedAt",
    g.revoked_at AS "token.grantRevokedAt", c.hostname AS "token.hostname",
    c.active AS "token.active",
    z.id, z.bsn, z.birth_date AS "birthDate", z.gender::text AS gender,
    z.given_names AS "givenNames", z.initials, z.call_name AS "callName",
    z.family_name_prefix AS "familyNamePrefix", z.family_name AS "familyName",
    z.partner_name_prefix AS "partnerNamePrefix", z.partner_name AS "partnerName",
    z.name_usage::text AS "nameUsage", z.created_at AS "createdAt",
    z.updated_at AS "updatedAt"
  FROM access_token t
  JOIN pgo_client c ON c.id = t.client_id
  LEFT JOIN "grant" g ON g.id = t.grant_id
  LEFT JOIN citizen z ON z.id = t.citizen_id
  WHERE t.token_hash = $1`;
const hashArg: ArgType = { scalarType: 'string', arity: 'scalar' };

/** As verifyAccessToken, with the token's citizen. */
export async function verifyAccessTokenWithCitizen(
  reader: RawReader,
  token: string,
  now: Date = new Date(),
): Promise<VerifiedToken> {
  if (!looksLikeOpaqueToken(token)) throw new InvalidTokenError('unknown');
  const [row] = await reader.rows<TokenRow>(verifyStatement, [hashOpaqueToken(token)], [hashArg]);
  if (!row) throw new InvalidTokenError('unknown');
  if (row['token.revokedAt'] || row['token.grantRevokedAt'] || !row['token.active']) {
    throw new InvalidTokenError('revoked');
  }
  if (now.getTime() >= row['token.expiresAt'].getTime()) throw new InvalidTokenError('expired');
  const citizen: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!key.startsWith('token.')) citizen[key] = value;
  }
  return {
    actor: {
      kind: 'PGO',
      id: row['token.hostname'],
      citizenId: row['token.citizenId'],
      scope: row['token.scope'],
      tokenId: row['token.id'],
    },
    citizen: row.id ? (citizen as unknown as Citizen) : null,
  };
}

/** Revokes one token (RFC 7009 style: an unknown token is not an error). True if it was live. */
export async function revokeAccessToken(
  prisma: Store,
  token: string,
  now: Date = new Date(),
): Promise<boolean> {
  const { count } = await prisma.accessToken.updateMany({
    where: { tokenHash: hashOpaqueToken(token), revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

/** Revokes every token issued under a grant, e.g. when the citizen withdraws consent. */
export async function revokeTokensOfGrant(
  prisma: Store,
  grantId: string,
  now: Date = new Date(),
): Promise<number> {
  const { count } = await prisma.accessToken.updateMany({
    where: { grantId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
