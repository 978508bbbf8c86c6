// The family name a citizen uses, assembled from the BRP's name parts per zib NameInformation's
// NameUsage: their own, their partner's, or both joined by a hyphen in the chosen order.
export type NameUsage = 'OWN' | 'PARTNER' | 'PARTNER_OWN' | 'OWN_PARTNER';

export interface FamilyNameParts {
  familyNamePrefix?: string | null | undefined;
  familyName?: string | null | undefined;
  partnerNamePrefix?: string | null | undefined;
  partnerName?: string | null | undefined;
}

const joined = (...parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join(' ');

export function assembleFamilyName(parts: FamilyNameParts, usage: NameUsage): string {
  const own = joined(parts.familyNamePrefix, parts.familyName);
  const partner = joined(parts.partnerNamePrefix, parts.partnerName);
  // Without a recorded partner name, every usage falls back to the citizen's own name.
  if (!partner) return own;
  switch (usage) {
    case 'OWN':
      return own;
    case 'PARTNER':
      return partner;
    case 'PARTNER_OWN':
      return `${partner}-${own}`;
    case 'OWN_PARTNER':
      return `${own}-${partner}`;
  }
}
