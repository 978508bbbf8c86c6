// Sanne: the HPV catch-up of 2009 and the MenC campaign of 2002; COVID-19 shared with consent.
import type { DemoCitizen } from '../citizens.ts';

export const sanne: DemoCitizen = {
  key: 'sanne',
  bsn: '999990032',
  born: '1994-05-17',
  gender: 'FEMALE',
  name: {
    givenNames: 'Sanne',
    initials: 'S.',
    familyNamePrefix: 'de',
    familyName: 'Vries',
    partnerName: 'Meijer',
    nameUsage: 'PARTNER_OWN',
  },
  illustrates:
    'HPV catch-up campaign of 2009 (girls born 1993–1996) and the MenC campaign of 2002; ' +
    "COVID-19 vaccinations in CIMS with sharing consent; uses her partner's name before her own.",
  praeventis: [
    { on: '3m', product: 'dktpHib', at: 'cbOvervecht', lot: 'NVI-DKTPH-9407', dose: 1 },
    { on: '4m', product: 'dktpHib', at: 'cbOvervecht', lot: 'NVI-DKTPH-9407', dose: 2 },
    { on: '5m', product: 'dktpHib', at: 'cbOvervecht', lot: 'NVI-DKTPH-9409', dose: 3 },
    { on: '11m', product: 'dktpHib', at: 'cbOvervecht', lot: 'NVI-DKTPH-9503', dose: 4 },
    { on: '14m', product: 'mmr', at: 'cbOvervecht', lot: 'NVI-BMR-9506', dose: 1 },
    { on: '4y', product: 'dtp', at: 'cbOvervecht', lot: 'NVI-DTP-9804' },
    { on: '2002-07-03', product: 'menC', org: 'ggdUtrecht', lot: 'VNS2C112A' },
    { on: '9y', product: 'dtp', org: 'ggdUtrecht', lot: 'NVI-DTP-0305' },
    { on: '9y', product: 'mmr', org: 'ggdUtrecht', lot: 'NVI-BMR-0306', dose: 2, site: 'R-arm' },
    { on: '2009-03-09', product: 'hpv', by: 'yilmazGgdUtrecht', lot: 'AHPVA043BB', dose: 1 },
    { on: '2009-04-14', product: 'hpv', by: 'yilmazGgdUtrecht', lot: 'AHPVA043BB', dose: 2 },
    { on: '2009-09-21', product: 'hpv', org: 'ggdUtrecht', lot: 'AHPVA081AA', dose: 3 },
  ],
  cims: [
    {
      on: '2021-06-02T14:35+02:00',
      product: 'covidPfizer',
      at: 'jaarbeurs',
      by: 'yilmazGgdUtrecht',
      lot: 'FE8206',
      dose: 1,
      consent: true,
    },
    {
      on: '2021-07-07T10:10+02:00',
      product: 'covidPfizer',
      at: 'jaarbeurs',
      lot: 'FF2382',
      dose: 2,
      consent: true,
    },
    {
      on: '2021-12-28T15:50+01:00',
      product: 'covidModernaBooster',
      at: 'jaarbeurs',
      lot: '000083A',
      dose: 3,
      consent: true,
    },
  ],
};
