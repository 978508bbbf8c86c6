// The scope of an authorization request (medmij-dva.md §3.2): our MedMij provider name, in the
// current form (`rivm`) or the legacy one (`rivm~63`, name and Gegevensdienst). We split on
// spaces, take out a representation token, and accept exactly one token of either form.
import { InvalidScope } from '../errors.ts';
import { VACCINATION_SERVICE_ID } from '../token/clientDirectory.ts';

const representationTokens = new Set(['onbehalfof', 'onbehalfofchild']);

export interface ParsedScope {
  /** The scope we grant and store: always the current form, our provider name. */
  scope: string;
  form: 'current' | 'legacy';
}

export function parseScope(raw: string, providerName: string): ParsedScope {
  const tokens = raw.split(' ').filter((token) => token !== '');
  const representation = tokens.filter((token) => representationTokens.has(token));
  const rest = tokens.filter((token) => !representationTokens.has(token));

  // Known shortcoming: representation (medmij-dva.md §3.2, §16) is not offered, because
  // whether RIVM offers it is not confirmed; a request for it is refused before login.
  if (representation.length > 0) {
    throw new InvalidScope('representation is not offered', 'scope_representation');
  }
  if (rest.length !== 1) throw new InvalidScope('scope must name one provider', 'scope_count');
  const [token] = rest as [string];
  if (token === providerName) return { scope: providerName, form: 'current' };
  if (token === `${providerName}~${VACCINATION_SERVICE_ID}`) {
    return { scope: providerName, form: 'legacy' };
  }
  throw new InvalidScope('scope is not this provider', 'scope_unknown');
}
