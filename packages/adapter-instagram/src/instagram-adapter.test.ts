import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInstagramAdapter } from './instagram-adapter.js';
import { createInstagramWebAdapter } from './instagram-web-adapter.js';

const BASE = 'https://graph.instagram.test';
const WEB = 'https://web.instagram.test';
const TOKEN = 'EAAGinventedInstagramToken9876543210';
const IG_USER = '17841400000000001';
const json = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const html = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

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

const adapter = (extra: Parameters<typeof createInstagramAdapter>[0] = {}) =>
  createInstagramAdapter({ accessToken: TOKEN, igUserId: IG_USER, baseUrl: BASE, env: {}, retry: { maxRetries: 0 }, timeouts: { callMs: 5_000 }, ...extra });

const discovery = http.get(`${BASE}/v25.0/${IG_USER}`, ({ request }) => {
  const fields = new URL(request.url).searchParams.get('fields') ?? '';
  if (!fields.startsWith('business_discovery.username(tokokopi.sukamaju.contoh)')) return HttpResponse.json(json('instagram-error-personal-account.json'), { status: 400 });
  return HttpResponse.json(json(fields.includes('.after(QVFIUmFmdGVyMQ)') ? 'instagram-business-discovery-page2.json' : 'instagram-business-discovery-page1.json'));
});

describe('createInstagramAdapter', () => {
  it('refuses to start without a token or the office business account id', () => {
    expect(() => createInstagramAdapter({ env: {} })).toThrow(/SIPANSOS_META_ACCESS_TOKEN/);
    expect(() => createInstagramAdapter({ accessToken: TOKEN, env: {} })).toThrow(/SIPANSOS_INSTAGRAM_USER_ID/);
    expect(() => createInstagramAdapter({ env: { SIPANSOS_META_ACCESS_TOKEN: TOKEN, SIPANSOS_INSTAGRAM_USER_ID: IG_USER, SIPANSOS_INSTAGRAM_BASE_URL: BASE } })).not.toThrow();
  });

  it('resolves a business account through business discovery, with the token only in a header', async () => {
    server.use(discovery);
    const resolved = (await adapter().resolve('tokokopi.sukamaju.contoh'))._unsafeUnwrap();
    expect(resolved.account).toEqual({ platform: 'instagram', handle: 'tokokopi.sukamaju.contoh', id: '17841400000000101' });
    expect(resolved.profile).toMatchObject({ displayName: 'Toko Kopi Sukamaju (contoh)', followersCount: 2480, followingCount: 312, isPrivate: false });
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe(`/v25.0/${IG_USER}`);
    expect(url.searchParams.get('fields')).toBe('business_discovery.username(tokokopi.sukamaju.contoh){id,username,name,biography,website,profile_picture_url,followers_count,follows_count,media_count}');
    expect(url.searchParams.has('access_token')).toBe(false);
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('captures every page of media by the after cursor, keyed by shortcode', async () => {
    server.use(discovery);
    const capture = (await adapter().capture({ platform: 'instagram', handle: 'tokokopi.sukamaju.contoh' }, 'timeline'))._unsafeUnwrap();
    expect(capture.items.map((item) => item.id)).toEqual(['DCkOpi0003x', 'DCkOpi0002x', 'DCkOpi0001x']);
    expect(capture.items[0]).toMatchObject({
      createdAt: '2024-11-19T04:00:00+00:00',
      text: 'Diskon 20% untuk pendukung nomor 2! Tunjukkan jari dua ✌️ #Coblos2 @hendra.yuliani.contoh',
      hashtags: ['Coblos2'],
      mentions: [{ handle: 'hendra.yuliani.contoh' }],
      metrics: { likes: 57, comments: 6 },
      url: 'https://www.instagram.com/p/DCkOpi0003x/',
      author: { id: '17841400000000101', handle: 'tokokopi.sukamaju.contoh' },
    });
    // Likes hidden by the owner: no like metric rather than zero.
    expect(capture.items[1]?.metrics).toEqual({ comments: 1 });
    expect(capture.items[1]?.media.map((media) => media.type)).toEqual(['photo', 'video']);
    expect(capture.items[2]?.media).toEqual([{ type: 'video', url: 'https://scontent.cdninstagram.com/v/t51/buka-thumb.jpg' }]);
    expect(capture.window).toMatchObject({ complete: true, reachedEnd: true });
    const fields = seen.map((request) => new URL(request.url).searchParams.get('fields') ?? '');
    expect(fields[0]).toContain(',media.limit(25){id,caption,timestamp,permalink,media_type');
    expect(fields[1]).toContain(',media.after(QVFIUmFmdGVyMQ).limit(25){');
    expect(JSON.stringify(capture.raw.map((raw) => raw.request))).not.toContain(TOKEN);
  });

  it('reports a personal account as unsupported by business discovery, not as missing', async () => {
    server.use(discovery);
    const error = (await adapter().capture({ platform: 'instagram', handle: 'dewi.lestari.contoh' }, 'timeline'))._unsafeUnwrapErr();
    expect(error.type).toBe('unsupported');
    expect(error.message).toContain('saved pages');
  });

  it('maps code 190 to unauthorized and throttling to rate_limited, never leaking the token', async () => {
    server.use(http.get(`${BASE}/v25.0/${IG_USER}`, () => HttpResponse.json(json('instagram-error-190.json'), { status: 400 })));
    const expired = (await adapter().resolve('tokokopi.sukamaju.contoh'))._unsafeUnwrapErr();
    expect(expired.type).toBe('unauthorized');
    expect(JSON.stringify(expired)).not.toContain(TOKEN);
    server.use(http.get(`${BASE}/v25.0/${IG_USER}`, () => HttpResponse.json({ error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'x' } }, { status: 400 })));
    expect((await adapter().resolve('tokokopi.sukamaju.contoh'))._unsafeUnwrapErr().type).toBe('rate_limited');
  });

  it('613 on one account pauses that account only; another account is still discovered', async () => {
    server.use(
      http.get(`${BASE}/v25.0/${IG_USER}`, ({ request }) => {
        const fields = new URL(request.url).searchParams.get('fields') ?? '';
        if (fields.startsWith('business_discovery.username(ramai.contoh)')) {
          return HttpResponse.json({ error: { message: 'Calls to this api have exceeded the rate limit.', type: 'OAuthException', code: 613, fbtrace_id: 'AfakeTrace3' } }, { status: 400 });
        }
        return HttpResponse.json(json('instagram-business-discovery-page1.json'));
      }),
    );
    const instagram = adapter();
    expect((await instagram.resolve('ramai.contoh'))._unsafeUnwrapErr()).toMatchObject({ type: 'rate_limited', pauses: 'account' });
    expect((await instagram.resolve('Ramai.contoh'))._unsafeUnwrapErr()).toMatchObject({ type: 'rate_limited', pauses: 'account' });
    expect(seen).toHaveLength(1);
    expect((await instagram.resolve('tokokopi.sukamaju.contoh')).isOk()).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it("a BUC header pausing the office's own account (every discovery is asked as it) pauses every account", async () => {
    server.use(
      http.get(`${BASE}/v25.0/${IG_USER}`, () =>
        HttpResponse.json(json('instagram-business-discovery-page1.json'), {
          headers: { 'x-business-use-case-usage': JSON.stringify({ [IG_USER]: [{ type: 'instagram', call_count: 100, total_cputime: 3, total_time: 3, estimated_time_to_regain_access: 5 }] }) },
        }),
      ),
    );
    const instagram = adapter();
    expect((await instagram.resolve('tokokopi.sukamaju.contoh')).isOk()).toBe(true);
    expect((await instagram.resolve('lain.contoh'))._unsafeUnwrapErr()).toMatchObject({ type: 'rate_limited', pauses: 'account', retryAfterMs: expect.any(Number) });
    expect(seen).toHaveLength(1);
  });

  it('captures caption edits as the same item with new text', async () => {
    const edited = json('instagram-business-discovery-page2.json');
    const user = edited['business_discovery'] as { media: { data: Array<Record<string, unknown>> } };
    server.use(discovery);
    const before = (await adapter().capture({ platform: 'instagram', handle: 'tokokopi.sukamaju.contoh' }, 'timeline'))._unsafeUnwrap().items[2];
    user.media.data[0] = { ...user.media.data[0], caption: 'Kedai kami resmi dibuka! (diubah)' };
    server.use(http.get(`${BASE}/v25.0/${IG_USER}`, () => HttpResponse.json(edited)));
    const after = (await adapter().capture({ platform: 'instagram', handle: 'tokokopi.sukamaju.contoh' }, 'timeline'))._unsafeUnwrap().items[0];
    expect(after?.id).toBe(before?.id);
    expect(after?.text).not.toBe(before?.text);
  });
});

describe('createInstagramWebAdapter', () => {
  const web = () => createInstagramWebAdapter({ webBaseUrl: WEB, env: {}, retry: { maxRetries: 0 }, timeouts: { callMs: 5_000 } });

  it('captures the posts a public profile page shows', async () => {
    server.use(http.get(`${WEB}/:handle/`, () => HttpResponse.html(html('instagram-profile-public.html'))));
    const capture = (await web().capture({ platform: 'instagram', handle: 'dewi.lestari.contoh' }, 'timeline'))._unsafeUnwrap();
    expect(new URL(seen[0]?.url ?? '').pathname).toBe('/dewi.lestari.contoh/');
    expect(capture.items.map((item) => item.id)).toEqual(['DCdewi0002y', 'DCdewi0001y']);
    expect(capture.account.id).toBe('5500110022');
    expect(capture.window.complete).toBe(false);
  });

  it('reports a private profile as private', async () => {
    server.use(http.get(`${WEB}/:handle/`, () => HttpResponse.html(html('instagram-private.html'))));
    expect((await web().capture({ platform: 'instagram', handle: 'budi.santoso.contoh' }, 'timeline'))._unsafeUnwrapErr().type).toBe('private');
  });

  it('reports a login wall as unauthorized', async () => {
    server.use(http.get(`${WEB}/:handle/`, () => HttpResponse.html(html('instagram-login-wall.html'))));
    expect((await web().resolve('budi.santoso.contoh'))._unsafeUnwrapErr().type).toBe('unauthorized');
  });
});
