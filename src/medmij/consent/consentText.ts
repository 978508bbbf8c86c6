// The consent wording, in one place. MedMij fixes this text: the Toestemmingsverklaring Core of
// Afsprakenstelsel 2.2.4 (medmij-dva.md §5 [as-consent]), shown word for word with the
// provider's name ({aanbieder}) and the PGO's name ({pgo}, OCL OAuthclientOrganisatienaam).
// The title, the question and the explanation are MedMij's; the labels of the long-term
// choice and the buttons are ours, as the Afsprakenstelsel prescribes only that the choice
// exists and is not selected in advance. Check the text against each new Afsprakenstelsel.

export const consentText = {
  title: 'Toestemming geven',
  intro:
    'Wil je de gegevens die {aanbieder} over jou heeft in jouw PGO zetten? Dan heeft ' +
    '{aanbieder} jouw toestemming nodig om deze gegevens met {pgo} te delen.',
  explanationTitle: 'Toelichting',
  explanation:
    '{aanbieder} mag niet zonder jouw toestemming gegevens delen met een andere partij ' +
    '(lees ook de privacy verklaring van {aanbieder}). Toestemmingen zijn geldig voor ' +
    'onbepaalde tijd. Als je langer dan zes maanden geen gegevens in je PGO zet, is de ' +
    'langdurige toestemming niet meer geldig. De volgende keer dat je gegevens in jouw PGO ' +
    'wilt zetten, log je weer in met DigiD en geef je opnieuw toestemming. Toestemmingen die ' +
    'je voor onbepaalde tijd geeft, kun je altijd aanpassen. Dit doe je door in je PGO naar ' +
    "{aanbieder} te zoeken en te kiezen voor 'Toestemmingen aanpassen'. Voor de verbinding " +
    'met de computer van {aanbieder} heeft Stichting MedMij strenge regels gemaakt. {pgo} ' +
    'volgt deze regels. Als je toestemming hebt gegeven, worden je gegevens in je PGO gezet ' +
    'via de veilige MedMij-verbinding.',
  longTermLabel: 'Ik geef deze toestemming voor onbepaalde tijd',
  oneTimeHelp: 'Zonder dit vinkje geldt je toestemming alleen voor deze keer.',
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
