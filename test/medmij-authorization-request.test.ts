// The rules of the MedMij authorization request, one by one (medmij-dva.md §3): redirect_uri
// matching (the parsed host exactly, not a prefix), the scope forms, which defects end on our
// error page and which are redirected, the state kept byte for byte, the MedMij ids required.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkAuthorizationRequest } from '../src/medmij/authorize/authorizationRequest.ts';
import { staticClientDirectory } from '../src/medmij/authorize/clientDirectory.ts';
import { clientRedirectUrl } from '../src/medmij/authorize/clientRedirect.ts';
import { readQueryParameters } from '../src/medmij/authorize/queryParameters.ts';
import { checkRedirectUri } from '../src/medmij/authorize/redirectUri.ts';
import { parseScope } from '../src/medmij/authorize/scope.ts';
import { InvalidRedirectUri, InvalidScope } from '../src/medmij/errors.ts';

const PGO = 'medmij.pgo.example.nl';
const clients = staticClientDirectory([
  { hostname: PGO, organisationName: 'Voorbeeld PGO' },
  {
    hostname: 'medmij.other.example.nl',
    organisationName: 'Andere PGO',
    services: [{ interfaceVersion: '2', serviceIds: ['48'] }],
  },
]);

function query(parameters: Record<string, string | undefined>): string {
  const base: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: PGO,
    redirect_uri: `https://${PGO}/auth/callback`,
    scope: 'rivm',
    state: 'Zk9x3QbT2v',
    'MedMij-Request-ID': randomUUID(),
    'X-Correlation-ID': randomUUID(),
    ...parameters,
  };
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(base))
    if (value !== undefined) search.set(name, value);
  return `/oauth/authorize?${search.toString()}`;
}

const check = (url: string) => checkAuthorizationRequest(readQueryParameters(url), clients, 'rivm');

describe('redirect_uri', () => {
  it('accepts an https URI on exactly the client host, with or without a query', () => {
    expect(checkRedirectUri(`https://${PGO}/cb`, PGO).hostname).toBe(PGO);
    expect(checkRedirectUri(`https://MEDMIJ.pgo.example.nl/cb?x=1`, PGO).pathname).toBe('/cb');
  });

  it.each([
    ['a longer host ending in ours', `https://evil${PGO}/cb`],
    ['our host as a prefix of another', `https://${PGO}.evil.tld/cb`],
    ['our host as userinfo', `https://${PGO}@evil.tld/cb`],
    ['a subdomain of ours', `https://x.${PGO}/cb`],
    ['plain http', `http://${PGO}/cb`],
    ['a fragment', `https://${PGO}/cb#frag`],
    ['a port', `https://${PGO}:8443/cb`],
    ['whitespace the parser would drop', `https://${PGO}/c\tb`],
    ['something that is no URL', 'not a uri'],
    ['nothing', ''],
  ])('refuses %s', (_what, uri) => {
    expect(() => checkRedirectUri(uri, PGO)).toThrow(InvalidRedirectUri);
  });
});

describe('scope', () => {
  it('accepts our name and the legacy name~63, granting the current form', () => {
    expect(parseScope('rivm', 'rivm')).toEqual({ scope: 'rivm', form: 'current' });
    expect(parseScope('rivm~63', 'rivm')).toEqual({ scope: 'rivm', form: 'legacy' });
    expect(parseScope('  rivm ', 'rivm').scope).toBe('rivm');
  });

  it.each([
    'rivm~48',
    '63',
    'rivm rivm~63',
    'eenofanderezorgaanbieder',
    'rivm onbehalfof',
    'subscribe~180/rivm~63',
    '',
  ])('refuses %j', (scope) => {
    expect(() => parseScope(scope, 'rivm')).toThrow(InvalidScope);
  });
});

describe('authorization request', () => {
  it('accepts a well-formed request and keeps state and redirect_uri as sent', () => {
    const result = check(query({ redirect_uri: `https://${PGO}/cb?b=%20x&a=1` }));
    expect(result.kind).toBe('accepted');
    if (result.kind !== 'accepted') return;
    expect(result.request.redirectUri).toBe(`https://${PGO}/cb?b=%20x&a=1`);
    expect(result.request.state).toBe('Zk9x3QbT2v');
    expect(result.request.organisationName).toBe('Voorbeeld PGO');
  });

  it('reads a state with unencoded = signs whole (lenient parsing)', () => {
    const url = query({ state: undefined }) + '&state=abc==def=';
    const result = check(url);
    expect(result.kind).toBe('accepted');
    if (result.kind === 'accepted') expect(result.request.state).toBe('abc==def=');
  });

  it.each([
    ['unencoded = and +', 'abc==d+f/='],
    ['percent-encoded', 'Zk9x%3D%3Da%20b%2B'],
    ['malformed escapes', 'a%zz%'],
  ])('returns a state (%s) byte for byte', (_what, raw) => {
    const result = check(query({ state: undefined }) + `&state=${raw}`);
    expect(result.kind).toBe('accepted');
    if (result.kind !== 'accepted') return;
    const url = clientRedirectUrl(
      result.request.redirectUri,
      { code: 'xyz' },
      result.request.state,
    );
    expect(url.endsWith(`?code=xyz&state=${raw}`)).toBe(true);
  });

  it('re-encodes a state a URL cannot carry as it stands, keeping its value', () => {
    const url = clientRedirectUrl(`https://${PGO}/cb`, { code: 'c' }, 'é ü');
    expect(new URL(url).searchParams.get('state')).toBe('é ü');
  });

  it('keeps the query of redirect_uri and adds only code and state', () => {
    const url = clientRedirectUrl(`https://${PGO}/cb?keep=%20as-is`, { code: 'xyz' }, 's');
    expect(url).toBe(`https://${PGO}/cb?keep=%20as-is&code=xyz&state=s`);
  });

  it('returns the state with an error redirect too', () => {
    const result = check(query({ state: undefined, scope: 'x' }) + '&state=a=b');
    expect(result.kind === 'error_redirect' && result.to.state).toBe('a=b');
  });

  it('ignores parameters it does not know', () => {
    expect(check(query({ prompt: 'login', nonce: 'n' })).kind).toBe('accepted');
  });

  it.each([
    ['no client_id', { client_id: undefined }],
    ['a client off the OCL', { client_id: 'medmij.unknown.example.nl' }],
    ['no redirect_uri', { redirect_uri: undefined }],
    ['a redirect_uri of another host', { redirect_uri: `https://${PGO}.evil.tld/cb` }],
  ])('shows the error page, never redirecting, for %s', (_what, parameters) => {
    const result = check(query(parameters));
    expect(result.kind).toBe('error_page');
    if (result.kind === 'error_page') expect(result.error.redirectable).toBe(false);
  });

  it('shows the error page for a repeated client_id or redirect_uri', () => {
    expect(check(query({}) + `&client_id=${PGO}`).kind).toBe('error_page');
    expect(check(query({}) + `&redirect_uri=https%3A%2F%2F${PGO}%2Fcb`).kind).toBe('error_page');
  });

  it.each([
    ['invalid_request', 'no response_type', { response_type: undefined }],
    ['unsupported_response_type', 'response_type=token', { response_type: 'token' }],
    ['invalid_scope', 'another provider', { scope: 'someoneelse' }],
    ['invalid_request', 'no scope', { scope: undefined }],
    ['invalid_request', 'no MedMij-Request-ID', { 'MedMij-Request-ID': undefined }],
    ['invalid_request', 'no X-Correlation-ID', { 'X-Correlation-ID': undefined }],
    ['invalid_request', 'a MedMij-Request-ID that is no UUID', { 'MedMij-Request-ID': '42' }],
    ['invalid_request', 'an X-Correlation-ID that is no UUID', { 'X-Correlation-ID': 'x' }],
  ])('redirects %s for %s, with the state', (code, _what, parameters) => {
    const result = check(query(parameters));
    expect(result.kind).toBe('error_redirect');
    if (result.kind !== 'error_redirect') return;
    expect(result.error.code).toBe(code);
    expect(result.to.redirectUri).toBe(`https://${PGO}/auth/callback`);
    expect(result.to.state).toBe('Zk9x3QbT2v');
  });

  it('redirects invalid_request for a repeated parameter', () => {
    const result = check(query({}) + '&scope=rivm');
    expect(result.kind === 'error_redirect' && result.error.code).toBe('invalid_request');
  });

  it('redirects unauthorized_client when the OCL lists other services only', () => {
    const other = 'medmij.other.example.nl';
    const result = check(query({ client_id: other, redirect_uri: `https://${other}/cb` }));
    expect(result.kind === 'error_redirect' && result.error.code).toBe('unauthorized_client');
  });

  it('accepts the MedMij ids whatever the case of their names', () => {
    const url = query({ 'MedMij-Request-ID': undefined, 'X-Correlation-ID': undefined });
    const lower = `${url}&medmij-request-id=${randomUUID()}&x-correlation-id=${randomUUID()}`;
    expect(check(lower).kind).toBe('accepted');
  });
});
