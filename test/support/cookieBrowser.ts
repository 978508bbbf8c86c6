// A minimal browser for flow tests over plain HTTP: fetch with manual redirects, a cookie jar
// (names and values; paths and domains are ignored, as every test server is one host), and
// helpers to follow redirects and submit forms the way a browser without JavaScript does.

export interface Step {
  url: string;
  response: Response;
  body: string;
}

export interface CookieBrowser {
  /** One request, no redirects followed. */
  request(url: string, init?: RequestInit): Promise<Step>;
  /** Follows redirects while they stay on `origin`; stops at the first answer or elsewhere. */
  follow(url: string, init?: RequestInit): Promise<Step>;
  /** Submits a urlencoded form (POST), following redirects like `follow`. */
  submit(url: string, fields: Record<string, string>): Promise<Step>;
  cookies(): ReadonlyMap<string, string>;
}

export function createBrowser(origin: string): CookieBrowser {
  const jar = new Map<string, string>();

  function remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const expired = attributes.some(
        (a) =>
          /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  async function request(url: string, init: RequestInit = {}): Promise<Step> {
    const absolute = new URL(url, origin).href;
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([n, v]) => `${n}=${v}`).join('; '));
    const response = await fetch(absolute, { ...init, headers, redirect: 'manual' });
    remember(response);
    return { url: absolute, response, body: await response.text() };
  }

  async function follow(url: string, init?: RequestInit): Promise<Step> {
    let step = await request(url, init);
    for (let hops = 0; hops < 20; hops += 1) {
      const location = step.response.headers.get('location');
      if (step.response.status < 300 || step.response.status >= 400 || !location) return step;
      const next = new URL(location, step.url);
      if (next.origin !== new URL(origin).origin) {
        return { ...step, url: next.href };
      }
      step = await request(next.href);
    }
    throw new Error('too many redirects');
  }

  return {
    request,
    follow,
    submit: (url, fields) =>
      follow(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    cookies: () => jar,
  };
}

/** The value of a hidden (or any) input by name in an HTML page. */
export function inputValue(html: string, name: string): string | undefined {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match?.[1];
}

/** The action of the first form whose action matches `pattern`. */
export function formAction(html: string, pattern: RegExp): string | undefined {
  for (const match of html.matchAll(/<form[^>]*action="([^"]+)"/g)) {
    if (match[1] && pattern.test(match[1])) return match[1];
  }
  return undefined;
}
