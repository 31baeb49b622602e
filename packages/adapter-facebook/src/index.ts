/**
 * @sipansos/adapter-facebook — Facebook for SIPANSOS: the Graph API for Pages
 * ({@link createFacebookAdapter}), public web pages ({@link createFacebookWebAdapter}), and the
 * parser for pages a supervisor saved ({@link parseFacebookPage}, used by `sipansos import`).
 *
 * @packageDocumentation
 */
export { FACEBOOK_ADAPTER_VERSION, FACEBOOK_GRAPH_ADAPTER_ID, createFacebookAdapter } from './facebook-adapter.js';
export { FACEBOOK_WEB_ADAPTER_ID, createFacebookWebAdapter } from './facebook-web-adapter.js';
export type { FacebookAdapterSettings, FacebookCommonSettings, FacebookWebAdapterSettings } from './facebook-adapter-settings.js';
export { parseFacebookPage } from './facebook-html-parser.js';
