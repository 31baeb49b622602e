/**
 * @sipansos/adapter-instagram — Instagram for SIPANSOS: the Graph API's business discovery for
 * business and creator accounts ({@link createInstagramAdapter}), public profile pages
 * ({@link createInstagramWebAdapter}), and the parser for pages a supervisor saved
 * ({@link parseInstagramPage}, used by `sipansos import`).
 *
 * @packageDocumentation
 */
export {
  INSTAGRAM_ADAPTER_VERSION,
  INSTAGRAM_GRAPH_ADAPTER_ID,
  INSTAGRAM_MEDIA_FIELDS,
  INSTAGRAM_USER_FIELDS,
  createInstagramAdapter,
} from './instagram-adapter.js';
export { INSTAGRAM_WEB_ADAPTER_ID, createInstagramWebAdapter } from './instagram-web-adapter.js';
export {
  INSTAGRAM_DEFAULT_API_VERSION,
  INSTAGRAM_GRAPH_BASE_URL,
  INSTAGRAM_WEB_BASE_URL,
  type InstagramAdapterSettings,
  type InstagramCommonSettings,
  type InstagramWebAdapterSettings,
} from './instagram-adapter-settings.js';
export { INSTAGRAM_MAX_PAGE_CHARS, parseInstagramPage } from './instagram-html-parser.js';
export { instagramMediaToItem, instagramUserToProfile, shortcodeOf } from './instagram-map-item.js';
export {
  GRAPH_THROTTLE_CODES,
  INSTAGRAM_USER_NOT_DISCOVERABLE_SUBCODE,
  mapInstagramGraphError,
  metaUsageRateLimitReader,
  readMetaUsage,
  type MetaUsage,
} from './instagram-graph-errors.js';
export {
  BusinessDiscoveryResponseSchema,
  InstagramBusinessUserSchema,
  InstagramMediaSchema,
  type BusinessDiscoveryResponse,
  type InstagramBusinessUser,
  type InstagramMedia,
} from './instagram-schemas.js';
