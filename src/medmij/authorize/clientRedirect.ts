// The redirect back to the PGO (RFC 6749 §4.1.2): redirect_uri with `code` and `state` on
// success, `error`, `error_description` and `state` on failure, and nothing else. The
// parameters are appended to redirect_uri's own query, which is kept as it was sent. The state
// goes back exactly as it stood in the request's URL (medmij-dva.md §17: some clients send it
// unencoded), unless it holds characters a URL cannot carry; then it is re-encoded.

const URL_SAFE = /^[\x21-\x7e]*$/;

export function clientRedirectUrl(
  redirectUri: string,
  parameters: Record<string, string | undefined>,
  rawState?: string,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) query.append(name, value);
  }
  let search = query.toString();
  if (rawState !== undefined) {
    const state = URL_SAFE.test(rawState)
      ? rawState
      : new URLSearchParams({ state: new URLSearchParams(`s=${rawState}`).get('s') ?? '' })
          .toString()
          .slice('state='.length);
    search += `${search ? '&' : ''}state=${state}`;
  }
  const hasQuery = redirectUri.includes('?');
  const separator = !hasQuery ? '?' : redirectUri.endsWith('?') ? '' : '&';
  return `${redirectUri}${separator}${search}`;
}
