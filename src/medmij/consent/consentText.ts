// The consent wording, in one place. MedMij fixes this text (the Toestemmingsverklaring of the
// Afsprakenstelsel, medmij-dva.md §5 [as-consent]) with placeholders for the provider's name
// and the PGO's name (OCL OAuthclientOrganisatienaam). Known shortcoming: the wording below is
// our own rendering of its meaning; replace it with the published text, word for word, before
// go-live. Placeholders: {aanbieder} = our provider name, {pgo} = the PGO's name.

export const consentText = {
  title: 'Toestemming voor het delen van uw gegevens',
  intro:
    '{pgo} vraagt om uw vaccinatiegegevens bij {aanbieder} op te halen en in uw ' +
    'persoonlijke gezondheidsomgeving te zetten.',
  statement:
    'Ik geef {aanbieder} toestemming om mijn vaccinatiegegevens te delen met {pgo}, ' +
    'zodat ik ze daar kan inzien en bewaren.',
  longTermLabel: 'Mijn toestemming geldt ook voor later ophalen (langdurige toestemming)',
  longTermHelp:
    'Met langdurige toestemming kan {pgo} uw gegevens opnieuw ophalen zonder dat u opnieuw ' +
    'inlogt. De toestemming vervalt als {pgo} zes maanden lang geen gegevens heeft ' +
    'opgehaald. U kunt haar altijd intrekken, in uw app of op de pagina ' +
    '"Mijn toestemmingen" van {aanbieder}.',
  oneTimeHelp: 'Zonder dit vinkje geldt uw toestemming alleen voor deze keer.',
  accept: 'Ja, ik geef toestemming',
  decline: 'Nee, ik geef geen toestemming',
} as const;

export type ConsentTextKey = keyof typeof consentText;

/** The text with the placeholders filled in (plain text; the page escapes it). */
export function consentWording(
  key: ConsentTextKey,
  names: { aanbieder: string; pgo: string },
): string {
  return consentText[key].replaceAll('{aanbieder}', names.aanbieder).replaceAll('{pgo}', names.pgo);
}
