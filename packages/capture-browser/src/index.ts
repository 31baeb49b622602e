/**
 * @sipansos/capture-browser — patrol capture in a real Chromium: staff browse logged in on the
 * office's own profile and keep pages as evidence (WARC/1.1 of every exchange, screenshot,
 * MHTML, visible text, URL chain, TLS details), parsed into posts, comments and reaction
 * lists; revisits reopen captured posts and feed the deletion state machine.
 *
 * @packageDocumentation
 */
export { openPatrolBrowser, type PatrolBrowser } from './patrol-browser.js';
export { DEFAULT_ALLOWED_HOSTS, DEFAULT_CHROMIUM_PATH, isAllowedHost, type PatrolBrowserSettings } from './patrol-settings.js';
export type { PatrolError } from './patrol-error.js';
export { ExchangeRecorder, type DocumentRecording, type RecordedExchange } from './exchange-recorder.js';
export { SECRET_HEADERS, SECRET_PARAMS } from './exchange-secrets.js';
export { keepPage, type Blob as PatrolBlob, type KeepOptions, type KeptPage } from './keep-page.js';
export { startPatrolSession, type PatrolSession, type PatrolSessionOptions } from './patrol-session.js';
export { readPatrolPage, type PageKind, type PatrolPageReading } from './patrol-page-reading.js';
export { readFacebookGraphql, type GraphqlReading, type ReactionList } from './facebook-graphql.js';
export { buildPatrolCaptures, type BuildPatrolCapturesInput, type CampaignAccount, type PatrolCaptureEntry, type PatrolCaptures } from './patrol-captures.js';
export { revisitPosts, type RevisitBudget, type RevisitOptions, type RevisitReport, type RevisitResult, type RevisitStatus, type RevisitTarget } from './revisit.js';
export { observeRevisits } from './observe-revisits.js';
export { writeWarcFile, type WarcInfo } from './warc-file.js';
export { PATROL_ADAPTER_ID, PATROL_ADAPTER_VERSION } from './patrol-version.js';
