import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PAGE_HTML_LIMITS } from '@sipansos/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFacebookWebAdapter } from './facebook-web-adapter.js';

const WEB = 'https://web.facebook.test';
const html = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const adapter = () => createFacebookWebAdapter({ webBaseUrl: WEB, env: {}, retry: { maxRetries: 0 }, timeouts: { callMs: 5_000 } });

describe('createFacebookWebAdapter', () => {
  it('captures the posts a public Page shows a visitor, as an incomplete window', async () => {
    let asked = '';
    server.use(
      http.get(`${WEB}/:handle`, ({ request }) => {
        asked = new URL(request.url).pathname;
        return HttpResponse.html(html('facebook-page-public.html'));
      }),
    );
    const capture = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'timeline'))._unsafeUnwrap();
    expect(asked).toBe('/infodesasukamaju.contoh');
    expect(capture.items.map((item) => item.id)).toEqual(['pfbid02aBcDeFgHiJkLmNoPq1', '722334455667788']);
    expect(capture.account.id).toBe('100200300400500');
    expect(capture.window.complete).toBe(false);
    expect(capture.raw).toHaveLength(1);
  });

  it('reads a served page nested 50,000 levels deep within the depth limit, and says what it left out', async () => {
    const deep = html('facebook-page-public.html').replace('</body>', `${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}</body>`);
    server.use(http.get(`${WEB}/:handle`, () => HttpResponse.html(deep)));
    const capture = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'timeline'))._unsafeUnwrap();
    expect(capture.items.map((item) => item.id)).toEqual(['pfbid02aBcDeFgHiJkLmNoPq1', '722334455667788']);
    expect(capture.skippedHtml).toMatchObject({ maxDepth: PAGE_HTML_LIMITS.maxDepth, truncatedChars: 0 });
    expect(capture.skippedHtml?.deepElements).toBeGreaterThan(49_000);
  });

  it('reports a login wall as unauthorized rather than an empty timeline', async () => {
    server.use(http.get(`${WEB}/:handle`, () => HttpResponse.html(html('facebook-login-wall.html'))));
    const error = (await adapter().capture({ platform: 'facebook', handle: 'sari.wulandari.contoh' }, 'timeline'))._unsafeUnwrapErr();
    expect(error.type).toBe('unauthorized');
  });

  it('reports drifted markup as parse with the page hash', async () => {
    server.use(http.get(`${WEB}/:handle`, () => HttpResponse.html(html('facebook-page-drifted.html'))));
    const error = (await adapter().resolve('infodesasukamaju.contoh'))._unsafeUnwrapErr();
    expect(error.type).toBe('parse');
    expect(error.type === 'parse' && error.bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('offers no lookup: a web page cannot tell deleted from hidden', () => {
    expect(adapter().lookup).toBeUndefined();
    expect(adapter().capabilities.lookup).toBe(false);
  });
});
