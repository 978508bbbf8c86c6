// Reads the authorization request's query string leniently (medmij-dva.md §17): a value runs
// from the first `=` to the next `&`, so a state with unencoded `=` arrives whole; malformed
// percent escapes are kept as they are rather than refused. Each name keeps all its values, so
// that a repeated parameter can be refused (RFC 6749 §3.1), and each value is also kept as it
// stood in the URL, so that the state can be returned byte for byte.

export type QueryParameters = ReadonlyMap<string, readonly string[]> & {
  /** The same values, undecoded, as they stood in the URL. */
  raw: ReadonlyMap<string, readonly string[]>;
};

export function readQueryParameters(rawUrl: string): QueryParameters {
  const at = rawUrl.indexOf('?');
  const query = at === -1 ? '' : rawUrl.slice(at + 1);
  const decoded = new Map<string, string[]>();
  const raw = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, name: string, value: string) => {
    const values = map.get(name);
    if (values) values.push(value);
    else map.set(name, [value]);
  };
  for (const piece of query.split('&')) {
    // WHATWG form decoding of one pair: split on the first `=`; `+` is a space.
    const [pair] = new URLSearchParams(piece);
    if (!pair) continue;
    const [name, value] = pair;
    const equals = piece.indexOf('=');
    add(decoded, name, value);
    add(raw, name, equals === -1 ? '' : piece.slice(equals + 1));
  }
  return Object.assign(decoded, { raw });
}

/** All values of a parameter whose name matches case-insensitively (MedMij ids only). */
export function valuesIgnoringCase(parameters: QueryParameters, name: string): string[] {
  const lower = name.toLowerCase();
  return [...parameters].filter(([key]) => key.toLowerCase() === lower).flatMap(([, v]) => v);
}
