// The FHIR reader: every Immunization in a FHIR input (fhirInput.ts) becomes one neutral record,
// through the one FHIR mapping (src/fhir/mapping/fromFhir.ts) and a small adapter
// (fhirAdapter.ts). The Patient it names must carry the real BSN (an identifier in the BSN
// naming system with a value passing the 11-test); MedMij's masked BSN is not one. Patient,
// Medication, Organization, Location, Practitioner and PractitionerRole entries are read only
// as what Immunizations refer to; an entry of another type is rejected.
//
// For the reject file, a rejected Immunization is written as NDJSON: its own line followed by
// the resources it refers to, so that the reject file is a FHIR input that can be corrected and
// imported again (a resource several rejected entries share appears more than once).
import { naming } from '../../fhir/mapping/codeSystems.ts';
import { FromFhirError, fromImmunization, fromPatient } from '../../fhir/mapping/fromFhir.ts';
import { indexResources, resolve, type ResourceIndex } from '../../fhir/mapping/resolve.ts';
import type * as fhir from '../../fhir/r4.ts';
import { isValidBsn } from '../../rules/bsn.ts';
import type { IncomingRecord, Registry } from '../model.ts';
import {
  citizenOf,
  locationOf,
  organizationOf,
  productOf,
  professionalOf,
  vaccinationOf,
} from './fhirAdapter.ts';
import type { FhirEntry, Json } from './fhirInput.ts';
import type { Problem, ReadItem } from './readItem.ts';

const referable = new Set([
  'Patient',
  'Medication',
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
]);

export function* readFhirRecords(
  entries: readonly FhirEntry[],
  registry: Registry,
  madeAt: Date,
): Generator<ReadItem> {
  const resources = entries.flatMap((e) => (e.resource ? [e.resource] : []));
  const lifted = resources.flatMap(liftContained);
  const index = indexResources([...resources, ...lifted] as unknown as fhir.DisclosedResource[]);
  for (const entry of entries) {
    const { number, resource } = entry;
    if (!resource) {
      yield reject(number, null, entry.problem ?? 'not a FHIR resource');
    } else if (resource.resourceType === 'Immunization') {
      const imm = resource as unknown as fhir.Immunization;
      yield recordOf(imm, index, registry, madeAt, number);
    } else if (!referable.has(String(resource.resourceType))) {
      yield reject(number, JSON.stringify(resource), 'not a resource type the import reads');
    }
  }
}

function recordOf(
  imm: fhir.Immunization,
  index: ResourceIndex,
  registry: Registry,
  madeAt: Date,
  line: number,
): ReadItem {
  const raw = rawOf(imm, index);
  const patient = resolve(index, imm.patient, 'Patient');
  if (!patient) return reject(line, raw, 'the patient is not in the input', 'patient');
  const bsn = patient.identifier?.find((i) => i.system === naming.bsn)?.value;
  if (!bsn) {
    return reject(line, raw, 'the Patient has no BSN value (masked or missing)', 'patient');
  }
  if (!isValidBsn(bsn)) return reject(line, raw, 'the Patient BSN fails the 11-test', 'patient');
  try {
    const v = fromImmunization(imm, index, { source: registry });
    const recorded = new Date((imm as { recorded?: string }).recorded ?? Number.NaN);
    const record: IncomingRecord = {
      line,
      citizen: citizenOf(fromPatient(patient), bsn),
      vaccination: vaccinationOf(v, Number.isNaN(recorded.getTime()) ? null : recorded, madeAt),
      product: productOf(v.product),
      organization: organizationOf(v.performerOrganization ?? v.performer?.organization),
      professional: professionalOf(v.performer),
      location: locationOf(v.location),
      raw,
    };
    return { ok: true, record };
  } catch (error) {
    // An element of an unexpected shape fails inside the mapping with a TypeError.
    if (!(error instanceof FromFhirError)) {
      return reject(line, raw, 'an element does not have the shape FHIR R4 gives it');
    }
    // The mapping's message names resources by id, and ids may be made of names: drop them.
    const message = error.message.replace(/\b([A-Z][A-Za-z]+)\/\S+?(?=[.\s]|$)/g, '$1');
    return reject(line, raw, `${error.code}: ${message}`);
  }
}

/**
 * The mapping finds only a contained Location (`#id` within its Immunization). Other contained
 * resources (a Patient, a Medication, a performer) are lifted out under ids unique to their
 * Immunization, and its `#id` references are rewritten to them.
 */
function liftContained(resource: Json): Json[] {
  const contained = resource.contained;
  if (resource.resourceType !== 'Immunization' || !Array.isArray(contained)) return [];
  const renamed = new Map<string, string>();
  const lifted: Json[] = [];
  for (const c of contained as Json[]) {
    if (c.resourceType === 'Location' || typeof c.id !== 'string') continue;
    const id = `${String(resource.id)}-${c.id}`;
    renamed.set(`#${c.id}`, `${String(c.resourceType)}/${id}`);
    lifted.push({ ...c, id });
  }
  const rewrite = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (typeof value !== 'object' || value === null) return;
    const object = value as Json;
    for (const [key, item] of Object.entries(object)) {
      if (key === 'reference' && typeof item === 'string' && renamed.has(item)) {
        object[key] = renamed.get(item);
      } else if (key !== 'contained') rewrite(item);
    }
  };
  rewrite(resource);
  for (const l of lifted) rewrite(l);
  return lifted;
}

/** The Immunization and what it refers to, one resource a line. */
function rawOf(imm: fhir.Immunization, index: ResourceIndex): string {
  const seen = new Set<unknown>([imm]);
  const lines = [JSON.stringify(imm)];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value as Json)) {
      if (key === 'reference' && typeof item === 'string') {
        const type = /([A-Za-z]+)\/[^/]+$/.exec(item)?.[1];
        const found = type && index.get(/[A-Za-z]+\/[^/]+$/.exec(item)![0]);
        if (found && !seen.has(found)) {
          seen.add(found);
          lines.push(JSON.stringify(found));
          visit(found);
        }
      } else visit(item);
    }
  };
  visit(imm);
  return lines.join('\n');
}

function reject(line: number, raw: string | null, message: string, field = ''): ReadItem {
  const problems: Problem[] = [{ field, message }];
  return { ok: false, line, problems, raw };
}
