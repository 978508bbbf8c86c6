// Looks an authorization code up by its SHA-256 (the code itself is never stored), with the
// grant and client it is bound to.
import { hashOpaqueToken } from '../../auth/opaqueTokens.ts';
import type { Store } from './tokenContext.ts';

export async function findCode(prisma: Store, code: string) {
  return prisma.authorizationCode.findUnique({
    where: { codeHash: hashOpaqueToken(code) },
    select: {
      id: true,
      redirectUri: true,
      scope: true,
      expiresAt: true,
      usedAt: true,
      grant: {
        select: {
          id: true,
          citizenId: true,
          clientId: true,
          longTerm: true,
          expiresAt: true,
          revokedAt: true,
          client: { select: { hostname: true, active: true } },
        },
      },
    },
  });
}

export type StoredCode = NonNullable<Awaited<ReturnType<typeof findCode>>>;
