// Who is asking, for every FHIR request but `metadata` (medmij-dva.md §11): the bearer token in
// the Authorization header and nothing else (core.rscint.200), verified to a PgoActor, whose
// citizen is then the only patient (core.rscint.203). The token's scope must name this
// provider. With TLS on, the token is also bound to the client that presents it: the client
// certificate must carry the token's PGO hostname (RFC 8705 §3: otherwise `invalid_token`).
import type { FastifyRequest } from 'fastify';
import {
  InvalidTokenError,
  verifyAccessTokenWithCitizen,
  type VerifiedToken,
} from '../../auth/pgoTokens.ts';
import type { ClientCertificateOf } from '../../medmij/tls/clientCertificate.ts';
import type { RawReader } from '../../store/rawReader.ts';
import { fhirError, type FhirError } from '../errors.ts';

export interface AuthenticationDeps {
  reader: RawReader;
  /** Our MedMij provider name: the scope every token for this service carries. */
  scope: string;
  /** Null when TLS is off (development, tests): no certificate to bind the token to. */
  clientCertificateOf: ClientCertificateOf | null;
  now: () => Date;
}

const tokenProblems = {
  unknown: 'The access token is not known',
  expired: 'The access token has expired',
  revoked: 'The access token has been revoked',
} as const;

export type Authenticate = (request: FastifyRequest) => Promise<VerifiedToken | FhirError>;

export function createAuthenticator(deps: AuthenticationDeps): Authenticate {
  return async (request) => {
    const header = request.headers.authorization;
    const token = /^Bearer +([^ ]+) *$/i.exec(header ?? '')?.[1];
    // RFC 6750 §3.1: a request without credentials gets the challenge without an error code.
    if (!token) return fhirError('missing-token', 'A bearer access token is required');

    let verified: VerifiedToken;
    try {
      verified = await verifyAccessTokenWithCitizen(deps.reader, token, deps.now());
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      request.log.warn({ event: 'fhir.invalid_token', reason: error.reason });
      return fhirError('invalid-token', tokenProblems[error.reason]);
    }

    const { actor } = verified;
    if (deps.clientCertificateOf) {
      const identity = deps.clientCertificateOf(request);
      if (!identity?.dnsNames.includes(actor.id)) {
        const reason = identity ? 'certificate_of_another_client' : 'no_client_certificate';
        request.log.warn({ event: 'fhir.invalid_token', reason, client: actor.id });
        return fhirError('invalid-token', 'The access token was not issued to this client');
      }
    }
    if (!actor.scope.split(' ').includes(deps.scope)) {
      return fhirError('insufficient-scope', 'The access token does not cover this service');
    }
    return verified;
  };
}
