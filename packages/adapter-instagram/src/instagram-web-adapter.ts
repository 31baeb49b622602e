import { createPlatformAdapter, type AdapterCall, type AdapterCaptureV1, type AdapterErrorV1, type HttpSuccess, type ManagedPlatformAdapter, type SavedPageParse } from '@sipansos/core';
import { err, ok, type Result } from 'neverthrow';
import { INSTAGRAM_ADAPTER_VERSION } from './instagram-adapter.js';
import { INSTAGRAM_WEB_BASE_URL, type InstagramWebAdapterSettings } from './instagram-adapter-settings.js';
import { parseInstagramPage } from './instagram-html-parser.js';

/** The adapter id in evidence. */
export const INSTAGRAM_WEB_ADAPTER_ID = 'instagram-web';

const ENDPOINT_PROFILE_PAGE = 'GET /:handle/';

/**
 * Instagram through its public profile pages, without a token: what a visitor who is not logged
 * in is shown. A login wall is `unauthorized`, a private account `private` (never "no posts").
 * Windows are never `complete` and there is no lookup: a web page cannot tell deleted from hidden.
 */
export function createInstagramWebAdapter(settings: InstagramWebAdapterSettings = {}): ManagedPlatformAdapter {
  const env = settings.env ?? process.env;
  const baseUrl = settings.webBaseUrl ?? env['SIPANSOS_INSTAGRAM_WEB_BASE_URL'] ?? INSTAGRAM_WEB_BASE_URL;
  const perMinute = settings.requestsPerMinute ?? 6;
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new TypeError('createInstagramWebAdapter: settings.requestsPerMinute must be a whole number ≥ 1');

  const readPage = async (call: AdapterCall, handle: string): Promise<Result<{ parsed: SavedPageParse; response: HttpSuccess<string> }, AdapterErrorV1>> => {
    const response = await call.text({ endpoint: ENDPOINT_PROFILE_PAGE, path: `/${encodeURIComponent(handle)}/`, headers: { accept: 'text/html', 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' } });
    if (response.isErr()) return err(response.error);
    const parsed = parseInstagramPage({ html: response.value.data, url: response.value.raw.request.url, bodySha256: response.value.bodySha256 });
    if (parsed.isErr()) return err(parsed.error);
    return ok({ parsed: parsed.value, response: response.value });
  };

  return createPlatformAdapter({
    config: {
      platform: 'instagram',
      adapterId: INSTAGRAM_WEB_ADAPTER_ID,
      adapterVersion: INSTAGRAM_ADAPTER_VERSION,
      capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false },
      baseUrl,
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      rateLimits: { [ENDPOINT_PROFILE_PAGE]: { limit: perMinute, windowMs: 60_000 } },
      concurrency: settings.concurrency ?? 1,
      maxBodyBytes: 20_000_000,
      ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(settings.clock ? { clock: settings.clock } : {}),
      ...(settings.random ? { random: settings.random } : {}),
      ...(settings.onEvent ? { onEvent: settings.onEvent } : {}),
    },
    adapter: {
      resolve: async (call, handle) => {
        const page = await readPage(call, handle);
        if (page.isErr()) return err(page.error);
        const shown = page.value.parsed.account;
        return ok({
          account: { platform: 'instagram', handle: shown?.handle ?? handle, ...(shown?.id ? { id: shown.id } : {}) },
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
