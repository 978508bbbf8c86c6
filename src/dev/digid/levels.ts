// The assurance levels a tester can pick on the development broker's login page, reported in
// `loa_authn` as nl-rdo-max does. Basis is there to test that Entpoort refuses it.

export const devAssuranceLevels = [
  {
    value: 'http://eidas.europa.eu/LoA/substantial',
    label: 'Substantieel (DigiD app met ID-check)',
  },
  { value: 'http://eidas.europa.eu/LoA/high', label: 'Hoog' },
  {
    value: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    label: 'Basis (gebruikersnaam en wachtwoord; hoort geweigerd te worden)',
  },
] as const;

export const DEFAULT_LEVEL = devAssuranceLevels[0].value;

export function isDevLevel(value: unknown): value is string {
  return devAssuranceLevels.some((level) => level.value === value);
}
