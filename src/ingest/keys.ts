// Natural keys of the reference rows, so that every import (and the demo seed) finds the same
// row again. They follow the demo data's conventions (src/dev/demo/references.ts, products.ts):
// - product: the most specific code as `system|code`, else `text|<display>`;
// - professional: `uzi:<n>`, else `agb:<n>`, else `big:<n>`;
// - role: `<professional key>|ura:<n>|<specialty code>` (organisation part `agb:<n>` when it
//   has no URA, empty when there is none; specialty code empty when unknown);
// - location: `<registry>:<registry's key>`, lower-case registry (demo rows use `demo:`).
import { systems } from './codeSystems.ts';
import type {
  IncomingOrganization,
  IncomingProduct,
  IncomingProfessional,
  IncomingRecord,
  Registry,
} from './model.ts';

/** Most specific first: a ZI number names a package, a GPK only the generic substance. */
export function productKey(p: IncomingProduct): string {
  if (p.zi) return `${systems.zi}|${p.zi}`;
  if (p.hpk) return `${systems.hpk}|${p.hpk}`;
  if (p.prk) return `${systems.prk}|${p.prk}`;
  if (p.gpk) return `${systems.gpk}|${p.gpk}`;
  if (p.snomed) return `${systems.snomed}|${p.snomed.code}`;
  if (p.atc) return `${systems.atc}|${p.atc.code}`;
  return `text|${p.display}`;
}

export function professionalKey(p: Pick<IncomingProfessional, 'uzi' | 'agb' | 'big'>): string {
  if (p.uzi) return `uzi:${p.uzi}`;
  if (p.agb) return `agb:${p.agb}`;
  return `big:${p.big}`;
}

/** The organisation's own key: its URA, else its AGB code. */
export function organizationKey(o: Pick<IncomingOrganization, 'ura' | 'agb'>): string {
  return o.ura ? `ura:${o.ura}` : `agb:${o.agb}`;
}

export function roleKey(
  professional: IncomingProfessional,
  organization: IncomingOrganization | null,
): string {
  return [
    professionalKey(professional),
    organization ? organizationKey(organization) : '',
    professional.specialty?.code ?? '',
  ].join('|');
}

export function locationKey(registry: Registry, key: string): string {
  return `${registry.toLowerCase()}:${key}`;
}

/** The keys of everything one record refers to. */
export interface RecordKeys {
  product: string;
  organization: string | null;
  role: string | null;
  location: string | null;
}

export function keysOf(registry: Registry, r: IncomingRecord): RecordKeys {
  return {
    product: productKey(r.product),
    organization: r.organization ? organizationKey(r.organization) : null,
    role: r.professional ? roleKey(r.professional, r.organization) : null,
    location: r.location ? locationKey(registry, r.location.key) : null,
  };
}
