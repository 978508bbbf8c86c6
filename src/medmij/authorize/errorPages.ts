// Our own error pages, for when we cannot or may not send the citizen back to their app: an
// unknown client or a redirect_uri that is not the client's (medmij-dva.md §3.1), a session
// that expired or was finished, a form that lost its CSRF token. Dutch, plain, no details
// about the person; the technical line helps the PGO's support desk.
import type { FastifyReply } from 'fastify';
import { html, page, sendPage } from './page.ts';

export type ErrorPageKind = 'bad_request' | 'session' | 'form' | 'login' | 'server';

const texts: Record<ErrorPageKind, { title: string; lines: string[] }> = {
  bad_request: {
    title: 'Deze aanvraag kunnen we niet verwerken',
    lines: [
      'De app die u hierheen stuurde, is bij ons niet bekend of gaf een adres op dat niet ' +
        'bij die app hoort. Daarom sturen we u niet terug.',
      'Sluit dit venster en probeer het opnieuw vanuit uw app. Lukt het dan nog niet, neem ' +
        'contact op met de leverancier van uw app.',
    ],
  },
  session: {
    title: 'Uw sessie is verlopen',
    lines: ['Dit verzoek is verlopen of al afgerond.', 'Ga terug naar uw app en begin opnieuw.'],
  },
  form: {
    title: 'Het formulier is niet meer geldig',
    lines: [
      'We konden niet nagaan dat dit formulier van deze pagina kwam. Er is niets gewijzigd.',
      'Ga terug naar uw app en begin opnieuw.',
    ],
  },
  login: {
    title: 'Inloggen is niet gelukt',
    lines: [
      'Het inloggen met DigiD is afgebroken of niet gelukt, of uw DigiD-inlogmethode ' +
        'biedt niet genoeg zekerheid. Gebruik de DigiD app met ID-check.',
      'Probeer het opnieuw.',
    ],
  },
  server: {
    title: 'Er ging iets mis',
    lines: ['Door een storing bij ons lukt dit nu niet. Probeer het later opnieuw.'],
  },
};

const statusOf: Record<ErrorPageKind, number> = {
  bad_request: 400,
  session: 400,
  form: 403,
  login: 400,
  server: 500,
};

export function sendErrorPage(
  reply: FastifyReply,
  kind: ErrorPageKind,
  technical?: string,
): FastifyReply {
  const { title, lines } = texts[kind];
  const body = html`<h1>${title}</h1>
    ${{ html: lines.map((line) => html`<p>${line}</p>`.html).join('\n') }}
    ${technical ? html`<p><small>Technische melding: ${technical}</small></p>` : html``}`;
  return sendPage(reply, statusOf[kind], page(title, body));
}
