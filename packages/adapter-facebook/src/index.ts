/**
 * @sipansos/adapter-facebook — Facebook for SIPANSOS: the Graph API for Pages
 * ({@link createFacebookAdapter}), public web pages ({@link createFacebookWebAdapter}), and the
 * parser for pages a supervisor saved ({@link parseFacebookPage}, used by `sipansos import`).
 *
 * @packageDocumentation
 */
export {
  FACEBOOK_ADAPTER_VERSION,
  FACEBOOK_GRAPH_ADAPTER_ID,
  FACEBOOK_PAGE_FIELDS,
  FACEBOOK_POST_FIELDS,
  createFacebookAdapter,
} from './facebook-adapter.js';
export { FACEBOOK_WEB_ADAPTER_ID, createFacebookWebAdapter } from './facebook-web-adapter.js';
export {
  FACEBOOK_DEFAULT_API_VERSION,
  FACEBOOK_GRAPH_BASE_URL,
  FACEBOOK_WEB_BASE_URL,
  type FacebookAdapterSettings,
  type FacebookCommonSettings,
  type FacebookWebAdapterSettings,
} from './facebook-adapter-settings.js';
export { FACEBOOK_MAX_PAGE_CHARS, parseFacebookPage } from './facebook-html-parser.js';
export { facebookPageToProfile, facebookPostToItem, graphTimeToInstant } from './facebook-map-item.js';
export {
  DEFAULT_SLOW_DOWN_AT_PERCENT,
  GRAPH_OBJECT_UNAVAILABLE_MARK,
  GRAPH_THROTTLE_CODES,
  isObjectUnavailable,
  mapGraphError,
  metaUsageRateLimitReader,
  readMetaUsage,
  type MetaUsage,
} from './facebook-graph-errors.js';
export {
  FacebookAttachmentSchema,
  FacebookPageSchema,
  FacebookPostSchema,
  FacebookPostsPageSchema,
  GraphErrorBodySchema,
  type FacebookAttachment,
  type FacebookPage,
  type FacebookPost,
  type FacebookPostsPage,
  type GraphErrorBody,
} from './facebook-schemas.js';
