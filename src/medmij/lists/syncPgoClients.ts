// Keeps the `pgo_client` table in step with the OCL: every listed client exists and is active
// with the organisation name the list gives; a client that left the list is marked inactive
// (never deleted: grants and tokens refer to it, and the audit trail names it).
import type { PrismaClient } from '../../store/generated/client.ts';
import type { OAuthClient } from './oauthClientList.ts';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface PgoClientChanges {
  created: number;
  updated: number;
  deactivated: number;
}

export async function syncPgoClients(
  tx: Transaction,
  clients: readonly OAuthClient[],
): Promise<PgoClientChanges> {
  const existing = new Map(
    (
      await tx.pgoClient.findMany({
        select: { hostname: true, organisationName: true, active: true },
      })
    ).map((row) => [row.hostname, row]),
  );
  const changes: PgoClientChanges = { created: 0, updated: 0, deactivated: 0 };

  for (const client of clients) {
    const row = existing.get(client.hostname);
    if (!row) {
      await tx.pgoClient.create({
        data: { hostname: client.hostname, organisationName: client.organisationName },
      });
      changes.created++;
    } else if (!row.active || row.organisationName !== client.organisationName) {
      await tx.pgoClient.update({
        where: { hostname: client.hostname },
        data: { organisationName: client.organisationName, active: true },
      });
      changes.updated++;
    }
  }

  const listed = new Set(clients.map((c) => c.hostname));
  const gone = [...existing.values()].filter((row) => row.active && !listed.has(row.hostname));
  if (gone.length > 0) {
    const { count } = await tx.pgoClient.updateMany({
      where: { hostname: { in: gone.map((row) => row.hostname) }, active: true },
      data: { active: false },
    });
    changes.deactivated = count;
  }
  return changes;
}
