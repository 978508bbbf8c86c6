// Depth and cost limits (GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_COST), so no single query can make the
// server walk an unbounded graph. Depth is a validation rule: it needs only the document.
// Cost depends on variables (`first`, `representations`), so it is computed per request,
// before execution, with graphql-query-complexity.
import {
  GraphQLError,
  Kind,
  getNamedType,
  getVariableValues,
  isLeafType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryTooComplex } from './errors.ts';

const introspectionRoots = new Set(['__schema', '__type']);

/** Lists whose length no argument bounds, with the length assumed for costing. */
const assumedListLengths: Record<string, number> = { 'Citizen.vaccinations': 50 };

function depthOf(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  entered: Set<string>,
): number {
  let deepest = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      // Introspection is bounded by the schema itself and is switched off in production.
      if (introspectionRoots.has(s.name.value)) continue;
      const below = s.selectionSet ? depthOf(s.selectionSet, fragments, entered) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(s.selectionSet, fragments, entered));
    } else {
      const fragment = fragments.get(s.name.value);
      // A fragment cycle is reported by graphql-js's own rule; here it only must not loop.
      if (!fragment || entered.has(s.name.value)) continue;
      const inner = new Set(entered).add(s.name.value);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, inner));
    }
  }
  return deepest;
}

export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  return depthOf(operation.selectionSet, fragments, new Set());
}

/** Validation rule: no operation nests fields deeper than `max` (`{ a { b } }` is depth 2). */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = operationDepth(context.getDocument(), operation);
      if (depth > max) {
        context.reportError(queryTooComplex(`The query is ${depth} fields deep; at most ${max}`));
      }
    },
  });
}

/**
 * Types whose values arrive with their parent's row (JSON columns, computed values): they cost
 * no lookup of their own. Every other object is a row some resolver or loader fetches.
 */
const valueTypes = new Set([
  'Coding',
  'Address',
  'ContactPoint',
  'Quantity',
  'PersonName',
  'AuditEntryPage',
  'AuditVerification',
  '_Service',
]);

/**
 * Cost counts the rows a query may touch: each object fetched costs 1 plus its fields' cost,
 * times the length of the list it comes in; scalars and value types cost nothing themselves.
 */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const returned = getNamedType(field.type);
  if (field.name.startsWith('__') || isLeafType(returned)) return 0;
  let length = assumedListLengths[`${type.name}.${field.name}`] ?? 1;
  if (typeof args.first === 'number') length = Math.max(args.first, 0);
  if (Array.isArray(args.representations)) length = args.representations.length;
  // A page (AuditEntryPage) is a value, but `first` still sets how many rows it holds.
  return length * (valueTypes.has(returned.name) ? childComplexity : 1 + childComplexity);
};

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(document)] },
      variables,
      estimators: [estimator],
    });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // Bad variables: execution reports them properly. Anything else (too many nodes) is cost.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return undefined;
    throw queryTooComplex('The query has too many fields');
  }
}

function fragmentsOf(document: DocumentNode): FragmentDefinitionNode[] {
  return document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
}

export function checkCost(cost: number | undefined, max: number): void {
  if (cost !== undefined && cost > max) {
    throw queryTooComplex(`The query costs ${cost}; at most ${max}`);
  }
}
