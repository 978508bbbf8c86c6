// Vaccine products and every code they are known by, each with its FHIR code system.
import { productCodeSystems } from '../../rules/codeSystems.ts';
import type { VaccineProduct as ProductRow } from '../../store/generated/client.ts';
import type { Coding, QueryResolvers, VaccineProductResolvers } from '../generated/resolvers.ts';
import { pageSize, searchText } from './argumentChecks.ts';

export { productCodeSystems };

type CodeField = keyof typeof productCodeSystems;
const codeFields = Object.keys(productCodeSystems) as CodeField[];

const displays: Partial<Record<CodeField, (p: ProductRow) => string | null>> = {
  snomed: (p) => p.snomedDisplay,
  atc: (p) => p.atcDisplay,
};

export function productCodings(product: ProductRow): Coding[] {
  return codeFields.flatMap((field) => {
    const code = product[field];
    if (!code) return [];
    return { system: productCodeSystems[field], code, display: displays[field]?.(product) ?? null };
  });
}

export const productQuery: Pick<QueryResolvers, 'vaccineProduct' | 'vaccineProducts'> = {
  vaccineProduct: (_root, { id }, ctx) => ctx.loaders.product.load(id),
  vaccineProducts: (_root, { search, first }, ctx) => {
    const text = searchText(search, 'search');
    return ctx.prisma.vaccineProduct.findMany({
      where: {
        OR: [
          { display: { contains: text, mode: 'insensitive' } },
          ...codeFields.map((field) => ({ [field]: { contains: text } })),
        ],
      },
      orderBy: [{ display: 'asc' }, { id: 'asc' }],
      take: pageSize(first, 100),
    });
  },
};

export const VaccineProduct: VaccineProductResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.product.load(id),
  codings: (p) => productCodings(p),
};
