// Who vaccinated the demo citizens, and where: GGD regions and JGZ organisations (consultatie-
// bureaus), some of their professionals in a role, and vaccination locations. Names are those
// of real kinds of organisation; every URA, AGB, UZI and BIG number here is made up.
import { systems, type Coding } from './codes.ts';

type Address = {
  line: string[];
  postalCode: string;
  city: string;
  country: string;
};

export interface DemoOrganization {
  name: string;
  ura: string;
  agb: string;
  type: Coding;
  address: Address;
  phone: string;
}

export interface DemoProfessional {
  givenName: string;
  initials: string;
  namePrefix?: string;
  familyName: string;
  agb?: string;
  uzi?: string;
  big?: string;
}

export interface DemoRole {
  professional: ProfessionalName;
  organization: OrganizationName;
  specialty: Coding;
}

export interface DemoLocation {
  name: string;
  organization: OrganizationName;
  address: Address;
}

const ggd: Coding = {
  system: systems.organizationType,
  code: 'G9',
  display: 'Gemeentelijke gezondheidsdienst',
};
const jgz: Coding = {
  system: systems.organizationType,
  code: 'JGZ',
  display: 'Jeugdgezondheidszorg',
};
const at = (line: string, postalCode: string, city: string): Address => ({
  line: [line],
  postalCode,
  city,
  country: 'Nederland',
});

export const organizations = {
  ggdUtrecht: {
    name: 'GGD regio Utrecht',
    ura: '90000101',
    agb: '76000101',
    type: ggd,
    phone: '+31301234500',
    address: at('Zuidstraat 110', '3701 AA', 'Zeist'),
  },
  ggdAmsterdam: {
    name: 'GGD Amsterdam',
    ura: '90000102',
    agb: '76000102',
    type: ggd,
    phone: '+31201234500',
    address: at('Valkenburgerstraat 7', '1011 MB', 'Amsterdam'),
  },
  ggdHollandsMidden: {
    name: 'GGD Hollands Midden',
    ura: '90000103',
    agb: '76000103',
    type: ggd,
    phone: '+31711234500',
    address: at('Langegracht 50', '2312 NV', 'Leiden'),
  },
  ggdGelderlandZuid: {
    name: 'GGD Gelderland-Zuid',
    ura: '90000104',
    agb: '76000104',
    type: ggd,
    phone: '+31241234500',
    address: at('Groenewoudseweg 300', '6524 TW', 'Nijmegen'),
  },
  jgzUtrecht: {
    name: 'Jeugdgezondheidszorg Utrecht',
    ura: '90000201',
    agb: '77000201',
    type: jgz,
    phone: '+31301234600',
    address: at('Gageldijk 12', '3566 MD', 'Utrecht'),
  },
  jgzHollandsMidden: {
    name: 'Jeugdgezondheidszorg Hollands Midden',
    ura: '90000202',
    agb: '77000202',
    type: jgz,
    phone: '+31711234600',
    address: at('Stevensbloem 2', '2331 WB', 'Leiden'),
  },
  jgzNijmegen: {
    name: 'Jeugdgezondheidszorg Nijmegen',
    ura: '90000203',
    agb: '77000203',
    type: jgz,
    phone: '+31241234600',
    address: at('Zwanenveld 90', '6538 SJ', 'Nijmegen'),
  },
  jgzAmsterdam: {
    name: 'Jeugdgezondheidszorg Amsterdam',
    ura: '90000204',
    agb: '77000204',
    type: jgz,
    phone: '+31201234600',
    address: at('Buikslotermeerplein 50', '1025 XL', 'Amsterdam'),
  },
} satisfies Record<string, DemoOrganization>;

export type OrganizationName = keyof typeof organizations;

export const professionals = {
  kok: { givenName: 'Marieke', initials: 'M.', familyName: 'Kok', agb: '01900011' },
  boer: {
    givenName: 'Hanneke',
    initials: 'H.J.',
    namePrefix: 'de',
    familyName: 'Boer',
    uzi: '900010021',
    big: '49000100230',
  },
  yilmaz: {
    givenName: 'Ahmet',
    initials: 'A.',
    familyName: 'Yılmaz',
    agb: '01900031',
    uzi: '900010031',
    big: '19000100301',
  },
  dijk: {
    givenName: 'Ruud',
    initials: 'R.',
    namePrefix: 'van',
    familyName: 'Dijk',
    uzi: '900010041',
    big: '49000100401',
  },
  mulder: { givenName: 'Sophie', initials: 'S.', familyName: 'Mulder', agb: '01900051' },
} satisfies Record<string, DemoProfessional>;

export type ProfessionalName = keyof typeof professionals;

const uziRole = (code: string, display: string): Coding => ({
  system: systems.uziRole,
  code,
  display,
});
const doctorJgz = uziRole('01.070', 'Jeugdarts');
const doctorPublicHealth = uziRole('01.055', 'Arts maatschappij en gezondheid');
const nurse = uziRole('30.000', 'Verpleegkundige');

export const roles = {
  kokJgzUtrecht: { professional: 'kok', organization: 'jgzUtrecht', specialty: doctorJgz },
  boerJgzHm: { professional: 'boer', organization: 'jgzHollandsMidden', specialty: nurse },
  boerGgdHm: { professional: 'boer', organization: 'ggdHollandsMidden', specialty: nurse },
  yilmazGgdUtrecht: {
    professional: 'yilmaz',
    organization: 'ggdUtrecht',
    specialty: doctorPublicHealth,
  },
  dijkGgdAmsterdam: { professional: 'dijk', organization: 'ggdAmsterdam', specialty: nurse },
  mulderJgzNijmegen: { professional: 'mulder', organization: 'jgzNijmegen', specialty: doctorJgz },
} satisfies Record<string, DemoRole>;

export type RoleName = keyof typeof roles;

export const locations = {
  cbOvervecht: {
    name: 'Consultatiebureau Overvecht',
    organization: 'jgzUtrecht',
    address: at('Gageldijk 12', '3566 MD', 'Utrecht'),
  },
  cbStevenshof: {
    name: 'Consultatiebureau Stevenshof',
    organization: 'jgzHollandsMidden',
    address: at('Stevensbloem 2', '2331 WB', 'Leiden'),
  },
  cbLindenholt: {
    name: 'Consultatiebureau Lindenholt',
    organization: 'jgzNijmegen',
    address: at('Zwanenveld 90', '6538 SJ', 'Nijmegen'),
  },
  okcNoord: {
    name: 'Ouder- en Kindcentrum Noord',
    organization: 'jgzAmsterdam',
    address: at('Buikslotermeerplein 50', '1025 XL', 'Amsterdam'),
  },
  sporthalPrikkers: {
    name: 'Sporthal de Prikkers',
    organization: 'ggdHollandsMidden',
    address: at('Sportlaan 3', '2324 AB', 'Leiden'),
  },
  jaarbeurs: {
    name: 'Vaccinatielocatie Jaarbeurs',
    organization: 'ggdUtrecht',
    address: at('Jaarbeursplein 6', '3521 AL', 'Utrecht'),
  },
  rai: {
    name: 'Vaccinatielocatie RAI',
    organization: 'ggdAmsterdam',
    address: at('Europaplein 24', '1078 GZ', 'Amsterdam'),
  },
  goffert: {
    name: 'Vaccinatielocatie De Goffert',
    organization: 'ggdGelderlandZuid',
    address: at('Stadionweg 10', '6525 JE', 'Nijmegen'),
  },
} satisfies Record<string, DemoLocation>;

export type LocationName = keyof typeof locations;
