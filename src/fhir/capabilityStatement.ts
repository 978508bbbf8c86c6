// `GET [base]/metadata`: an instance CapabilityStatement after Nictiz's imm-RetrieveServe
// (medmij-dva.md §12.1; MedMij does not require it). It states what this base really does:
// Immunization search with all three includes (imm-RetrieveServe lists two; the qualification
// scripts send `:location` too) and read, and read of everything a search can include, each with
// the base's own profile.
import { readFileSync } from 'node:fs';
import type { FhirBase } from './bases.ts';
import type { Rendering } from './mapping/rendering.ts';

const RETRIEVE_SERVE = 'http://nictiz.nl/fhir/CapabilityStatement/imm-RetrieveServe';

const software = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return { name: 'Entpoort', version: pkg.version };
})();

type ProfileKey = keyof Rendering['profiles'];

const readOnly: [type: string, profile: ProfileKey][] = [
  ['Patient', 'patient'],
  ['Medication', 'medication'],
  ['Organization', 'organization'],
  ['Location', 'location'],
  ['Practitioner', 'practitioner'],
  ['PractitionerRole', 'practitionerRole'],
];

export interface CapabilityStatement {
  resourceType: 'CapabilityStatement';
  [element: string]: unknown;
}

export function capabilityStatement(base: FhirBase, date: Date): CapabilityStatement {
  const { profiles, name } = base.rendering;
  return {
    resourceType: 'CapabilityStatement',
    id: `entpoort-vaccination-immunization-${base.version.replace('.', '-')}`,
    url: `${base.url}/metadata`,
    version: software.version,
    name: `Entpoort${base.version.replace('.', '')}`,
    title: `Entpoort, ${name}`,
    status: 'active',
    date: date.toISOString(),
    publisher: 'RIVM',
    description:
      `RIVM's vaccination records for a citizen's PGO, in ${name}. The patient is the one ` +
      'the MedMij access token was issued for; no search parameter selects it.',
    kind: 'instance',
    instantiates: [RETRIEVE_SERVE],
    software,
    implementation: { description: `Entpoort FHIR base, ${name}`, url: base.url },
    fhirVersion: '4.0.1',
    format: ['json', 'xml'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'OAuth',
                  display: 'OAuth',
                },
              ],
            },
          ],
          description: 'A MedMij OAuth 2.0 bearer access token on every request but metadata.',
        },
        resource: [
          {
            type: 'Immunization',
            supportedProfile: [profiles.immunization],
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchInclude: [
              'Immunization:patient',
              'Immunization:performer',
              'Immunization:location',
            ],
          },
          ...readOnly.map(([type, key]) => ({
            type,
            supportedProfile: [profiles[key]],
            interaction: [{ code: 'read' }],
          })),
        ],
      },
    ],
  };
}
