// MedMij lists (OCL, Whitelist, ZAL, GNL): where each is read from, how often, and the
// client certificate for https sources (the stelselnode requires mutual TLS). Outside
// production a missing source falls back to the development lists in dev/medmij-lists.
import { z } from 'zod';
import type { Environment } from './config.ts';
import { ConfigError } from './primitives.ts';

export const medmijListVariables = {
  MEDMIJ_OCL_SOURCE: z.string().min(1).optional(),
  MEDMIJ_WHITELIST_SOURCE: z.string().min(1).optional(),
  MEDMIJ_ZAL_SOURCE: z.string().min(1).optional(),
  MEDMIJ_GNL_SOURCE: z.string().min(1).optional(),
  MEDMIJ_LIST_REFRESH_SECONDS: z.coerce.number().int().min(10).max(86400).default(3600),
  MEDMIJ_LIST_CLIENT_CERT: z.string().min(1).optional(),
  MEDMIJ_LIST_CLIENT_KEY: z.string().min(1).optional(),
  MEDMIJ_LIST_CA: z.string().min(1).optional(),
};

export interface MedmijListSettings {
  /** Per list: an https URL, a file path or a file: URL. */
  sources: {
    OAuthclientlist: string;
    Whitelist: string;
    Zorgaanbiederslijst: string;
    Gegevensdienstnamenlijst: string;
  };
  refreshSeconds: number;
  /** File paths, read at every refresh round so a renewed certificate is picked up. */
  tls: { cert?: string | undefined; key?: string | undefined; ca?: string | undefined };
}

const devMedmijList = (file: string) =>
  new URL(`../../dev/medmij-lists/${file}`, import.meta.url).href;

export function medmijListSettings(e: Environment, production: boolean): MedmijListSettings {
  const given = {
    OAuthclientlist: ['MEDMIJ_OCL_SOURCE', e.MEDMIJ_OCL_SOURCE, 'MedMij_OAuthclientlist.xml'],
    Whitelist: ['MEDMIJ_WHITELIST_SOURCE', e.MEDMIJ_WHITELIST_SOURCE, 'MedMij_Whitelist.xml'],
    Zorgaanbiederslijst: [
      'MEDMIJ_ZAL_SOURCE',
      e.MEDMIJ_ZAL_SOURCE,
      'MedMij_Zorgaanbiederslijst.xml',
    ],
    Gegevensdienstnamenlijst: [
      'MEDMIJ_GNL_SOURCE',
      e.MEDMIJ_GNL_SOURCE,
      'MedMij_Gegevensdienstnamenlijst.xml',
    ],
  } as const;
  const sources = {} as MedmijListSettings['sources'];
  for (const [list, [variable, value, devFile]] of Object.entries(given)) {
    if (production && !value) throw new ConfigError(`${variable}: required in production`);
    if (production && value && /^http:/i.test(value)) {
      throw new ConfigError(`${variable}: must be https (mutual TLS) in production`);
    }
    sources[list as keyof typeof given] = value ?? devMedmijList(devFile);
  }
  const https = Object.values(sources).some((source) => /^https:/i.test(source));
  if (production && https && !(e.MEDMIJ_LIST_CLIENT_CERT && e.MEDMIJ_LIST_CLIENT_KEY)) {
    throw new ConfigError(
      'MEDMIJ_LIST_CLIENT_CERT, MEDMIJ_LIST_CLIENT_KEY: required in production for https sources',
    );
  }
  return {
    sources,
    refreshSeconds: e.MEDMIJ_LIST_REFRESH_SECONDS,
    tls: { cert: e.MEDMIJ_LIST_CLIENT_CERT, key: e.MEDMIJ_LIST_CLIENT_KEY, ca: e.MEDMIJ_LIST_CA },
  };
}
