// Writing CSV rows back out (the reject file of a CSV extract): a field is quoted when it holds
// a comma, quote, newline or leading `#`, with quotes doubled, as csv-parse reads it.

export function csvLine(fields: readonly (string | null | undefined)[]): string {
  return fields.map((f) => csvField(f ?? '')).join(',');
}

export function csvField(value: string): string {
  return /[",\r\n]|^#/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
