// Noah: under 16, so nothing is disclosed to a PGO although Praeventis knows his childhood.
// His birthday moves with today, so he stays 11 or 12; the products fit the cohorts of the
// 2010s, which will look dated for an 11-year-old some years from now.
import type { DemoCitizen } from '../citizens.ts';

export const noah: DemoCitizen = {
  key: 'noah',
  bsn: '999990093',
  born: { yearsBeforeToday: 12, month: 9, day: 14 },
  gender: 'MALE',
  name: { givenNames: 'Noah', initials: 'N.', familyName: 'Smit' },
  illustrates:
    'Under 16: Praeventis holds his complete childhood record, but RIVM discloses nothing to a ' +
    'PGO until he turns 16 (his birth date moves with today, so he stays under 16).',
  praeventis: [
    // Hepatitis B joined the infant series for children born from August 2011.
    { on: '2m', product: 'infanrixHexa', by: 'boerJgzHm', lot: 'A21CD354A', dose: 1 },
    { on: '2m', product: 'pneumococcal', at: 'cbStevenshof', lot: 'R71475', site: 'R-thigh' },
    { on: '3m', product: 'infanrixHexa', at: 'cbStevenshof', lot: 'A21CD354A', dose: 2 },
    { on: '4m', product: 'infanrixHexa', at: 'cbStevenshof', lot: 'A21CD402B', dose: 3 },
    { on: '4m', product: 'pneumococcal', at: 'cbStevenshof', lot: 'R71475', site: 'R-thigh' },
    { on: '11m', product: 'infanrixHexa', by: 'boerJgzHm', lot: 'A21CE017A', dose: 4 },
    { on: '11m', product: 'pneumococcal', at: 'cbStevenshof', lot: 'T40522', site: 'R-thigh' },
    { on: '14m', product: 'menC', at: 'cbStevenshof', lot: 'VNS5F231A', site: 'R-thigh' },
    { on: '14m', product: 'mmr', at: 'cbStevenshof', lot: 'N013290', dose: 1 },
    { on: '4y', product: 'dktp', at: 'cbStevenshof', lot: 'AC20B301AB' },
    { on: '9y', product: 'dtp', at: 'sporthalPrikkers', by: 'boerGgdHm', lot: 'W1C207V' },
    { on: '9y', product: 'mmr', at: 'sporthalPrikkers', lot: 'W042118', dose: 2, site: 'R-arm' },
    // HPV for boys and girls in the year they turn 10, since 2022.
    { on: '10y', product: 'hpv', at: 'sporthalPrikkers', lot: 'X010455', dose: 1 },
    { on: '10y6m', product: 'hpv', at: 'sporthalPrikkers', lot: 'X017203', dose: 2 },
  ],
  cims: [],
};
