// The last good copy of each list in the `medmij_list` table, shared by all replicas: a new
// replica or a restart starts from it, and a replica that fetched a newer list hands it to the
// others. A copy is only ever replaced by one with a higher Volgnummer, checked in the same
// statement that writes it, so two replicas storing at once cannot move the list backwards.
import type { MedmijList as MedmijListRow, PrismaClient } from '../../store/generated/client.ts';
import type { ListName } from './listNames.ts';

export type StoredList = MedmijListRow;
type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface ListToStore {
  name: ListName;
  volgnummer: number;
  tijdstempel: Date;
  xml: string;
  source: string;
}

export function loadStoredList(prisma: PrismaClient, name: ListName): Promise<StoredList | null> {
  return prisma.medmijList.findUnique({ where: { name } });
}

/** Stores `list` unless a copy with the same or a higher Volgnummer is there; true if stored. */
export async function storeIfNewer(
  tx: Transaction,
  list: ListToStore,
  now: Date,
): Promise<boolean> {
  const changed = await tx.$executeRaw`
    INSERT INTO medmij_list (name, volgnummer, tijdstempel, xml, source, fetched_at)
    VALUES (${list.name}, ${list.volgnummer}, ${list.tijdstempel}, ${list.xml}, ${list.source},
            ${now})
    ON CONFLICT (name) DO UPDATE SET
      volgnummer = EXCLUDED.volgnummer, tijdstempel = EXCLUDED.tijdstempel, xml = EXCLUDED.xml,
      source = EXCLUDED.source, fetched_at = EXCLUDED.fetched_at
    WHERE medmij_list.volgnummer < EXCLUDED.volgnummer`;
  return changed > 0;
}

/** Records that the stored version was found current at its source again (for its age). */
export async function confirmStored(
  prisma: PrismaClient,
  name: ListName,
  volgnummer: number,
  now: Date,
): Promise<void> {
  await prisma.medmijList.updateMany({
    where: { name, volgnummer, fetchedAt: { lt: now } },
    data: { fetchedAt: now },
  });
}
