import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { AdapterScenarioWires, ScenarioServer } from '@sipansos/testkit';

/** Where the conformance adapters send Graph requests (msw intercepts it). */
export const GRAPH = 'https://graph.facebook.com';
/** The control post the adapter reads before calling a post gone. */
export const CONTROL_POST_ID = '100200300400500_700000000000001';

const PAGE = { id: '100200300400500', name: 'Info Desa Sukamaju Contoh', username: 'infodesasukamaju.contoh', followers_count: 1311 };
const pageAccount = { platform: 'facebook', handle: PAGE.username, id: PAGE.id };

// Graph error object, as in Meta's "Handling Errors" guide.
const graphError = (code: number, message: string, subcode?: number) => ({ error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'AconformanceTrace' } });
const objectUnavailable = (id: string) => graphError(100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33);

const post = (id: string, message: string, day: number, extra: Record<string, unknown> = {}) => ({
  id,
  message,
  created_time: `2024-11-${String(day).padStart(2, '0')}T04:00:00+0000`,
  updated_time: `2024-11-${String(day).padStart(2, '0')}T04:00:00+0000`,
  permalink_url: `https://www.facebook.com/${PAGE.id}/posts/${id.split('_')[1]}`,
  from: { id: PAGE.id, name: PAGE.name },
  ...extra,
});

const pageNode = (body: JsonBodyType = PAGE) => http.get(`${GRAPH}/:version/:node`, ({ params }) => (String(params['node']).includes('_') ? undefined : HttpResponse.json(body)));
const postsEdge = (respond: (request: Request) => Response) => http.get(`${GRAPH}/:version/:page/posts`, ({ request }) => respond(request));

/** Twenty pages that always offer a `next`: paging must stop at `maxPages`. */
function endlessPosts() {
  return postsEdge((request) => {
    const after = new URL(request.url).searchParams.get('after');
    const page = after ? Number(after.replace('halaman-', '')) : 0;
    const data = [0, 1].map((index) => post(`${PAGE.id}_7220000000${String(page * 2 + index).padStart(5, '0')}`, `Kabar desa ${page * 2 + index}`, 28 - page));
    return HttpResponse.json({ data, paging: { cursors: { before: `halaman-${page}b`, after: `halaman-${page + 1}` }, next: `${GRAPH}/v25.0/${PAGE.id}/posts?after=halaman-${page + 1}` } });
  });
}

async function stallingServer(): Promise<ScenarioServer> {
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
    response.write('{"id":"100200300400500","name":"Info Desa');
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

/** Wires for every scenario the Graph API can show, in Meta's documented shapes, with invented Pages. */
export function facebookConformanceWires(): AdapterScenarioWires {
  let limitedOnce = false;
  const livePost = post(`${PAGE.id}_722334455667799`, 'Warga Sukamaju, mari sukseskan Pilkada!', 19);
  return {
    'account-live': { handlers: [pageNode()], input: { handle: PAGE.username } },
    'account-deleted': {
      handlers: [http.get(`${GRAPH}/:version/:node`, () => HttpResponse.json(graphError(803, '(#803) Some of the aliases you requested do not exist: halaman.dihapus.contoh'), { status: 404 }))],
      input: { handle: 'halaman.dihapus.contoh' },
    },
    'account-renamed': {
      handlers: [pageNode({ ...PAGE, username: 'infodesasukamaju.baru' })],
      input: { handle: 'infodesasukamaju.baru', previous: { platform: 'facebook', handle: PAGE.username, id: PAGE.id } },
    },
    'post-live': { handlers: [http.get(`${GRAPH}/:version/${livePost.id}`, () => HttpResponse.json(livePost))], input: { id: livePost.id } },
    'post-gone': {
      handlers: [
        http.get(`${GRAPH}/:version/${PAGE.id}_722334455660002`, () => HttpResponse.json(objectUnavailable(`${PAGE.id}_722334455660002`), { status: 400 })),
        http.get(`${GRAPH}/:version/${CONTROL_POST_ID}`, () => HttpResponse.json(post(CONTROL_POST_ID, 'Pos kendali (contoh)', 1))),
      ],
      input: { id: `${PAGE.id}_722334455660002` },
    },
    'rate-limited-then-recovers': {
      handlers: [
        pageNode(),
        postsEdge(() => {
          if (!limitedOnce) {
            limitedOnce = true;
            return HttpResponse.json(graphError(32, '(#32) Page request limit reached'), { status: 429, headers: { 'retry-after': '1' } });
          }
          return HttpResponse.json({ data: [livePost], paging: { cursors: { before: 'a', after: 'b' } } });
        }),
      ],
      input: { account: pageAccount },
    },
    'rate-limited': {
      handlers: [pageNode(), postsEdge(() => HttpResponse.json(graphError(4, '(#4) Application request limit reached'), { status: 429, headers: { 'retry-after': '120' } }))],
      input: { account: pageAccount },
    },
    'server-error': {
      handlers: [pageNode(), postsEdge(() => HttpResponse.json(graphError(2, 'An unexpected error has occurred. Please retry your request later.'), { status: 500 }))],
      input: { account: pageAccount },
    },
    'malformed-body': {
      handlers: [pageNode(), postsEdge(() => HttpResponse.json({ data: [{ id: `${PAGE.id}_1`, message: 'tanpa waktu dibuat' }] }))],
      input: { account: pageAccount },
    },
    'truncated-body': {
      handlers: [pageNode(), postsEdge(() => new HttpResponse(JSON.stringify({ data: [livePost] }).slice(0, 80), { headers: { 'content-type': 'application/json' } }))],
      input: { account: pageAccount },
    },
    'empty-page-with-posts': {
      handlers: [pageNode(), postsEdge(() => HttpResponse.json({ data: [] }))],
      input: { account: pageAccount },
    },
    'paging-beyond-window': { handlers: [pageNode(), endlessPosts()], input: { account: pageAccount, options: { maxPages: 3 } } },
    'stalled-body': { server: stallingServer, input: { account: pageAccount } },
  };
}
