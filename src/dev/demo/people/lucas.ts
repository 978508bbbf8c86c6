// Lucas: born on 29 February, with MenACWY at 14 and the HPV catch-up for young adults.
import type { DemoCitizen } from '../citizens.ts';

export const lucas: DemoCitizen = {
  key: 'lucas',
  bsn: '999990068',
  born: '2004-02-29',
  gender: 'MALE',
  name: { givenNames: 'Lucas', initials: 'L.', familyName: 'Bakker' },
  illustrates:
    'Born on 29 February: a year older on 1 March in other years (his 14-year vaccination ' +
    'falls on 1 March 2018); MenACWY at 14 and the HPV catch-up for young adults of 2023.',
  praeventis: [
    { on: '2m', product: 'dktpHib', at: 'cbLindenholt', lot: 'NVI-DKTPH-0404', dose: 1 },
    { on: '3m', product: 'dktpHib', at: 'cbLindenholt', lot: 'NVI-DKTPH-0405', dose: 2 },
    { on: '4m', product: 'dktpHib', at: 'cbLindenholt', lot: 'NVI-DKTPH-0405', dose: 3 },
    { on: '11m', product: 'dktpHib', at: 'cbLindenholt', lot: 'NVI-DKTPH-0501', dose: 4 },
    { on: '14m', product: 'menC', at: 'cbLindenholt', lot: 'VNS4K082A', site: 'R-thigh' },
    { on: '14m', product: 'mmr', at: 'cbLindenholt', lot: 'NVI-BMR-0504', dose: 1 },
    { on: '4y', product: 'dktp', by: 'mulderJgzNijmegen', lot: 'NVI-DKTP-0802' },
    { on: '9y', product: 'dtp', at: 'goffert', lot: 'T1A491V' },
    { on: '9y', product: 'mmr', at: 'goffert', lot: 'R029373', dose: 2, site: 'R-arm' },
    { on: '14y', product: 'menAcwy', at: 'goffert', lot: 'AMENA468AA' },
    { on: '2023-05-22', product: 'hpv', at: 'goffert', lot: 'U022384', dose: 1 },
    { on: '2023-11-20', product: 'hpv', at: 'goffert', lot: 'U031117', dose: 2 },
  ],
  cims: [
    {
      on: '2021-07-28T11:45+02:00',
      product: 'covidPfizer',
      at: 'goffert',
      lot: 'FE3592',
      dose: 1,
      consent: true,
    },
    {
      on: '2021-09-01T15:15+02:00',
      product: 'covidPfizer',
      at: 'goffert',
      lot: 'FF0680',
      dose: 2,
      consent: true,
    },
  ],
};
