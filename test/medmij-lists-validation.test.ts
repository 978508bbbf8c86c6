// MedMij lists are XSD-validated before use and never parsed with a DTD: the development lists
// pass, broken ones (no Volgnummer, bad or duplicate hostnames, empty, wrong list) and any
// document with a DOCTYPE (XXE, entity expansion) are refused with a code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ListError } from '../src/medmij/lists/listErrors.ts';
import type { ListName } from '../src/medmij/lists/listNames.ts';
import { clientOffersService } from '../src/medmij/lists/oauthClientList.ts';
import { readList } from '../src/medmij/lists/readList.ts';
import { parseRoot } from '../src/medmij/lists/xmlTree.ts';

const devFiles: Record<ListName, string> = {
  OAuthclientlist: 'MedMij_OAuthclientlist.xml',
  Whitelist: 'MedMij_Whitelist.xml',
  Zorgaanbiederslijst: 'MedMij_Zorgaanbiederslijst.xml',
  Gegevensdienstnamenlijst: 'MedMij_Gegevensdienstnamenlijst.xml',
};
const dev = (name: ListName) =>
  readFileSync(new URL(`../dev/medmij-lists/${devFiles[name]}`, import.meta.url), 'utf8');

async function refusal(name: ListName, xml: string | Uint8Array): Promise<ListError> {
  const error = await readList(name, xml).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ListError);
  return error as ListError;
}

const whitelist = (
  nodes: string[],
  volgnummer = '<Volgnummer>3</Volgnummer>',
) => `<?xml version="1.0"?>
<Whitelist xmlns="xmlns://afsprakenstelsel.medmij.nl/whitelist/release2/">
  <Tijdstempel>2025-02-01T12:00:00+01:00</Tijdstempel>
  ${volgnummer}
  <MedMijNodes>${nodes.map((h) => `<MedMijNode><Hostname>${h}</Hostname></MedMijNode>`).join('')}
  </MedMijNodes>
</Whitelist>`;

describe('the development lists', () => {
  it('validate and read into typed values', async () => {
    const ocl = (await readList('OAuthclientlist', dev('OAuthclientlist'))).list;
    expect(ocl.volgnummer).toBe(1);
    expect(ocl.tijdstempel.toISOString()).toBe('2025-01-06T09:00:00.000Z');
    const pgo = ocl.clients.find((c) => c.hostname === 'medmij.pgo.example');
    expect(pgo).toEqual({
      hostname: 'medmij.pgo.example',
      organisationName: 'Voorbeeld PGO',
      services: [{ interfaceVersion: '2', serviceIds: ['63'] }],
    });
    expect(clientOffersService(pgo!, '63')).toBe(true);
    expect(clientOffersService(pgo!, '4')).toBe(false);
    expect(ocl.clients).toHaveLength(2);

    const wl = (await readList('Whitelist', dev('Whitelist'))).list;
    expect(wl.hostnames).toEqual(expect.arrayContaining(ocl.clients.map((c) => c.hostname)));

    const zal = (await readList('Zorgaanbiederslijst', dev('Zorgaanbiederslijst'))).list;
    const rivm = zal.providers.find((p) => p.name === 'rivm@medmij');
    expect(rivm?.services[0]).toMatchObject({
      serviceId: '63',
      authorizationEndpoint: expect.stringMatching(/^https:\/\/.+\/oauth\/authorize$/),
      tokenEndpoint: expect.stringMatching(/^https:\/\/.+\/oauth\/token$/),
      systemRoles: [{ resourceEndpoint: expect.stringMatching(/\/fhir$/) }],
    });

    const gnl = (await readList('Gegevensdienstnamenlijst', dev('Gegevensdienstnamenlijst'))).list;
    expect(gnl.names.get('63')).toBe('Vaccinaties');
  });
});

describe('XSD validation', () => {
  it('refuses a list without Volgnummer', async () => {
    const error = await refusal('Whitelist', whitelist(['a.example'], ''));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.message).toMatch(/Volgnummer/);
  });

  it('refuses a Volgnummer that is not a positive integer', async () => {
    const zero = '<Volgnummer>0</Volgnummer>';
    expect((await refusal('Whitelist', whitelist(['a.example'], zero))).code).toBe(
      'SCHEMA_INVALID',
    );
  });

  it('refuses a hostname outside the MedMij pattern', async () => {
    for (const bad of ['Medmij.PGO.example', 'localhost', 'pgo.example.', 'pgo_1.example']) {
      const error = await refusal('Whitelist', whitelist(['ok.example', bad]));
      expect(error.code, bad).toBe('SCHEMA_INVALID');
    }
    const ocl = dev('OAuthclientlist').replace('medmij.pgo.example', 'https://medmij.pgo.example');
    expect((await refusal('OAuthclientlist', ocl)).code).toBe('SCHEMA_INVALID');
  });

  it('refuses a hostname listed twice (Whitelist and OCL)', async () => {
    const error = await refusal('Whitelist', whitelist(['a.example', 'b.example', 'a.example']));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.message).toMatch(/Duplicate/);

    const ocl = dev('OAuthclientlist').replace(
      '<Hostname>medmij.tweede-pgo.example</Hostname>',
      '<Hostname>medmij.pgo.example</Hostname>',
    );
    expect((await refusal('OAuthclientlist', ocl)).message).toMatch(/Duplicate/);
  });

  it('refuses a GegevensdienstId listed twice in the GNL', async () => {
    const service = (name: string) =>
      `<Gegevensdienst><GegevensdienstId>63</GegevensdienstId>` +
      `<Weergavenaam>${name}</Weergavenaam></Gegevensdienst>`;
    const gnl = dev('Gegevensdienstnamenlijst').replace(
      /<Gegevensdiensten>[\s\S]*<\/Gegevensdiensten>/,
      `<Gegevensdiensten>${service('Vaccinaties')}${service('Dubbel')}</Gegevensdiensten>`,
    );
    expect((await refusal('Gegevensdienstnamenlijst', gnl)).message).toMatch(/Duplicate/);
  });

  it('refuses a ZAL endpoint with a query or a port on the front channel', async () => {
    const zal = dev('Zorgaanbiederslijst');
    const query = zal.replace('/oauth/authorize<', '/oauth/authorize?x=1<');
    expect((await refusal('Zorgaanbiederslijst', query)).code).toBe('SCHEMA_INVALID');
    const port = zal.replace('example/oauth/authorize', 'example:8443/oauth/authorize');
    expect((await refusal('Zorgaanbiederslijst', port)).code).toBe('SCHEMA_INVALID');
    const backPort = zal.replace('example/oauth/token', 'example:8443/oauth/token');
    expect((await readList('Zorgaanbiederslijst', backPort)).list.providers).toHaveLength(1);
  });

  it('refuses a valid list without entries', async () => {
    expect((await refusal('Whitelist', whitelist([]))).code).toBe('EMPTY_LIST');
  });

  it('refuses another list, or the right one in another namespace', async () => {
    expect((await refusal('OAuthclientlist', dev('Whitelist'))).code).toBe('WRONG_LIST');
    const oldNamespace = whitelist(['a.example']).replace('release2', 'release1');
    expect((await refusal('Whitelist', oldNamespace)).code).toBe('WRONG_LIST');
  });

  it('is namespace-aware: prefixes are fine, an unqualified child is not', async () => {
    const prefixed = whitelist(['a.example'])
      .replace('xmlns=', 'xmlns:wl=')
      .replace(/<(\/?)(?=[A-Z])/g, '<$1wl:');
    expect((await readList('Whitelist', prefixed)).list.hostnames).toEqual(['a.example']);

    const unqualified = whitelist(['a.example']).replace('<MedMijNodes>', '<MedMijNodes xmlns="">');
    expect((await refusal('Whitelist', unqualified)).code).toBe('SCHEMA_INVALID');
  });

  it('accepts a release2 Zorgaanbiederslijst', async () => {
    const release2 = `<Zorgaanbiederslijst
        xmlns="xmlns://afsprakenstelsel.medmij.nl/zorgaanbiederslijst/release2/">
      <Tijdstempel>2019-05-04T18:13:51.0+01:00</Tijdstempel>
      <Volgnummer>9</Volgnummer>
      <Zorgaanbieders><Zorgaanbieder>
        <Zorgaanbiedernaam>rivm@medmij</Zorgaanbiedernaam>
        <Gegevensdiensten><Gegevensdienst>
          <GegevensdienstId>63</GegevensdienstId>
          <AuthorizationEndpoint>
            <AuthorizationEndpointuri>https://a.example/authorize</AuthorizationEndpointuri>
          </AuthorizationEndpoint>
          <TokenEndpoint><TokenEndpointuri>https://a.example:8443/token</TokenEndpointuri></TokenEndpoint>
          <Systeemrollen><Systeemrol>
            <Systeemrolcode>MM-1.0-VAB-FHIR</Systeemrolcode>
            <ResourceEndpoint><ResourceEndpointuri>https://a.example/fhir</ResourceEndpointuri></ResourceEndpoint>
          </Systeemrol></Systeemrollen>
        </Gegevensdienst></Gegevensdiensten>
      </Zorgaanbieder></Zorgaanbieders>
    </Zorgaanbiederslijst>`;
    const { list, namespace } = await readList('Zorgaanbiederslijst', release2);
    expect(namespace).toMatch(/release2\/$/);
    expect(list.volgnummer).toBe(9);
    expect(list.tijdstempel.toISOString()).toBe('2019-05-04T17:13:51.000Z');
    expect(list.providers[0]).toMatchObject({
      name: 'rivm@medmij',
      type: null,
      services: [{ interfaceVersion: null, tokenEndpoint: 'https://a.example:8443/token' }],
    });
  });

  it('decodes predefined entities and character references in values', async () => {
    const ocl = dev('OAuthclientlist').replace('Voorbeeld PGO', 'Zorg &amp; Co &#x20AC;&#233;');
    const { list } = await readList('OAuthclientlist', ocl);
    expect(list.clients[0]?.organisationName).toBe('Zorg & Co €é');
  });
});

describe('refusing DOCTYPEs and entities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entpoort-xxe-'));
  const secretFile = join(dir, 'secret.txt');
  writeFileSync(secretFile, 'TOP-SECRET-MARKER');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const withDoctype = (doctype: string, hostname: string) =>
    whitelist([hostname]).replace('<?xml version="1.0"?>', `<?xml version="1.0"?>\n${doctype}`);

  it('refuses an external entity (XXE) before parsing, and leaks nothing', async () => {
    const xxe = withDoctype(
      `<!DOCTYPE Whitelist [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`,
      '&xxe;.example',
    );
    const error = await refusal('Whitelist', xxe);
    expect(error.code).toBe('DOCTYPE_REFUSED');
    expect(error.message).not.toContain('TOP-SECRET-MARKER');
  });

  it('refuses parameter entities, entity expansion bombs and lower-case variants', async () => {
    const payloads = [
      `<!DOCTYPE Whitelist [<!ENTITY % p SYSTEM "file://${secretFile}"> %p;]>`,
      `<!DOCTYPE Whitelist [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
      `<!doctype Whitelist SYSTEM "http://127.0.0.1:9/evil.dtd">`,
      `<!DOCTYPE Whitelist PUBLIC "-//x//y" "file://${secretFile}">`,
    ];
    for (const payload of payloads) {
      const error = await refusal('Whitelist', withDoctype(payload, 'a.example'));
      expect(error.code, payload).toBe('DOCTYPE_REFUSED');
    }
  });

  it('refuses a DOCTYPE behind a BOM, and UTF-16 or other declared encodings', async () => {
    const doc = withDoctype('<!DOCTYPE Whitelist>', 'a.example');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc)]);
    expect((await refusal('Whitelist', bom)).code).toBe('DOCTYPE_REFUSED');

    const utf16 = Buffer.from(`\ufeff${doc}`, 'utf16le');
    expect((await refusal('Whitelist', utf16)).code).toBe('UNREADABLE');

    const latin1 = whitelist(['a.example']).replace(
      'version="1.0"',
      'version="1.0" encoding="ISO-8859-1"',
    );
    expect((await refusal('Whitelist', latin1)).code).toBe('UNREADABLE');
  });

  it('has a parser that expands no entity even if a DOCTYPE got through', () => {
    const internal = parseRoot(
      '<!DOCTYPE r [<!ENTITY boom "EXPANDED">]><r xmlns="urn:x"><v>&boom;</v></r>',
    );
    expect(internal.tree().children.get('v')?.[0]?.text).toBe('&boom;');

    const external = () =>
      parseRoot(
        `<!DOCTYPE r [<!ENTITY ext SYSTEM "file://${secretFile}">]><r xmlns="urn:x">&ext;</r>`,
      );
    expect(external).toThrow(ListError);
    expect(external).not.toThrow(/TOP-SECRET-MARKER/);
  });
});
