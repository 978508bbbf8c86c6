// A PGO's side of the FHIR face, for tests: a PGO client row (one the development OCL lists, so
// the list sync keeps it active), access tokens for citizens, and GET requests with the MedMij
// ids, returning the raw body (to search it for BSNs) and the parsed resource (JSON or XML).
import { randomUUID } from 'node:crypto';
import { issueAccessToken } from '../../src/auth/pgoTokens.ts';
import { parseBody } from '../../src/fhir/format/serialize.ts';
import type { PrismaClient } from '../../src/store/generated/client.ts';

export const PGO_HOSTNAME = 'medmij.pgo.example';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function pgoClientId(prisma: PrismaClient, hostname = PGO_HOSTNAME) {
  const row = await prisma.pgoClient.upsert({
    where: { hostname },
    create: { hostname, organisationName: `PGO ${hostname}` },
    update: {},
  });
  return row.id;
}

export async function tokenFor(
  prisma: PrismaClient,
  citizenId: string,
  options: { hostname?: string; now?: Date; scope?: string } = {},
) {
  const clientId = await pgoClientId(prisma, options.hostname);
  const { token } = await issueAccessToken(prisma, {
    citizenId,
    clientId,
    scope: options.scope ?? 'rivm',
    ...(options.now ? { now: options.now } : {}),
  });
  return token;
}

export interface FhirAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as FHIR (XML through FHIR.js), or undefined when it is neither. */
  body: Json;
  requestId: string;
  correlationId: string;
}

export interface GetOptions {
  token?: string | undefined;
  accept?: string;
  headers?: Record<string, string>;
  method?: string;
  /** Leave out the MedMij ids. */
  withoutIds?: boolean;
}

export async function fhirGet(url: string, options: GetOptions = {}): Promise<FhirAnswer> {
  const requestId = randomUUID();
  const correlationId = randomUUID();
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.withoutIds
        ? {}
        : { 'medmij-request-id': requestId, 'x-correlation-id': correlationId }),
      accept: options.accept ?? 'application/fhir+json',
      ...options.headers,
    },
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const format = type.includes('xml') ? 'xml' : 'json';
  let body: Json;
  try {
    body = text ? (parseBody(text, format) as Json) : {};
  } catch {
    body = {};
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    body,
    requestId,
    correlationId,
  };
}
