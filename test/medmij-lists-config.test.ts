// Where the MedMij lists come from: the development lists in the repository unless configured,
// every source required in production, https there, and a client certificate for https.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Environment } from '../src/config/config.ts';
import { medmijListSettings } from '../src/config/medmijLists.ts';
import { readList } from '../src/medmij/lists/readList.ts';
import { readSource } from '../src/medmij/lists/listSource.ts';
import type { ListName } from '../src/medmij/lists/listNames.ts';

const production = {
  ENTPOORT_ENV: 'production',
  DATABASE_URL: 'postgresql://db/entpoort',
  STAFF_OIDC_ISSUER: 'https://login.rivm.example',
  PUBLIC_BASE_URL: 'https://entpoort.rivm.example',
};
const stelselnode = {
  MEDMIJ_OCL_SOURCE: 'https://stelselnode.medmij.nl/MedMij_OAuthclientlist.xml?api=2',
  MEDMIJ_WHITELIST_SOURCE: 'https://stelselnode.medmij.nl/MedMij_Whitelist.xml?api=2',
  MEDMIJ_ZAL_SOURCE: 'https://stelselnode.medmij.nl/MedMij_Zorgaanbiederslijst.xml?api=2',
  MEDMIJ_GNL_SOURCE: 'https://stelselnode.medmij.nl/MedMij_Gegevensdienstnamenlijst.xml?api=2',
};

describe('MedMij list configuration', () => {
  it('defaults to the development lists, which the cache can read', async () => {
    const { medmijLists } = loadConfig({});
    expect(medmijLists.refreshSeconds).toBe(3600);
    for (const [name, source] of Object.entries(medmijLists.sources)) {
      expect(source).toMatch(/^file:.*\/dev\/medmij-lists\/MedMij_.*\.xml$/);
      expect(existsSync(fileURLToPath(source)), name).toBe(true);
      const { list } = await readList(name as ListName, await readSource(source));
      expect(list.name).toBe(name);
    }
  });

  it('requires every source in production, over https with a client certificate', () => {
    expect(() => loadConfig(production)).toThrow(/MEDMIJ_OCL_SOURCE: required in production/);
    expect(() =>
      loadConfig({ ...production, ...stelselnode, MEDMIJ_ZAL_SOURCE: 'http://plain.example/z' }),
    ).toThrow(/MEDMIJ_ZAL_SOURCE: must be https/);
    expect(() => loadConfig({ ...production, ...stelselnode })).toThrow(/MEDMIJ_LIST_CLIENT_CERT/);

    // Directly, since production also needs settings of other parts that are not at issue here.
    const environment = {
      ...stelselnode,
      MEDMIJ_LIST_CLIENT_CERT: '/etc/entpoort/lists.crt',
      MEDMIJ_LIST_CLIENT_KEY: '/etc/entpoort/lists.key',
      MEDMIJ_LIST_CA: '/etc/entpoort/pkio-private-g1.pem',
      MEDMIJ_LIST_REFRESH_SECONDS: 900,
    } as Partial<Environment> as Environment;
    expect(medmijListSettings(environment, true)).toEqual({
      sources: {
        OAuthclientlist: stelselnode.MEDMIJ_OCL_SOURCE,
        Whitelist: stelselnode.MEDMIJ_WHITELIST_SOURCE,
        Zorgaanbiederslijst: stelselnode.MEDMIJ_ZAL_SOURCE,
        Gegevensdienstnamenlijst: stelselnode.MEDMIJ_GNL_SOURCE,
      },
      refreshSeconds: 900,
      tls: {
        cert: '/etc/entpoort/lists.crt',
        key: '/etc/entpoort/lists.key',
        ca: '/etc/entpoort/pkio-private-g1.pem',
      },
    });
  });

  it('refuses a refresh interval below ten seconds', () => {
    expect(() => loadConfig({ MEDMIJ_LIST_REFRESH_SECONDS: '1' })).toThrow(
      /MEDMIJ_LIST_REFRESH_SECONDS/,
    );
  });
});
