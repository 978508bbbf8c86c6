// The coded concepts the demo data uses: code systems, target diseases, motives, indications,
// route and anatomical sites, as FHIR Codings. Codes and displays follow the Nictiz
// Vaccinatie-Immunisatie 2.0 ValueSets and fixtures (see vaccination-schedule.md).
import { productCodeSystems, routeCodeSystem } from '../../rules/codeSystems.ts';

// A type alias, not an interface, so Prisma accepts it as JSON.
export type Coding = {
  system: string;
  code: string;
  display?: string;
};

export const systems = {
  ...productCodeSystems,
  route: routeCodeSystem,
  organizationType: 'http://nictiz.nl/fhir/NamingSystem/organization-type',
  uziRole: 'http://fhir.nl/fhir/NamingSystem/uzi-rolcode',
} as const;

const sct = (code: string, display: string): Coding => ({ system: systems.snomed, code, display });

/**
 * Target diseases. Only influenza, pneumococcal infection, COVID-19, tetanus and hepatitis are in
 * the required ValueSet (2.16.840.1.113883.2.4.3.11.60.131.11.3, Dutch displays from it). The
 * others fall in the open part of the slice; their codes and displays come from the FHIR R4
 * target-disease example ValueSet, except meningococcal disease and HPV, which are not in our
 * material and were not checked against a terminology server.
 */
export const diseases = {
  pneumococcal: sct('16814004', 'Infectieziekte door Streptococcus pneumoniae (aandoening)'),
  covid19: sct(
    '840539006',
    "Aandoening door infectie door 'Severe acute respiratory syndrome'-coronavirus 2 (aandoening)",
  ),
  tetanus: sct('76902006', 'Tetanus (aandoening)'),
  hepatitis: sct('128241005', 'Hepatitis (aandoening)'),
  diphtheria: sct('397430003', 'Diphtheria due to Corynebacterium diphtheriae'),
  pertussis: sct('27836007', 'Pertussis'),
  polio: sct('398102009', 'Acute poliomyelitis'),
  hib: sct('709410003', 'Haemophilus influenzae type b infection'),
  measles: sct('14189004', 'Measles'),
  mumps: sct('36989005', 'Mumps'),
  rubella: sct('36653000', 'Rubella'),
  meningococcal: sct('23511006', 'Meningococcal infectious disease'),
  hpv: sct('240532009', 'Human papilloma virus infection'),
} as const;

/** Motives (ValueSet …60.131.11.2): the RVP for Praeventis, the programme for CIMS. */
export const motives = {
  rvp: sct('159731000146104', 'Immunisatie nodig vanuit rijksvaccinatieprogramma (situatie)'),
  programme: sct('159741000146107', 'Immunisatie nodig vanuit vaccinatieprogramma (situatie)'),
  work: sct('159721000146101', 'Immunisatie nodig voor werk (situatie)'),
} as const;

/** Indications (ValueSet …60.131.11.4). */
export const indications = {
  pregnancy: sct('77386006', 'Zwangerschap (bevinding)'),
  immunodeficiency: sct('234532001', 'Immunodeficiëntie (aandoening)'),
} as const;

/** G-Standaard table of routes: code 2 is intramuscular, as in every fixture. */
export const intramuscular: Coding = {
  system: systems.route,
  code: '2',
  display: 'intramusculair',
};

export const sites = {
  upperArm: sct('40983000', 'bovenarm'),
  thigh: sct('68367000', 'bovenbeen'),
} as const;

export const lateralities = {
  left: sct('7771000', 'links'),
  right: sct('24028007', 'rechts'),
} as const;

export type MotiveName = keyof typeof motives;
export type IndicationName = keyof typeof indications;
