// The development broker's login page: instead of DigiD, a tester picks a citizen (the first
// citizens in the database, with BSN, age and, for the demo citizens, what they illustrate) or
// types a BSN, chooses the assurance level to report, and logs in or cancels. Plain forms.
import { escapeHtml as e } from '../../medmij/authorize/page.ts';
import { DEFAULT_LEVEL, devAssuranceLevels } from './levels.ts';

export interface DevCitizen {
  bsn: string;
  age: number;
  /** The demo citizen's key and what they illustrate, when this is one. */
  demo?: { key: string; illustrates: string };
}

export function devLoginPage(action: string, citizens: DevCitizen[], problem?: string): string {
  const options = citizens
    .map((c, i) => {
      const demo = c.demo ? ` — ${e(c.demo.key)}: ${e(c.demo.illustrates)}` : '';
      return `<div><input type="radio" name="citizen" id="c${i}" value="${e(c.bsn)}"${
        i === 0 ? ' checked' : ''
      }> <label for="c${i}">BSN ${e(c.bsn)}, ${c.age} jaar${demo}</label></div>`;
    })
    .join('\n');
  const levels = devAssuranceLevels
    .map(
      (level, i) =>
        `<div><input type="radio" name="loa" id="l${i}" value="${e(level.value)}"${
          level.value === DEFAULT_LEVEL ? ' checked' : ''
        }> <label for="l${i}">${e(level.label)}</label></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>DigiD (ontwikkeling)</title></head>
<body>
<main>
<h1>DigiD (ontwikkeling)</h1>
<p>Dit is geen DigiD: een nagebootste broker om Entpoort te testen. Kies een burger.</p>
${problem ? `<p role="alert">${e(problem)}</p>` : ''}
<form method="post" action="${e(action)}/login">
<fieldset><legend>Burger</legend>
${options || '<p>De database heeft nog geen burgers.</p>'}
<div><label for="bsn">Of een ander BSN</label> <input id="bsn" name="bsn" inputmode="numeric"
pattern="[0-9]{9}" autocomplete="off"></div>
</fieldset>
<fieldset><legend>Betrouwbaarheidsniveau</legend>
${levels}
</fieldset>
<button type="submit">Inloggen</button>
</form>
<form method="post" action="${e(action)}/cancel">
<button type="submit">Annuleren</button>
</form>
</main>
</body>
</html>`;
}
