// The citizen's own consent page (/oauth/consents): before login one button to log in with
// DigiD; after login the long-term consents by PGO name, each with a revoke button (a form
// with the session's CSRF token), so it works without JavaScript.
import { html, join, page, type Html } from '../authorize/page.ts';

export interface ListedGrant {
  id: string;
  organisationName: string;
  createdAt: Date;
  expiresAt: Date;
}

const TITLE = 'Mijn toestemmingen';
const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

export function manageLoginPage(providerName: string): string {
  return page(
    TITLE,
    html`<h1>${TITLE}</h1>
      <p>
        Hier ziet u welke apps langdurig toestemming hebben om uw vaccinatiegegevens bij
        ${providerName} op te halen, en kunt u die toestemming intrekken.
      </p>
      <form method="post" action="/oauth/consents/login">
        <button class="button" type="submit">Inloggen met DigiD</button>
      </form>`,
  );
}

function row(grant: ListedGrant, csrfToken: string): Html {
  const label = `Toestemming voor ${grant.organisationName} intrekken`;
  return html`<tr>
    <td>${grant.organisationName}</td>
    <td>${day.format(grant.createdAt)}</td>
    <td>${day.format(grant.expiresAt)}</td>
    <td>
      <form method="post" action="/oauth/consents/revoke">
        <input type="hidden" name="csrf" value="${csrfToken}" />
        <input type="hidden" name="grant" value="${grant.id}" />
        <button class="button secondary" type="submit" aria-label="${label}">Intrekken</button>
      </form>
    </td>
  </tr>`;
}

export function manageConsentsPage(
  grants: ListedGrant[],
  csrfToken: string,
  revoked: boolean,
): string {
  const notice = revoked
    ? html`<p class="notice" role="status">De toestemming is ingetrokken.</p>`
    : html``;
  const list =
    grants.length === 0
      ? html`<p>U heeft geen langdurige toestemmingen gegeven.</p>`
      : html`<table>
          <caption>
            Apps met langdurige toestemming
          </caption>
          <thead>
            <tr>
              <th scope="col">App</th>
              <th scope="col">Gegeven op</th>
              <th scope="col">Geldig tot uiterlijk</th>
              <th scope="col">Actie</th>
            </tr>
          </thead>
          <tbody>
            ${join(grants.map((grant) => row(grant, csrfToken)))}
          </tbody>
        </table>`;
  return page(
    TITLE,
    html`<h1>${TITLE}</h1>
      ${notice} ${list}
      <p>Een toestemming die zes maanden niet gebruikt wordt, vervalt vanzelf.</p>`,
  );
}
