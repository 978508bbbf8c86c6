// XSD validation of a list with libxml2 (xmllint-wasm, namespace-aware). The schemas are ours,
// kept in ./xsd; libxml2 runs in a worker with its own in-memory file system and `--nonet`, so
// it reads nothing but the two files handed to it.
import { readFileSync } from 'node:fs';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { ListError } from './listErrors.ts';

const schemaTexts = new Map<string, string>();

function schemaText(file: string): string {
  let text = schemaTexts.get(file);
  if (text === undefined) {
    text = readFileSync(new URL(`./xsd/${file}`, import.meta.url), 'utf8');
    schemaTexts.set(file, text);
  }
  return text;
}

/** How many of libxml2's complaints to keep in the error message. */
const REPORTED_ERRORS = 5;

export async function validateAgainstXsd(text: string, xsdFile: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: 'list.xml', contents: text }],
    schema: [{ fileName: xsdFile, contents: schemaText(xsdFile) }],
    // The ZAL runs to megabytes; libxml2's tree for it needs more than the default 32 MiB.
    maxMemoryPages: 256 * memoryPages.MiB,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (result.valid) return;

  const problems = result.errors
    .map((e) => e.message.replace(/\{[^}]*\}/g, '').replace(/^Schemas validity error : /, ''))
    .filter((m) => m && !m.endsWith('fails to validate') && !/No precomputed value/.test(m))
    .slice(0, REPORTED_ERRORS);
  const code = problems.some((p) => /parser error/i.test(p)) ? 'NOT_WELL_FORMED' : 'SCHEMA_INVALID';
  throw new ListError(code, `does not validate against ${xsdFile}: ${problems.join('; ')}`);
}
