// Neutral-model fixtures for the FHIR mapping tests: two citizens with realistic records (codes
// from shared/reference/vaccination-schedule.md and the Nictiz fixtures), shaped as the
// disclosure query (src/fhir/documents/disclosure.graphql) returns them. All people are made up.
import type * as model from '../../src/fhir/mapping/model.ts';

const snomed = 'http://snomed.info/sct';

export const codes = {
  covidHpk: {
    system: 'urn:oid:2.16.840.1.113883.2.4.4.7',
    code: '2924528',
    display: 'COVID-19 VACCIN PFIZER INJVLST 0,3ML',
  },
  covidSnomed: {
    system: snomed,
    code: '28531000087107',
    display: "vaccin tegen 'Severe acute respiratory syndrome'-coronavirus 2",
  },
  dktpPrk: {
    system: 'urn:oid:2.16.840.1.113883.2.4.4.10',
    code: '130745',
    display: 'DKTP VACCIN (TRIAXIS POLIO)',
  },
  dktpSnomed: {
    system: snomed,
    code: '871878002',
    display:
      'vaccin met uitsluitend antigenen van Corynebacterium diphtheriae, Bordetella pertussis, ' +
      'Clostridium tetani en humaan poliovirus',
  },
  intramuscular: {
    system: 'urn:oid:2.16.840.1.113883.2.4.4.9',
    code: '2',
    display: 'INTRAMUSCULAIR',
  },
  upperArm: { system: snomed, code: '40983000', display: 'bovenarm' },
  thigh: { system: snomed, code: '68367000', display: 'bovenbeen' },
  left: { system: snomed, code: '7771000', display: 'links' },
  covid19: { system: snomed, code: '840539006', display: 'COVID-19' },
  tetanus: { system: snomed, code: '76902006', display: 'tetanus' },
  hepatitis: { system: snomed, code: '128241005', display: 'hepatitis' },
  programme: {
    system: snomed,
    code: '159741000146107',
    display: 'Immunisatie nodig vanuit vaccinatieprogramma (situatie)',
  },
  rvp: {
    system: snomed,
    code: '159731000146104',
    display: 'Immunisatie nodig vanuit rijksvaccinatieprogramma (situatie)',
  },
  travel: { system: snomed, code: '14747002', display: 'immunisatie voor reizen' },
  frailElderly: { system: snomed, code: '404904002', display: 'Kwetsbare oudere (bevinding)' },
} satisfies Record<string, model.Coding>;

export const ggd: model.Organization = {
  id: '6f0c8a52-3f0e-4d53-9a57-1c2b9d0e7a11',
  name: 'GGD Hollands Midden',
  ura: '10000006',
  agb: null,
  type: {
    system: 'http://nictiz.nl/fhir/NamingSystem/organization-type',
    code: 'P6',
    display: 'Preventieve gezondheidszorg',
  },
  addresses: [
    {
      use: 'work',
      type: 'both',
      line: ['Rooseveltstraat 4A'],
      city: 'Leiden',
      postalCode: '2321 BM',
      country: 'Nederland',
    },
  ],
  telecom: [{ system: 'phone', value: '+31889083000', use: 'work' }],
};

export const jgz: model.Organization = {
  id: '0d4b7e9c-2a61-4f3e-8c1d-5e6f7a8b9c0d',
  name: 'Jeugdgezondheidszorg Utrecht',
  ura: '32320011',
  agb: '06123456',
  type: {
    system: 'http://nictiz.nl/fhir/NamingSystem/organization-type',
    code: 'JGZ',
    display: 'Jeugdgezondheidszorg',
  },
  addresses: [],
  telecom: [{ system: 'email', value: 'info@jgz-utrecht.example.nl', use: 'work' }],
};

export const jeugdarts: model.ProfessionalRole = {
  id: 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
  professional: {
    id: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4',
    agb: null,
    uzi: '123456789',
    big: '19012345601',
    givenName: null,
    initials: 'M.J.',
    namePrefix: 'de',
    familyName: 'Vries',
  },
  organization: jgz,
  specialty: {
    system: 'http://fhir.nl/fhir/NamingSystem/uzi-rolcode',
    code: '01.070',
    display: 'Jeugdarts',
  },
};

export const consultatiebureau: model.Location = {
  id: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
  name: 'Consultatiebureau Overvecht',
  addresses: [
    {
      use: 'work',
      line: ['Zamenhofdreef 36'],
      city: 'Utrecht',
      postalCode: '3562 JW',
      country: 'Nederland',
    },
  ],
  telecom: [{ system: 'phone', value: '+31302863300', use: 'work' }],
  managingOrganization: jgz,
};

export const priklocatie: model.Location = {
  id: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d',
  name: null,
  addresses: [{ line: ['Sporthal de Prikkers'], city: 'Leiden', country: 'Nederland' }],
  telecom: [],
  managingOrganization: null,
};

export const covidProduct: model.VaccineProduct = {
  id: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e',
  display: 'COVID-19 VACCIN PFIZER INJVLST 0,3ML',
  codings: [codes.covidSnomed, codes.covidHpk],
  description: 'Comirnaty, mRNA-vaccin tegen COVID-19',
};

export const dktpProduct: model.VaccineProduct = {
  id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  display: 'DKTP VACCIN (TRIAXIS POLIO)',
  codings: [codes.dktpPrk, codes.dktpSnomed],
};

export const hepatitisAText: model.VaccineProduct = {
  id: 'e1d2c3b4-a596-4877-9a6b-5c4d3e2f1a0b',
  display: 'HEPATITIS-A-VACCIN',
  codings: [],
};

const blank = {
  doseNumber: null,
  lotNumber: null,
  route: null,
  site: null,
  laterality: null,
  doseQuantity: null,
  performerOrganization: null,
  performer: null,
  location: null,
  targetDiseases: [],
  reasonMotives: [],
  reasonIndications: [],
  note: null,
  disclosable: true,
} satisfies Partial<model.Vaccination>;

export const covidVaccination: model.Vaccination = {
  ...blank,
  id: '0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e',
  source: 'CIMS',
  sourceRecordId: 'CIMS-2021-884213',
  status: 'COMPLETED',
  product: covidProduct,
  occurrence: '2021-05-26T08:15:00.000Z',
  occurrencePrecision: 'DAY',
  doseNumber: 2,
  lotNumber: 'FK1234',
  route: codes.intramuscular,
  site: codes.upperArm,
  laterality: codes.left,
  doseQuantity: { value: 0.3, unit: 'ml' },
  performerOrganization: ggd,
  location: priklocatie,
  targetDiseases: [codes.covid19],
  reasonMotives: [codes.programme],
  reasonIndications: [codes.frailElderly],
};

export const dktpVaccination: model.Vaccination = {
  ...blank,
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e',
  source: 'PRAEVENTIS',
  sourceRecordId: 'P-20050721-0042',
  status: 'COMPLETED',
  product: dktpProduct,
  occurrence: '2005-07-21T00:00:00.000+02:00',
  occurrencePrecision: 'DAY',
  route: codes.intramuscular,
  site: codes.thigh,
  laterality: codes.left,
  doseQuantity: { value: 0.5, unit: 'ml' },
  performerOrganization: jgz,
  performer: jeugdarts,
  location: consultatiebureau,
  targetDiseases: [codes.tetanus],
  reasonMotives: [codes.rvp],
  note: 'Geen bijzonderheden.',
};

export const hepatitisAVaccination: model.Vaccination = {
  ...blank,
  id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6f',
  source: 'PRAEVENTIS',
  sourceRecordId: 'P-20190312-0007',
  status: 'COMPLETED',
  product: hepatitisAText,
  occurrence: '2019-03-12T00:00:00.000Z',
  occurrencePrecision: 'MONTH',
  targetDiseases: [codes.hepatitis],
  reasonMotives: [codes.travel],
};

export const johanna: model.CitizenDisclosure = {
  id: '8c7b6a59-4e3d-4c2b-a190-8f7e6d5c4b3a',
  birthDate: '1956-04-28',
  gender: 'FEMALE',
  name: {
    givenNames: 'Johanna Petronella Maria',
    initials: 'J.P.M.',
    callName: 'Jo',
    familyNamePrefix: 'van',
    familyName: 'Giessen',
    partnerNamePrefix: 'van der',
    partnerName: 'Putten',
    usage: 'OWN_PARTNER',
    formatted: 'J.P.M. van Giessen-van der Putten',
  },
  vaccinations: [covidVaccination],
};

export const daan: model.CitizenDisclosure = {
  id: '4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
  birthDate: '2001-03-02',
  gender: 'MALE',
  name: {
    givenNames: null,
    initials: 'D.',
    callName: null,
    familyNamePrefix: null,
    familyName: 'Bakker',
    partnerNamePrefix: null,
    partnerName: null,
    usage: 'OWN',
    formatted: 'D. Bakker',
  },
  vaccinations: [dktpVaccination, hepatitisAVaccination],
};
