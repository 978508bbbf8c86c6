// The vaccine products of the demo data, with the codes our reference material gives for them
// (vaccination-schedule.md; letters in brackets there name the Nictiz source). A product whose
// G-Standaard and SNOMED codes are still "to be looked up" is recorded by text only, as
// registries sometimes do; its key is then `text|<name>`.
import { diseases, systems, type Coding } from './codes.ts';

export interface DemoProduct {
  display: string;
  /** Every code the product is known by, each with its own system. */
  codings: Coding[];
  targetDiseases: Coding[];
  /** Dose in millilitres, as the fixtures give it. */
  doseMl: number;
}

const code = (system: string, value: string, display?: string): Coding =>
  display === undefined ? { system, code: value } : { system, code: value, display };

const sarsCov2 = code(
  systems.snomed,
  '28531000087107',
  "vaccin tegen 'Severe acute respiratory syndrome'-coronavirus 2",
);
const { diphtheria, pertussis, tetanus, polio, hib, hepatitis, measles, mumps, rubella } = diseases;

export const products = {
  /** DKTP without Hib: the infant series before 1993, the 4-year booster, the 22-week dose. */
  dktp: {
    display: 'DKTP-vaccin',
    codings: [
      code(
        systems.snomed,
        '871878002',
        'vaccin met uitsluitend antigenen van Corynebacterium diphtheriae, Bordetella pertussis, ' +
          'Clostridium tetani en humaan poliovirus',
      ),
    ],
    targetDiseases: [tetanus, diphtheria, pertussis, polio],
    doseMl: 0.5,
  },
  /** The pentavalent infant vaccine of 1993–2011; its codes are still to be looked up. */
  dktpHib: {
    display: 'DKTP-HIB-VACCIN',
    codings: [],
    targetDiseases: [tetanus, diphtheria, pertussis, polio, hib],
    doseMl: 0.5,
  },
  infanrixHexa: {
    display: 'Infanrix hexa Injsusp Wwsp 0,5ml',
    codings: [code(systems.prk, '74691', 'Infanrix hexa Injsusp Wwsp 0,5ml')],
    targetDiseases: [tetanus, hepatitis, diphtheria, pertussis, polio, hib],
    doseMl: 0.5,
  },
  pneumococcal: {
    display: 'Pneumokokkenvaccin',
    codings: [
      code(systems.snomed, '836398006', 'vaccin met antigeen van Streptococcus pneumoniae'),
    ],
    targetDiseases: [diseases.pneumococcal],
    doseMl: 0.5,
  },
  mmr: {
    display: 'BOF/MAZELEN/RUBELLAVACCIN 1 DOSIS (MMRVAXPRO)',
    codings: [code(systems.gpk, '130699', 'BOF/MAZELEN/RUBELLAVACCIN 1 DOSIS (MMRVAXPRO)')],
    targetDiseases: [measles, mumps, rubella],
    doseMl: 0.5,
  },
  /** Meningococcal C (2002–2018); codes still to be looked up. */
  menC: {
    display: 'MENINGOKOKKEN-C-VACCIN',
    codings: [],
    targetDiseases: [diseases.meningococcal],
    doseMl: 0.5,
  },
  menAcwy: {
    display: 'MENINGOKOKKENVACCIN ACWY INJPDR (NIMENRIX)',
    codings: [code(systems.gpk, '139696', 'MENINGOKOKKENVACCIN ACWY INJPDR (NIMENRIX)')],
    targetDiseases: [diseases.meningococcal],
    doseMl: 0.5,
  },
  dtp: {
    display: 'DTP VACCIN (REVAXIS)',
    codings: [code(systems.gpk, '116602', 'DTP VACCIN (REVAXIS)')],
    targetDiseases: [tetanus, diphtheria, polio],
    doseMl: 0.5,
  },
  hpv: {
    display: 'HPV-vaccin',
    codings: [code(systems.snomed, '836379009', 'vaccin met antigeen van humaan papillomavirus')],
    targetDiseases: [diseases.hpv],
    doseMl: 0.5,
  },
  covidPfizer: {
    display: 'COVID-19 VACCIN PFIZER INJVLST 0,3ML',
    codings: [
      code(systems.hpk, '2924528', 'COVID-19 VACCIN PFIZER INJVLST 0,3ML'),
      code(systems.prk, '206784'),
      code(systems.gpk, '184284'),
      sarsCov2,
    ],
    targetDiseases: [diseases.covid19],
    doseMl: 0.3,
  },
  covidModerna: {
    display: 'COVID-19 VACCIN MODERNA INJVLST 0,5ML',
    codings: [code(systems.hpk, '2924536', 'COVID-19 VACCIN MODERNA INJVLST 0,5ML'), sarsCov2],
    targetDiseases: [diseases.covid19],
    doseMl: 0.5,
  },
  covidModernaBooster: {
    display: 'COVID-19 VACCIN MODERNA INJVLST 0,25ML',
    codings: [code(systems.hpk, '2978636', 'COVID-19 VACCIN MODERNA INJVLST 0,25ML'), sarsCov2],
    targetDiseases: [diseases.covid19],
    doseMl: 0.25,
  },
  covidAstraZeneca: {
    display: 'COVID-19 VACCIN ASTRAZENECA INJVLST',
    codings: [code(systems.hpk, '2925508', 'COVID-19 VACCIN ASTRAZENECA INJVLST'), sarsCov2],
    targetDiseases: [diseases.covid19],
    doseMl: 0.5,
  },
} satisfies Record<string, DemoProduct>;

export type ProductName = keyof typeof products;

/** Most specific first: a ZI number names a package, a GPK only the generic substance. */
const keyOrder = [systems.zi, systems.hpk, systems.prk, systems.gpk, systems.snomed, systems.atc];

/** The natural key of a product (VaccineProduct.productKey): `system|code` or `text|<name>`. */
export function productKey(product: DemoProduct): string {
  for (const system of keyOrder) {
    const coding = product.codings.find((c) => c.system === system);
    if (coding) return `${system}|${coding.code}`;
  }
  return `text|${product.display}`;
}
