import { adapterSettingsReader, createWebPageAdapter, type ManagedPlatformAdapter } from '@sipansos/core/adapter-kit';
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
  const read = adapterSettingsReader('createInstagramWebAdapter', settings, settings.env ?? process.env);
  return createWebPageAdapter({
    platform: 'instagram',
    adapterId: INSTAGRAM_WEB_ADAPTER_ID,
    adapterVersion: INSTAGRAM_ADAPTER_VERSION,
    baseUrl: read.string({ name: 'webBaseUrl', variable: 'SIPANSOS_INSTAGRAM_WEB_BASE_URL', fallback: INSTAGRAM_WEB_BASE_URL, pattern: /^https?:\/\/\S+$/i, hint: 'must be an absolute http(s) URL' }),
    endpoint: 'GET /:handle/',
    pagePath: (handle) => `/${handle}/`,
    parse: parseInstagramPage,
    requestsPerMinute: read.number({ name: 'requestsPerMinute', fallback: 6, min: 1, max: 600, integer: true }),
    runtime: settings,
  });
}
