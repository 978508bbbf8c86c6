// The FHIR bases Entpoort serves: the same handlers and data behind two URLs, each answering in
// one version of the information standard Vaccinatie-Immunisatie (a Rendering). A PGO chooses
// the version by the ZAL entry it follows, not by a parameter.
import type { Config } from '../config/config.ts';
import {
  vaccinationImmunization1,
  vaccinationImmunization2,
  type Rendering,
} from './mapping/rendering.ts';

export interface FhirBase {
  /** Short name for logs, audit entries and metrics: `2.0` or `1.0`. */
  version: '2.0' | '1.0';
  /** Where the routes are mounted on this server, e.g. `/fhir`. */
  path: string;
  /** The absolute base clients use: fullUrls and links start with it. */
  url: string;
  rendering: Rendering;
}

export function fhirBases(config: Config): FhirBase[] {
  const { base2, base1 } = config.fhir;
  return [
    { version: '2.0', path: base2.path, url: base2.publicUrl, rendering: vaccinationImmunization2 },
    { version: '1.0', path: base1.path, url: base1.publicUrl, rendering: vaccinationImmunization1 },
  ];
}
