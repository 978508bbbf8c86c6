// Per-request DataLoaders: every lookup by id, and every citizen's vaccination list, is batched
// into one SQL statement per type and tick, so a nested query costs a bounded number of
// statements however many vaccinations it walks, and a federation `_entities` call with many
// representations costs one statement per entity type.
import DataLoader from 'dataloader';
import type {
  Citizen,
  Location,
  Organization,
  PrismaClient,
  Professional,
  ProfessionalRole,
  Vaccination,
  VaccineProduct,
} from '../store/generated/client.ts';
import type { VaccinationFilter } from './generated/resolvers.ts';
import { isUuid } from './ids.ts';
import type { SharedRows, SharedRowTypes } from './sharedRows.ts';
import type { RawReader } from '../store/rawReader.ts';
import { readVaccinations } from './vaccinationRead.ts';

export interface VaccinationsKey {
  citizenId: string;
  filter: VaccinationFilter | null | undefined;
}

export interface Loaders {
  citizen: DataLoader<string, Citizen | null>;
  vaccination: DataLoader<string, Vaccination | null>;
  /** A citizen's vaccinations matching a filter, oldest first. */
  vaccinationsOf: DataLoader<VaccinationsKey, Vaccination[], string>;
  product: DataLoader<string, VaccineProduct | null>;
  organization: DataLoader<string, Organization | null>;
  professionalRole: DataLoader<string, ProfessionalRole | null>;
  professional: DataLoader<string, Professional | null>;
  location: DataLoader<string, Location | null>;
}

function byId<Row extends { id: string }>(
  find: (ids: string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader(async (keys) => {
    // Ids are UUID columns: a malformed id finds nothing, rather than failing the statement.
    const ids = [...new Set(keys.filter(isUuid))];
    const rows = ids.length > 0 ? await find(ids) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

function filterKey(filter: VaccinationFilter | null | undefined): string {
  if (!filter) return '{}';
  return JSON.stringify([
    filter.source ?? null,
    filter.occurredFrom?.toISOString() ?? null,
    filter.occurredBefore?.toISOString() ?? null,
    filter.status ? [...filter.status].sort() : null,
  ]);
}

type ByIdLoaders = Omit<Loaders, 'vaccinationsOf'>;

function vaccinationsOf(reader: RawReader, loaders: ByIdLoaders, shared: SharedRows) {
  return new DataLoader<VaccinationsKey, Vaccination[], string>(
    async (keys) => {
      // One statement per distinct filter; a request rarely has more than one.
      const groups = new Map<string, { filter: VaccinationsKey['filter']; ids: Set<string> }>();
      for (const { citizenId, filter } of keys) {
        const group = groups.get(filterKey(filter)) ?? { filter, ids: new Set<string>() };
        if (isUuid(citizenId)) group.ids.add(citizenId);
        groups.set(filterKey(filter), group);
      }
      const found = new Map<string, Vaccination[]>();
      const missing: Promise<void>[] = [];
      const now = Date.now();
      for (const [key, { filter, ids }] of groups) {
        if (ids.size === 0) continue;
        for (const { row, references } of await readVaccinations(reader, [...ids], filter)) {
          loaders.vaccination.prime(row.id, row);
          // What they refer to fills the loaders: from the shared rows when unchanged, else
          // read by the loaders (batched per type) and kept for the next request.
          for (const { type, id, version } of references) {
            const loader = loaders[type] as DataLoader<string, SharedRowTypes[typeof type] | null>;
            const known = version === null ? undefined : shared.get(type, id, version, now);
            if (known) loader.prime(id, known);
            else {
              missing.push(
                loader.load(id).then((loaded) => {
                  if (loaded && version !== null) shared.set(type, id, version, loaded, now);
                }),
              );
            }
          }
          const listKey = `${row.citizenId}|${key}`;
          const list = found.get(listKey);
          if (list) list.push(row);
          else found.set(listKey, [row]);
        }
      }
      await Promise.all(missing);
      return keys.map((k) => found.get(`${k.citizenId}|${filterKey(k.filter)}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.citizenId}|${filterKey(k.filter)}` },
  );
}

/**
 * `reader`: the driver adapter beneath `prisma`, for the vaccinations read (vaccinationRead.ts);
 * `shared`: the process's rows shared between requests (sharedRows.ts).
 */
export function createLoaders(
  prisma: PrismaClient,
  reader: RawReader,
  shared: SharedRows,
): Loaders {
  const byIdLoaders: ByIdLoaders = {
    citizen: byId((ids) => prisma.citizen.findMany({ where: { id: { in: ids } } })),
    vaccination: byId((ids) => prisma.vaccination.findMany({ where: { id: { in: ids } } })),
    product: byId((ids) => prisma.vaccineProduct.findMany({ where: { id: { in: ids } } })),
    organization: byId((ids) => prisma.organization.findMany({ where: { id: { in: ids } } })),
    professionalRole: byId((ids) =>
      prisma.professionalRole.findMany({ where: { id: { in: ids } } }),
    ),
    professional: byId((ids) => prisma.professional.findMany({ where: { id: { in: ids } } })),
    location: byId((ids) => prisma.location.findMany({ where: { id: { in: ids } } })),
  };
  return { ...byIdLoaders, vaccinationsOf: vaccinationsOf(reader, byIdLoaders, shared) };
}
