// FHIR face: where the two bases are mounted (src/fhir/plugin.ts). Each base is a
// Systeemrol's ResourceEndpointuri in the ZAL and must end in `/fhir`: MGO appends `/fhir` to
// that URI unless it already ends with it (medmij-dva.md §12.1, §17). The 2.0 base serves
// Vaccinatie-Immunisatie 2.0, the other the same data in the 1.0 profiles that MGO renders.
import { z } from 'zod';
import type { Environment } from './config.ts';
import { ConfigError } from './primitives.ts';

const basePath = z
  .string()
  .regex(/^(\/[A-Za-z0-9._~-]+)*\/fhir$/, 'must be an absolute path ending in /fhir');
export const fhirVariables = {
  FHIR_BASE_PATH: basePath.default('/fhir'),
  FHIR_1_0_BASE_PATH: basePath.default('/vaccinatie-immunisatie-1.0/fhir'),
};

export interface FhirSettings {
  /** Vaccinatie-Immunisatie 2.0: path on this server and the URL clients use. */
  base2: { path: string; publicUrl: string };
  /** Vaccinatie-Immunisatie 1.0. */
  base1: { path: string; publicUrl: string };
}

export function fhirSettings(e: Environment, publicBaseUrl: string): FhirSettings {
  const [a, b] = [e.FHIR_BASE_PATH, e.FHIR_1_0_BASE_PATH];
  // Nested bases would share routes (`/fhir/:type` would swallow `/fhir/x/fhir`).
  if (a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)) {
    throw new ConfigError('FHIR_BASE_PATH, FHIR_1_0_BASE_PATH: must differ and not nest');
  }
  return {
    base2: { path: a, publicUrl: `${publicBaseUrl}${a}` },
    base1: { path: b, publicUrl: `${publicBaseUrl}${b}` },
  };
}
