import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { http, HttpResponse } from 'msw';
import type { AdapterScenarioWires, ScenarioServer } from '@sipansos/testkit';

/** Where the conformance adapters send Graph requests (msw intercepts it). */
export const GRAPH = 'https://graph.facebook.com';
/** The office's own business account business discovery is asked through. */
export const OFFICE_IG_USER_ID = '17841400000000001';

const USER = { id: '17841400000000101', username: 'tokokopi.sukamaju.contoh', name: 'Toko Kopi Sukamaju (contoh)', followers_count: 2480, follows_count: 312, media_count: 40 };
const account = { platform: 'instagram', handle: USER.username, id: USER.id };

const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: 'OAuthException', code, fbtrace_id: 'AconformanceTrace', ...extra } });

const media = (serial: number) => ({
  id: `1790000000000${String(serial).padStart(4, '0')}`,
  caption: `Kabar kedai nomor ${serial}`,
  timestamp: new Date(Date.UTC(2024, 10, 1) - serial * 3_600_000).toISOString().replace('.000Z', '+0000'),
  permalink: `https://www.instagram.com/p/DCkopi${String(serial).padStart(5, '0')}/`,
  media_type: 'IMAGE',
  media_url: `https://scontent.cdninstagram.com/v/t51/kedai-${serial}.jpg`,
  like_count: serial,
  comments_count: 1,
});

const discovery = (respond: (fields: string) => Response) =>
  http.get(`${GRAPH}/:version/${OFFICE_IG_USER_ID}`, ({ request }) => respond(new URL(request.url).searchParams.get('fields') ?? ''));

const userOnly = (user: Record<string, unknown> = USER) => discovery(() => HttpResponse.json({ business_discovery: user, id: OFFICE_IG_USER_ID }));

/** Pages that always offer an `after` cursor: paging must stop at `maxPages`. */
function endlessMedia() {
  return discovery((fields) => {
    const page = Number(/\.after\(halaman-(\d+)\)/.exec(fields)?.[1] ?? '0');
    return HttpResponse.json({
      business_discovery: { ...USER, media: { data: [media(page * 2), media(page * 2 + 1)], paging: { cursors: { before: `halaman-${page}b`, after: `halaman-${page + 1}` } } } },
      id: OFFICE_IG_USER_ID,
    });
  });
}

async function stallingServer(): Promise<ScenarioServer> {
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
    response.write('{"business_discovery":{"id":"17841400000000101","username":"tokokopi');
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

/** Wires for every scenario business discovery can show, in Meta's documented shapes. */
export function instagramConformanceWires(): AdapterScenarioWires {
  let limitedOnce = false;
  return {
    'account-live': { handlers: [userOnly()], input: { handle: USER.username } },
    'account-renamed': { handlers: [userOnly({ ...USER, username: 'tokokopi.sukamaju.baru' })], input: { handle: 'tokokopi.sukamaju.baru', previous: { platform: 'instagram', handle: USER.username, id: USER.id } } },
    'rate-limited-then-recovers': {
      handlers: [
        discovery(() => {
          if (!limitedOnce) {
            limitedOnce = true;
            return HttpResponse.json(graphError(4, '(#4) Application request limit reached', { is_transient: true }), { status: 429, headers: { 'retry-after': '1' } });
          }
          return HttpResponse.json({ business_discovery: { ...USER, media_count: 1, media: { data: [media(1)], paging: { cursors: { before: 'a' } } } }, id: OFFICE_IG_USER_ID });
        }),
      ],
      input: { account },
    },
    'rate-limited': { handlers: [discovery(() => HttpResponse.json(graphError(613, '(#613) Calls to this api have exceeded the rate limit.'), { status: 429, headers: { 'retry-after': '120' } }))], input: { account } },
    'server-error': { handlers: [discovery(() => HttpResponse.json(graphError(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }), { status: 500 }))], input: { account } },
    'malformed-body': {
      handlers: [discovery(() => HttpResponse.json({ business_discovery: { ...USER, media: { data: [{ id: '17900000000000001', caption: 'tanpa waktu', media_type: 'IMAGE' }] } }, id: OFFICE_IG_USER_ID }))],
      input: { account },
    },
    'truncated-body': {
      handlers: [discovery(() => new HttpResponse(JSON.stringify({ business_discovery: { ...USER, media: { data: [media(1)] } }, id: OFFICE_IG_USER_ID }).slice(0, 90), { headers: { 'content-type': 'application/json' } }))],
      input: { account },
    },
    'empty-page-with-posts': { handlers: [discovery(() => HttpResponse.json({ business_discovery: { ...USER, media: { data: [] } }, id: OFFICE_IG_USER_ID }))], input: { account } },
    'paging-beyond-window': { handlers: [endlessMedia()], input: { account, options: { maxPages: 3 } } },
    'stalled-body': { server: stallingServer, input: { account } },
  };
}
