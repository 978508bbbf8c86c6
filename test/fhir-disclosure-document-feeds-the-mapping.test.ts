// The GraphQL document the FHIR face will execute is valid against the SDL, never asks for the
// BSN, and selects every field the mapping reads: executed against the real schema over the
// neutral-model fixtures, its result renders to exactly the FHIR the fixtures themselves give.
import { readdirSync, readFileSync } from 'node:fs';
import { buildASTSchema, execute, parse, validate, visit, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { disclosureDocument } from '../src/fhir/documents/index.ts';
import { renderDisclosure } from '../src/fhir/mapping/disclosure.ts';
import type { CitizenDisclosure } from '../src/fhir/mapping/model.ts';
import { vaccinationImmunization2 as imm20 } from '../src/fhir/mapping/rendering.ts';
import { daan, johanna } from './support/fhirFixtures.ts';

const schemaDir = new URL('../schema/', import.meta.url);
const sdl = [
  readFileSync(new URL('../scripts/federation-directives.graphql', import.meta.url), 'utf8'),
  ...readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => readFileSync(new URL(f, schemaDir), 'utf8')),
].join('\n');
const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
const document: DocumentNode = parse(disclosureDocument);

describe('the FHIR disclosure document', () => {
  it('is valid against the GraphQL schema', () => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it('never selects the BSN', () => {
    const fields: string[] = [];
    visit(document, { Field: (node) => void fields.push(node.name.value) });
    expect(fields).toContain('vaccinations');
    expect(fields).not.toContain('bsn');
  });

  it.each([johanna, daan])(
    'feeds the mapping everything it renders ($name.formatted)',
    async (citizen) => {
      const citizens = new Map<string, CitizenDisclosure>([
        [johanna.id, johanna],
        [daan.id, daan],
      ]);
      const result = await execute({
        schema,
        document,
        rootValue: { citizen: ({ id }: { id: string }) => citizens.get(id) },
        variableValues: { citizenId: citizen.id },
      });
      expect(result.errors).toBeUndefined();
      const fromQuery = (result.data as { citizen: CitizenDisclosure }).citizen;
      expect(renderDisclosure(fromQuery, imm20)).toEqual(renderDisclosure(citizen, imm20));
    },
  );
});
