// Daan: the first RVP cohort (1992), with COVID-19 vaccinations in CIMS but no sharing consent.
import type { DemoCitizen } from '../citizens.ts';

export const daan: DemoCitizen = {
  key: 'daan',
  bsn: '999990019',
  born: '1992-03-08',
  gender: 'MALE',
  name: { givenNames: 'Daan Pieter', initials: 'D.P.', callName: 'Daan', familyName: 'Jansen' },
  illustrates:
    'First RVP cohort (1992): childhood records in Praeventis, the oldest known to the month ' +
    'only, are shown to a PGO; his COVID-19 vaccinations in CIMS have no sharing consent and ' +
    'are withheld.',
  praeventis: [
    // Before 1993 the infant series had no Hib component.
    { on: '1992-06', product: 'dktp', at: 'cbStevenshof', lot: 'NVI-DKTP-9204', dose: 1 },
    { on: '1992-07', product: 'dktp', at: 'cbStevenshof', lot: 'NVI-DKTP-9204', dose: 2 },
    { on: '1992-08', product: 'dktp', at: 'cbStevenshof', lot: 'NVI-DKTP-9211', dose: 3 },
    { on: '11m', product: 'dktp', at: 'cbStevenshof', lot: 'NVI-DKTP-9211', dose: 4 },
    { on: '14m', product: 'mmr', at: 'cbStevenshof', lot: 'NVI-BMR-9302', dose: 1 },
    // The 4-year booster had no pertussis component until about 2001.
    { on: '4y', product: 'dtp', at: 'cbStevenshof', lot: 'NVI-DTP-9603' },
    { on: '9y', product: 'dtp', at: 'sporthalPrikkers', by: 'boerGgdHm', lot: 'NVI-DTP-0102' },
    {
      on: '9y',
      product: 'mmr',
      at: 'sporthalPrikkers',
      lot: 'NVI-BMR-0103',
      dose: 2,
      site: 'R-arm',
    },
    // The MenC campaign of 2002 reached everyone from 14 months to 18 years.
    { on: '2002-06-20', product: 'menC', at: 'sporthalPrikkers', lot: 'VNS2B031A' },
  ],
  cims: [
    {
      on: '2021-03-02T09:40+01:00',
      product: 'covidAstraZeneca',
      org: 'ggdHollandsMidden',
      lot: 'ABV5811',
      dose: 1,
      motive: 'work',
      consent: false,
    },
    {
      on: '2021-06-15T16:05+02:00',
      product: 'covidPfizer',
      org: 'ggdHollandsMidden',
      lot: 'FD8271',
      dose: 2,
      note: 'Tweede prik met een mRNA-vaccin na een eerste prik met AstraZeneca.',
      consent: false,
    },
    {
      on: '2021-12-20T11:20+01:00',
      product: 'covidModernaBooster',
      org: 'ggdHollandsMidden',
      lot: '000091A',
      dose: 3,
      consent: false,
    },
  ],
};
