// Katarzyna: nothing to disclose, because she has no RVP history and withheld consent in CIMS.
import type { DemoCitizen } from '../citizens.ts';

export const katarzyna: DemoCitizen = {
  key: 'katarzyna',
  bsn: '999990044',
  born: '1997-01-12',
  gender: 'FEMALE',
  name: { givenNames: 'Katarzyna Maria', initials: 'K.M.', familyName: 'Nowak' },
  illustrates:
    'Nothing to disclose: she moved to the Netherlands as an adult, so Praeventis holds no ' +
    'childhood records, and none of her COVID-19 vaccinations in CIMS has sharing consent.',
  praeventis: [],
  cims: [
    {
      on: '2021-08-10T10:30+02:00',
      product: 'covidPfizer',
      at: 'rai',
      lot: 'FF5357',
      dose: 1,
      consent: false,
    },
    {
      on: '2021-09-07T12:00+02:00',
      product: 'covidPfizer',
      at: 'rai',
      by: 'dijkGgdAmsterdam',
      lot: 'FG3716',
      dose: 2,
      consent: false,
    },
    {
      on: '2022-01-12T14:45+01:00',
      product: 'covidModernaBooster',
      at: 'rai',
      lot: '000191A',
      dose: 3,
      consent: false,
    },
  ],
};
