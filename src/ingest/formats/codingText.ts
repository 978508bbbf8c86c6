// Codings in a CSV cell: `system|code|display`, several separated by `;`. A backslash escapes
// `|`, `;` and itself inside a part (displays may contain either). Display is optional
// (`system|code`). Decoding yields plain objects that the zod schema then checks.

export interface CodingValue {
  system: string;
  code: string;
  display?: string;
}

/** The codings in a cell, or null when a coding does not have two or three parts. */
export function parseCodings(cell: string): CodingValue[] | null {
  if (cell === '') return [];
  const codings: CodingValue[] = [];
  for (const parts of splitEscaped(cell)) {
    if (parts.length < 2 || parts.length > 3) return null;
    const [system = '', code = '', display] = parts;
    codings.push(
      display === undefined || display === '' ? { system, code } : { system, code, display },
    );
  }
  return codings;
}

/** The inverse of parseCodings, for writing extracts (tests, benchmark, reject files). */
export function formatCodings(codings: readonly CodingValue[]): string {
  return codings
    .map((c) => [c.system, c.code, ...(c.display ? [c.display] : [])].map(escape).join('|'))
    .join(';');
}

const escape = (part: string) => part.replace(/[\\|;]/g, (ch) => `\\${ch}`);

/** Splits into codings and their parts, honouring backslash escapes. */
function splitEscaped(cell: string): string[][] {
  if (!cell.includes('\\')) return cell.split(';').map((coding) => coding.split('|'));
  const codings: string[][] = [];
  let parts: string[] = [];
  let part = '';
  for (let i = 0; i < cell.length; i += 1) {
    const ch = cell[i];
    if (ch === '\\' && i + 1 < cell.length) {
      part += cell[i + 1];
      i += 1;
    } else if (ch === '|') {
      parts.push(part);
      part = '';
    } else if (ch === ';') {
      parts.push(part);
      codings.push(parts);
      parts = [];
      part = '';
    } else {
      part += ch;
    }
  }
  parts.push(part);
  codings.push(parts);
  return codings;
}
