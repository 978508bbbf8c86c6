// Why a list was refused. Each refusal has a stable code, shown in /readyz, the staff API and
// the logs; the message names the list and the problem, never anything a list does not hold.

export type ListErrorCode =
  /** The document declares a DOCTYPE, an entity or other markup declaration. */
  | 'DOCTYPE_REFUSED'
  /** Not UTF-8, or larger than we accept. */
  | 'UNREADABLE'
  /** Not well-formed XML. */
  | 'NOT_WELL_FORMED'
  /** The root element or its namespace is not the list expected from this source. */
  | 'WRONG_LIST'
  /** Does not validate against the list's XSD. */
  | 'SCHEMA_INVALID'
  /** Valid, but lists no entries: taken for a publication error rather than the truth. */
  | 'EMPTY_LIST'
  /** The Volgnummer is lower than that of the list we already have. */
  | 'VOLGNUMMER_LOWER'
  /** The source could not be read (network, TLS, HTTP status, file). */
  | 'FETCH_FAILED'
  /** The list was good but could not be stored in the database. */
  | 'STORE_FAILED';

export class ListError extends Error {
  override name = 'ListError';
  readonly code: ListErrorCode;

  constructor(code: ListErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Code and message of any failure: a ListError's own, or `fallback` for anything else. */
export function describeListFailure(
  error: unknown,
  fallback: ListErrorCode,
): { code: ListErrorCode; message: string } {
  if (error instanceof ListError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: fallback, message };
}
