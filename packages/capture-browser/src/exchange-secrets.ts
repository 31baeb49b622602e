import { createRedactor, type Redactor } from '@sipansos/core/adapter-kit';
import type { RecordedExchange } from './exchange-recorder.js';

/** Headers that carry a session or a credential: never stored. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set(['cookie', 'set-cookie', 'set-cookie2', 'authorization', 'proxy-authorization', 'x-fb-lsd', 'x-csrftoken', 'x-ig-www-claim', 'x-csrf-token', 'x-twitter-auth-type']);

/** Form fields and query parameters the web apps use for session or CSRF tokens. */
export const SECRET_PARAMS: readonly string[] = ['fb_dtsg', 'fb_dtsg_ag', 'lsd', 'jazoest', '__user', 'av', 'access_token', 'csrftoken', 'sessionid', 'ct0', 'auth_token'];

// Tokens the web apps embed in their pages for their own scripts (Facebook's DTSG/LSD, Instagram's csrf_token, X's ct0).
const EMBEDDED_TOKEN = /"(?:DTSGInitialData|DTSGInitData|LSD)",\[\],\{"token":"([^"\\]{6,200})"|"(?:csrf_token|dtsg|fb_dtsg)"\s*:\s*"([^"\\]{6,200})"|name="fb_dtsg" value="([^"]{6,200})"/g;

/**
 * A redactor for one page: every cookie value the browser holds for the page's hosts, every
 * token the pages embed, and the secret form fields the app sent. Values, not names, are
 * matched, so a token copied into a JSON body or a URL is caught too.
 */
export function pageRedactor(cookieValues: readonly string[], exchanges: readonly RecordedExchange[]): Redactor {
  const secrets = new Set<string>(cookieValues.filter((value) => value.length >= 4));
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const exchange of exchanges) {
    const type = headerValue(exchange.responseHeaders, 'content-type') ?? '';
    if (/html|javascript|json/.test(type)) {
      for (const match of decoder.decode(exchange.body).matchAll(EMBEDDED_TOKEN)) {
        const token = match[1] ?? match[2] ?? match[3];
        if (token) secrets.add(token);
      }
    }
    if (exchange.requestBody) {
      const form = new URLSearchParams(decoder.decode(exchange.requestBody));
      for (const name of SECRET_PARAMS) for (const value of form.getAll(name)) if (value.length >= 4) secrets.add(value);
    }
    for (const header of exchange.requestHeaders) {
      if (SECRET_HEADERS.has(header.name.toLowerCase()) && header.name.toLowerCase() !== 'cookie' && header.value.length >= 4) secrets.add(header.value);
    }
  }
  return createRedactor([...secrets], SECRET_PARAMS);
}

/** The exchange without secret headers, and with every secret value replaced, in URL, headers and bodies. */
export function redactExchange(exchange: RecordedExchange, redactor: Redactor): { exchange: RecordedExchange; replaced: number } {
  let replaced = 0;
  const headers = (list: RecordedExchange['requestHeaders']) =>
    list.filter((header) => !SECRET_HEADERS.has(header.name.toLowerCase())).map((header) => ({ name: header.name, value: redactor.text(header.value) }));
  const body = redactor.body(exchange.body);
  replaced += body.redactions.reduce((sum, entry) => sum + entry.count, 0);
  const requestBody = exchange.requestBody ? redactor.body(exchange.requestBody) : undefined;
  replaced += requestBody?.redactions.reduce((sum, entry) => sum + entry.count, 0) ?? 0;
  return {
    exchange: {
      ...exchange,
      url: redactor.url(exchange.url),
      requestHeaders: headers(exchange.requestHeaders),
      responseHeaders: headers(exchange.responseHeaders),
      body: body.bytes,
      ...(requestBody ? { requestBody: requestBody.bytes } : {}),
    },
    replaced,
  };
}

export function headerValue(headers: ReadonlyArray<{ name: string; value: string }>, name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}
