// The code systems an extract may use, by role (src/rules/codeSystems.ts).
import { productCodeSystems, routeCodeSystem } from '../rules/codeSystems.ts';

export const systems = { ...productCodeSystems, route: routeCodeSystem } as const;

/** The systems a product code may have, and the product column each one fills. */
export const productSystems = {
  [systems.hpk]: 'hpk',
  [systems.prk]: 'prk',
  [systems.gpk]: 'gpk',
  [systems.zi]: 'zi',
  [systems.snomed]: 'snomed',
  [systems.atc]: 'atc',
} as const;

export type ProductCodeColumn = (typeof productSystems)[keyof typeof productSystems];
