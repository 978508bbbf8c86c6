// The GraphQL documents the FHIR face executes against the core, read once at start-up. The
// façade parses and validates them against the schema when it starts (architecture decision 1).
import { readFileSync } from 'node:fs';

/** FhirDisclosure($citizenId): the citizen and the vaccinations a PGO may see. */
export const disclosureDocument = readFileSync(
  new URL('./disclosure.graphql', import.meta.url),
  'utf8',
);
