/**
 * @sipansos/adapter-x — X (Twitter) API v2 adapter for SIPANSOS.
 *
 * @packageDocumentation
 */
export { createXAdapter, X_ADAPTER_ID, X_ADAPTER_VERSION } from './x-adapter.js';
export { resolveXSettings, X_DEFAULT_BASE_URL, type ResolvedXSettings, type XAdapterSettings } from './x-adapter-settings.js';
export { X_DEFAULT_PRICING, X_DEFAULT_RATE_LIMITS, X_ENDPOINTS, X_MEDIA_FIELDS, X_TWEET_EXPANSIONS, X_TWEET_FIELDS, X_USER_FIELDS, type XEndpoint, type XPricing } from './x-endpoints.js';
export { X_HISTORY_LIMIT } from './x-capture.js';
export { X_LOOKUP_BATCH } from './x-lookup.js';
export { classifyProblem, lookupStatusFromProblem, type XProblemKind } from './x-problems.js';
export * from './x-schemas.js';
