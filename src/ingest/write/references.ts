// Writes the reference rows a batch names (products, organisations, professionals, roles,
// locations), each distinct by natural key with the last row winning, and returns their ids by
// key. Rows the run already wrote with the same content are taken from the run's cache.
import { organizationKey, professionalKey } from '../keys.ts';
import { lastByKey, type BatchContext } from './batchContext.ts';
import { upsertIdentified } from './identified.ts';
import type { KeyedRecord } from './keyed.ts';
import { upsertProducts } from './products.ts';
import {
  organizations,
  professionals,
  upsertLocations,
  upsertRoles,
  type LocationItem,
  type RoleItem,
} from './providers.ts';
import type { ReferenceCache } from './referenceCache.ts';

export interface ReferenceIds {
  products: Map<string, string>;
  organizations: Map<string, string>;
  roles: Map<string, string>;
  locations: Map<string, string>;
}

export async function writeReferences(
  ctx: BatchContext,
  cache: ReferenceCache,
  batch: KeyedRecord[],
): Promise<ReferenceIds> {
  const records = batch.map((k) => k.record);
  const through = async <T>(
    kind: string,
    items: Map<string, T>,
    write: (items: Map<string, T>) => Promise<Map<string, string>>,
  ) => {
    const { known, unknown } = cache.split(kind, items);
    if (unknown.size === 0) return known;
    const written = await write(unknown);
    cache.note(kind, unknown, written);
    return new Map([...known, ...written]);
  };

  const products = await through(
    'product',
    new Map(batch.map((k) => [k.keys.product, k.record.product])),
    (items) => upsertProducts(ctx, items),
  );
  const orgs = lastByKey(
    records.flatMap((r) => [r.organization, r.location?.managingOrganization]).filter(isSome),
    organizationKey,
  );
  const organizationIds = await through('organization', orgs, (items) =>
    upsertIdentified(ctx, organizations, items),
  );
  const withProfessional = records.filter((r) => r.professional);
  const people = lastByKey(
    withProfessional.map((r) => r.professional!),
    professionalKey,
  );
  const professionalIds = await through('professional', people, (items) =>
    upsertIdentified(ctx, professionals, items),
  );

  const roles = new Map<string, RoleItem>();
  for (const { record: r, keys } of batch) {
    if (!r.professional || !keys.role) continue;
    roles.set(keys.role, {
      professionalId: professionalIds.get(professionalKey(r.professional!))!,
      organizationId: r.organization ? organizationIds.get(organizationKey(r.organization))! : null,
      specialty: r.professional!.specialty,
    });
  }
  const locations = new Map<string, LocationItem>();
  for (const { record: r, keys } of batch) {
    if (!r.location || !keys.location) continue;
    const key = keys.location;
    const first = locations.get(key)?.organizationId;
    // FHIR names the managing organisation itself (null: none); other formats do not.
    const { managingOrganization } = r.location;
    const managing = managingOrganization === undefined ? r.organization : managingOrganization;
    const organizationId = managing ? organizationIds.get(organizationKey(managing)) : null;
    locations.set(key, {
      name: r.location.name,
      address: r.location.address && [r.location.address],
      organizationId: first ?? organizationId ?? null,
    });
  }
  return {
    products,
    organizations: organizationIds,
    roles: await through('role', roles, (items) => upsertRoles(ctx, items)),
    locations: await through('location', locations, (items) => upsertLocations(ctx, items)),
  };
}

const isSome = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;
