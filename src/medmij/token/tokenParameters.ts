// Reads a token request's parameters from wherever the client put them:
//   - the form body (RFC 6749; MGO),
//   - the query string of a POST without body (the MedMij example; old Node/Java clients),
//   - a JSON body (legacy: the GIDS server and the MGO mock DVA).
// A parameter may come from body and query alike only with the same value; a parameter given
// twice in one place is refused (RFC 6749 §3.2). Unknown parameters are ignored (RFC 6749 §3.2).
import { InvalidRequest } from './errors.ts';

export const tokenParameterNames = [
  'grant_type',
  'code',
  'redirect_uri',
  'client_id',
  'refresh_token',
] as const;
export type TokenParameterName = (typeof tokenParameterNames)[number];

export type TokenParameters = Partial<Record<TokenParameterName, string>> & {
  /** Where the parameters came from, for the logs. */
  from: 'body' | 'query' | 'json' | 'none';
};

/** Longer than any code, token, URI or hostname we issue or accept. */
const MAX_LENGTH = 2048;

export function readTokenParameters(
  body: unknown,
  query: unknown,
  contentType: string | undefined,
): TokenParameters {
  const json = /^application\/json\b/i.test(contentType ?? '');
  const fromBody = body === undefined || body === null || body === '' ? {} : asRecord(body);
  const fromQuery = asRecord(query ?? {});
  const result: TokenParameters = { from: 'none' };

  for (const name of tokenParameterNames) {
    const inBody = valueOf(fromBody, name);
    const inQuery = valueOf(fromQuery, name);
    if (inBody !== undefined && inQuery !== undefined && inBody !== inQuery) {
      throw new InvalidRequest(`${name} given in body and query with different values`);
    }
    const value = inBody ?? inQuery;
    if (value === undefined) continue;
    result[name] = value;
    if (inBody !== undefined) result.from = json ? 'json' : 'body';
    else if (result.from === 'none') result.from = 'query';
  }
  return result;
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequest('request body must be form-encoded parameters');
  }
  return value as Record<string, unknown>;
}

/** The parameter's value; undefined when absent or empty (RFC 6749 §3.1: empty = omitted). */
function valueOf(source: Record<string, unknown>, name: string): string | undefined {
  if (!Object.hasOwn(source, name)) return undefined;
  const value = source[name];
  if (Array.isArray(value)) throw new InvalidRequest(`${name} given more than once`);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidRequest(`${name} must be a string`);
  if (value.length > MAX_LENGTH) throw new InvalidRequest(`${name} too long`);
  return value;
}
