import { err, errAsync, ResultAsync, type Result } from 'neverthrow';
import { AccountSchema, HandleSchema, PlatformSchema, type Account } from '../account/account-schema.js';
import { CAPTURE_SCOPES, type CaptureScope } from '../capture/capture-schema.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type {
  AdapterCaptureV1,
  AdapterUsageV1,
  CallOptionsV1,
  CaptureOptionsV1,
  LookupBatchV1,
  MediaDownloadV1,
  PlatformAdapterV1,
  ProfileBatchV1,
  ResolveBatchV1,
  ResolvedAccountV1,
} from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { issuesFromZod } from '../validation/validation-issue.js';
import { AdapterHttp, type AdapterHttpSettings, type CallState } from './adapter-http.js';
import { systemClock } from './clock.js';
import { downloadMedia } from './media-download.js';
import { AdapterSettingsError } from './adapter-settings.js';
import type { AdapterCall, AdapterRuntimeSettings, CreatePlatformAdapterInput, PlatformAdapterConfig, PlatformResult } from './platform-adapter-config.js';
import { readXRateLimitHeaders } from './rate-limit-headers.js';
import { createRedactor, type Redactor } from './redaction.js';
import { RequestTally } from './request-accounting.js';
import type { EndpointRateLimit } from './sliding-window-limiter.js';

/** Defaults of {@link PlatformAdapterConfig}, in one place so documentation and code agree. */
export const PLATFORM_ADAPTER_DEFAULTS = {
  concurrency: 4,
  callMs: 1_200_000,
  headersMs: 30_000,
  bodyMs: 60_000,
  maxRetries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRateLimitWaitMs: 960_000,
  maxBodyBytes: 16_777_216,
  maxLookupBatch: 100,
} as const;

/** A platform adapter built by {@link createPlatformAdapter}: the contract plus `usage()`. */
export type ManagedPlatformAdapter = PlatformAdapterV1 & { usage(): AdapterUsageV1 };

/**
 * Wrap a platform's specific part (URLs, schemas, mapping to `Item`) with the machinery every
 * adapter shares: a p-queue and a strict sliding-window cap per endpoint, the platform's
 * rate-limit headers and `Retry-After` honoured, call/headers/body deadlines, capped retries with
 * backoff and jitter for idempotent reads, HTTP status → {@link AdapterErrorV1} mapping, zod
 * validation of every body, redaction of secrets, request accounting and a guarded media
 * download. Each call returns a `ResultAsync`; nothing throws for platform or input trouble.
 *
 * Throws an {@link AdapterSettingsError} (a `TypeError`) naming the setting when `config` itself
 * is unusable: construction is setup, the one place the adapter packages throw.
 *
 * @example
 * ```ts
 * const adapter = createPlatformAdapter({
 *   config: { platform: 'x', adapterId: 'x-api-v2', adapterVersion: '1.0.0', capabilities, baseUrl: 'https://api.x.com',
 *             headers: { authorization: `Bearer ${token}` }, secrets: [token],
 *             rateLimits: { 'GET /2/users/:id/tweets': { limit: 1500, windowMs: 900_000 } } },
 *   adapter: {
 *     resolve: (call, handle) => call.json({ endpoint: 'GET /2/users/by/username/:username', path: `/2/users/by/username/${handle}`, schema })
 *       .map((response) => toResolvedAccount(response)),
 *     capture: (call, account, scope, options) => ...,
 *   },
 * });
 * ```
 */
export function createPlatformAdapter(input: CreatePlatformAdapterInput): ManagedPlatformAdapter {
  const { adapter: definition } = input;
  const config = withRuntime(input.config, input.runtime);
  const checked = checkConfig(config);
  const redactor = createRedactor(config.secrets ?? [], config.secretQueryParams ?? []);
  const clock = config.clock ?? systemClock;
  const settings: AdapterHttpSettings = {
    baseUrl: checked.baseUrl,
    fetch: config.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    headers: { ...config.headers },
    rateLimits: { ...config.rateLimits },
    defaultRateLimit: config.defaultRateLimit,
    concurrency: config.concurrency ?? PLATFORM_ADAPTER_DEFAULTS.concurrency,
    headersMs: config.timeouts?.headersMs ?? PLATFORM_ADAPTER_DEFAULTS.headersMs,
    bodyMs: config.timeouts?.bodyMs ?? PLATFORM_ADAPTER_DEFAULTS.bodyMs,
    maxRetries: config.retry?.maxRetries ?? PLATFORM_ADAPTER_DEFAULTS.maxRetries,
    baseDelayMs: config.retry?.baseDelayMs ?? PLATFORM_ADAPTER_DEFAULTS.baseDelayMs,
    maxDelayMs: config.retry?.maxDelayMs ?? PLATFORM_ADAPTER_DEFAULTS.maxDelayMs,
    maxRateLimitWaitMs: config.retry?.maxRateLimitWaitMs ?? PLATFORM_ADAPTER_DEFAULTS.maxRateLimitWaitMs,
    maxBodyBytes: config.maxBodyBytes ?? PLATFORM_ADAPTER_DEFAULTS.maxBodyBytes,
    readRateLimit: config.readRateLimit ?? readXRateLimitHeaders,
    mapHttpError: config.mapHttpError,
    estimateCost: config.estimateCost,
    clock,
    random: config.random ?? Math.random,
    onEvent: config.onEvent,
    platform: config.platform,
    sharedBudget: input.runtime?.sharedBudget,
  };
  const instanceTally = new RequestTally(new Date(clock.now()).toISOString());
  const http = new AdapterHttp(settings, redactor, instanceTally);
  const callMs = config.timeouts?.callMs ?? PLATFORM_ADAPTER_DEFAULTS.callMs;
  const maxLookupBatch = config.capabilities.maxLookupBatch ?? PLATFORM_ADAPTER_DEFAULTS.maxLookupBatch;

  /** Run one platform method under a fresh call: deadline, tally, redaction, no throw. */
  function run<T>(operation: string, options: CallOptionsV1 | undefined, body: (call: AdapterCall, state: CallState) => PlatformResult<T>): ResultAsync<T, AdapterErrorV1> {
    const signal = options?.signal;
    const controller = new AbortController();
    const stopTimer = new AbortController();
    // The caller's deadline (a monitor cycle's) shortens the call's: a rate-limit wait past it is refused at once.
    const deadline = Math.min(clock.now() + callMs, options?.deadlineAt ?? Number.POSITIVE_INFINITY);
    const onAbort = (): void => controller.abort();
    if (signal?.aborted) controller.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    void clock.sleep(callMs, stopTimer.signal).then(() => {
      if (!stopTimer.signal.aborted) controller.abort();
    });
    const state: CallState = { signal: controller.signal, deadline, tally: new RequestTally(new Date(clock.now()).toISOString()) };
    const call: AdapterCall = {
      signal: controller.signal,
      deadline,
      now: () => clock.now(),
      isoNow: () => new Date(clock.now()).toISOString(),
      json: (request) => http.json(state, request),
      text: (request) => http.text(state, request),
      requests: () => state.tally.requests(),
      estimatedCostUsd: () => state.tally.estimatedCostUsd(),
      redact: (text) => redactor.text(text),
    };
    const finish = (): void => {
      stopTimer.abort();
      signal?.removeEventListener('abort', onAbort);
    };
    const promise = (async (): Promise<Result<T, AdapterErrorV1>> => {
      try {
        if (controller.signal.aborted) return err({ type: 'timeout', phase: 'call', message: `${operation}: the caller aborted before the call started` });
        return await body(call, state);
      } catch (error) {
        return err(internalError(operation, error, redactor));
      } finally {
        finish();
      }
    })();
    return ResultAsync.fromSafePromise(promise)
      .andThen((result) => result)
      .mapErr((error) => redactor.deep(error));
  }

  const managed: ManagedPlatformAdapter = {
    specificationVersion: 'v1',
    platform: config.platform,
    adapterId: config.adapterId,
    adapterVersion: config.adapterVersion,
    capabilities: config.capabilities,

    resolve(handle: string, options?: CallOptionsV1): ResultAsync<ResolvedAccountV1, AdapterErrorV1> {
      const parsed = HandleSchema.safeParse(handle);
      if (!parsed.success) return errAsync(invalidInput(`resolve: ${issuesFromZod(parsed.error)[0]?.message ?? 'invalid handle'}`, issuesFromZod(parsed.error)));
      return run('resolve', options, (call) => definition.resolve(call, parsed.data));
    },

    capture(account: Account, scope: CaptureScope, options: CaptureOptionsV1 = {}): ResultAsync<AdapterCaptureV1, AdapterErrorV1> {
      const parsed = AccountSchema.safeParse(account);
      if (!parsed.success) return errAsync(invalidInput(`capture: the account is invalid — ${issuesFromZod(parsed.error)[0]?.message ?? ''}`, issuesFromZod(parsed.error)));
      if (parsed.data.platform !== config.platform) {
        return errAsync(invalidInput(`capture: account is on "${parsed.data.platform}", this adapter reads "${config.platform}"`, [{ path: 'platform', message: `expected "${config.platform}"` }]));
      }
      if (!(CAPTURE_SCOPES as readonly string[]).includes(scope)) {
        return errAsync(invalidInput(`capture: scope must be one of ${CAPTURE_SCOPES.join(', ')}`, [{ path: 'scope', message: `unknown scope "${String(scope)}"` }]));
      }
      if (!config.capabilities.scopes.includes(scope)) {
        return errAsync({ type: 'unsupported', message: `capture: ${config.adapterId} does not read the "${scope}" scope (it reads: ${config.capabilities.scopes.join(', ')})` });
      }
      const optionProblem = checkCaptureOptions(options);
      if (optionProblem) return errAsync(optionProblem);
      return run('capture', options, (call, state) =>
        ResultAsync.fromSafePromise(Promise.resolve(definition.capture(call, parsed.data, scope, options)))
          .andThen((result) => result)
          .map((capture) => ({
            ...capture,
            requests: capture.requests ?? state.tally.requests(),
            estimatedCostUsd: capture.estimatedCostUsd ?? state.tally.estimatedCostUsd(),
          })),
      );
    },

    usage: () => instanceTally.usage(),
  };

  const lookupDefinition = definition.lookup;
  if (lookupDefinition) {
    managed.lookup = (ids: readonly string[], options?: CallOptionsV1): ResultAsync<LookupBatchV1, AdapterErrorV1> => {
      if (!Array.isArray(ids) || ids.length === 0) return errAsync(invalidInput('lookup: give at least one id', [{ path: 'ids', message: 'empty list' }]));
      if (ids.length > maxLookupBatch) {
        return errAsync(invalidInput(`lookup: at most ${maxLookupBatch} ids per call (got ${ids.length}); split the list`, [{ path: 'ids', message: `more than ${maxLookupBatch} ids` }]));
      }
      const bad = ids.findIndex((id) => typeof id !== 'string' || !/^[A-Za-z0-9_:.-]{1,200}$/.test(id));
      if (bad >= 0) return errAsync(invalidInput(`lookup: ids.${bad} is not a platform id`, [{ path: `ids.${bad}`, message: 'expected 1–200 letters, digits, "_", ":", "." or "-"' }]));
      return run('lookup', options, (call, state) =>
        ResultAsync.fromSafePromise(Promise.resolve(lookupDefinition(call, [...new Set(ids)])))
          .andThen((result) => result)
          .map((batch) => ({
            ...batch,
            requests: batch.requests ?? state.tally.requests(),
            estimatedCostUsd: batch.estimatedCostUsd ?? state.tally.estimatedCostUsd(),
          })),
      );
    };
  }

  const resolveManyDefinition = definition.resolveMany;
  const maxResolveBatch = config.capabilities.maxResolveBatch;
  if (resolveManyDefinition && maxResolveBatch !== undefined) {
    managed.resolveMany = (handles: readonly string[], options?: CallOptionsV1): ResultAsync<ResolveBatchV1, AdapterErrorV1> => {
      if (!Array.isArray(handles) || handles.length === 0) return errAsync(invalidInput('resolveMany: give at least one handle', [{ path: 'handles', message: 'empty list' }]));
      if (handles.length > maxResolveBatch) {
        return errAsync(invalidInput(`resolveMany: at most ${maxResolveBatch} handles per call (got ${handles.length}); split the list`, [{ path: 'handles', message: `more than ${maxResolveBatch} handles` }]));
      }
      const parsed: string[] = [];
      for (const [index, handle] of handles.entries()) {
        const checked = HandleSchema.safeParse(handle);
        if (!checked.success) return errAsync(invalidInput(`resolveMany: handles.${index}: ${issuesFromZod(checked.error)[0]?.message ?? 'invalid handle'}`, issuesFromZod(checked.error).map((issue) => ({ ...issue, path: `handles.${index}` }))));
        parsed.push(checked.data);
      }
      return run('resolveMany', options, (call, state) =>
        ResultAsync.fromSafePromise(Promise.resolve(resolveManyDefinition(call, [...new Set(parsed)])))
          .andThen((result) => result)
          .map((batch) => ({ ...batch, requests: batch.requests ?? state.tally.requests() })),
      );
    };
  }

  const captureProfilesDefinition = definition.captureProfiles;
  const maxProfileBatch = config.capabilities.maxProfileBatch;
  if (captureProfilesDefinition && maxProfileBatch !== undefined && config.capabilities.scopes.includes('profile')) {
    managed.captureProfiles = (accounts: readonly Account[], options?: CallOptionsV1): ResultAsync<ProfileBatchV1, AdapterErrorV1> => {
      if (!Array.isArray(accounts) || accounts.length === 0) return errAsync(invalidInput('captureProfiles: give at least one account', [{ path: 'accounts', message: 'empty list' }]));
      if (accounts.length > maxProfileBatch) {
        return errAsync(invalidInput(`captureProfiles: at most ${maxProfileBatch} accounts per call (got ${accounts.length}); split the list`, [{ path: 'accounts', message: `more than ${maxProfileBatch} accounts` }]));
      }
      const checked: Array<Account & { id: string }> = [];
      for (const [index, account] of accounts.entries()) {
        const parsed = AccountSchema.safeParse(account);
        if (!parsed.success || parsed.data.platform !== config.platform || !parsed.data.id) {
          return errAsync(invalidInput(`captureProfiles: accounts.${index} must be a valid "${config.platform}" account with its id`, [{ path: `accounts.${index}`, message: 'invalid, another platform, or no id' }]));
        }
        checked.push({ ...parsed.data, id: parsed.data.id });
      }
      return run('captureProfiles', options, (call, state) =>
        ResultAsync.fromSafePromise(Promise.resolve(captureProfilesDefinition(call, checked)))
          .andThen((result) => result)
          .map((batch) => ({ ...batch, requests: batch.requests ?? state.tally.requests() })),
      );
    };
  }

  const media = config.media;
  if (media) {
    managed.fetchMedia = (url: string, options?: CallOptionsV1): ResultAsync<MediaDownloadV1, AdapterErrorV1> =>
      run('fetchMedia', options, (_call, state) => downloadMedia(http, state, media, redactor, url));
  }
  return managed;
}

/** The config with every runtime setting the caller gave laid over it. */
function withRuntime(config: PlatformAdapterConfig, runtime: AdapterRuntimeSettings | undefined): PlatformAdapterConfig {
  if (!runtime || !config || typeof config !== 'object') return config;
  const out: PlatformAdapterConfig = { ...config };
  if (runtime.fetch) out.fetch = runtime.fetch;
  if (runtime.timeouts) out.timeouts = runtime.timeouts;
  if (runtime.retry) out.retry = runtime.retry;
  if (runtime.clock) out.clock = runtime.clock;
  if (runtime.random) out.random = runtime.random;
  if (runtime.onEvent) out.onEvent = runtime.onEvent;
  if (runtime.concurrency !== undefined) out.concurrency = runtime.concurrency;
  return out;
}

function checkConfig(config: PlatformAdapterConfig): { baseUrl: URL } {
  const fail = (setting: string, why: string): never => {
    throw new AdapterSettingsError({ factory: 'createPlatformAdapter', setting: setting ? `config.${setting}` : 'config', problem: why });
  };
  if (!config || typeof config !== 'object') fail('', 'is missing');
  if (!PlatformSchema.safeParse(config.platform).success) fail('platform', 'must be a lowercase slug such as "x"');
  if (typeof config.adapterId !== 'string' || config.adapterId.length === 0) fail('adapterId', 'is required, e.g. "x-api-v2"');
  if (typeof config.adapterVersion !== 'string' || config.adapterVersion.length === 0) fail('adapterVersion', 'is required, e.g. "1.0.0"');
  if (!config.capabilities || !Array.isArray(config.capabilities.scopes)) fail('capabilities', 'is required (scopes, lookup, …)');
  let baseUrl: URL | undefined;
  try {
    baseUrl = new URL(config.baseUrl);
  } catch {
    fail('baseUrl', `must be an absolute http(s) URL, got ${JSON.stringify(String(config.baseUrl))}`);
  }
  if (!baseUrl || (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:')) fail('baseUrl', 'must use http or https');
  const checkLimit = (name: string, limit: EndpointRateLimit | undefined): void => {
    if (limit === undefined) return;
    if (!Number.isInteger(limit.limit) || limit.limit < 1) fail(name, 'limit must be a whole number ≥ 1');
    if (!Number.isFinite(limit.windowMs) || limit.windowMs <= 0) fail(name, 'windowMs must be > 0');
  };
  for (const [endpoint, limit] of Object.entries(config.rateLimits ?? {})) checkLimit(`rateLimits["${endpoint}"]`, limit);
  checkLimit('defaultRateLimit', config.defaultRateLimit);
  if (config.concurrency !== undefined && (!Number.isInteger(config.concurrency) || config.concurrency < 1)) fail('concurrency', 'must be a whole number ≥ 1');
  for (const [name, value] of Object.entries(config.timeouts ?? {})) {
    if (value !== undefined && (!Number.isFinite(value) || value <= 0)) fail(`timeouts.${name}`, 'must be > 0 milliseconds');
  }
  if (config.media && (!Array.isArray(config.media.allowedHosts) || config.media.allowedHosts.length === 0)) fail('media.allowedHosts', 'must list at least one host');
  return { baseUrl: baseUrl as URL };
}

function checkCaptureOptions(options: CaptureOptionsV1): AdapterErrorV1 | undefined {
  for (const key of ['maxPages', 'maxItems'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) return invalidInput(`capture: options.${key} must be a whole number ≥ 1`, [{ path: key, message: 'expected a whole number ≥ 1' }]);
  }
  if (options.sinceId !== undefined && !/^[A-Za-z0-9_:.-]{1,200}$/.test(options.sinceId)) {
    return invalidInput('capture: options.sinceId is not a platform id', [{ path: 'sinceId', message: 'expected letters, digits, "_", ":", "." or "-"' }]);
  }
  return undefined;
}

function invalidInput(message: string, issues: { path: string; message: string }[]): AdapterErrorV1 {
  return { type: 'invalid_input', message, issues };
}

/**
 * A platform part threw: that is a bug, not a platform answer. It is reported as a
 * non-retryable `http` error with status 0 (the union has no "internal" member), never thrown.
 */
function internalError(operation: string, error: unknown, redactor: Redactor): AdapterErrorV1 {
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'http', status: 0, retryable: false, message: redactor.text(`${operation}: internal adapter error: ${detail}`) };
}

