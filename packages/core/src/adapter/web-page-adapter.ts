import { err, ok, type Result } from 'neverthrow';
import type { Platform } from '../account/account-schema.js';
import type { SavedPageParse, SavedPageParser } from '../saved-page/saved-page.js';
import type { AdapterCaptureV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { AdapterClock } from './clock.js';
import { createPlatformAdapter, type ManagedPlatformAdapter } from './create-platform-adapter.js';
import type { AdapterCall, AdapterEvent, AdapterRetryPolicy, AdapterTimeouts, HttpSuccess } from './platform-adapter-config.js';

/** Runtime settings every platform adapter's settings object may carry. */
export interface AdapterRuntimeSettings {
  /** The `fetch` to call. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Where environment variables are read from. @default process.env */
  env?: Record<string, string | undefined>;
  timeouts?: AdapterTimeouts;
  retry?: AdapterRetryPolicy;
  /** Injected clock for tests. @default core's system clock */
  clock?: AdapterClock;
  /** Jitter source for backoff. @default Math.random */
  random?: () => number;
  /** Redacted request/response/wait/error events, for logs. */
  onEvent?: (event: AdapterEvent) => void;
  /** Requests in flight at once per endpoint. */
  concurrency?: number;
}

/** What a platform supplies to read its public profile pages. */
export interface WebPageAdapterOptions {
  platform: Platform;
  adapterId: string;
  adapterVersion: string;
  /** The public site, e.g. `https://www.facebook.com`. */
  baseUrl: string;
  /** Endpoint name for rate limits and accounting, e.g. `GET /:handle`. */
  endpoint: string;
  /** The page path of a handle, e.g. `/${handle}`. The handle is already validated. */
  pagePath(encodedHandle: string): string;
  /** The platform's page parser (the same one staff imports use). */
  parse: SavedPageParser;
  /** Public pages are not an API and must be read gently. */
  requestsPerMinute: number;
  runtime: AdapterRuntimeSettings;
}

/**
 * An adapter that reads one public web page per account and hands it to the platform's page
 * parser: what a visitor who is not logged in is shown. A web page gives no ordering guarantee,
 * so windows are never `complete`, and there is no lookup (a page cannot tell deleted from
 * hidden). Login walls and private accounts come back from the parser as errors, never as "no
 * posts".
 */
export function createWebPageAdapter(options: WebPageAdapterOptions): ManagedPlatformAdapter {
  const { runtime, endpoint } = options;
  if (!Number.isInteger(options.requestsPerMinute) || options.requestsPerMinute < 1) {
    throw new TypeError(`${options.adapterId}: settings.requestsPerMinute must be a whole number ≥ 1`);
  }
  const readPage = async (call: AdapterCall, handle: string): Promise<Result<{ parsed: SavedPageParse; response: HttpSuccess<string> }, AdapterErrorV1>> => {
    const response = await call.text({ endpoint, path: options.pagePath(encodeURIComponent(handle)), headers: { accept: 'text/html', 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' } });
    if (response.isErr()) return err(response.error);
    const parsed = options.parse({ html: response.value.data, url: response.value.raw.request.url, bodySha256: response.value.bodySha256 });
    if (parsed.isErr()) return err(parsed.error);
    return ok({ parsed: parsed.value, response: response.value });
  };

  return createPlatformAdapter({
    config: {
      platform: options.platform,
      adapterId: options.adapterId,
      adapterVersion: options.adapterVersion,
      capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false },
      baseUrl: options.baseUrl,
      ...(runtime.fetch ? { fetch: runtime.fetch } : {}),
      rateLimits: { [endpoint]: { limit: options.requestsPerMinute, windowMs: 60_000 } },
      concurrency: runtime.concurrency ?? 1,
      maxBodyBytes: 20_000_000,
      ...(runtime.timeouts ? { timeouts: runtime.timeouts } : {}),
      ...(runtime.retry ? { retry: runtime.retry } : {}),
      ...(runtime.clock ? { clock: runtime.clock } : {}),
      ...(runtime.random ? { random: runtime.random } : {}),
      ...(runtime.onEvent ? { onEvent: runtime.onEvent } : {}),
    },
    adapter: {
      resolve: async (call, handle) => {
        const page = await readPage(call, handle);
        if (page.isErr()) return err(page.error);
        const shown = page.value.parsed.account;
        return ok({
          account: { platform: options.platform, handle: shown?.handle ?? handle, ...(shown?.id ? { id: shown.id } : {}) },
          observation: page.value.parsed.observation,
          ...(page.value.parsed.profile ? { profile: page.value.parsed.profile } : {}),
          raw: [page.value.response.raw],
        });
      },
      capture: async (call, account, scope): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> => {
        const startedAt = call.isoNow();
        const page = await readPage(call, account.handle);
        if (page.isErr()) return err(page.error);
        const { items } = page.value.parsed;
        const dated = items.filter((item) => item.createdAt).sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''));
        const newest = dated[0];
        const oldest = dated.at(-1);
        const shownId = page.value.parsed.account?.id;
        return ok({
          account: { ...account, ...(shownId && !account.id ? { id: shownId } : {}) },
          scope,
          status: 'ok',
          accountObservation: page.value.parsed.observation,
          items,
          window: {
            complete: false,
            reachedEnd: false,
            cutBy: 'platform_limit',
            ...(newest?.createdAt ? { newest: { id: newest.id, at: newest.createdAt } } : {}),
            ...(oldest?.createdAt ? { oldest: { id: oldest.id, at: oldest.createdAt } } : {}),
          },
          raw: [page.value.response.raw],
          startedAt,
          capturedAt: call.isoNow(),
        });
      },
    },
  });
}
