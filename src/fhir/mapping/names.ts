// Dutch names as nl-core-NameInformation writes them: the official name with the family name
// assembled per name usage and decomposed into own/partner prefix and name extensions, each
// given name (BR) or initial (IN) qualified, the usage as humanname-assembly-order; the call
// name in a second name with use `usual` (nl-core-NameInformation.GivenName).
import { assembleFamilyName } from '../../rules/familyName.ts';
import type * as fhir from '../r4.ts';
import { coreExtensions } from './codeSystems.ts';
import type { Maybe, NameUsage, PersonName, Professional } from './model.ts';

/** humanname-assembly-order codes: NL1 own, NL2 partner, NL3 partner-own, NL4 own-partner. */
const assemblyOrders = {
  OWN: 'NL1',
  PARTNER: 'NL2',
  PARTNER_OWN: 'NL3',
  OWN_PARTNER: 'NL4',
} as const satisfies Record<NameUsage, string>;

export function fromAssemblyOrder(code: string | undefined): NameUsage {
  const found = (Object.keys(assemblyOrders) as NameUsage[]).find(
    (u) => assemblyOrders[u] === code,
  );
  return found ?? 'OWN';
}

const joined = (...parts: Maybe<string>[]) => parts.filter((p) => p && p.trim()).join(' ');

const familyName = (n: PersonName) => assembleFamilyName(n, n.usage);

const part = (url: string, value: Maybe<string>): fhir.Extension[] =>
  value && value.trim() ? [{ url, valueString: value }] : [];

/** Full given names (BR) when known, else the initials one by one (IN), per the zib guidance. */
function givenNames(
  full: Maybe<string>,
  initials: Maybe<string>,
): Pick<fhir.HumanName, 'given' | '_given'> {
  const names = full?.trim() ? full.trim().split(/\s+/) : [];
  const qualifier = names.length > 0 ? 'BR' : 'IN';
  const given = names.length > 0 ? names : (initials?.match(/[^.\s]+\.?/g) ?? []);
  if (given.length === 0) return {};
  const qualified = { extension: [{ url: coreExtensions.nameQualifier, valueCode: qualifier }] };
  return { given, _given: given.map(() => qualified) };
}

export function officialName(n: PersonName): fhir.HumanName {
  const decomposition = [
    ...part(coreExtensions.ownPrefix, n.familyNamePrefix),
    ...part(coreExtensions.ownName, n.familyName),
    ...part(coreExtensions.partnerPrefix, n.partnerNamePrefix),
    ...part(coreExtensions.partnerName, n.partnerName),
  ];
  return {
    extension: [{ url: coreExtensions.assemblyOrder, valueCode: assemblyOrders[n.usage] }],
    use: 'official',
    text: n.formatted,
    family: familyName(n),
    _family: { extension: decomposition },
    ...givenNames(n.givenNames, n.initials),
  };
}

/** The call name (roepnaam), when known. */
export function usualName(n: PersonName): fhir.HumanName | undefined {
  return n.callName?.trim() ? { use: 'usual', given: [n.callName.trim()] } : undefined;
}

export function professionalDisplayName(p: Professional): string {
  return joined(p.givenName ?? p.initials, p.namePrefix, p.familyName);
}

export function professionalName(p: Professional): fhir.HumanName | undefined {
  const given = givenNames(p.givenName, p.initials);
  if (!p.familyName?.trim() && !given.given) return undefined;
  const family = p.familyName?.trim()
    ? {
        family: joined(p.namePrefix, p.familyName),
        _family: {
          extension: [
            ...part(coreExtensions.ownPrefix, p.namePrefix),
            ...part(coreExtensions.ownName, p.familyName),
          ],
        },
      }
    : {};
  return { use: 'official', text: professionalDisplayName(p), ...family, ...given };
}

/** The inverse of officialName, as far as a name can be read back into the model. */
export function fromOfficialName(h: fhir.HumanName): Omit<PersonName, 'callName'> {
  const parts = new Map((h._family?.extension ?? []).map((e) => [e.url, e.valueString]));
  const order = h.extension?.find((e) => e.url === coreExtensions.assemblyOrder)?.valueCode;
  const qualifiers = (h._given ?? []).map(
    (g) => g?.extension.find((e) => e.url === coreExtensions.nameQualifier)?.valueCode,
  );
  const given = h.given ?? [];
  return {
    givenNames: joined(...given.filter((_, i) => qualifiers[i] !== 'IN')) || null,
    initials: given.filter((_, i) => qualifiers[i] === 'IN').join('') || null,
    familyNamePrefix: parts.get(coreExtensions.ownPrefix) ?? null,
    familyName: parts.get(coreExtensions.ownName) ?? h.family ?? '',
    partnerNamePrefix: parts.get(coreExtensions.partnerPrefix) ?? null,
    partnerName: parts.get(coreExtensions.partnerName) ?? null,
    usage: fromAssemblyOrder(order),
    formatted: h.text ?? joined(...given, h.family),
  };
}
