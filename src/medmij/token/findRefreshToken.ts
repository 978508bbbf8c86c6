// Looks a refresh token up by its SHA-256, with its grant, client and the citizen's birth date
// (the age rule is checked again at every refresh).
import { hashOpaqueToken } from '../../auth/opaqueTokens.ts';
import type { Store } from './tokenContext.ts';

export async function findRefreshToken(prisma: Store, token: string) {
  return prisma.refreshToken.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      grant: {
        select: {
          id: true,
          citizenId: true,
          clientId: true,
          scope: true,
          longTerm: true,
          expiresAt: true,
          revokedAt: true,
          client: { select: { hostname: true, active: true } },
          citizen: { select: { birthDate: true } },
        },
      },
    },
  });
}

export type StoredRefreshToken = NonNullable<Awaited<ReturnType<typeof findRefreshToken>>>;
