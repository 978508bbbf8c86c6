// PLACEHOLDER until the development identity provider lands: mounts nothing.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';

export async function registerDevIdp(_app: FastifyInstance, _services: Services): Promise<void> {}
