// The executable subgraph schema: every schema/*.graphql file, read once at start, with the
// resolvers, built as an Apollo Federation 2 subgraph.
import { readFileSync, readdirSync } from 'node:fs';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

const schemaDir = new URL('../../schema/', import.meta.url);

export function readTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(new URL(name, schemaDir), 'utf8'))
    .join('\n');
}

export function buildSchema(): GraphQLSchema {
  return buildSubgraphSchema([
    { typeDefs: parse(readTypeDefs()), resolvers: resolvers as GraphQLResolverMap<GraphQLContext> },
  ]);
}
