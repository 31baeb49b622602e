import type { AdapterRuntimeSettings, EndpointRateLimit } from '@sipansos/core/adapter-kit';

/** Default Graph API host for the Instagram API with Facebook Login (business discovery lives there). */
export const INSTAGRAM_GRAPH_BASE_URL = 'https://graph.facebook.com';
/** Default host for public web pages. */
export const INSTAGRAM_WEB_BASE_URL = 'https://www.instagram.com';
/** Graph API version used when none is set. */
export const INSTAGRAM_DEFAULT_API_VERSION = 'v25.0';

/** Settings shared by both Instagram adapters (`concurrency` defaults to 2 for the Graph API, 1 for web pages). */
export interface InstagramCommonSettings extends AdapterRuntimeSettings {}

/** Settings of {@link createInstagramAdapter} (business discovery: business and creator accounts only). */
export interface InstagramAdapterSettings extends InstagramCommonSettings {
  /**
   * A Facebook User (or system user) access token with `instagram_basic` and
   * `pages_read_engagement`, of someone with a role on the Page linked to `igUserId`. Sent as an
   * `Authorization: Bearer` header; never in a URL, never stored.
   * @default process.env.SIPANSOS_META_ACCESS_TOKEN (required)
   */
  accessToken?: string;
  /**
   * The office's own Instagram business account id: business discovery is asked "as" it.
   * @default process.env.SIPANSOS_INSTAGRAM_USER_ID (required)
   */
  igUserId?: string;
  /** Graph API base URL. @default process.env.SIPANSOS_INSTAGRAM_BASE_URL ?? "https://graph.facebook.com" */
  baseUrl?: string;
  /** API version segment. @default process.env.SIPANSOS_INSTAGRAM_API_VERSION ?? "v25.0" */
  apiVersion?: string;
  /** The app secret: when set, every request carries `appsecret_proof` (HMAC-SHA256 of the token). */
  appSecret?: string;
  /** Media per page (`media.limit(n)`), 1–100. @default 25 */
  pageSize?: number;
  /** Pages read per capture when the caller gives no `maxPages`. @default 8 */
  maxPages?: number;
  /**
   * Usage percentage from which requests are slowed; 100 turns slowing off (Meta's refusals
   * still stop the queue). @default process.env.SIPANSOS_META_SLOW_DOWN_AT_PERCENT ?? 85
   */
  slowDownAtPercent?: number;
  /** Strict cap on business discovery requests. @default 200 per hour */
  rateLimit?: EndpointRateLimit;
  /** Hosts media may be downloaded from. @default ['.cdninstagram.com', '.fbcdn.net'] */
  mediaHosts?: readonly string[];
}

/** Settings of {@link createInstagramWebAdapter} (public profile pages, no token). */
export interface InstagramWebAdapterSettings extends InstagramCommonSettings {
  /** Public web base URL. @default process.env.SIPANSOS_INSTAGRAM_WEB_BASE_URL ?? "https://www.instagram.com" */
  webBaseUrl?: string;
  /** Requests per minute to the web host. @default 6 */
  requestsPerMinute?: number;
}
