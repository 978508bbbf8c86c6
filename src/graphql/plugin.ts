// PLACEHOLDER until the GraphQL core lands: mounts nothing.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';

export async function registerGraphQL(_app: FastifyInstance, _services: Services): Promise<void> {}
