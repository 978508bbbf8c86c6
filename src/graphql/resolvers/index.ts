// All resolvers of the schema in schema/*.graphql, one map.
import type { Resolvers } from '../generated/resolvers.ts';
import { AuditEntry, auditQuery } from './audit.ts';
import { Citizen, citizenQuery } from './citizen.ts';
import { grantMutations, grantQuery } from './grants.ts';
import { medmijListsQuery } from './medmijLists.ts';
import { Location, Organization, ProfessionalRole, providerQuery } from './provider.ts';
import { VaccineProduct, productQuery } from './product.ts';
import { DateScalar, DateTime } from './scalars.ts';
import { Vaccination, vaccinationQuery } from './vaccination.ts';
import { vaccinationChanges } from './vaccinationChanges.ts';

export const resolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query: {
    ...citizenQuery,
    ...vaccinationQuery,
    ...providerQuery,
    ...productQuery,
    ...auditQuery,
    ...medmijListsQuery,
    ...grantQuery,
  },
  Mutation: { ...vaccinationChanges, ...grantMutations },
  Citizen,
  Vaccination,
  Organization,
  ProfessionalRole,
  Location,
  VaccineProduct,
  AuditEntry,
};
