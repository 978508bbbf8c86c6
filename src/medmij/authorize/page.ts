// The HTML frame of the citizen's pages (landing, consent, errors, consent management): Dutch,
// readable without JavaScript or external resources, keyboard-usable with visible focus, text
// contrast above WCAG AA, and headers that keep the pages out of frames and caches.
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Text that is already HTML (built with escapeHtml); plain strings are escaped. */
export interface Html {
  html: string;
}

export function html(strings: TemplateStringsArray, ...values: (string | Html)[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += (typeof value === 'string' ? escapeHtml(value) : value.html) + (strings[i + 1] ?? '');
  });
  return { html: out };
}

export function join(parts: Html[]): Html {
  return { html: parts.map((part) => part.html).join('') };
}

// Dark text on white and a dark blue for actions: contrast well above 4.5:1.
const stylesheet = `
body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.6rem;line-height:1.25}
.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1.2rem;
margin:.25rem .5rem .25rem 0;border:2px solid #154273;border-radius:4px;background:#154273;
color:#fff;cursor:pointer;text-decoration:none}
.button.secondary{background:#fff;color:#154273}
a{color:#154273}
:focus-visible{outline:3px solid #b45f06;outline-offset:2px}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin:1.2rem 0}
.choice input{width:1.3rem;height:1.3rem;margin-top:.15rem}
.notice{border-left:4px solid #154273;padding:.5rem 1rem;background:#eef3f8}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #767676}
`.trim();
const stylesheetHash = createHash('sha256').update(stylesheet).digest('base64');

export function page(title: string, body: Html): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${stylesheet}</style>
</head>
<body>
<main>
${body.html}
</main>
</body>
</html>`;
}

/**
 * Sends a page with headers that forbid framing (clickjacking on the consent buttons), scripts
 * and caching. `formTargets` are the origins a form on the page may end up at: browsers apply
 * form-action to the redirects after a submission too (to the PGO, to the DigiD broker).
 */
export function sendPage(
  reply: FastifyReply,
  status: number,
  content: string,
  formTargets: string[] = [],
): FastifyReply {
  const formAction = ["'self'", ...formTargets].join(' ');
  return reply
    .status(status)
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'sha256-${stylesheetHash}'; img-src 'self'; ` +
        `form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    )
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(content);
}
