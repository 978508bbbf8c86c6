// The four MedMij lists Entpoort reads, by the name of their root element (also the key of the
// `medmij_list` table), with the namespaces each may use (the scheme is literally `xmlns://`).

export const listNames = [
  'OAuthclientlist',
  'Whitelist',
  'Zorgaanbiederslijst',
  'Gegevensdienstnamenlijst',
] as const;

export type ListName = (typeof listNames)[number];

export function isListName(value: string): value is ListName {
  return (listNames as readonly string[]).includes(value);
}

const base = 'xmlns://afsprakenstelsel.medmij.nl';

/** Accepted namespaces per list, each with the XSD (in ./xsd) that validates it. */
export const listSchemas: Record<ListName, { namespace: string; xsd: string }[]> = {
  OAuthclientlist: [
    { namespace: `${base}/oauthclientlist/release2/`, xsd: 'MedMij_OAuthclientlist.xsd' },
  ],
  Whitelist: [{ namespace: `${base}/whitelist/release2/`, xsd: 'MedMij_Whitelist.xsd' }],
  Zorgaanbiederslijst: [
    {
      namespace: `${base}/zorgaanbiederslijst/release3/`,
      xsd: 'MedMij_Zorgaanbiederslijst_release3.xsd',
    },
    {
      namespace: `${base}/zorgaanbiederslijst/release2/`,
      xsd: 'MedMij_Zorgaanbiederslijst_release2.xsd',
    },
  ],
  Gegevensdienstnamenlijst: [
    {
      namespace: `${base}/gegevensdienstnamenlijst/release1/`,
      xsd: 'MedMij_Gegevensdienstnamenlijst.xsd',
    },
  ],
};
