// Revokes a grant at once, by the citizen (/oauth/consents) or by staff (GraphQL revokeGrant):
// the grant and every access and refresh token issued under it, with the audit entry, in one
// transaction. Revoking a revoked grant changes nothing and writes no second entry.
import { randomInt } from 'node:crypto';
import { appendIn } from '../../audit/auditTrail.ts';
import type { PrismaClient } from '../../store/generated/client.ts';
import type { Actor } from '../actor.ts';
import { endGrant } from './endGrant.ts';

export interface Revocation {
  /** Only revoke a grant of this citizen (the citizen's own page). */
  citizenId?: string;
  /** Why, for the audit trail (staff give one; the citizen's page says `citizen`). */
  reason: string;
  requestId?: string | undefined;
  correlationId?: string | undefined;
  auditChains?: number;
  now?: Date;
}

export interface RevokedGrant {
  id: string;
  citizenId: string;
  revokedAt: Date;
  /** False when the grant was revoked before. */
  changed: boolean;
}

/** Undefined when no grant has this id (or, with `citizenId`, none of that citizen). */
export async function revokeGrant(
  prisma: PrismaClient,
  grantId: string,
  actor: Pick<Actor, 'kind' | 'id'>,
  revocation: Revocation,
): Promise<RevokedGrant | undefined> {
  const now = revocation.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const grant = await tx.grant.findUnique({
      where: { id: grantId },
      select: {
        id: true,
        citizenId: true,
        revokedAt: true,
        client: { select: { hostname: true } },
      },
    });
    if (!grant) return undefined;
    if (revocation.citizenId !== undefined && grant.citizenId !== revocation.citizenId) {
      return undefined;
    }
    if (grant.revokedAt) {
      return {
        id: grant.id,
        citizenId: grant.citizenId,
        revokedAt: grant.revokedAt,
        changed: false,
      };
    }

    const revoked = await endGrant(tx, grant.id, now);
    // A concurrent revocation got there first: it writes the entry.
    if (!revoked.grant) {
      return { id: grant.id, citizenId: grant.citizenId, revokedAt: now, changed: false };
    }
    await appendIn(
      tx,
      {
        actor,
        citizenId: grant.citizenId,
        action: 'medmij.grant.revoked',
        disclosed: {
          Grant: grant.id,
          client: grant.client.hostname,
          reason: revocation.reason,
          accessTokens: revoked.accessTokens,
          refreshTokens: revoked.refreshTokens,
        },
        outcome: 'SUCCESS',
        requestId: revocation.requestId,
        correlationId: revocation.correlationId,
      },
      randomInt(revocation.auditChains ?? 1),
    );
    return { id: grant.id, citizenId: grant.citizenId, revokedAt: now, changed: true };
  });
}
