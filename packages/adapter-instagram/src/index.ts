/**
 * @sipansos/adapter-instagram — Instagram for SIPANSOS: the Graph API's business discovery for
 * business and creator accounts ({@link createInstagramAdapter}), public profile pages
 * ({@link createInstagramWebAdapter}), and the parser for pages a supervisor saved
 * ({@link parseInstagramPage}, used by `sipansos import`).
 *
 * @packageDocumentation
 */
export { INSTAGRAM_ADAPTER_VERSION, INSTAGRAM_GRAPH_ADAPTER_ID, createInstagramAdapter } from './instagram-adapter.js';
export { INSTAGRAM_WEB_ADAPTER_ID, createInstagramWebAdapter } from './instagram-web-adapter.js';
export type { InstagramAdapterSettings, InstagramCommonSettings, InstagramWebAdapterSettings } from './instagram-adapter-settings.js';
export { parseInstagramPage } from './instagram-html-parser.js';
