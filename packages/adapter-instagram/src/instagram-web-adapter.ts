import { createWebPageAdapter, type ManagedPlatformAdapter } from '@sipansos/core/adapter-kit';
import { INSTAGRAM_ADAPTER_VERSION } from './instagram-adapter.js';
import { INSTAGRAM_WEB_BASE_URL, type InstagramWebAdapterSettings } from './instagram-adapter-settings.js';
import { parseInstagramPage } from './instagram-html-parser.js';

/** The adapter id in evidence. */
export const INSTAGRAM_WEB_ADAPTER_ID = 'instagram-web';

/**
 * Instagram through its public profile pages, without a token: what a visitor who is not logged
 * in is shown. A login wall is `unauthorized`, a private account `private` (never "no posts").
 * Windows are never `complete` and there is no lookup: a web page cannot tell deleted from hidden.
 */
export function createInstagramWebAdapter(settings: InstagramWebAdapterSettings = {}): ManagedPlatformAdapter {
  const env = settings.env ?? process.env;
  return createWebPageAdapter({
    platform: 'instagram',
    adapterId: INSTAGRAM_WEB_ADAPTER_ID,
    adapterVersion: INSTAGRAM_ADAPTER_VERSION,
    baseUrl: settings.webBaseUrl ?? env['SIPANSOS_INSTAGRAM_WEB_BASE_URL'] ?? INSTAGRAM_WEB_BASE_URL,
    endpoint: 'GET /:handle/',
    pagePath: (handle) => `/${handle}/`,
    parse: parseInstagramPage,
    requestsPerMinute: settings.requestsPerMinute ?? 6,
    runtime: settings,
  });
}
