// The GraphQL core both faces share. The GraphQL face runs it through Apollo Server (plugin.ts);
// the FHIR face runs prepared documents (parsed and validated once at start-up) in process
// with a PGO actor through `execute`. Either way the same steps apply: authorization and cost
// before execution, the resolvers' own confinement of PGOs, and the audit entries written
// before anything is answered.
import {
  NoSchemaIntrospectionCustomRule,
  execute as executeDocument,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.ts';
import { observeSharedRows } from '../observability/metrics.ts';
import type { Services } from '../server/services.ts';
import type { Citizen } from '../store/generated/client.ts';
import { authorizeRootFields, rootFieldNames } from './authorization.ts';
import type { GraphQLContext } from './context.ts';
import { createDisclosures, writeDisclosures, type Disclosures } from './disclosures.ts';
import {
  badUserInput,
  errorCode,
  httpStatusOf,
  internalErrorResult,
  loggableError,
  maskError,
} from './errors.ts';
import { createLoaders } from './loaders.ts';
import { createSharedRows } from './sharedRows.ts';
import { checkCost, depthLimit, operationCost } from './queryLimits.ts';
import { buildSchema } from './schema.ts';

export interface RequestScope {
  requestId: string;
  correlationId?: string | undefined;
  /** The request's logger; a child of the service logger when absent. */
  log?: Logger;
  now?: Date;
  /**
   * Where the request's reads are collected; a fresh collector when absent. The FHIR face
   * passes its own, which hands `finish` nothing and keeps the reads for the one audit entry
   * the façade writes per FHIR request, once it knows what it rendered.
   */
  disclosures?: Disclosures;
  /** Rows the caller has already read (the FHIR face: the token's citizen), for the loaders. */
  known?: { citizen?: Citizen | null | undefined };
}

export interface CoreResult {
  data?: Record<string, unknown> | null;
  /** Masked: codes from errors.ts, no stacks, no SQL. */
  errors?: GraphQLFormattedError[];
  /** The HTTP status the outcome asks for: 401, 403 or 400 for refusals, 500, else 200. */
  status: number;
}

export interface GraphQLCore {
  schema: GraphQLSchema;
  /** Validation rules beyond graphql-js's own (the depth limit), for Apollo Server. */
  validationRules: ValidationRule[];
  createContext(actor: Actor | null, scope: RequestScope): GraphQLContext;
  /**
   * Parses and validates once, at start-up; throws when the document is not valid. A document
   * of our own (`own`: the FHIR face's, fixed in the source) is exempt from the depth and cost
   * limits, which guard against what callers send and may be set below what it needs.
   */
  prepare(source: string, options?: { own?: boolean }): DocumentNode;
  /** Authorization and cost, before execution; throws a GraphQLError carrying its status. */
  admit(
    ctx: GraphQLContext,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): Promise<void>;
  /** Writes the request's audit entries; awaited before any response leaves. */
  finish(ctx: GraphQLContext): Promise<void>;
  /** Runs a document in process: admit, execute, finish, mask errors. Never throws. */
  execute(
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    ctx: GraphQLContext,
    operationName?: string,
  ): Promise<CoreResult>;
}

export function createGraphQLCore(services: Services): GraphQLCore {
  const { config } = services;
  const prisma = services.database.prisma;
  const schema = buildSchema();
  const validationRules = [depthLimit(config.GRAPHQL_MAX_DEPTH)];
  const introspectionRules = config.introspection ? [] : [NoSchemaIntrospectionCustomRule];
  const inProcessRules = [...specifiedRules, ...validationRules, ...introspectionRules];
  const validated = new WeakSet<DocumentNode>();
  const shared = createSharedRows();
  observeSharedRows(services.metrics, () => shared.stats());
  const own = new WeakSet<DocumentNode>();
  // Our own documents run on every FHIR request: compiled once into plain functions
  // (graphql-jit), which executes them several times faster than walking the document anew.
  const compiled = new WeakMap<DocumentNode, CompiledQuery>();
  const mask = maskError(services.logger);
  const format = (e: unknown) =>
    mask(e instanceof Error && 'toJSON' in e ? (e as GraphQLError).toJSON() : { message: '' }, e);

  function validateOnce(document: DocumentNode): readonly GraphQLError[] {
    if (validated.has(document)) return [];
    const errors = validate(schema, document, inProcessRules);
    if (errors.length === 0) validated.add(document);
    return errors;
  }

  const core: GraphQLCore = {
    schema,
    validationRules,

    createContext(actor, scope) {
      const loaders = createLoaders(prisma, services.database.reader, shared);
      const citizen = scope.known?.citizen;
      if (citizen) loaders.citizen.prime(citizen.id, citizen);
      return {
        prisma,
        actor,
        loaders,
        audit: services.audit,
        auditChains: config.AUDIT_CHAINS,
        disclosures: scope.disclosures ?? createDisclosures(),
        requestId: scope.requestId,
        correlationId: scope.correlationId,
        log: scope.log ?? services.logger.child({ requestId: scope.requestId }),
        now: scope.now ?? new Date(),
      };
    },

    prepare(source, options = {}) {
      const document = parse(source);
      const errors = options.own
        ? validate(schema, document, [...specifiedRules, ...introspectionRules])
        : validateOnce(document);
      if (errors.length > 0) {
        throw new Error(`invalid GraphQL document: ${errors.map((e) => e.message).join('; ')}`);
      }
      if (options.own) {
        [validated, own].forEach((set) => set.add(document));
        const query = compileQuery(schema, document);
        if (!isCompiledQuery(query)) {
          throw new Error(`GraphQL document not compilable: ${JSON.stringify(query.errors)}`);
        }
        compiled.set(document, query);
      }
      return document;
    },

    async admit(ctx, document, operation, variables) {
      ctx.operationName = operation.name?.value;
      const fields = rootFieldNames(document, operation);
      try {
        authorizeRootFields(ctx.actor, fields);
      } catch (error) {
        const event =
          errorCode(error) === 'FORBIDDEN' ? 'graphql.forbidden' : 'graphql.unauthenticated';
        ctx.log.info({ event, actor: ctx.actor?.id, fields });
        ctx.disclosures.event('graphql.refused', { fields }, 'DENIED');
        throw error;
      }
      if (own.has(document)) return;
      checkCost(operationCost(schema, document, operation, variables), config.GRAPHQL_MAX_COST);
    },

    finish: (ctx) => writeDisclosures(ctx),

    async execute(document, variables = {}, ctx, operationName) {
      let outcome: CoreResult;
      try {
        const invalid = validateOnce(document);
        if (invalid.length > 0) return { errors: invalid.map(format), status: 400 };
        const operation = getOperationAST(document, operationName);
        if (!operation) throw badUserInput('The document has no such single operation');
        await core.admit(ctx, document, operation, variables);
        const query = operationName === undefined ? compiled.get(document) : undefined;
        const result = query
          ? await query.query(undefined, ctx, variables)
          : await executeDocument({
              schema,
              document,
              variableValues: variables,
              contextValue: ctx,
              operationName,
            });
        outcome = {
          data: result.data ?? undefined,
          errors: result.errors?.map(format),
          status: result.data === undefined ? 400 : 200,
        };
      } catch (error) {
        const known =
          errorCode(error) !== undefined && errorCode(error) !== 'INTERNAL_SERVER_ERROR';
        outcome = { errors: [format(error)], status: httpStatusOf(error) ?? (known ? 400 : 500) };
      }
      try {
        await core.finish(ctx);
      } catch (error) {
        // Nothing is disclosed that was not logged.
        ctx.log.error({ event: 'audit.write_failed', err: loggableError(error) });
        return { errors: [internalErrorResult], status: 500 };
      }
      return outcome;
    },
  };
  return core;
}

const cores = new WeakMap<Services, GraphQLCore>();

/** The one core of a running server, built on first use; both faces share it. */
export function graphQLCoreFor(services: Services): GraphQLCore {
  let core = cores.get(services);
  if (!core) {
    core = createGraphQLCore(services);
    cores.set(services, core);
  }
  return core;
}
