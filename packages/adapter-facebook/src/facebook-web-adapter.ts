import { createWebPageAdapter, type ManagedPlatformAdapter } from '@sipansos/core/adapter-kit';
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
  const env = settings.env ?? process.env;
  return createWebPageAdapter({
    platform: 'facebook',
    adapterId: FACEBOOK_WEB_ADAPTER_ID,
    adapterVersion: FACEBOOK_ADAPTER_VERSION,
    baseUrl: settings.webBaseUrl ?? env['SIPANSOS_FACEBOOK_WEB_BASE_URL'] ?? FACEBOOK_WEB_BASE_URL,
    endpoint: 'GET /:handle',
    pagePath: (handle) => `/${handle}`,
    parse: parseFacebookPage,
    requestsPerMinute: settings.requestsPerMinute ?? 6,
    runtime: settings,
  });
}
