import { ItemSchema } from '@sipansos/core';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, DELETED_ORIGINAL, MEDIA, POSTS, camatIncludes } from './__fixtures__/x-fixture-accounts.js';
import { internalProblem, notAuthorizedPost, notAuthorizedUser, notFoundPost, notFoundUser, suspendedUser, xPage, xTweet, xUser } from './__fixtures__/x-fixture-builders.js';
import { createXAdapter } from './x-adapter.js';
import type { XAdapterSettings } from './x-adapter-settings.js';
import { X_MEDIA_FIELDS, X_TWEET_EXPANSIONS, X_TWEET_FIELDS, X_USER_FIELDS } from './x-endpoints.js';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAFiktifBearerToken0123456789';
const API = 'https://api.x.com';
const server = setupServer();
const seen: { path: string; query: URLSearchParams; authorization: string | null }[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

function on(path: string, respond: (query: URLSearchParams) => Response | JsonBodyType) {
  return http.get(`${API}${path}`, ({ request }) => {
    const url = new URL(request.url);
    seen.push({ path: url.pathname, query: url.searchParams, authorization: request.headers.get('authorization') });
    const answer = respond(url.searchParams);
    return answer instanceof Response ? answer : HttpResponse.json(answer);
  });
}

const adapter = (settings: Partial<XAdapterSettings> = {}) => createXAdapter({ bearerToken: TOKEN, env: {}, retry: { maxRetries: 0 }, ...settings });
const camat = { platform: 'x', handle: ACCOUNTS.camat.username, id: ACCOUNTS.camat.id };
const csv = (values: readonly string[]) => values.join(',');

describe('createXAdapter: settings', () => {
  it('refuses to start without a bearer token and names where to put it', () => {
    expect(() => createXAdapter({ env: {} })).toThrow(/settings\.bearerToken.*SIPANSOS_X_BEARER_TOKEN/);
  });

  it('reads the token and base URL from SIPANSOS_X_* when settings leave them out', async () => {
    server.use(http.get('https://x-stand-in.example/2/users/by/username/:username', ({ request }) => {
      seen.push({ path: new URL(request.url).pathname, query: new URL(request.url).searchParams, authorization: request.headers.get('authorization') });
      return HttpResponse.json({ data: ACCOUNTS.camat });
    }));
    const x = createXAdapter({ env: { SIPANSOS_X_BEARER_TOKEN: TOKEN, SIPANSOS_X_BASE_URL: 'https://x-stand-in.example' } });
    expect((await x.resolve(ACCOUNTS.camat.username)).isOk()).toBe(true);
    expect(seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('createXAdapter: resolve', () => {
  it('looks the username up with the documented user.fields and keys the account on the numeric id', async () => {
    server.use(on('/2/users/by/username/:username', () => ({ data: ACCOUNTS.camat })));
    const resolved = (await adapter().resolve(`@${ACCOUNTS.camat.username}`))._unsafeUnwrap();
    expect(seen[0]?.path).toBe(`/2/users/by/username/${ACCOUNTS.camat.username}`);
    expect(seen[0]?.query.get('user.fields')).toBe(csv(X_USER_FIELDS));
    expect(seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(resolved.account).toEqual({ platform: 'x', handle: ACCOUNTS.camat.username, id: ACCOUNTS.camat.id });
    expect(resolved.observation).toBe('public');
    expect(resolved.profile).toMatchObject({ displayName: ACCOUNTS.camat.name, followersCount: 1200, isPrivate: false });
    expect(resolved.raw[0]?.request.url).toContain('/2/users/by/username/');
  });

  it('refuses a handle that cannot be an X username without asking X', async () => {
    expect((await adapter().resolve('nama.dengan.titik'))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect((await adapter().resolve('nama_yang_terlalu_panjang_sekali'))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect(seen).toHaveLength(0);
  });

  it('reports a suspended account as suspended and a missing one as not_found', async () => {
    server.use(on('/2/users/by/username/:username', () => suspendedUser('honorer_fktf03')));
    expect((await adapter().resolve('honorer_fktf03'))._unsafeUnwrapErr().type).toBe('suspended');
    server.use(on('/2/users/by/username/:username', () => notFoundUser(ACCOUNTS.deletedHandle)));
    expect((await adapter().resolve(ACCOUNTS.deletedHandle))._unsafeUnwrapErr().type).toBe('not_found');
  });
});

describe('createXAdapter: timeline', () => {
  it('asks for every field and expansion, pages with pagination_token and maps posts, reposts, quotes and replies', async () => {
    server.use(
      on('/2/users/:id/tweets', (query) =>
        query.get('pagination_token') === 'halaman-2'
          ? xPage([POSTS.quote, POSTS.reply], { includes: camatIncludes() })
          : xPage([POSTS.plain, POSTS.repost], { includes: camatIncludes(), nextToken: 'halaman-2' }),
      ),
    );
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    expect(seen.map((request) => request.path)).toEqual([`/2/users/${camat.id}/tweets`, `/2/users/${camat.id}/tweets`]);
    const first = seen[0]!.query;
    expect(first.get('tweet.fields')).toBe(csv(X_TWEET_FIELDS));
    expect(first.get('expansions')).toBe(csv(X_TWEET_EXPANSIONS));
    expect(first.get('user.fields')).toBe(csv(X_USER_FIELDS));
    expect(first.get('media.fields')).toBe(csv(X_MEDIA_FIELDS));
    expect(first.get('max_results')).toBe('100');
    expect(first.has('pagination_token')).toBe(false);
    expect(seen[1]!.query.get('pagination_token')).toBe('halaman-2');

    expect(capture.items.map((item) => [item.id, item.kind])).toEqual([
      [POSTS.plain.id, 'post'],
      [POSTS.repost.id, 'repost'],
      [POSTS.quote.id, 'quote'],
      [POSTS.reply.id, 'reply'],
    ]);
    const [plain, repost, quote, reply] = capture.items;
    expect(plain).toMatchObject({
      author: { id: camat.id, handle: camat.handle, name: ACCOUNTS.camat.name },
      hashtags: ['SukamajuMaju'],
      mentions: [{ handle: 'warga_fiktif05' }],
      links: ['https://contoh.example/berita/rapat-desa'],
      media: [{ type: 'photo', url: MEDIA.photo.url, altText: 'Foto rapat di balai desa (fiktif)' }],
      url: `https://x.com/${camat.handle}/status/${POSTS.plain.id}`,
      createdAt: '2024-10-03T01:15:00.000Z',
      metrics: { like_count: 12, retweet_count: 3, reply_count: 1, quote_count: 0, bookmark_count: 0, impression_count: 410 },
      editHistoryIds: [POSTS.plain.id],
      language: 'in',
    });
    expect(repost?.target).toMatchObject({ kind: 'post', id: POSTS.candidateOriginal.id, author: { id: ACCOUNTS.candidate.id, handle: ACCOUNTS.candidate.username }, text: 'Coblos nomor 2! #Harapan02' });
    expect(quote?.media[0]).toMatchObject({ type: 'video', url: expect.stringContaining('high.mp4'), mediaType: 'video/mp4' });
    expect(reply?.target).toMatchObject({ id: POSTS.neighbourPost.id, author: { handle: ACCOUNTS.neighbour.username } });

    expect(capture.window).toEqual({
      complete: true,
      reachedEnd: true,
      newest: { id: POSTS.plain.id, at: '2024-10-03T01:15:00.000Z' },
      oldest: { id: POSTS.reply.id, at: '2024-09-30T04:00:00.000Z' },
    });
    expect(capture.requests).toEqual({ 'GET /2/users/:id/tweets': 2 });
    // Two pages, each 2 posts + 3 included posts at $0.005, + 3 included users at $0.010.
    expect(capture.estimatedCostUsd).toBeCloseTo(2 * (5 * 0.005 + 3 * 0.01));
    expect(capture.raw).toHaveLength(2);
    for (const item of capture.items) expect(ItemSchema.safeParse(item).success, item.id).toBe(true);
  });

  it('passes since_id for an incremental cycle and records it in the window', async () => {
    server.use(on('/2/users/:id/tweets', () => xPage([POSTS.plain], { includes: camatIncludes() })));
    const capture = (await adapter().capture(camat, 'timeline', { sinceId: '1850000000000000050' }))._unsafeUnwrap();
    expect(seen[0]?.query.get('since_id')).toBe('1850000000000000050');
    expect(capture.window).toMatchObject({ complete: true, reachedEnd: false, cutBy: 'since_id', sinceId: '1850000000000000050' });
  });

  it('records a page cap as the reason paging stopped', async () => {
    server.use(on('/2/users/:id/tweets', () => xPage([POSTS.plain], { includes: camatIncludes(), nextToken: 'lagi' })));
    const capture = (await adapter().capture(camat, 'timeline', { maxPages: 2 }))._unsafeUnwrap();
    expect(seen).toHaveLength(2);
    expect(capture.window).toMatchObject({ complete: true, reachedEnd: false, cutBy: 'page_limit' });
  });

  it('keeps what was read when a later page fails, with an incomplete window', async () => {
    server.use(on('/2/users/:id/tweets', (query) => (query.get('pagination_token') ? HttpResponse.json({ title: 'Service Unavailable' }, { status: 503 }) : xPage([POSTS.plain], { includes: camatIncludes(), nextToken: 'lagi' }))));
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    expect(capture.items).toHaveLength(1);
    expect(capture.window).toMatchObject({ complete: false, cutBy: 'error' });
  });

  it('reads again a 200 page that carries an unexplained problem, and if it persists keeps the window open', async () => {
    let calls = 0;
    server.use(
      on('/2/users/:id/tweets', () => {
        calls++;
        // Fewer posts than asked and no next_token: without the problem this would look like the end.
        return xPage([POSTS.plain], { includes: camatIncludes(), errors: [internalProblem()] });
      }),
    );
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    expect(calls).toBe(3);
    expect(capture.raw).toHaveLength(3);
    expect(capture.items.map((item) => item.id)).toEqual([POSTS.plain.id]);
    expect(capture.window).toMatchObject({ complete: false, reachedEnd: false, cutBy: 'error' });
  });

  it('a retried page that comes back whole gives a complete window', async () => {
    let calls = 0;
    server.use(on('/2/users/:id/tweets', () => (++calls === 1 ? { errors: [internalProblem()] } : xPage([POSTS.plain], { includes: camatIncludes() }))));
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    expect(calls).toBe(2);
    expect(capture.window).toMatchObject({ complete: true, reachedEnd: true });
  });

  it('a 200 whose body is only an unexplained problem, every time, is a retryable error, not an empty or missing account', async () => {
    server.use(on('/2/users/:id/tweets', () => ({ errors: [internalProblem()] })));
    const error = (await adapter().capture(camat, 'timeline'))._unsafeUnwrapErr();
    expect(seen).toHaveLength(3);
    expect(error).toMatchObject({ type: 'http', status: 200, retryable: true });
  });

  it('a reply to the author\'s own post that X no longer serves names the author (in_reply_to_user_id) and the post\'s time (from its id)', async () => {
    const goneId = '1846000000000000000';
    const reply = xTweet({ id: '1850000000000000777', authorId: camat.id, text: 'lanjutan utas', createdAt: '2024-10-20T02:00:00.000Z', references: [{ type: 'replied_to', id: goneId }], inReplyTo: camat.id });
    server.use(on('/2/users/:id/tweets', () => xPage([reply], { includes: { users: [ACCOUNTS.camat] }, errors: [notFoundPost(goneId, 'referenced_tweets.id', 'includes')] })));
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    const target = capture.items[0]!.target!;
    expect(target).toMatchObject({ id: goneId, unavailable: true, author: { id: camat.id, handle: camat.handle }, url: `https://x.com/${camat.handle}/status/${goneId}` });
    expect(Date.parse(target.createdAt!)).toBe(Number(BigInt(goneId) >> 22n) + 1_288_834_974_657);
    expect(Date.parse(target.createdAt!)).toBeLessThan(Date.parse('2024-10-20T02:00:00.000Z'));
    expect(capture.window).toMatchObject({ complete: true });
  });

  it('marks the target of a repost whose original X reports missing as unavailable', async () => {
    server.use(on('/2/users/:id/tweets', () => xPage([DELETED_ORIGINAL.repost], { includes: { users: [ACCOUNTS.camat] }, errors: [DELETED_ORIGINAL.problem] })));
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    expect(capture.items[0]?.target).toMatchObject({ id: DELETED_ORIGINAL.originalId, unavailable: true });
  });

  it('a protected account is private and a suspended one suspended — never an empty timeline', async () => {
    server.use(on('/2/users/:id/tweets', () => notAuthorizedUser(ACCOUNTS.kadesProtected.id)));
    expect((await adapter().capture({ platform: 'x', handle: 'kades', id: ACCOUNTS.kadesProtected.id }, 'timeline'))._unsafeUnwrapErr().type).toBe('private');
    server.use(on('/2/users/:id/tweets', () => suspendedUser(ACCOUNTS.honorerSuspended.id, 'id')));
    expect((await adapter().capture({ platform: 'x', handle: 'honorer', id: ACCOUNTS.honorerSuspended.id }, 'timeline'))._unsafeUnwrapErr().type).toBe('suspended');
  });

  it('resolves an account without an id by username before reading its timeline', async () => {
    server.use(on('/2/users/by/username/:username', () => ({ data: ACCOUNTS.camat })), on('/2/users/:id/tweets', () => xPage([POSTS.plain], { includes: camatIncludes() })));
    const capture = (await adapter().capture({ platform: 'x', handle: ACCOUNTS.camat.username }, 'timeline'))._unsafeUnwrap();
    expect(seen.map((request) => request.path)).toEqual([`/2/users/by/username/${ACCOUNTS.camat.username}`, `/2/users/${ACCOUNTS.camat.id}/tweets`]);
    expect(capture.account.id).toBe(ACCOUNTS.camat.id);
  });
});

describe('createXAdapter: lookup', () => {
  it('reads per-id errors inside HTTP 200 one by one, in batches of 100', async () => {
    const ids = Array.from({ length: 150 }, (_, index) => `18600000000000${String(index).padStart(5, '0')}`);
    const live = ids[0]!;
    const gone = ids[1]!;
    const hidden = ids[120]!;
    const odd = ids[121]!;
    server.use(
      on('/2/tweets', (query) => {
        const asked = query.get('ids')!.split(',');
        const data = asked.includes(live) ? [xTweet({ id: live, authorId: ACCOUNTS.camat.id, text: 'masih ada' })] : [];
        const errors = [
          ...(asked.includes(gone) ? [notFoundPost(gone)] : []),
          ...(asked.includes(hidden) ? [notAuthorizedPost(hidden)] : []),
          ...(asked.includes(odd) ? [{ ...notFoundPost(odd), title: 'Something New Error', detail: 'unfamiliar' }] : []),
          notFoundPost('1850000000000000999', 'referenced_tweets.id', 'includes' as const),
        ];
        return { ...(data.length > 0 ? { data } : {}), errors, includes: { users: [ACCOUNTS.camat] } };
      }),
    );
    const batch = (await adapter().lookup!(ids))._unsafeUnwrap();
    expect(seen.map((request) => request.query.get('ids')!.split(',').length)).toEqual([100, 50]);
    expect(seen[0]?.query.get('tweet.fields')).toBe(csv(X_TWEET_FIELDS));
    expect(seen[0]?.query.get('expansions')).toBe(csv(X_TWEET_EXPANSIONS));
    const status = new Map(batch.results.map((result) => [result.id, result.status]));
    expect(status.get(live)).toBe('live');
    expect(status.get(gone)).toBe('gone');
    expect(status.get(hidden)).toBe('hidden');
    expect(status.get(odd)).toBe('unknown');
    expect(status.get(ids[2]!)).toBe('unknown');
    expect(batch.results.find((result) => result.id === gone)?.reason).toMatch(/Not Found Error/);
    expect(batch.results.find((result) => result.id === live)?.item?.author.handle).toBe(ACCOUNTS.camat.username);
    expect(batch.requests).toEqual({ 'GET /2/tweets': 2 });
  });

  it('a batch that could not be read is an error, never "gone"', async () => {
    server.use(on('/2/tweets', () => HttpResponse.json({ title: 'Service Unavailable' }, { status: 503 })));
    expect((await adapter().lookup!([POSTS.deletedId]))._unsafeUnwrapErr()).toMatchObject({ type: 'http', status: 503 });
  });
});

describe('createXAdapter: users in batches', () => {
  it('resolves many usernames with one users/by request, each answer to its handle, missing and suspended ones as typed errors', async () => {
    const suspended = suspendedUser('honorer_fktf03').errors[0]!;
    const missing = notFoundUser(ACCOUNTS.deletedHandle).errors[0]!;
    server.use(on('/2/users/by', () => ({ data: [ACCOUNTS.camat, ACCOUNTS.kadesProtected], errors: [{ ...suspended, parameter: 'usernames' }, { ...missing, parameter: 'usernames' }] })));
    const handles = [ACCOUNTS.camat.username.toUpperCase(), ACCOUNTS.kadesProtected.username, 'honorer_fktf03', ACCOUNTS.deletedHandle, 'tak_disebut_x'];
    const batch = (await adapter().resolveMany!(handles))._unsafeUnwrap();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.query.get('usernames')).toBe(handles.join(','));
    expect(seen[0]?.query.get('user.fields')).toBe(csv(X_USER_FIELDS));
    const byHandle = new Map(batch.results.map((result) => [result.handle, result]));
    expect(byHandle.get(handles[0]!)).toMatchObject({ status: 'resolved', account: { platform: 'x', handle: ACCOUNTS.camat.username, id: ACCOUNTS.camat.id }, observation: 'public' });
    expect(byHandle.get(handles[1]!)).toMatchObject({ status: 'resolved', observation: 'private' });
    expect(byHandle.get('honorer_fktf03')).toMatchObject({ status: 'error', error: { type: 'suspended' } });
    expect(byHandle.get(ACCOUNTS.deletedHandle)).toMatchObject({ status: 'error', error: { type: 'not_found' } });
    // Neither served nor named: could not tell, so not "not found".
    expect(byHandle.get('tak_disebut_x')).toMatchObject({ status: 'error', error: { type: 'http', retryable: true } });
    expect(batch.requests).toEqual({ 'GET /2/users/by': 1 });
    expect(batch.raw).toHaveLength(1);
  });

  it('refuses more than 100 handles in one call without asking X', async () => {
    const handles = Array.from({ length: 101 }, (_, index) => `akun_${index}`);
    expect((await adapter().resolveMany!(handles))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect(seen).toHaveLength(0);
  });

  it('reads many profiles with one users request: each account gets the same profile capture a single read gives', async () => {
    const gone = { platform: 'x', handle: 'hilang', id: '1900000000000000099' };
    server.use(on('/2/users', () => ({ data: [ACCOUNTS.camat, ACCOUNTS.kadesProtected], errors: [{ ...suspendedUser(gone.id, 'id').errors[0]!, parameter: 'ids' }] })));
    const kades = { platform: 'x', handle: 'kades', id: ACCOUNTS.kadesProtected.id };
    const batch = (await adapter().captureProfiles!([camat, kades, gone]))._unsafeUnwrap();
    expect(seen[0]?.query.get('ids')).toBe([camat.id, kades.id, gone.id].join(','));
    expect(batch.requests).toEqual({ 'GET /2/users': 1 });
    const [first, second, third] = batch.results;
    expect(first && 'capture' in first && first.capture).toMatchObject({ scope: 'profile', accountObservation: 'public', items: [{ id: `profile:${camat.id}`, kind: 'profile' }], window: { complete: true } });
    expect(second && 'capture' in second && second.capture).toMatchObject({ accountObservation: 'private', account: { handle: ACCOUNTS.kadesProtected.username } });
    expect(third).toMatchObject({ accountId: gone.id, error: { type: 'suspended' } });
    // One body proves all of them.
    const raws = batch.results.flatMap((result) => ('capture' in result ? result.capture.raw : []));
    expect(new Set(raws.map((raw) => raw.bytes)).size).toBe(1);
    for (const result of batch.results) if ('capture' in result) for (const item of result.capture.items) expect(ItemSchema.safeParse(item).success).toBe(true);
  });
});

describe('createXAdapter: likes, follows, profile', () => {
  it('likes that X withholds are reported unavailable, not as everything unliked', async () => {
    server.use(on('/2/users/:id/liked_tweets', () => ({ meta: { result_count: 0 } })));
    const capture = (await adapter().capture(camat, 'likes'))._unsafeUnwrap();
    expect(capture).toMatchObject({ status: 'unavailable', items: [], window: { complete: false } });
    server.use(on('/2/users/:id/liked_tweets', () => HttpResponse.json({ title: 'Forbidden', type: 'https://api.x.com/2/problems/client-forbidden' }, { status: 403 })));
    expect((await adapter().capture(camat, 'likes'))._unsafeUnwrap().status).toBe('unavailable');
  });

  it('likes that X serves become like items acting on the liked post', async () => {
    server.use(on('/2/users/:id/liked_tweets', () => xPage([POSTS.candidateOriginal], { includes: { users: [ACCOUNTS.candidate] } })));
    const capture = (await adapter().capture(camat, 'likes'))._unsafeUnwrap();
    expect(capture.status).toBe('ok');
    expect(capture.items[0]).toMatchObject({ id: `like:${POSTS.candidateOriginal.id}`, kind: 'like', author: { id: camat.id }, target: { id: POSTS.candidateOriginal.id, author: { handle: ACCOUNTS.candidate.username } } });
  });

  it('follows are read to the end of the list with 1,000 per page', async () => {
    server.use(
      on('/2/users/:id/following', (query) =>
        query.get('pagination_token') ? { data: [ACCOUNTS.neighbour], meta: { result_count: 1 } } : { data: [ACCOUNTS.candidate], meta: { result_count: 1, next_token: 'berikut' } },
      ),
    );
    const capture = (await adapter().capture(camat, 'follows'))._unsafeUnwrap();
    expect(seen[0]?.query.get('max_results')).toBe('1000');
    expect(capture.items.map((item) => item.target?.id)).toEqual([ACCOUNTS.candidate.id, ACCOUNTS.neighbour.id]);
    expect(capture.window).toEqual({ complete: true, reachedEnd: true });
  });

  it('the profile is one profile item read by id', async () => {
    const renamed = xUser(ACCOUNTS.camat.id, 'camat_baru_fk', 'Camat Sukamaju (Fiktif)');
    server.use(on('/2/users/:id', () => ({ data: renamed })));
    const capture = (await adapter().capture(camat, 'profile'))._unsafeUnwrap();
    expect(seen[0]?.path).toBe(`/2/users/${camat.id}`);
    expect(capture.items[0]).toMatchObject({ id: `profile:${camat.id}`, kind: 'profile', profile: { displayName: 'Camat Sukamaju (Fiktif)', followersCount: 1200 } });
    expect(capture.account).toMatchObject({ id: camat.id, handle: 'camat_baru_fk' });
  });
});

describe('createXAdapter: secrets', () => {
  it('no token in any error or stored request, even when X echoes it back', async () => {
    server.use(
      on('/2/users/by/username/:username', () => HttpResponse.json({ title: 'Unauthorized', detail: `Bearer ${TOKEN} is invalid`, type: 'about:blank' }, { status: 401 })),
      on('/2/users/:id/tweets', () => xPage([POSTS.plain], { includes: camatIncludes() })),
    );
    const x = adapter();
    const error = (await x.resolve('camat_fiktif01'))._unsafeUnwrapErr();
    expect(error.type).toBe('unauthorized');
    const capture = (await x.capture(camat, 'timeline'))._unsafeUnwrap();
    const text = JSON.stringify({ error, requests: capture.raw.map((raw) => raw.request), usage: x.usage() });
    expect(text).not.toContain(TOKEN);
  });

  it('downloads media from X’s CDN without sending the token', async () => {
    let authorization: string | null = 'unset';
    server.use(http.get('https://pbs.twimg.com/media/:file', ({ request }) => {
      authorization = request.headers.get('authorization');
      return new HttpResponse(new Uint8Array([0xff, 0xd8, 0xff]), { headers: { 'content-type': 'image/jpeg' } });
    }));
    const x = adapter({ media: { resolveHost: async () => ['151.101.0.1'] } });
    const media = (await x.fetchMedia!(MEDIA.photo.url!))._unsafeUnwrap();
    expect(media.mediaType).toBe('image/jpeg');
    expect(authorization).toBeNull();
    expect((await x.fetchMedia!('https://evil.example/a.jpg'))._unsafeUnwrapErr().type).toBe('invalid_input');
  });
});
