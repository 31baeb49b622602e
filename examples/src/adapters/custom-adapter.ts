// Compose an adapter for a platform SIPANSOS does not ship — here "ShortVid", an invented
// TikTok-like video platform — with core's createPlatformAdapter, which supplies the rate-limit
// queue, deadlines, retries, HTTP error mapping, body validation and secret redaction. Only the
// platform's URLs, response schemas and mapping to core's Item are written here. Then the
// adapter runs the same conformance suite as the shipped adapters.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Item } from '@sipansos/core';
import { createPlatformAdapter, type AdapterCall } from '@sipansos/core/adapter-kit';
import { adapterConformanceSuite, type AdapterConformanceEnvironment } from '@sipansos/testkit';
import { http, HttpResponse } from 'msw';
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { run, type ExampleError } from '../lib/run.js';

const API = 'https://api.shortvid.example';

// --- The platform's documented shapes -------------------------------------------------------
const UserSchema = z.object({ user: z.object({ id: z.string(), handle: z.string(), name: z.string(), status: z.enum(['public', 'private', 'suspended']) }) });
const VideoSchema = z.object({
  id: z.string(),
  caption: z.string(),
  created_at: z.string(),
  author: z.object({ id: z.string(), handle: z.string() }),
  edit_ids: z.array(z.string()).optional(),
  repost_of: z.object({ id: z.string(), available: z.boolean() }).optional(),
});
const VideoPageSchema = z.object({ videos: z.array(VideoSchema), next_cursor: z.string().optional(), total_count: z.number() });
const LookupSchema = z.object({ videos: z.array(VideoSchema), missing: z.array(z.object({ id: z.string(), reason: z.enum(['deleted', 'private']) })) });

function toItem(video: z.infer<typeof VideoSchema>): Item {
  return {
    platform: 'shortvid',
    id: video.id,
    kind: video.repost_of ? 'repost' : 'post',
    author: { id: video.author.id, handle: video.author.handle },
    createdAt: video.created_at,
    text: video.caption,
    media: [{ type: 'video' }],
    links: [],
    hashtags: [...video.caption.matchAll(/#(\w+)/g)].map((match) => match[1]!),
    mentions: [],
    ...(video.edit_ids ? { editHistoryIds: video.edit_ids } : {}),
    ...(video.repost_of ? { target: { kind: 'post' as const, id: video.repost_of.id, ...(video.repost_of.available ? {} : { unavailable: true }) } } : {}),
  };
}

/** The ShortVid adapter: everything platform-specific, nothing else. */
export function createShortVidAdapter(settings: { token: string; baseUrl?: string; fetch?: typeof globalThis.fetch; limits?: AdapterConformanceEnvironment['limits'] }) {
  const limits = settings.limits;
  return createPlatformAdapter({
    config: {
      platform: 'shortvid',
      adapterId: 'shortvid-api',
      adapterVersion: '0.1.0',
      capabilities: { scopes: ['timeline'], lookup: true, distinguishesPrivateFromDeleted: true, exposesEdits: true, exposesLikes: false, exposesFollows: false, mediaDownload: false, maxLookupBatch: 50 },
      baseUrl: settings.baseUrl ?? API,
      headers: { authorization: `Bearer ${settings.token}` },
      secrets: [settings.token],
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      ...(limits
        ? {
            timeouts: { callMs: limits.callTimeoutMs, headersMs: limits.headersTimeoutMs, bodyMs: limits.bodyTimeoutMs },
            retry: { maxRetries: limits.maxRetries, baseDelayMs: limits.retryBaseDelayMs, maxRateLimitWaitMs: limits.maxRateLimitWaitMs },
          }
        : {}),
    },
    adapter: {
      resolve: (call: AdapterCall, handle: string) =>
        call.json({ endpoint: 'GET /v1/users/by-handle/:handle', path: `/v1/users/by-handle/${encodeURIComponent(handle)}`, schema: UserSchema }).map(({ data, raw }) => ({
          account: { platform: 'shortvid', handle: data.user.handle, id: data.user.id },
          observation: data.user.status,
          raw: [raw],
        })),
      capture: async (call, account, scope, options) => {
        const startedAt = call.isoNow();
        const items: Item[] = [];
        const raw = [];
        let cursor: string | undefined;
        let pages = 0;
        let total = 0;
        const maxPages = options.maxPages ?? 5;
        do {
          const page = await call.json({ endpoint: 'GET /v1/users/:id/videos', path: `/v1/users/${account.id}/videos`, query: { cursor, limit: 20 }, schema: VideoPageSchema });
          if (page.isErr()) return err(page.error);
          raw.push(page.value.raw);
          items.push(...page.value.data.videos.map(toItem));
          total = page.value.data.total_count;
          cursor = page.value.data.next_cursor;
          pages++;
        } while (cursor && pages < maxPages);
        const reachedEnd = cursor === undefined;
        // An empty page from an account that has videos proves nothing: never a complete window.
        const complete = !(items.length === 0 && total > 0);
        return ok({
          account,
          scope,
          status: 'ok' as const,
          accountObservation: 'public' as const,
          items,
          window: { complete, reachedEnd, ...(reachedEnd ? {} : { cutBy: 'page_limit' as const }), ...(items[0] ? { newest: { id: items[0].id }, oldest: { id: items.at(-1)!.id } } : {}) },
          raw,
          startedAt,
          capturedAt: call.isoNow(),
        });
      },
      lookup: (call, ids) =>
        call.json({ endpoint: 'GET /v1/videos', path: '/v1/videos', query: { ids: ids.join(',') }, schema: LookupSchema }).map(({ data, raw }) => ({
          results: ids.map((id) => {
            const video = data.videos.find((entry) => entry.id === id);
            if (video) return { id, status: 'live' as const, item: toItem(video) };
            const missing = data.missing.find((entry) => entry.id === id);
            return { id, status: missing?.reason === 'deleted' ? ('gone' as const) : missing ? ('hidden' as const) : ('unknown' as const) };
          }),
          raw: [raw],
        })),
    },
  });
}

// --- The wire of each conformance scenario, as ShortVid would answer --------------------------
const user = (id: string, handle: string, status = 'public') => HttpResponse.json({ user: { id, handle, name: 'Akun Contoh', status } });
const video = (id: string, extra: Record<string, unknown> = {}) => ({ id, caption: `Video contoh ${id} #lembah`, created_at: '2024-10-01T03:00:00Z', author: { id: '7001', handle: 'akun_contoh' }, ...extra });
const account = { platform: 'shortvid', handle: 'akun_contoh', id: '7001' };
const timeline = (resolver: Parameters<typeof http.get>[1]) => [http.get(`${API}/v1/users/7001/videos`, resolver)];
const notFound = () => HttpResponse.json({ error: 'not found' }, { status: 404 });

const scenarios = {
  'account-live': { input: { handle: 'akun_contoh' }, handlers: [http.get(`${API}/v1/users/by-handle/akun_contoh`, () => user('7001', 'akun_contoh'))] },
  'account-private': { input: { handle: 'akun_privat' }, handlers: [http.get(`${API}/v1/users/by-handle/akun_privat`, () => user('7002', 'akun_privat', 'private'))] },
  'account-suspended': { input: { handle: 'akun_beku' }, handlers: [http.get(`${API}/v1/users/by-handle/akun_beku`, () => user('7003', 'akun_beku', 'suspended'))] },
  'account-deleted': { input: { handle: 'akun_hilang' }, handlers: [http.get(`${API}/v1/users/by-handle/akun_hilang`, notFound)] },
  'account-renamed': { input: { handle: 'nama_baru', previous: { platform: 'shortvid', handle: 'nama_lama', id: '7004' } }, handlers: [http.get(`${API}/v1/users/by-handle/nama_baru`, () => user('7004', 'nama_baru'))] },
  'post-live': { input: { id: '9001' }, handlers: [http.get(`${API}/v1/videos`, () => HttpResponse.json({ videos: [video('9001')], missing: [] }))] },
  'post-gone': { input: { id: '9002' }, handlers: [http.get(`${API}/v1/videos`, () => HttpResponse.json({ videos: [], missing: [{ id: '9002', reason: 'deleted' }] }))] },
  'post-edited': { input: { id: '9004' }, handlers: [http.get(`${API}/v1/videos`, () => HttpResponse.json({ videos: [video('9004', { edit_ids: ['9003', '9004'] })], missing: [] }))] },
  'repost-original-deleted': { input: { account, originalId: '8001' }, handlers: timeline(() => HttpResponse.json({ videos: [video('9005', { repost_of: { id: '8001', available: false } })], total_count: 1 })) },
  'rate-limited-then-recovers': {
    input: { account },
    handlers: (() => {
      let calls = 0;
      return timeline(() => (++calls === 1 ? HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '1' } }) : HttpResponse.json({ videos: [video('9006')], total_count: 1 })));
    })(),
  },
  'rate-limited': { input: { account }, handlers: timeline(() => HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '3600' } })) },
  'server-error': { input: { account }, handlers: timeline(() => HttpResponse.json({ error: 'unavailable' }, { status: 503 })) },
  'malformed-body': { input: { account }, handlers: timeline(() => HttpResponse.json({ videos: 'not a list' })) },
  'truncated-body': { input: { account }, handlers: timeline(() => new HttpResponse('{"videos":[{"id":"9007","capt', { headers: { 'content-type': 'application/json' } })) },
  'empty-page-with-posts': { input: { account }, handlers: timeline(() => HttpResponse.json({ videos: [], total_count: 12 })) },
  'paging-beyond-window': { input: { account, options: { maxPages: 2 } }, handlers: timeline(({ request }) => HttpResponse.json({ videos: [video(`95${new URL(request.url).searchParams.get('cursor') ?? '0'}`)], next_cursor: String(Number(new URL(request.url).searchParams.get('cursor') ?? '0') + 1), total_count: 500 })) },
  'stalled-body': {
    input: { account },
    // A real socket that sends the headers and half a body, then nothing.
    server: async () => {
      const server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"videos":[');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
      };
    },
  },
};

// The suite registers tests with any `test(name, fn)` — vitest's in a test file; here a small
// runner, so the example runs as a plain script.
await run('run the adapter conformance suite on the ShortVid adapter', async (): Promise<Result<string, ExampleError>> => {
  const tests: Array<{ name: string; fn: () => Promise<void> }> = [];
  adapterConformanceSuite({
    test: (name, fn) => tests.push({ name, fn }),
    createAdapter: (environment) => createShortVidAdapter({ token: environment.secret, fetch: environment.fetch, limits: environment.limits, ...(environment.baseUrl ? { baseUrl: environment.baseUrl } : {}) }),
    scenarios,
  });
  const lines: string[] = [];
  const failed: string[] = [];
  for (const { name, fn } of tests) {
    try {
      await fn();
      lines.push(`✓ ${name}`);
    } catch (error) {
      failed.push(name);
      lines.push(`✗ ${name}: ${(error as Error).message}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed.length === 0 ? ok(`${tests.length} scenarios passed`) : err({ type: 'conformance_failed', message: `${failed.length} of ${tests.length} scenarios failed: ${failed.join(', ')}` });
});
