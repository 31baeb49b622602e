export { createPlatformAdapter, PLATFORM_ADAPTER_DEFAULTS, type ManagedPlatformAdapter } from './create-platform-adapter.js';
export type {
  AdapterCall,
  AdapterEvent,
  AdapterRetryPolicy,
  AdapterRuntimeSettings,
  AdapterTimeouts,
  CostInput,
  CreatePlatformAdapterInput,
  HttpRequest,
  HttpSuccess,
  JsonRequest,
  MediaDownloadConfig,
  PlatformAdapterConfig,
  PlatformAdapterDefinition,
  PlatformResult,
  QueryValue,
} from './platform-adapter-config.js';
export { systemClock, type AdapterClock } from './clock.js';
export { defaultHttpErrorMapping, type HttpFailure } from './http-error-mapping.js';
export { parseRetryAfter, readXRateLimitHeaders, type RateLimitHeaderReader, type RateLimitState } from './rate-limit-headers.js';
export { SlidingWindowLimiter, type EndpointRateLimit, type GateRefusal } from './sliding-window-limiter.js';
export type { SharedRateBudget } from './shared-rate-budget.js';
export { BODY_REDACTION_RULES, createRedactor, REDACTED, type BodyRedaction, type BodyRedactionRule, type RedactedBody, type Redactor } from './redaction.js';
export { isPrivateAddress } from './private-address.js';
export { hostAllowed, MEDIA_ENDPOINT } from './media-download.js';
export { backoffDelayMs } from './retry-delay.js';
export { createWebPageAdapter, type WebPageAdapterOptions } from './web-page-adapter.js';
export { AdapterSettingsError, adapterSettingsReader, type AdapterSettingsReader, type SettingSpec } from './adapter-settings.js';
export {
  AppUsageHeaderSchema,
  BusinessUseCaseUsageHeaderSchema,
  DEFAULT_META_SLOW_DOWN_AT_PERCENT,
  metaUsageRateLimitReader,
  readMetaUsage,
  type MetaBudgetUsage,
  type MetaUsage,
} from './meta-usage-headers.js';
export {
  GRAPH_THROTTLE_CODES,
  GraphErrorBodySchema,
  graphErrorOf,
  mapMetaGraphError,
  metaThrottlePause,
  type GraphError,
  type GraphErrorBody,
  type MetaGraphErrorOptions,
} from './meta-graph-errors.js';
export {
  META_ACCESS_TOKEN_VARIABLE,
  META_SECRET_QUERY_PARAMS,
  META_SLOW_DOWN_VARIABLE,
  resolveMetaGraphSettings,
  type MetaGraphSettings,
  type MetaGraphSettingsSource,
  type ResolvedMetaGraphSettings,
} from './meta-graph-settings.js';
