// The consent page (medmij-dva.md §5): the fixed wording, a long-term checkbox that is never
// ticked in advance, and accept and decline buttons. A plain form with the session's CSRF
// token: no JavaScript, every control labelled and reachable by keyboard.
import { html, page } from '../authorize/page.ts';
import { consentWording, type ConsentTextKey } from './consentText.ts';

export interface ConsentView {
  providerName: string;
  organisationName: string;
  csrfToken: string;
}

export function consentPage(view: ConsentView): string {
  const t = (key: ConsentTextKey) =>
    consentWording(key, { aanbieder: view.providerName, pgo: view.organisationName });
  return page(
    t('title'),
    html`<h1>${t('title')}</h1>
      <p>${t('intro')}</p>
      <form method="post" action="/oauth/consent">
        <input type="hidden" name="csrf" value="${view.csrfToken}" />
        <div class="choice">
          <input
            type="checkbox"
            id="longTerm"
            name="longTerm"
            value="yes"
            aria-describedby="oneTimeHelp"
          />
          <label for="longTerm">${t('longTermLabel')}</label>
        </div>
        <p id="oneTimeHelp">${t('oneTimeHelp')}</p>
        <button class="button" type="submit" name="decision" value="accept">${t('accept')}</button>
        <button class="button secondary" type="submit" name="decision" value="decline">
          ${t('decline')}
        </button>
      </form>
      <h2>${t('explanationTitle')}</h2>
      <p>${t('explanation')}</p>`,
  );
}
