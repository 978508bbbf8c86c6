// The DigiD assurance levels we accept. nl-rdo-max reports the SAML AuthnContextClassRef in the
// userinfo claim `loa_authn` (no `acr`), and the level it asks DigiD for is set in its own SAML
// configuration, so we check the reported level ourselves (medmij-dva.md §4).

/**
 * Why these: Entpoort requires "substantial" or higher (MedMij's FAQ's ID check points to
 * DigiD Substantieel). eIDAS substantial and high qualify by name; of DigiD's own class
 * references, Smartcard (Substantieel: the app with ID check) and SmartcardPKI (Hoog).
 * MobileTwoFactorContract is DigiD Midden (app or SMS), below substantial, even though
 * nl-rdo-max's example configuration asks DigiD for it as a minimum: the broker must be set
 * to ask for Substantieel. Basis (PasswordProtectedTransport) and eIDAS low never pass.
 */
export const ACCEPTED_ASSURANCE_LEVELS: ReadonlySet<string> = new Set([
  'http://eidas.europa.eu/LoA/substantial',
  'http://eidas.europa.eu/LoA/high',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
]);

export function meetsAssurance(level: unknown): level is string {
  return typeof level === 'string' && ACCEPTED_ASSURANCE_LEVELS.has(level);
}
