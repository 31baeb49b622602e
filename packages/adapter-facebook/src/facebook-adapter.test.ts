import { readFileSync } from 'node:fs';
import { sha256Hex } from '@sipansos/core/evidence';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookAdapter } from './facebook-adapter.js';

const BASE = 'https://graph.facebook.test';
const TOKEN = 'EAAGinventedPageToken0123456789abcdef';
const CONTROL = '100200300400500_700000000000001';

function json(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

const seen: Request[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen.length = 0;
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => seen.push(request.clone()));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function adapter(extra: Parameters<typeof createFacebookAdapter>[0] = {}) {
  return createFacebookAdapter({ accessToken: TOKEN, baseUrl: BASE, controlPostId: CONTROL, env: {}, retry: { maxRetries: 0 }, timeouts: { callMs: 5_000 }, ...extra });
}

const page = http.get(`${BASE}/v25.0/:idOrName`, ({ params }) =>
  params['idOrName'] === 'infodesasukamaju.contoh' || params['idOrName'] === '100200300400500' ? HttpResponse.json(json('facebook-graph-page.json')) : HttpResponse.json(json('facebook-graph-error-100-33.json'), { status: 400 }),
);
const posts = http.get(`${BASE}/v25.0/100200300400500/posts`, ({ request }) =>
  HttpResponse.json(json(new URL(request.url).searchParams.get('after') === 'QVFIUmNzZWNvbmRwYWdl' ? 'facebook-graph-posts-page2.json' : 'facebook-graph-posts-page1.json')),
);

describe('createFacebookAdapter', () => {
  it('refuses to start without a token and names the setting and the variable', () => {
    expect(() => createFacebookAdapter({ env: {} })).toThrow(/settings\.accessToken.*SIPANSOS_META_ACCESS_TOKEN/);
    expect(() => createFacebookAdapter({ accessToken: TOKEN, apiVersion: '25', env: {} })).toThrow(/apiVersion/);
  });

  it('reads the token, base URL and API version from the environment', async () => {
    server.use(http.get(`${BASE}/v24.0/:idOrName`, () => HttpResponse.json(json('facebook-graph-page.json'))));
    const fromEnv = createFacebookAdapter({ env: { SIPANSOS_META_ACCESS_TOKEN: TOKEN, SIPANSOS_FACEBOOK_BASE_URL: BASE, SIPANSOS_FACEBOOK_API_VERSION: 'v24.0' } });
    expect((await fromEnv.resolve('infodesasukamaju.contoh')).isOk()).toBe(true);
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('resolves a Page by user name, sending the token as a header and never in the URL', async () => {
    server.use(page);
    const resolved = (await adapter().resolve('infodesasukamaju.contoh'))._unsafeUnwrap();
    expect(resolved.account).toEqual({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' });
    expect(resolved.profile).toMatchObject({ displayName: 'Info Desa Sukamaju Contoh', followersCount: 1311, website: 'https://sukamaju.desa.example' });
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/v25.0/infodesasukamaju.contoh');
    expect(url.searchParams.get('fields')).toContain('followers_count');
    expect(url.searchParams.has('access_token')).toBe(false);
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(resolved.raw.map((raw) => raw.request))).not.toContain(TOKEN);
  });

  it('captures every page of posts by cursor, mapping shares, albums and Graph times', async () => {
    server.use(page, posts);
    const capture = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'timeline'))._unsafeUnwrap();
    expect(capture.account.id).toBe('100200300400500');
    expect(capture.items.map((item) => [item.id, item.kind])).toEqual([
      ['100200300400500_722334455667799', 'post'],
      ['100200300400500_722334455667788', 'share'],
      ['100200300400500_722334455660001', 'post'],
    ]);
    const [first, share, album] = capture.items;
    expect(first).toMatchObject({
      createdAt: '2024-11-19T04:00:00+00:00',
      hashtags: ['PilkadaDamai'],
      links: ['https://sukamaju.desa.example/pilkada'],
      url: 'https://www.facebook.com/100200300400500/posts/722334455667799',
      metrics: { shares: 2 },
      author: { id: '100200300400500', handle: 'infodesasukamaju.contoh', name: 'Info Desa Sukamaju Contoh' },
      media: [{ type: 'photo', url: 'https://scontent.fcgk1-1.fna.fbcdn.net/v/t39/tps-sukamaju.jpg', altText: 'Poster: AYO KE TPS 27 NOVEMBER' }],
    });
    expect(share?.target).toEqual({ kind: 'post', id: '300400500600700_611223344556677' });
    // updated_time also moves for comments: it is never read as an edit time.
    expect(first?.editedAt).toBeUndefined();
    expect(album?.media.map((media) => media.type)).toEqual(['photo', 'video']);
    expect(capture.window).toMatchObject({ complete: true, reachedEnd: true, newest: { id: first?.id }, oldest: { id: album?.id } });
    // Requests: the Page, then posts page 1, then page 2 by the `after` cursor.
    const postRequests = seen.filter((request) => new URL(request.url).pathname.endsWith('/posts'));
    expect(postRequests.map((request) => new URL(request.url).searchParams.get('after'))).toEqual([null, 'QVFIUmNzZWNvbmRwYWdl']);
    expect(new URL(postRequests[0]?.url ?? '').searchParams.get('fields')).toContain('permalink_url');
    expect(capture.raw).toHaveLength(3);
    expect(JSON.stringify(capture.raw.map((raw) => raw.request))).not.toContain(TOKEN);
  });

  it('records a window cut by the page limit', async () => {
    server.use(page, posts);
    const capture = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline', { maxPages: 1 }))._unsafeUnwrap();
    expect(capture.items).toHaveLength(2);
    expect(capture.window).toMatchObject({ complete: true, reachedEnd: false, cutBy: 'page_limit' });
  });

  it('captures the profile scope as one profile item', async () => {
    server.use(page);
    const capture = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'profile'))._unsafeUnwrap();
    expect(capture.items).toEqual([expect.objectContaining({ id: 'profile:100200300400500', kind: 'profile', profile: expect.objectContaining({ displayName: 'Info Desa Sukamaju Contoh' }) })]);
  });

  it('surfaces an edit as the same id with changed text', async () => {
    server.use(http.get(`${BASE}/v25.0/100200300400500_722334455667799`, () => HttpResponse.json(json('facebook-graph-post.json'))), page, posts);
    const facebook = adapter();
    const before = (await facebook.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'timeline'))._unsafeUnwrap().items[0];
    const after = (await facebook.lookup!(['100200300400500_722334455667799']))._unsafeUnwrap().results[0];
    expect(after?.status).toBe('live');
    expect(after?.item?.id).toBe(before?.id);
    expect(after?.item?.text).not.toBe(before?.text);
  });

  describe('lookup: Graph 100/33 means "deleted OR no permission"', () => {
    const missing = '100200300400500_722334455660002';
    const missingHandler = http.get(`${BASE}/v25.0/${missing}`, () => HttpResponse.json(json('facebook-graph-error-100-33.json'), { status: 400 }));

    it('calls a post gone only after the control post still reads with the same token', async () => {
      server.use(missingHandler, http.get(`${BASE}/v25.0/${CONTROL}`, () => HttpResponse.json({ ...json('facebook-graph-post.json'), id: CONTROL })));
      const batch = (await adapter().lookup!([missing]))._unsafeUnwrap();
      expect(batch.results).toEqual([expect.objectContaining({ id: missing, status: 'gone' })]);
      expect(seen.map((request) => new URL(request.url).pathname)).toEqual([`/v25.0/${missing}`, `/v25.0/${CONTROL}`]);
    });

    it('is unauthorized, not a deletion, when the control post fails too', async () => {
      server.use(missingHandler, http.get(`${BASE}/v25.0/${CONTROL}`, () => HttpResponse.json(json('facebook-graph-error-100-33.json'), { status: 400 })));
      const error = (await adapter().lookup!([missing]))._unsafeUnwrapErr();
      expect(error.type).toBe('unauthorized');
      expect(error.message).toContain('control post');
    });

    it('stays unknown without a control post', async () => {
      server.use(missingHandler);
      const batch = (await adapter({ controlPostId: undefined }).lookup!([missing]))._unsafeUnwrap();
      expect(batch.results[0]).toMatchObject({ status: 'unknown' });
      expect(batch.results[0]?.reason).toContain('controlPostId');
    });

    it('leaves web-page ids (pfbid…) unknown without asking the Graph API', async () => {
      const batch = (await adapter().lookup!(['pfbid02aBcDeFgHiJkLmNoPq1']))._unsafeUnwrap();
      expect(batch.results[0]?.status).toBe('unknown');
      expect(seen).toHaveLength(0);
    });
  });

  it('maps code 190 (expired token) to unauthorized without the token in the error', async () => {
    server.use(http.get(`${BASE}/v25.0/:idOrName`, () => HttpResponse.json(json('facebook-graph-error-190.json'), { status: 400 })));
    const error = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'timeline'))._unsafeUnwrapErr();
    expect(error.type).toBe('unauthorized');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it.each([
    ['facebook-graph-error-throttle-4.json', 4],
    ['facebook-graph-error-throttle-17.json', 17],
    ['facebook-graph-error-throttle-32.json', 32],
    ['facebook-graph-error-throttle-613.json', 613],
  ])('maps throttling code in %s to rate_limited', async (fixture, code) => {
    server.use(http.get(`${BASE}/v25.0/:idOrName`, () => HttpResponse.json(json(fixture), { status: code === 32 ? 403 : 400 })));
    const error = (await adapter().resolve('infodesasukamaju.contoh'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'rate_limited' });
    expect(error.type === 'rate_limited' && error.retryAfterMs).toBeGreaterThan(0);
  });

  it('a BUC header naming one Page pauses that Page only; other Pages go on', async () => {
    const other = { ...json('facebook-graph-page.json'), id: '900800700600500', username: 'pasarlembah.contoh' };
    server.use(
      http.get(`${BASE}/v25.0/:idOrName`, ({ params }) =>
        params['idOrName'] === 'pasarlembah.contoh'
          ? HttpResponse.json(other)
          : HttpResponse.json(json('facebook-graph-page.json'), {
              headers: { 'x-business-use-case-usage': JSON.stringify({ '100200300400500': [{ type: 'pages', call_count: 100, total_cputime: 12, total_time: 20, estimated_time_to_regain_access: 30 }] }) },
            }),
      ),
    );
    const facebook = adapter();
    expect((await facebook.resolve('infodesasukamaju.contoh')).isOk()).toBe(true);
    const second = (await facebook.resolve('infodesasukamaju.contoh'))._unsafeUnwrapErr();
    expect(second).toMatchObject({ type: 'rate_limited', pauses: 'account' });
    expect(second.type === 'rate_limited' && second.retryAfterMs).toBeGreaterThan(29 * 60_000);
    expect(seen).toHaveLength(1);
    expect((await facebook.resolve('pasarlembah.contoh')).isOk()).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it.each([
    [32, 403],
    [80001, 400],
  ])('Graph code %i throttles one Page: that Page is paused, another Page on the same endpoint is read', async (code) => {
    server.use(
      http.get(`${BASE}/v25.0/:pageId/posts`, ({ params }) =>
        params['pageId'] === '100200300400500'
          ? HttpResponse.json(
              { error: { message: 'There have been too many calls to this Page account. Wait a bit and try again.', type: 'OAuthException', code, fbtrace_id: 'AfakeTrace1' } },
              { status: 400, headers: { 'x-business-use-case-usage': JSON.stringify({ '100200300400500': [{ type: 'pages', call_count: 100, total_cputime: 4, total_time: 4, estimated_time_to_regain_access: 12 }] }) } },
            )
          : HttpResponse.json(json('facebook-graph-posts-page2.json')),
      ),
    );
    const facebook = adapter();
    const throttled = (await facebook.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline'))._unsafeUnwrapErr();
    expect(throttled).toMatchObject({ type: 'rate_limited', pauses: 'account', retryAfterMs: 12 * 60_000 });
    const again = (await facebook.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline'))._unsafeUnwrapErr();
    expect(again).toMatchObject({ type: 'rate_limited', pauses: 'account' });
    expect(seen).toHaveLength(1);
    const other = await facebook.capture({ platform: 'facebook', handle: 'pasarlembah.contoh', id: '900800700600500' }, 'timeline');
    expect(other.isOk()).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('an app-wide throttle (code 4, or X-App-Usage at 100 %) pauses every Page', async () => {
    server.use(
      http.get(`${BASE}/v25.0/:pageId/posts`, () =>
        HttpResponse.json({ error: { message: 'Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'AfakeTrace2' } }, { status: 403, headers: { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 10, total_time: 10 }) } }),
      ),
    );
    const facebook = adapter();
    const first = (await facebook.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline'))._unsafeUnwrapErr();
    expect(first).toMatchObject({ type: 'rate_limited', pauses: 'platform' });
    const other = (await facebook.capture({ platform: 'facebook', handle: 'pasarlembah.contoh', id: '900800700600500' }, 'timeline'))._unsafeUnwrapErr();
    expect(other).toMatchObject({ type: 'rate_limited', pauses: 'platform' });
    expect(seen).toHaveLength(1);
  });

  it('waits out a Page pause that ends before the call deadline, and reads the Page', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v25.0/100200300400500/posts`, () =>
        ++calls === 1
          ? HttpResponse.json({ error: { message: 'Page request limit reached', type: 'OAuthException', code: 32 } }, { status: 403, headers: { 'retry-after': '1' } })
          : HttpResponse.json(json('facebook-graph-posts-page2.json')),
      ),
    );
    const facebook = adapter({ retry: { maxRetries: 1 } });
    const result = await facebook.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline');
    expect(result.isOk()).toBe(true);
    expect(calls).toBe(2);
  });

  it('reports a drifted Graph body as a parse error with the body hash', async () => {
    const drifted = { data: [{ id: '100200300400500_1', message: 'tanpa waktu' }] };
    server.use(page, http.get(`${BASE}/v25.0/100200300400500/posts`, () => HttpResponse.json(drifted)));
    const error = (await adapter().capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'parse', bodySha256: sha256Hex(JSON.stringify(drifted)) });
  });

  it('sends appsecret_proof but keeps it out of stored request URLs', async () => {
    server.use(page);
    const resolved = (await adapter({ appSecret: 'invented-app-secret-42' }).resolve('infodesasukamaju.contoh'))._unsafeUnwrap();
    expect(new URL(seen[0]?.url ?? '').searchParams.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
    expect(resolved.raw[0]?.request.url).not.toMatch(/appsecret_proof=[0-9a-f]{64}/);
  });
});
