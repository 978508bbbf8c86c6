// Emma: the youngest demo citizen old enough for disclosure, with a complete childhood RVP.
import type { DemoCitizen } from '../citizens.ts';

export const emma: DemoCitizen = {
  key: 'emma',
  bsn: '999990081',
  born: '2010-06-21',
  gender: 'FEMALE',
  name: { givenNames: 'Emma Sophie', initials: 'E.S.', callName: 'Emma', familyName: 'Visser' },
  illustrates:
    'Born in 2010, the youngest demo citizen old enough (16) for disclosure to a PGO: the ' +
    'complete childhood RVP of her cohort, pneumococcal and MenACWY at 14 included; no CIMS ' +
    'records.',
  praeventis: [
    { on: '2m', product: 'dktpHib', by: 'kokJgzUtrecht', lot: 'A10CA520A', dose: 1 },
    { on: '2m', product: 'pneumococcal', at: 'cbOvervecht', lot: 'F53798', site: 'R-thigh' },
    { on: '3m', product: 'dktpHib', at: 'cbOvervecht', lot: 'A10CA520A', dose: 2 },
    { on: '3m', product: 'pneumococcal', at: 'cbOvervecht', lot: 'F53798', site: 'R-thigh' },
    { on: '4m', product: 'dktpHib', at: 'cbOvervecht', lot: 'A10CA611B', dose: 3 },
    { on: '4m', product: 'pneumococcal', at: 'cbOvervecht', lot: 'F61205', site: 'R-thigh' },
    { on: '11m', product: 'dktpHib', at: 'cbOvervecht', lot: 'A11CA102A', dose: 4 },
    { on: '11m', product: 'pneumococcal', at: 'cbOvervecht', lot: 'G10372', site: 'R-thigh' },
    { on: '14m', product: 'menC', at: 'cbOvervecht', lot: 'VNS1H084A', site: 'R-thigh' },
    { on: '14m', product: 'mmr', by: 'kokJgzUtrecht', lot: 'H013471', dose: 1 },
    { on: '4y', product: 'dktp', at: 'cbOvervecht', lot: 'AC20B117AA' },
    { on: '9y', product: 'dtp', org: 'ggdUtrecht', lot: 'S3B881V' },
    { on: '9y', product: 'mmr', org: 'ggdUtrecht', lot: 'S029101', dose: 2, site: 'R-arm' },
    { on: '2022-03-14', product: 'hpv', org: 'ggdUtrecht', lot: 'U022384', dose: 1 },
    { on: '2022-09-19', product: 'hpv', org: 'ggdUtrecht', lot: 'U031117', dose: 2 },
    { on: '2024-05-13', product: 'menAcwy', org: 'ggdUtrecht', lot: 'AMENB512AA' },
  ],
  cims: [],
};
