// A citizen's name as it would be written on a letter, following zib NameInformation's
// NameUsage: own family name, partner's, or both joined by a hyphen in the chosen order.
import type { Citizen } from '../store/generated/client.ts';
import type { PersonName } from './generated/resolvers.ts';

type NameParts = Pick<
  Citizen,
  | 'givenNames'
  | 'initials'
  | 'callName'
  | 'familyNamePrefix'
  | 'familyName'
  | 'partnerNamePrefix'
  | 'partnerName'
  | 'nameUsage'
>;

function join(...parts: (string | null)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(' ');
}

export function familyNames(name: NameParts): string {
  const own = join(name.familyNamePrefix, name.familyName);
  // Without a recorded partner name, every usage falls back to the citizen's own name.
  if (!name.partnerName) return own;
  const partner = join(name.partnerNamePrefix, name.partnerName);
  switch (name.nameUsage) {
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

export function formattedName(name: NameParts): string {
  const first = name.initials ?? name.callName ?? name.givenNames;
  const family = familyNames(name);
  if (first) return join(first, family);
  // Dutch spelling: a prefix that opens the name is capitalised ("De Vries", "J. de Vries").
  return family.charAt(0).toUpperCase() + family.slice(1);
}

export function personName(name: NameParts): PersonName {
  return {
    givenNames: name.givenNames,
    initials: name.initials,
    callName: name.callName,
    familyNamePrefix: name.familyNamePrefix,
    familyName: name.familyName,
    partnerNamePrefix: name.partnerNamePrefix,
    partnerName: name.partnerName,
    usage: name.nameUsage,
    formatted: formattedName(name),
  };
}
