import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { AdapterScenarioWires, ScenarioServer } from '@sipansos/testkit';
import { ACCOUNTS, DELETED_ORIGINAL, POSTS, camatIncludes } from '../src/__fixtures__/x-fixture-accounts.js';
import { notFoundPost, notFoundUser, suspendedUser, xPage, xRateHeaders, xTweet } from '../src/__fixtures__/x-fixture-builders.js';

const API = 'https://api.x.com';
const camatAccount = { platform: 'x', handle: ACCOUNTS.camat.username, id: ACCOUNTS.camat.id };
const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const headers = (remaining = 899): Record<string, string> => ({ 'content-type': 'application/json; charset=utf-8', ...xRateHeaders(remaining, nowSeconds() + 900) });

const userByUsername = (body: JsonBodyType) => http.get(`${API}/2/users/by/username/:username`, () => HttpResponse.json(body, { headers: headers() }));
const tweetsLookup = (body: JsonBodyType) => http.get(`${API}/2/tweets`, () => HttpResponse.json(body, { headers: headers() }));
const timeline = (respond: () => Response) => http.get(`${API}/2/users/:id/tweets`, respond);

/** 3,200 invented posts in 32 pages: X's window, after which it gives no `next_token`. */
function windowPages() {
  return http.get(`${API}/2/users/:id/tweets`, ({ request }) => {
    const token = new URL(request.url).searchParams.get('pagination_token');
    const page = token ? Number(token.replace('halaman-', '')) : 0;
    const tweets = Array.from({ length: 100 }, (_, index) => {
      const serial = 3200 - (page * 100 + index);
      return xTweet({ id: `18400000000000${String(serial).padStart(5, '0')}`, authorId: ACCOUNTS.camat.id, text: `Kabar desa nomor ${serial}`, createdAt: new Date(Date.UTC(2024, 0, 1) + serial * 3_600_000).toISOString() });
    });
    const options = page < 31 ? { nextToken: `halaman-${page + 1}` } : {};
    return HttpResponse.json(xPage(tweets, options), { headers: headers() });
  });
}

/** A real server that sends headers and half a body, then nothing. */
async function stallingServer(): Promise<ScenarioServer> {
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096', ...xRateHeaders(899, nowSeconds() + 900) });
    response.write('{"data":[{"id":"1850000000000000101","text":"Rapat koor');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The wires for every conformance scenario, in X API v2's documented shapes. */
export function xConformanceWires(): AdapterScenarioWires {
  let rateLimitedOnce = false;
  return {
    'account-live': { handlers: [userByUsername({ data: ACCOUNTS.camat })], input: { handle: ACCOUNTS.camat.username } },
    'account-private': { handlers: [userByUsername({ data: ACCOUNTS.kadesProtected })], input: { handle: ACCOUNTS.kadesProtected.username } },
    'account-suspended': { handlers: [userByUsername(suspendedUser(ACCOUNTS.honorerSuspended.username))], input: { handle: ACCOUNTS.honorerSuspended.username } },
    'account-deleted': { handlers: [userByUsername(notFoundUser(ACCOUNTS.deletedHandle))], input: { handle: ACCOUNTS.deletedHandle } },
    'account-renamed': {
      handlers: [userByUsername({ data: ACCOUNTS.renamed })],
      input: { handle: ACCOUNTS.renamed.username, previous: { platform: 'x', handle: ACCOUNTS.renamedPreviousHandle, id: ACCOUNTS.renamed.id } },
    },
    'post-live': { handlers: [tweetsLookup({ data: [POSTS.plain], includes: camatIncludes() })], input: { id: POSTS.plain.id } },
    'post-gone': { handlers: [tweetsLookup({ errors: [notFoundPost(POSTS.deletedId)] })], input: { id: POSTS.deletedId } },
    'post-edited': { handlers: [tweetsLookup({ data: [POSTS.edited], includes: { users: [ACCOUNTS.camat] } })], input: { id: POSTS.edited.id } },
    'repost-original-deleted': {
      handlers: [timeline(() => HttpResponse.json(xPage([DELETED_ORIGINAL.repost], { includes: { users: [ACCOUNTS.camat] }, errors: [DELETED_ORIGINAL.problem] }), { headers: headers() }))],
      input: { account: camatAccount, originalId: DELETED_ORIGINAL.originalId },
    },
    'rate-limited-then-recovers': {
      handlers: [
        timeline(() => {
          if (!rateLimitedOnce) {
            rateLimitedOnce = true;
            // X sends no Retry-After: only the reset, in whole epoch seconds.
            return HttpResponse.json({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, { status: 429, headers: { ...xRateHeaders(0, nowSeconds() + 1) } });
          }
          return HttpResponse.json(xPage([POSTS.plain], { includes: camatIncludes() }), { headers: headers() });
        }),
      ],
      input: { account: camatAccount },
    },
    'rate-limited': {
      handlers: [timeline(() => HttpResponse.json({ title: 'Too Many Requests', type: 'about:blank', status: 429 }, { status: 429, headers: xRateHeaders(0, nowSeconds() + 3600) }))],
      input: { account: camatAccount },
    },
    'server-error': {
      handlers: [timeline(() => HttpResponse.json({ title: 'Service Unavailable', type: 'about:blank', status: 503 }, { status: 503 }))],
      input: { account: camatAccount },
    },
    'malformed-body': {
      handlers: [timeline(() => HttpResponse.json({ data: [{ id: 1850000000000000101, full_text: 'bentuk lama' }], meta: { result_count: '1' } }, { headers: headers() }))],
      input: { account: camatAccount },
    },
    'truncated-body': {
      handlers: [timeline(() => new HttpResponse('{"data":[{"id":"1850000000000000101","text":"Rapat koordinasi","edit_history_tweet_ids":["18500', { headers: headers() }))],
      input: { account: camatAccount },
    },
    'empty-page-with-posts': {
      handlers: [timeline(() => HttpResponse.json({ meta: { result_count: 0 } }, { headers: headers() }))],
      input: { account: camatAccount },
    },
    'paging-beyond-window': { handlers: [windowPages()], input: { account: camatAccount } },
    'stalled-body': { server: stallingServer, input: { account: camatAccount } },
  };
}
