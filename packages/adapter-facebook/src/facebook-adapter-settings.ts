import type { AdapterRuntimeSettings, EndpointRateLimit } from '@sipansos/core/adapter-kit';

/** Default Graph API host. */
export const FACEBOOK_GRAPH_BASE_URL = 'https://graph.facebook.com';
/** Default host for public web pages. */
export const FACEBOOK_WEB_BASE_URL = 'https://www.facebook.com';
/** Graph API version used when none is set. Pin it: Meta retires versions about two years after release. */
export const FACEBOOK_DEFAULT_API_VERSION = 'v25.0';

/** Settings shared by both Facebook adapters (`concurrency` defaults to 2 for the Graph API, 1 for web pages). */
export interface FacebookCommonSettings extends AdapterRuntimeSettings {}

/** Settings of {@link createFacebookAdapter} (Graph API, Pages only). */
export interface FacebookAdapterSettings extends FacebookCommonSettings {
  /**
   * A Page or system-user access token with Page Public Content Access (or a token of the
   * Page's own admin). Sent as an `Authorization: Bearer` header, never in the URL, never stored.
   * @default process.env.SIPANSOS_META_ACCESS_TOKEN (required: construction fails without one)
   */
  accessToken?: string;
  /** Graph API base URL. @default process.env.SIPANSOS_FACEBOOK_BASE_URL ?? "https://graph.facebook.com" */
  baseUrl?: string;
  /** Graph API version path segment, e.g. `v25.0`. @default process.env.SIPANSOS_FACEBOOK_API_VERSION ?? "v25.0" */
  apiVersion?: string;
  /**
   * The id of a post known to be live and readable with the same token. Graph error 100/33
   * means "deleted OR no permission"; a missing post is called `gone` only when this control
   * post still reads. Without it, such a post is `unknown`, never `gone`.
   * @default process.env.SIPANSOS_FACEBOOK_CONTROL_POST_ID
   */
  controlPostId?: string;
  /** The app secret: when set, every request carries `appsecret_proof` (HMAC-SHA256 of the token). */
  appSecret?: string;
  /** Posts per page (`limit`), 1–100. @default 25 */
  pageSize?: number;
  /** Pages read per capture when the caller gives no `maxPages`. @default 10 */
  maxPages?: number;
  /**
   * Usage percentage (from `x-app-usage` / `x-business-use-case-usage`) from which requests are
   * slowed before Meta throttles; 100 turns slowing off (Meta's refusals still stop the queue).
   * @default process.env.SIPANSOS_META_SLOW_DOWN_AT_PERCENT ?? 85
   */
  slowDownAtPercent?: number;
  /** Strict cap for every Graph endpoint, on top of Meta's headers. @default 200 per hour per endpoint */
  rateLimit?: EndpointRateLimit;
  /** Hosts media may be downloaded from. @default ['.fbcdn.net'] */
  mediaHosts?: readonly string[];
}

/** Settings of {@link createFacebookWebAdapter} (public web pages, no token). */
export interface FacebookWebAdapterSettings extends FacebookCommonSettings {
  /** Public web base URL. @default process.env.SIPANSOS_FACEBOOK_WEB_BASE_URL ?? "https://www.facebook.com" */
  webBaseUrl?: string;
  /**
   * Requests per minute to the web host: public pages are not an API and must be read gently.
   * @default 6
   */
  requestsPerMinute?: number;
}
