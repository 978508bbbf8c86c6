// The landing page of an accepted authorization request: who asks (the PGO's name from the
// OCL), for what, a button to log in with DigiD and one to go back. The buttons are a form
// (POST, with the session's CSRF token), so the page works without JavaScript.
import { html, page } from './page.ts';

export interface LandingPage {
  providerName: string;
  organisationName: string;
  csrfToken: string;
}

export function landingPage(view: LandingPage): string {
  const title = `Uw vaccinatiegegevens van ${view.providerName}`;
  return page(
    title,
    html`<h1>${title}</h1>
      <p>
        <strong>${view.organisationName}</strong> vraagt om uw vaccinatiegegevens bij
        ${view.providerName} op te halen.
      </p>
      <p>Log eerst in met DigiD. Daarna vragen we of u daar toestemming voor geeft.</p>
      <form method="post" action="/oauth/digid/login">
        <input type="hidden" name="csrf" value="${view.csrfToken}" />
        <button class="button" type="submit" name="action" value="login">Inloggen met DigiD</button>
        <button class="button secondary" type="submit" name="action" value="cancel">
          Annuleren en terug naar ${view.organisationName}
        </button>
      </form>`,
  );
}
