import type { SharedRateBudget } from './shared-rate-budget.js';
import type { Result, ResultAsync } from 'neverthrow';
import type { z } from 'zod';
import type { Account, Platform } from '../account/account-schema.js';
import type { CaptureScope } from '../capture/capture-schema.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type {
  AdapterCapabilitiesV1,
  AdapterCaptureV1,
  CaptureOptionsV1,
  LookupBatchV1,
  ProfileBatchV1,
  ResolveBatchV1,
  RawResponseV1,
  ResolvedAccountV1,
} from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { AdapterClock } from './clock.js';
import type { HttpFailure } from './http-error-mapping.js';
import type { RateLimitHeaderReader } from './rate-limit-headers.js';
import type { EndpointRateLimit } from './sliding-window-limiter.js';

/** Deadlines for one adapter call and each HTTP exchange inside it. */
export interface AdapterTimeouts {
  /**
   * Whole adapter call (`resolve`, `capture`, `lookup`, `fetchMedia`), paging, waits for the
   * rate limit and retries included. A wait that would end after it is not slept: the call
   * returns `rate_limited` at once.
   * @default 1_200_000 (20 minutes: one X rate-limit window plus margin)
   */
  callMs?: number;
  /** From sending a request to receiving the response headers. @default 30_000 */
  headersMs?: number;
  /** From the headers to the last byte of the body: a stalled body ends as `timeout`. @default 60_000 */
  bodyMs?: number;
}

/** Retries for idempotent reads. Writes are never retried. */
export interface AdapterRetryPolicy {
  /** Retries after the first attempt (so `2` means at most 3 requests). @default 2 */
  maxRetries?: number;
  /** First backoff delay; it doubles per retry, with jitter. @default 1_000 */
  baseDelayMs?: number;
  /** Longest backoff delay. @default 30_000 */
  maxDelayMs?: number;
  /**
   * Longest wait for a platform's rate-limit reset or `Retry-After` that core will sleep
   * through; a longer one returns `rate_limited` with `retryAfterMs`.
   * @default 960_000 (16 minutes: one X window)
   */
  maxRateLimitWaitMs?: number;
}

/** Media download guard. */
export interface MediaDownloadConfig {
  /**
   * Hosts media may come from. `pbs.twimg.com` matches exactly; `.fbcdn.net` matches any
   * subdomain. Redirect targets are checked against the same list.
   */
  allowedHosts: readonly string[];
  /** Largest download in bytes. @default 52_428_800 (50 MiB) */
  maxBytes?: number;
  /** Allowed content-type prefixes. @default ['image/', 'video/'] */
  allowedTypes?: readonly string[];
  /** Redirects followed at most. @default 3 */
  maxRedirects?: number;
  /**
   * Resolve a host name to its addresses so a name pointing at a private address is refused.
   * Tests inject a fake; omit it to check only IP literals (the allow-list still applies).
   */
  resolveHost?: (host: string) => Promise<readonly string[]>;
}

/** An event for logs and metrics. Every string in it is already redacted. */
export type AdapterEvent =
  | { type: 'request'; endpoint: string; method: string; url: string; attempt: number; at: number }
  | { type: 'response'; endpoint: string; method: string; url: string; status: number; durationMs: number; at: number }
  | { type: 'wait'; endpoint: string; waitMs: number; cause: 'window' | 'server' | 'backoff'; at: number }
  | { type: 'error'; endpoint: string; error: AdapterErrorV1; attempt: number; willRetry: boolean; at: number };

/** What the cost hook is told of one successful response. */
export interface CostInput {
  endpoint: string;
  status: number;
  /** The validated body. */
  data: unknown;
}

/**
 * The cross-cutting settings of one platform adapter instance. Platform packages fill it from
 * their own settings; every field has a safe default except identity, capabilities and `baseUrl`.
 */
export interface PlatformAdapterConfig {
  /** Platform slug, e.g. `x`. */
  platform: Platform;
  /** Names the adapter in evidence, e.g. `x-api-v2`. */
  adapterId: string;
  /** Recorded in every capture. */
  adapterVersion: string;
  capabilities: AdapterCapabilitiesV1;
  /** Where the API lives, e.g. `https://api.x.com`. Request paths are appended to it. */
  baseUrl: string;
  /** The `fetch` to call. @default globalThis.fetch (undici inside Node) */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every API request (e.g. `Authorization`). Never recorded or logged. */
  headers?: Record<string, string>;
  /** Secret values (tokens, app secrets) scrubbed from every error, event and stored URL. */
  secrets?: readonly string[];
  /** Query parameters whose values are always secret, e.g. `access_token` on the Graph API. */
  secretQueryParams?: readonly string[];
  /**
   * Strict sliding-window caps per endpoint id (the `endpoint` a request names). Defaults come
   * from the platform's published limits; an office with a higher tier overrides them.
   */
  rateLimits?: Record<string, EndpointRateLimit>;
  /** Cap for endpoints not in `rateLimits`. @default no cap (the platform's headers still apply) */
  defaultRateLimit?: EndpointRateLimit;
  /** Requests in flight at once per endpoint. @default 4 */
  concurrency?: number;
  timeouts?: AdapterTimeouts;
  retry?: AdapterRetryPolicy;
  /** Largest API body read, in bytes; a bigger one is a `parse` error. @default 16_777_216 (16 MiB) */
  maxBodyBytes?: number;
  /** Reads the platform's rate-limit headers. @default {@link readXRateLimitHeaders} */
  readRateLimit?: RateLimitHeaderReader;
  /**
   * Refines the status → error mapping for a platform (e.g. Graph API error code 190 →
   * `unauthorized`). Return `undefined` to use the default mapping.
   */
  mapHttpError?: (failure: HttpFailure) => AdapterErrorV1 | undefined;
  /** Estimated cost in US dollars of one successful response (pay-per-use pricing). */
  estimateCost?: (input: CostInput) => number;
  /** Enables `fetchMedia` when set. */
  media?: MediaDownloadConfig;
  /** @default systemClock */
  clock?: AdapterClock;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** Receives request, response, wait and error events (already redacted). */
  onEvent?: (event: AdapterEvent) => void;
}

/** Query values; arrays are joined with commas (X's `tweet.fields=a,b`). Undefined is left out. */
export type QueryValue = string | number | boolean | undefined | readonly string[];

/** One API request a platform part asks core to make. */
export interface HttpRequest {
  /**
   * Rate-limit and accounting key, e.g. `GET /2/users/:id/tweets`. Requests naming the same
   * endpoint share one sliding window and one queue.
   */
  endpoint: string;
  /** Path appended to `baseUrl`, e.g. `/2/users/2244994945/tweets`; or an absolute URL on the same origin. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Extra headers for this request (merged over the config's). */
  headers?: Record<string, string>;
  /** @default 'GET' */
  method?: 'GET' | 'POST';
  /** Body for POST, sent as JSON. */
  body?: unknown;
  /** Whether a retry is safe. @default true for GET, false otherwise */
  idempotent?: boolean;
  /**
   * The platform objects this request is about and counted against (a Page id; an account),
   * first the one it reads. A throttle on one object (a `rate_limited` error with
   * `pauses: 'account'`, or a usage header naming the object) then holds only requests naming
   * it; other objects on the same endpoint go on.
   */
  pauseKeys?: readonly string[];
}

/** A request whose body must be JSON of a known shape. */
export interface JsonRequest<T> extends HttpRequest {
  /** The body's schema; a mismatch becomes a `parse` error with the issues and the body's sha256. */
  schema: z.ZodType<T>;
}

/** A successful (2xx) response, validated. */
export interface HttpSuccess<T> {
  data: T;
  status: number;
  /** Response headers (never the request's). */
  headers: Headers;
  /** The body as received, with the redacted request, for the monitor to store as a blob. */
  raw: RawResponseV1;
  /** sha256 of `raw.bytes`. */
  bodySha256: string;
}

/**
 * What a platform method receives for one adapter call: HTTP bound to the call's deadline and
 * request tally, and the clock.
 */
export interface AdapterCall {
  /** Aborts when the caller aborts or the call deadline passes. */
  readonly signal: AbortSignal;
  /** The call deadline, epoch milliseconds. */
  readonly deadline: number;
  /** Current time, epoch milliseconds (the injected clock). */
  now(): number;
  /** Current time as an ISO 8601 string. */
  isoNow(): string;
  /** GET (or POST) JSON through the queue, the limits, retries and validation. */
  json<T>(request: JsonRequest<T>): ResultAsync<HttpSuccess<T>, AdapterErrorV1>;
  /** The same for a text body (HTML pages); no schema. */
  text(request: HttpRequest): ResultAsync<HttpSuccess<string>, AdapterErrorV1>;
  /** Requests started so far in this call, per endpoint. */
  requests(): Record<string, number>;
  /** Estimated cost so far in this call, US dollars. */
  estimatedCostUsd(): number;
  /** Redacts secrets from a string the platform part wants to put in a message or item. */
  redact(text: string): string;
}

/** A platform method's return: either form is accepted. */
export type PlatformResult<T> = ResultAsync<T, AdapterErrorV1> | Promise<Result<T, AdapterErrorV1>>;

/**
 * The platform-specific part: URLs, response schemas and mapping to core's `Item`. Core wraps
 * each method with input checks, the call deadline, redaction of the result and accounting.
 */
export interface PlatformAdapterDefinition {
  /** Resolve a handle (already validated with `HandleSchema`, without `@`). */
  resolve(call: AdapterCall, handle: string): PlatformResult<ResolvedAccountV1>;
  /** Read one scope of one account (scope already checked against `capabilities.scopes`). */
  capture(call: AdapterCall, account: Account, scope: CaptureScope, options: CaptureOptionsV1): PlatformResult<AdapterCaptureV1>;
  /** Look items up by id (ids already checked: non-empty, at most `capabilities.maxLookupBatch`). */
  lookup?(call: AdapterCall, ids: readonly string[]): PlatformResult<LookupBatchV1>;
  /** Resolve many handles (already validated, without `@`; at most `capabilities.maxResolveBatch`). */
  resolveMany?(call: AdapterCall, handles: readonly string[]): PlatformResult<ResolveBatchV1>;
  /** Read many accounts' profiles (each account checked and with an id; at most `capabilities.maxProfileBatch`). */
  captureProfiles?(call: AdapterCall, accounts: ReadonlyArray<Account & { id: string }>): PlatformResult<ProfileBatchV1>;
}

/**
 * Runtime settings every platform adapter's settings object may carry, taken the same way by
 * {@link createPlatformAdapter} and `createWebPageAdapter`: platform packages pass their
 * settings object through as `runtime` instead of copying each field.
 */
export interface AdapterRuntimeSettings {
  /** The `fetch` to call. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Where environment variables are read from. @default process.env */
  env?: Record<string, string | undefined>;
  timeouts?: AdapterTimeouts;
  retry?: AdapterRetryPolicy;
  /** Injected clock for tests. @default core's system clock */
  clock?: AdapterClock;
  /** Jitter source for backoff. @default Math.random */
  random?: () => number;
  /** Redacted request/response/wait/error events, for logs. */
  onEvent?: (event: AdapterEvent) => void;
  /** Requests in flight at once per endpoint. */
  concurrency?: number;
  /** A budget shared with other processes (capture workers): see {@link SharedRateBudget}. @default none (this process alone) */
  sharedBudget?: SharedRateBudget;
}

/** Input of {@link createPlatformAdapter}. */
export interface CreatePlatformAdapterInput {
  config: PlatformAdapterConfig;
  adapter: PlatformAdapterDefinition;
  /**
   * The caller's runtime settings (`fetch`, `timeouts`, `retry`, `clock`, `random`, `onEvent`,
   * `concurrency`); each one given overrides the same field of `config`.
   */
  runtime?: AdapterRuntimeSettings;
}
