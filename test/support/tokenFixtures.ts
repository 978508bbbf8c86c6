// Rows the token endpoint works on, made directly with Prisma as the front channel would
// leave them after consent: a citizen, PGO clients, a Grant and an AuthorizationCode (stored
// as SHA-256 only). Also a fixed client directory (OCL + Whitelist) for the endpoint's deps.
import { randomInt } from 'node:crypto';
import { hashOpaqueToken, newOpaqueToken } from '../../src/auth/opaqueTokens.ts';
import type { OAuthClient } from '../../src/medmij/lists/oauthClientList.ts';
import type { ClientDirectory } from '../../src/medmij/token/clientDirectory.ts';
import type { PrismaClient } from '../../src/store/generated/client.ts';

export const PGO = 'medmij.pgo.example';
export const OTHER_PGO = 'other.pgo.example';
export const REDIRECT_URI = `https://${PGO}/auth/callback`;

export function fakeDirectory(clients: OAuthClient[], whitelist: string[]): ClientDirectory {
  const byHostname = new Map(clients.map((client) => [client.hostname, client]));
  const listed = new Set(whitelist.map((name) => name.toLowerCase()));
  return {
    oauthClient: (hostname) => byHostname.get(hostname),
    isWhitelisted: (hostname) => listed.has(hostname.toLowerCase()),
  };
}

export async function createClients(prisma: PrismaClient, hostnames: string[]) {
  const ids: Record<string, string> = {};
  for (const hostname of hostnames) {
    const row = await prisma.pgoClient.upsert({
      where: { hostname },
      create: { hostname, organisationName: `PGO ${hostname}` },
      update: {},
    });
    ids[hostname] = row.id;
  }
  return ids;
}

export async function createCitizen(prisma: PrismaClient, birthDate = new Date('1990-05-17')) {
  const bsn = String(randomInt(100_000_000, 999_999_999));
  const row = await prisma.citizen.create({
    data: { bsn, birthDate, familyName: 'Test' },
    select: { id: true },
  });
  return row.id;
}

export interface CodeOptions {
  clientId: string;
  citizenId: string;
  longTerm?: boolean;
  redirectUri?: string;
  scope?: string;
  /** Milliseconds from now; default 10 minutes. */
  codeLifetime?: number;
}

/** A fresh grant with one unused code; returns the code as the PGO would receive it. */
export async function createGrantWithCode(prisma: PrismaClient, options: CodeOptions) {
  const now = Date.now();
  const grant = await prisma.grant.create({
    data: {
      citizenId: options.citizenId,
      clientId: options.clientId,
      scope: options.scope ?? 'rivm',
      longTerm: options.longTerm ?? false,
      expiresAt: new Date(now + (options.longTerm ? 180 : 1) * 86400_000),
    },
    select: { id: true },
  });
  const code = newOpaqueToken();
  await prisma.authorizationCode.create({
    data: {
      codeHash: hashOpaqueToken(code),
      grantId: grant.id,
      redirectUri: options.redirectUri ?? REDIRECT_URI,
      scope: options.scope ?? 'rivm',
      expiresAt: new Date(now + (options.codeLifetime ?? 600_000)),
    },
  });
  return { code, grantId: grant.id };
}
