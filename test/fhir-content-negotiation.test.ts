// Content negotiation and error bodies of the FHIR face (MedMij DVA reference §12.1): what MGO
// and the Nictiz scripts send gets JSON or XML, anything else a 406 with an OperationOutcome;
// error reasons map to one HTTP status each, and unexpected errors leak nothing.
import { describe, expect, it } from 'vitest';
import { asFhirError, fhirError, isFhirError, operationOutcome } from '../src/fhir/errors.ts';
import { negotiateFormat } from '../src/fhir/format/negotiate.ts';
import { contentTypes, parseBody, serialize } from '../src/fhir/format/serialize.ts';

const accepted: [string | undefined, 'json' | 'xml'][] = [
  [undefined, 'json'],
  ['', 'json'],
  ['*/*', 'json'],
  ['application/fhir+json', 'json'],
  ['application/json', 'json'],
  ['application/fhir+xml', 'xml'],
  ['application/xml', 'xml'],
  ['application/fhir+json; fhirVersion=4.0', 'json'],
  ['application/fhir+json;fhirVersion=4.0.1', 'json'],
  ['application/fhir+xml; fhirVersion=4.0', 'xml'],
  ['application/fhir+json; charset=utf-8', 'json'],
  ['APPLICATION/FHIR+XML', 'xml'],
  ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'xml'],
  ['application/fhir+json;q=0, application/fhir+xml', 'xml'],
  ['application/fhir+json;fhirVersion=3.0, application/fhir+xml', 'xml'],
];

const refused = [
  'text/html',
  'application/fhir+json; fhirVersion=3.0',
  'application/fhir+xml; fhirVersion=5.0',
  'application/pdf, text/plain;q=0.5',
  'application/fhir+json;q=0',
];

const formats: [string, string | undefined, 'json' | 'xml'][] = [
  ['json', undefined, 'json'],
  ['xml', 'application/fhir+json', 'xml'],
  ['application/fhir+json', 'application/fhir+xml', 'json'],
  ['application/fhir json', undefined, 'json'], // `+` decoded from a query string
  ['application/fhir+xml;fhirVersion=4.0', undefined, 'xml'],
  ['application/xml', undefined, 'xml'],
];

describe('content negotiation', () => {
  it.each(accepted)('answers Accept %j with %s', (accept, format) => {
    expect(negotiateFormat({ accept })).toBe(format);
  });

  it.each(refused)('refuses Accept %j with 406', (accept) => {
    const result = negotiateFormat({ accept });
    expect(isFhirError(result) && [result.status, result.code]).toEqual([406, 'not-supported']);
  });

  it.each(formats)('lets _format=%j win over Accept %j: %s', (format, accept, expected) => {
    expect(negotiateFormat({ format, accept })).toBe(expected);
  });

  it('refuses an unknown _format even when Accept would do', () => {
    const result = negotiateFormat({ format: 'html', accept: 'application/fhir+json' });
    expect(isFhirError(result) && result.status).toBe(406);
  });
});

describe('serialisation', () => {
  const outcome = operationOutcome(fhirError('not-found', 'No Medication with this id'));

  it('labels bodies with the FHIR media types and utf-8', () => {
    expect(serialize(outcome, 'json').contentType).toBe('application/fhir+json; charset=utf-8');
    expect(serialize(outcome, 'xml').contentType).toBe('application/fhir+xml; charset=utf-8');
    expect(contentTypes).toEqual({
      json: 'application/fhir+json; charset=utf-8',
      xml: 'application/fhir+xml; charset=utf-8',
    });
  });

  it.each(['json', 'xml'] as const)('writes and reads an OperationOutcome as %s', (format) => {
    const { body } = serialize(outcome, format);
    expect(parseBody(body, format)).toEqual(outcome);
  });

  it('writes FHIR XML in the order of the R4 definitions, whatever the JSON order', () => {
    const shuffled = {
      issue: [{ diagnostics: 'x', code: 'invalid', severity: 'error' }],
      resourceType: 'OperationOutcome',
    };
    expect(serialize(shuffled, 'xml').body).toMatch(
      /<issue><severity value="error"\/><code value="invalid"\/><diagnostics value="x"\/><\/issue>/,
    );
  });
});

describe('FHIR errors', () => {
  it.each([
    ['unsupported-type', 404, 'not-supported'],
    ['not-found', 404, 'not-found'],
    ['not-acceptable', 406, 'not-supported'],
    ['invalid-request', 400, 'invalid'],
    ['missing-token', 401, 'login'],
    ['invalid-token', 401, 'login'],
    ['insufficient-scope', 403, 'security'],
    ['internal', 500, 'exception'],
  ] as const)('maps %s to HTTP %i with issue code %s', (reason, status, code) => {
    const error = fhirError(reason, 'because');
    expect([error.status, error.code, error.severity]).toEqual([status, code, 'error']);
    expect(operationOutcome(error).issue).toEqual([
      { severity: 'error', code, diagnostics: 'because' },
    ]);
  });

  it('carries the RFC 6750 challenge for the token cases', () => {
    expect(fhirError('invalid-token', 'expired').challenge).toBe('invalid_token');
    expect(fhirError('insufficient-scope', 'other service').challenge).toBe('insufficient_scope');
    expect(fhirError('not-found', 'gone').challenge).toBeUndefined();
  });

  it('turns an unexpected exception into a 500 that does not repeat its message', () => {
    const error = asFhirError(new Error('connection to 10.0.0.5 refused for citizen 123456782'));
    expect([error.status, error.code]).toEqual([500, 'exception']);
    expect(error.diagnostics).not.toMatch(/10\.0\.0\.5|123456782/);
    const known = fhirError('unsupported-type', 'Observation is not served here', 'fatal');
    expect(asFhirError(known)).toBe(known);
  });
});
