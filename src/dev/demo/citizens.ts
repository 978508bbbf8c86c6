// The demo citizens: the shape of their plain-data definitions (one file each in people/) and
// the list of them. Childhood vaccinations follow the RVP schedule of each birth cohort
// (vaccination-schedule.md); COVID-19 vaccinations follow the 2021–2022 campaign.
// `expand.ts` turns the definitions into rows for a given day; `seed.ts` writes those.
//
// `on` is an age (`3m`, `4y`, `10y6m`), a month (`1992-06`: known to the month only), a day
// (`2021-06-02`) or an instant with offset (`2021-06-02T14:35+02:00`). Performer organisation:
// `org`, else the role's (`by`), else the location's (`at`). Site: upper arm, or thigh before
// age two; left unless `site` says otherwise. Source record ids are derived in `expand.ts`.
import type { IndicationName, MotiveName } from './codes.ts';
import type { ProductName } from './products.ts';
import type { LocationName, OrganizationName, RoleName } from './providers.ts';
import { daan } from './people/daan.ts';
import { emma } from './people/emma.ts';
import { fatima } from './people/fatima.ts';
import { katarzyna } from './people/katarzyna.ts';
import { lucas } from './people/lucas.ts';
import { noah } from './people/noah.ts';
import { sanne } from './people/sanne.ts';

export interface DemoRecord {
  on: string;
  product: ProductName;
  at?: LocationName;
  by?: RoleName;
  org?: OrganizationName;
  lot?: string;
  dose?: number;
  site?: 'L-arm' | 'R-arm' | 'L-thigh' | 'R-thigh';
  /** Defaults to the RVP for Praeventis and the vaccination programme for CIMS. */
  motive?: MotiveName;
  indication?: IndicationName;
  note?: string;
  /** A record the registry marked entered-in-error: when (an instant) and why. */
  retracted?: { on: string; reason: string };
}

export interface DemoCimsRecord extends DemoRecord {
  /** CIMS registers, per vaccination, whether the citizen consented to sharing it. */
  consent: boolean;
}

export interface DemoCitizen {
  key: string;
  bsn: string;
  /** A fixed date, or a day that many years before today (for someone who must stay young). */
  born: string | { yearsBeforeToday: number; month: number; day: number };
  gender: 'MALE' | 'FEMALE';
  name: {
    givenNames: string;
    initials: string;
    callName?: string;
    familyNamePrefix?: string;
    familyName: string;
    partnerNamePrefix?: string;
    partnerName?: string;
    nameUsage?: 'OWN' | 'PARTNER' | 'PARTNER_OWN' | 'OWN_PARTNER';
  };
  /** What this citizen demonstrates, for developers and testers. */
  illustrates: string;
  praeventis: DemoRecord[];
  cims: DemoCimsRecord[];
}

export const citizens: readonly DemoCitizen[] = [daan, sanne, katarzyna, fatima, lucas, emma, noah];
