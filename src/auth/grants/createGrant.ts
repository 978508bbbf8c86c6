// Consent given: the Grant and its AuthorizationCode, created together with the audit entry in
// the caller's transaction (medmij-dva.md §5, §6). The token endpoint relies on what is
// written here:
// - Grant: citizen, PgoClient row, scope (our provider name), longTerm, the authorization's
//   X-Correlation-ID, and expiresAt: six months (REFRESH_TOKEN_MONTHS) under long-term
//   consent; under one-time consent just long enough to redeem the code and use the token.
// - AuthorizationCode: 256 random bits, stored as SHA-256 only (auth/opaqueTokens.ts), bound to
//   the grant (so to client, citizen and consent), redirect_uri as received and scope; single
//   use (`usedAt`), alive AUTHORIZATION_CODE_TTL_SECONDS (at most ten minutes).
import { randomInt } from 'node:crypto';
import { appendIn } from '../../audit/auditTrail.ts';
import { hashOpaqueToken, newOpaqueToken } from '../opaqueTokens.ts';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../pgoTokens.ts';
import type { Prisma } from '../../store/generated/client.ts';
import { addMonths } from './months.ts';

export interface NewGrant {
  citizenId: string;
  /** The OCL entry of the client the citizen consented to. */
  /** The PGO as the OCL lists it. */
  client: { hostname: string; organisationName: string };
  scope: string;
  redirectUri: string;
  longTerm: boolean;
  requestId: string;
  correlationId: string;
}

export interface GrantSettings {
  codeTtlSeconds: number;
  /** Lifetime of long-term consent (MedMij: six months, renewed by every refresh). */
  longTermMonths: number;
  auditChains: number;
}

export interface CreatedGrant {
  grantId: string;
  codeId: string;
  /** The code for the redirect; it exists nowhere else. */
  code: string;
  expiresAt: Date;
}

/** The PgoClient row of an OCL client; the list sync normally made it already. */
async function pgoClientId(tx: Prisma.TransactionClient, client: NewGrant['client']) {
  const row = await tx.pgoClient.findUnique({
    where: { hostname: client.hostname },
    select: { id: true },
  });
  if (row) return row.id;
  // The OCL in memory is the authority; a row missing (sync pending) is made from it.
  const created = await tx.pgoClient.create({
    data: { hostname: client.hostname, organisationName: client.organisationName },
    select: { id: true },
  });
  return created.id;
}

export async function createGrantWithCode(
  tx: Prisma.TransactionClient,
  input: NewGrant,
  settings: GrantSettings,
  now: Date,
): Promise<CreatedGrant> {
  const clientId = await pgoClientId(tx, input.client);
  const codeExpiresAt = new Date(now.getTime() + settings.codeTtlSeconds * 1000);
  const expiresAt = input.longTerm
    ? addMonths(now, settings.longTermMonths)
    : new Date(codeExpiresAt.getTime() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000);
  const grant = await tx.grant.create({
    data: {
      citizenId: input.citizenId,
      clientId,
      scope: input.scope,
      longTerm: input.longTerm,
      correlationId: input.correlationId,
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  });

  const code = newOpaqueToken();
  const row = await tx.authorizationCode.create({
    data: {
      codeHash: hashOpaqueToken(code),
      grantId: grant.id,
      redirectUri: input.redirectUri,
      scope: input.scope,
      createdAt: now,
      expiresAt: codeExpiresAt,
    },
    select: { id: true },
  });

  await appendIn(
    tx,
    {
      actor: { kind: 'CITIZEN', id: input.citizenId },
      citizenId: input.citizenId,
      action: 'medmij.consent.given',
      disclosed: {
        Grant: grant.id,
        AuthorizationCode: row.id,
        client: input.client.hostname,
        scope: input.scope,
        longTerm: input.longTerm,
        expiresAt: expiresAt.toISOString(),
      },
      outcome: 'SUCCESS',
      requestId: input.requestId,
      correlationId: input.correlationId,
    },
    randomInt(settings.auditChains),
  );
  return { grantId: grant.id, codeId: row.id, code, expiresAt };
}
