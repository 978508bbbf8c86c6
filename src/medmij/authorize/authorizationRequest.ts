// Validates an authorization request in the order medmij-dva.md §3.1 prescribes: first what
// decides whether we may redirect at all (client_id on the OCL, redirect_uri the client's);
// those failures end on our error page. Every later defect is redirected to the client with
// an RFC 6749 code and the state as received. Parameters we do not know are ignored.
import { isUuid } from '../../server/requestIds.ts';
import type { OAuthClient } from '../lists/oauthClientList.ts';
import { clientOffersService } from '../lists/oauthClientList.ts';
import {
  AuthorizationError,
  InvalidRedirectUri,
  InvalidRequest,
  UnauthorizedClient,
  UnknownClient,
  UnsupportedResponseType,
} from '../errors.ts';
import { VACCINATION_SERVICE_ID } from '../token/clientDirectory.ts';
import type { ClientDirectory } from './clientDirectory.ts';
import { valuesIgnoringCase, type QueryParameters } from './queryParameters.ts';
import { checkRedirectUri } from './redirectUri.ts';
import { parseScope } from './scope.ts';

/** The request as it waits in the BrowserSession for login and consent (JSON-safe). */
export interface PendingAuthorization {
  clientId: string;
  organisationName: string;
  /** As received: the token endpoint compares it byte for byte (core.tknint.205). */
  redirectUri: string;
  /** The scope we grant: our provider name. */
  scope: string;
  requestedScope: string;
  /** As it stood in the URL, undecoded, to be returned byte for byte; absent when not sent. */
  state?: string;
  requestId: string;
  correlationId: string;
}

export type RequestCheck =
  | { kind: 'accepted'; request: PendingAuthorization }
  /** Our error page: the client or its redirect_uri cannot be trusted. */
  | { kind: 'error_page'; error: AuthorizationError; clientId?: string | undefined }
  /** A redirect to the client with the error and the state as received. */
  | { kind: 'error_redirect'; error: AuthorizationError; to: ErrorDestination };

export interface ErrorDestination {
  clientId: string;
  redirectUri: string;
  state?: string | undefined;
  requestId?: string | undefined;
  correlationId?: string | undefined;
}

const MAX_STATE_LENGTH = 2048;

function single(parameters: QueryParameters, name: string): string | undefined {
  const values = parameters.get(name);
  if (values && values.length > 1) throw new InvalidRequest(`${name} is repeated`, 'repeated');
  return values?.[0];
}

function client(parameters: QueryParameters, clients: ClientDirectory): OAuthClient {
  let id: string | undefined;
  try {
    id = single(parameters, 'client_id');
  } catch {
    throw new UnknownClient('client_id is repeated', 'client_id_repeated');
  }
  if (!id) throw new UnknownClient('client_id is required', 'client_id_missing');
  const entry = clients.oauthClient(id);
  if (!entry) throw new UnknownClient('client_id is not a MedMij OAuth client', 'client_unlisted');
  return entry;
}

function redirectUri(parameters: QueryParameters, entry: OAuthClient): string {
  const values = parameters.get('redirect_uri') ?? [];
  if (values.length > 1) {
    throw new InvalidRedirectUri('redirect_uri is repeated', 'redirect_uri_repeated');
  }
  checkRedirectUri(values[0], entry.hostname);
  return values[0] as string;
}

function medmijId(parameters: QueryParameters, name: string): string {
  const values = valuesIgnoringCase(parameters, name);
  if (values.length !== 1) throw new InvalidRequest(`${name} is required once`, `${name}_count`);
  const [value] = values as [string];
  if (!isUuid(value)) throw new InvalidRequest(`${name} must be a UUID`, `${name}_format`);
  return value;
}

/** The redirectable checks, in order; throws the first failure. */
function rest(parameters: QueryParameters, entry: OAuthClient, providerName: string) {
  const responseType = single(parameters, 'response_type');
  if (!responseType) throw new InvalidRequest('response_type is required', 'response_type');
  if (responseType !== 'code') {
    throw new UnsupportedResponseType('only response_type=code is supported', 'response_type');
  }
  const requestId = medmijId(parameters, 'MedMij-Request-ID');
  const correlationId = medmijId(parameters, 'X-Correlation-ID');
  const rawScope = single(parameters, 'scope');
  if (!rawScope) throw new InvalidRequest('scope is required', 'scope_missing');
  const { scope } = parseScope(rawScope, providerName);
  // The OCL names the services a client may use; unstated (release2 OCL) restricts nothing.
  if (!clientOffersService(entry, VACCINATION_SERVICE_ID)) {
    throw new UnauthorizedClient('client is not registered for this service', 'ocl_service');
  }
  return { requestId, correlationId, scope, requestedScope: rawScope };
}

export function checkAuthorizationRequest(
  parameters: QueryParameters,
  clients: ClientDirectory,
  providerName: string,
): RequestCheck {
  let entry: OAuthClient;
  let uri: string;
  try {
    entry = client(parameters, clients);
    uri = redirectUri(parameters, entry);
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    return { kind: 'error_page', error, clientId: parameters.get('client_id')?.[0] };
  }

  const states = parameters.raw.get('state') ?? [];
  const state = states.length === 1 ? states[0] : undefined;
  try {
    if (states.length > 1) throw new InvalidRequest('state is repeated', 'state_repeated');
    if (state !== undefined && state.length > MAX_STATE_LENGTH) {
      throw new InvalidRequest('state is too long', 'state_length');
    }
    const checked = rest(parameters, entry, providerName);
    return {
      kind: 'accepted',
      request: {
        clientId: entry.hostname,
        organisationName: entry.organisationName,
        redirectUri: uri,
        ...checked,
        ...(state !== undefined ? { state } : {}),
      },
    };
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    const to: ErrorDestination = {
      clientId: entry.hostname,
      redirectUri: uri,
      state,
      requestId: firstUuid(parameters, 'MedMij-Request-ID'),
      correlationId: firstUuid(parameters, 'X-Correlation-ID'),
    };
    return { kind: 'error_redirect', error, to };
  }
}

/** For logging a refused request: the id if it is a well-formed one. */
function firstUuid(parameters: QueryParameters, name: string): string | undefined {
  const value = valuesIgnoringCase(parameters, name)[0];
  return isUuid(value) ? value : undefined;
}
