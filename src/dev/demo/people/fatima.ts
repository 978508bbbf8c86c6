// Fatima: a retracted duplicate among disclosable records, and a vaccination in pregnancy.
import type { DemoCitizen } from '../citizens.ts';

export const fatima: DemoCitizen = {
  key: 'fatima',
  bsn: '999990056',
  born: '1999-10-02',
  gender: 'FEMALE',
  name: {
    givenNames: 'Fatima Zahra',
    initials: 'F.Z.',
    callName: 'Fatima',
    familyName: 'El Amrani',
  },
  illustrates:
    'A retracted record (a duplicate registration, entered-in-error) that a PGO never sees, ' +
    'next to disclosable ones; the 22-week DKTP vaccination of her pregnancy in 2024, with ' +
    'pregnancy as indication; HPV at 12 in three doses.',
  praeventis: [
    // From about 1999 the infant series started at two months.
    { on: '2m', product: 'dktpHib', at: 'okcNoord', lot: 'NVI-DKTPH-9912', dose: 1 },
    { on: '3m', product: 'dktpHib', at: 'okcNoord', lot: 'NVI-DKTPH-0001', dose: 2 },
    { on: '4m', product: 'dktpHib', at: 'okcNoord', lot: 'NVI-DKTPH-0001', dose: 3 },
    { on: '11m', product: 'dktpHib', at: 'okcNoord', lot: 'NVI-DKTPH-0009', dose: 4 },
    { on: '14m', product: 'mmr', at: 'okcNoord', lot: 'NVI-BMR-0012', dose: 1 },
    { on: '2002-09-11', product: 'menC', org: 'ggdAmsterdam', lot: 'VNS2C240A' },
    { on: '4y', product: 'dktp', at: 'okcNoord', lot: 'NVI-DKTP-0309' },
    { on: '9y', product: 'dtp', by: 'dijkGgdAmsterdam', lot: 'NVI-DTP-0809' },
    {
      on: '9y',
      product: 'mmr',
      by: 'dijkGgdAmsterdam',
      lot: 'NVI-BMR-0809',
      dose: 2,
      site: 'R-arm',
    },
    {
      on: '9y',
      product: 'mmr',
      by: 'dijkGgdAmsterdam',
      lot: 'NVI-BMR-0809',
      dose: 2,
      site: 'R-arm',
      retracted: {
        on: '2025-11-04T10:12:00+01:00',
        reason: 'Dubbele registratie: dezelfde BMR-vaccinatie is twee keer ingevoerd.',
      },
    },
    { on: '2012-03-12', product: 'hpv', org: 'ggdAmsterdam', lot: 'AHPVA131AA', dose: 1 },
    { on: '2012-04-16', product: 'hpv', org: 'ggdAmsterdam', lot: 'AHPVA131AA', dose: 2 },
    { on: '2012-09-24', product: 'hpv', org: 'ggdAmsterdam', lot: 'AHPVA175BA', dose: 3 },
    {
      on: '2024-03-18',
      product: 'dktp',
      at: 'okcNoord',
      lot: 'AC20B238AA',
      indication: 'pregnancy',
      note: '22-wekenprik',
    },
  ],
  cims: [
    {
      on: '2021-07-20T13:05+02:00',
      product: 'covidPfizer',
      at: 'rai',
      by: 'dijkGgdAmsterdam',
      lot: 'FF8841',
      dose: 1,
      consent: true,
    },
    {
      on: '2021-08-17T09:25+02:00',
      product: 'covidPfizer',
      at: 'rai',
      lot: 'FG4509',
      dose: 2,
      consent: true,
    },
  ],
};
