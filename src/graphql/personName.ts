// A citizen's name for GraphQL: the parts as recorded, and as it would be written on a letter.
import { assembleFamilyName } from '../rules/familyName.ts';
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
  return assembleFamilyName(name, name.nameUsage);
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
