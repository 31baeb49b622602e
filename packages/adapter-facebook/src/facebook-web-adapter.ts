import { adapterSettingsReader, createWebPageAdapter, type ManagedPlatformAdapter } from '@sipansos/core/adapter-kit';
import { FACEBOOK_ADAPTER_VERSION } from './facebook-adapter.js';
import { FACEBOOK_WEB_BASE_URL, type FacebookWebAdapterSettings } from './facebook-adapter-settings.js';
import { parseFacebookPage } from './facebook-html-parser.js';

/** The adapter id in evidence. */
export const FACEBOOK_WEB_ADAPTER_ID = 'facebook-web';

/**
 * Facebook through its public web pages, without a token: what a visitor who is not logged in
 * is shown. Most personal profiles answer with a login wall, which is reported as
 * `unauthorized` (never as "no posts"); public Pages usually show their latest posts. A web page
 * gives no ordering guarantee, so windows are never `complete` and no lookup is offered.
 *
 * @example
 * ```ts
 * const facebookWeb = createFacebookWebAdapter({ requestsPerMinute: 4 });
 * const capture = await facebookWeb.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh' }, 'timeline');
 * ```
 */
export function createFacebookWebAdapter(settings: FacebookWebAdapterSettings = {}): ManagedPlatformAdapter {
  const read = adapterSettingsReader('createFacebookWebAdapter', settings, settings.env ?? process.env);
  return createWebPageAdapter({
    platform: 'facebook',
    adapterId: FACEBOOK_WEB_ADAPTER_ID,
    adapterVersion: FACEBOOK_ADAPTER_VERSION,
    baseUrl: read.string({ name: 'webBaseUrl', variable: 'SIPANSOS_FACEBOOK_WEB_BASE_URL', fallback: FACEBOOK_WEB_BASE_URL, pattern: /^https?:\/\/\S+$/i, hint: 'must be an absolute http(s) URL' }),
    endpoint: 'GET /:handle',
    pagePath: (handle) => `/${handle}`,
    parse: parseFacebookPage,
    requestsPerMinute: read.number({ name: 'requestsPerMinute', fallback: 6, min: 1, max: 600, integer: true }),
    runtime: settings,
  });
}
