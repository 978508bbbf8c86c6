// The vaccine product in one batch as Medication (imm-PharmaceuticalProduct 2.0 or
// nl-core-PharmaceuticalProduct 1.0): the same codes as Immunization.vaccineCode, the lot number
// or nullFlavor UNK, and the product description.
import type * as fhir from '../r4.ts';
import { nullFlavor, productConcept, reference } from './datatypes.ts';
import { medicationId } from './ids.ts';
import type { Maybe, VaccineProduct } from './model.ts';
import type { Rendering } from './rendering.ts';

interface Batch {
  product: VaccineProduct;
  lotNumber?: Maybe<string>;
}

export const medicationReference = (b: Batch) =>
  reference('Medication', medicationId(b.product.id, b.lotNumber), b.product.display);

export function medication(b: Batch, r: Rendering): fhir.Medication {
  const description = b.product.description?.trim();
  const lot = b.lotNumber?.trim();
  return {
    resourceType: 'Medication',
    id: medicationId(b.product.id, b.lotNumber),
    meta: { profile: [r.profiles.medication] },
    ...(description
      ? { extension: [{ url: r.extensions.productDescription, valueString: description }] }
      : {}),
    code: productConcept(b.product, r.requiredProductCode),
    batch: lot ? { lotNumber: lot } : { _lotNumber: { extension: [nullFlavor('UNK')] } },
  };
}
