import { err, errAsync, ok, ResultAsync, type Result } from 'neverthrow';
import PQueue from 'p-queue';
import { sha256Hex } from '../hashing/sha256.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { RawResponseV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { issuesFromZod } from '../validation/validation-issue.js';
import { parseJsonText } from '../validation/parse-json-text.js';
import type { AdapterClock } from './clock.js';
import { defaultHttpErrorMapping, type HttpFailure } from './http-error-mapping.js';
import type { AdapterEvent, CostInput, HttpRequest, HttpSuccess, JsonRequest, QueryValue } from './platform-adapter-config.js';
import { parseRetryAfter, type RateLimitHeaderReader, type RateLimitState } from './rate-limit-headers.js';
import { readBody } from './read-body.js';
import type { RequestTally } from './request-accounting.js';
import { backoffDelayMs } from './retry-delay.js';
import type { Redactor } from './redaction.js';
import type { SharedRateBudget } from './shared-rate-budget.js';
import { SlidingWindowLimiter, type EndpointRateLimit } from './sliding-window-limiter.js';

/** Every knob of the HTTP layer, defaults filled in. */
export interface AdapterHttpSettings {
  baseUrl: URL;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  rateLimits: Record<string, EndpointRateLimit>;
  defaultRateLimit: EndpointRateLimit | undefined;
  concurrency: number;
  headersMs: number;
  bodyMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRateLimitWaitMs: number;
  maxBodyBytes: number;
  readRateLimit: RateLimitHeaderReader;
  mapHttpError: ((failure: HttpFailure) => AdapterErrorV1 | undefined) | undefined;
  estimateCost: ((input: CostInput) => number) | undefined;
  clock: AdapterClock;
  random: () => number;
  onEvent: ((event: AdapterEvent) => void) | undefined;
  platform: string;
  /** Absent: this process limits itself alone. */
  sharedBudget: SharedRateBudget | undefined;
}

/** The per-call state a request runs under. */
export interface CallState {
  signal: AbortSignal;
  deadline: number;
  tally: RequestTally;
}

/** One exchange as core runs it (API request or media hop). */
export interface ExchangeSpec {
  endpoint: string;
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  idempotent: boolean;
  maxBytes: number;
  /** `manual` for media, so every hop is checked before it is followed. */
  redirect: 'follow' | 'manual';
  /**
   * Redact secrets from the body before it is hashed: API bodies (a Graph `paging.next` link
   * carries the token). Media bytes are kept exactly as served.
   */
  redactBody: boolean;
  /** The platform objects the request is about (see `HttpRequest.pauseKeys`). */
  pauseKeys?: readonly string[];
}

/** What one exchange produced when the status was acceptable. */
export interface ExchangeResult {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  raw: RawResponseV1;
  bodySha256: string;
}

type AttemptOutcome =
  | { kind: 'ok'; value: ExchangeResult }
  | { kind: 'error'; error: AdapterErrorV1; retry: 'never' | 'backoff' | 'after'; retryAfterMs?: number };

/**
 * The HTTP layer of one adapter instance: one p-queue and one sliding-window limiter per
 * endpoint, rate-limit headers read on every response, deadlines per exchange, capped retries
 * for idempotent reads, status mapping and body validation.
 */
export class AdapterHttp {
  private readonly limiters = new Map<string, SlidingWindowLimiter>();
  private readonly queues = new Map<string, PQueue>();
  /** Objects (a Page, an account) a platform paused, until epoch ms: only requests naming them wait. */
  private readonly objectPauses = new Map<string, number>();
  /** An app-wide pause: every request waits. */
  private platformPausedUntil = 0;

  constructor(
    private readonly settings: AdapterHttpSettings,
    private readonly redactor: Redactor,
    private readonly instanceTally: RequestTally,
  ) {}

  /** The limiter of an endpoint (created on first use). */
  limiter(endpoint: string): SlidingWindowLimiter {
    let limiter = this.limiters.get(endpoint);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.settings.clock, this.settings.rateLimits[endpoint] ?? this.settings.defaultRateLimit);
      this.limiters.set(endpoint, limiter);
    }
    return limiter;
  }

  /** Build the URL of an API request on `baseUrl`. */
  buildUrl(request: HttpRequest): Result<URL, AdapterErrorV1> {
    let url: URL;
    try {
      url = /^https?:\/\//i.test(request.path) ? new URL(request.path) : new URL(joinPath(this.settings.baseUrl, request.path));
    } catch {
      return err(invalid(`${request.endpoint}: cannot build a URL from path "${this.redactor.text(request.path)}"`, 'path'));
    }
    if (url.origin !== this.settings.baseUrl.origin) {
      return err(invalid(`${request.endpoint}: ${this.redactor.url(url.origin)} is not the adapter's baseUrl origin ${this.settings.baseUrl.origin}`, 'path'));
    }
    for (const [key, value] of Object.entries(request.query ?? {})) {
      const text = queryText(value);
      if (text !== undefined) url.searchParams.set(key, text);
    }
    return ok(url);
  }

  /** A JSON request validated against its schema. */
  json<T>(call: CallState, request: JsonRequest<T>): ResultAsync<HttpSuccess<T>, AdapterErrorV1> {
    return this.api(call, request, 'application/json').andThen((result) => {
      const decoded = decodeJson(result.bytes, request, result.bodySha256);
      if (decoded.isErr()) return err(this.redactor.deep(decoded.error));
      this.addCost(call, { endpoint: request.endpoint, status: result.status, data: decoded.value });
      return ok({ data: decoded.value, status: result.status, headers: result.headers, raw: result.raw, bodySha256: result.bodySha256 });
    });
  }

  /** A text request (HTML). */
  text(call: CallState, request: HttpRequest): ResultAsync<HttpSuccess<string>, AdapterErrorV1> {
    return this.api(call, request, 'text/html, application/xhtml+xml, */*;q=0.8').map((result) => {
      const data = new TextDecoder('utf-8').decode(result.bytes);
      this.addCost(call, { endpoint: request.endpoint, status: result.status, data });
      return { data, status: result.status, headers: result.headers, raw: result.raw, bodySha256: result.bodySha256 };
    });
  }

  private api(call: CallState, request: HttpRequest, accept: string): ResultAsync<ExchangeResult, AdapterErrorV1> {
    const url = this.buildUrl(request);
    if (url.isErr()) return errAsync(url.error);
    const method = request.method ?? 'GET';
    const headers: Record<string, string> = { accept, ...this.settings.headers, ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    return this.exchange(call, {
      endpoint: request.endpoint,
      method,
      url: url.value,
      headers,
      body,
      idempotent: request.idempotent ?? method === 'GET',
      maxBytes: this.settings.maxBodyBytes,
      redirect: 'follow',
      redactBody: true,
      ...(request.pauseKeys && request.pauseKeys.length > 0 ? { pauseKeys: request.pauseKeys } : {}),
    });
  }

  /** Run one logical request: queue, limiter, attempts and retries. */
  exchange(call: CallState, spec: ExchangeSpec): ResultAsync<ExchangeResult, AdapterErrorV1> {
    return ResultAsync.fromSafePromise(this.runWithRetries(call, spec)).andThen((result) => result);
  }

  private async runWithRetries(call: CallState, spec: ExchangeSpec): Promise<Result<ExchangeResult, AdapterErrorV1>> {
    const { clock } = this.settings;
    for (let attempt = 0; ; attempt++) {
      // A paused object or platform is waited for outside the endpoint's queue, so requests for other objects go on.
      const held = await this.waitForPause(call, spec);
      if (held) return err(held);
      let outcome: AttemptOutcome;
      try {
        // The signal lets a call whose deadline passed leave the queue instead of waiting its turn.
        outcome = await this.queue(spec.endpoint).add(() => this.attempt(call, spec, attempt), { signal: call.signal });
      } catch (error) {
        if (call.signal.aborted) return err(callTimeout(spec.endpoint));
        // Only a broken injected fetch or clock gets here; report it, never throw.
        outcome = this.networkOutcome(spec.endpoint, error);
      }
      if (outcome.kind === 'ok') return ok(outcome.value);
      const error = this.redactor.deep(outcome.error);
      const delay = this.retryDelay(outcome, attempt, spec, call);
      this.emit({ type: 'error', endpoint: spec.endpoint, error, attempt, willRetry: delay !== undefined, at: clock.now() });
      if (delay === undefined) return err(error);
      if (delay > 0) {
        this.emit({ type: 'wait', endpoint: spec.endpoint, waitMs: delay, cause: 'backoff', at: clock.now() });
        await clock.sleep(delay, call.signal);
      }
      if (call.signal.aborted) return err(callTimeout(spec.endpoint));
    }
  }

  /** How long the request's objects or the whole platform are paused, and by which. */
  private heldFor(spec: ExchangeSpec): { waitMs: number; pauses: 'account' | 'platform' } | undefined {
    const now = this.settings.clock.now();
    let held: { waitMs: number; pauses: 'account' | 'platform' } | undefined;
    if (this.platformPausedUntil > now) held = { waitMs: this.platformPausedUntil - now, pauses: 'platform' };
    for (const key of spec.pauseKeys ?? []) {
      const until = this.objectPauses.get(key);
      if (until !== undefined && until > now && until - now > (held?.waitMs ?? 0)) held = { waitMs: until - now, pauses: 'account' };
    }
    return held;
  }

  /**
   * Sleep through a pause of the request's objects or of the platform when it ends before the
   * call's deadline and within `maxRateLimitWaitMs`; otherwise the `rate_limited` error to return.
   */
  private async waitForPause(call: CallState, spec: ExchangeSpec): Promise<AdapterErrorV1 | undefined> {
    const { clock } = this.settings;
    for (;;) {
      const held = this.heldFor(spec);
      if (!held) return undefined;
      const now = clock.now();
      if (held.waitMs > this.settings.maxRateLimitWaitMs || now + held.waitMs > call.deadline) {
        const what = held.pauses === 'platform' ? 'every request to the platform is' : `${this.redactor.text(spec.pauseKeys?.[0] ?? 'this object')} is`;
        return { type: 'rate_limited', endpoint: spec.endpoint, retryAfterMs: Math.ceil(held.waitMs), pauses: held.pauses, message: `${spec.endpoint}: ${what} paused by the platform for ${Math.ceil(held.waitMs / 1000)} s more, past this call's deadline` };
      }
      this.emit({ type: 'wait', endpoint: spec.endpoint, waitMs: held.waitMs, cause: 'server', at: now });
      await clock.sleep(held.waitMs, call.signal);
      if (call.signal.aborted) return callTimeout(spec.endpoint);
    }
  }

  private pauseObject(key: string, until: number): void {
    if (this.objectPauses.size >= 10_000) {
      // A long-running monitor meets many Pages: forget pauses that are over.
      const now = this.settings.clock.now();
      for (const [paused, end] of this.objectPauses) if (end <= now) this.objectPauses.delete(paused);
    }
    if (until > (this.objectPauses.get(key) ?? 0)) this.objectPauses.set(key, until);
  }

  private pausePlatform(until: number): void {
    if (until > this.platformPausedUntil) this.platformPausedUntil = until;
  }

  /** Apply what a response's headers said: the endpoint's budget, an app-wide pause, paused objects. */
  private observeRate(limiter: SlidingWindowLimiter, spec: ExchangeSpec, rate: RateLimitState | undefined): void {
    if (!rate) return;
    limiter.observe(rate);
    if (rate.scope === 'platform' && rate.remaining !== undefined && rate.remaining <= 0 && rate.resetAt !== undefined) this.pausePlatform(rate.resetAt);
    for (const [key, until] of Object.entries(rate.objectPauses ?? {})) this.pauseObject(key, until);
    const own = spec.pauseKeys?.[0];
    if (rate.ownObjectPausedUntil !== undefined && own !== undefined) this.pauseObject(own, rate.ownObjectPausedUntil);
  }

  /** Milliseconds to wait before retrying, or `undefined` for no retry. */
  private retryDelay(outcome: Extract<AttemptOutcome, { kind: 'error' }>, attempt: number, spec: ExchangeSpec, call: CallState): number | undefined {
    if (outcome.retry === 'never' || !spec.idempotent || attempt >= this.settings.maxRetries) return undefined;
    const now = this.settings.clock.now();
    if (outcome.retry === 'after') {
      const wait = outcome.retryAfterMs ?? 0;
      if (wait > this.settings.maxRateLimitWaitMs || now + wait > call.deadline) return undefined;
      // The limiter already blocks the endpoint until then; the gate does the waiting.
      return 0;
    }
    const backoff = Math.max(backoffDelayMs(attempt, this.settings.baseDelayMs, this.settings.maxDelayMs, this.settings.random), outcome.retryAfterMs ?? 0);
    if (now + backoff > call.deadline) return undefined;
    return backoff;
  }

  private queue(endpoint: string): PQueue {
    let queue = this.queues.get(endpoint);
    if (!queue) {
      queue = new PQueue({ concurrency: this.settings.concurrency });
      this.queues.set(endpoint, queue);
    }
    return queue;
  }

  private async attempt(call: CallState, spec: ExchangeSpec, attempt: number): Promise<AttemptOutcome> {
    const { clock } = this.settings;
    const limiter = this.limiter(spec.endpoint);
    // A pause announced while this request waited its turn: back to the pause gate, no request made.
    const held = this.heldFor(spec);
    if (held) {
      const retryAfterMs = Math.ceil(held.waitMs);
      return { kind: 'error', retry: 'after', retryAfterMs, error: { type: 'rate_limited', endpoint: spec.endpoint, retryAfterMs, pauses: held.pauses, message: `${spec.endpoint}: paused by the platform for ${Math.ceil(held.waitMs / 1000)} s more` } };
    }
    const pending = limiter.waitMs();
    if (pending.waitMs > 0) this.emit({ type: 'wait', endpoint: spec.endpoint, waitMs: pending.waitMs, cause: pending.cause, at: clock.now() });
    const gate = await limiter.acquire(call.deadline, call.signal);
    if (gate === 'aborted') return { kind: 'error', error: callTimeout(spec.endpoint), retry: 'never' };
    if (gate !== 'started') {
      return {
        kind: 'error',
        retry: 'never',
        error: {
          type: 'rate_limited',
          endpoint: spec.endpoint,
          retryAfterMs: Math.ceil(gate.waitMs),
          message: `${spec.endpoint}: the ${gate.cause === 'server' ? "platform's rate-limit budget" : 'configured rate-limit window'} is spent for ${Math.ceil(gate.waitMs / 1000)} s more, past this call's deadline`,
        },
      };
    }
    const shared = await this.sharedStart(call, spec);
    if (shared) return shared;
    call.tally.countRequest(spec.endpoint);
    this.instanceTally.countRequest(spec.endpoint);
    return this.once(call, spec, attempt, limiter);
  }

  /** Take the start from the shared budget too, waiting as the local gate does; an outcome when refused. */
  private async sharedStart(call: CallState, spec: ExchangeSpec): Promise<AttemptOutcome | undefined> {
    const budget = this.settings.sharedBudget;
    if (!budget) return undefined;
    const { clock } = this.settings;
    const limit = this.settings.rateLimits[spec.endpoint] ?? this.settings.defaultRateLimit;
    for (;;) {
      if (call.signal.aborted) return { kind: 'error', error: callTimeout(spec.endpoint), retry: 'never' };
      let waitMs: number;
      try {
        waitMs = await budget.acquire(this.settings.platform, spec.endpoint, limit);
      } catch (error) {
        return this.networkOutcome(spec.endpoint, error);
      }
      if (waitMs <= 0) return undefined;
      if (clock.now() + waitMs > call.deadline) {
        const retryAfterMs = Math.ceil(waitMs);
        return { kind: 'error', retry: 'never', error: { type: 'rate_limited', endpoint: spec.endpoint, retryAfterMs, message: `${spec.endpoint}: the budget shared with the other workers is spent for ${Math.ceil(waitMs / 1000)} s more, past this call's deadline` } };
      }
      this.emit({ type: 'wait', endpoint: spec.endpoint, waitMs, cause: 'server', at: clock.now() });
      await clock.sleep(waitMs, call.signal);
    }
  }

  private async once(call: CallState, spec: ExchangeSpec, attempt: number, limiter: SlidingWindowLimiter): Promise<AttemptOutcome> {
    const { clock } = this.settings;
    const redactedUrl = this.redactor.url(spec.url.toString());
    const controller = new AbortController();
    let expired: 'headers' | 'body' | 'call' | undefined;
    const onCallAbort = (): void => {
      expired ??= 'call';
      controller.abort();
    };
    if (call.signal.aborted) return { kind: 'error', error: callTimeout(spec.endpoint), retry: 'never' };
    call.signal.addEventListener('abort', onCallAbort, { once: true });
    const arm = (ms: number, phase: 'headers' | 'body'): AbortController => {
      const cancel = new AbortController();
      void clock.sleep(ms, cancel.signal).then(() => {
        if (cancel.signal.aborted) return;
        expired ??= phase;
        controller.abort();
      });
      return cancel;
    };
    const startedAt = clock.now();
    let timer = arm(this.settings.headersMs, 'headers');
    const done = (): void => {
      timer.abort();
      call.signal.removeEventListener('abort', onCallAbort);
    };
    this.emit({ type: 'request', endpoint: spec.endpoint, method: spec.method, url: redactedUrl, attempt, at: startedAt });

    let response: Response;
    try {
      const init: RequestInit = { method: spec.method, headers: spec.headers, signal: controller.signal, redirect: spec.redirect };
      if (spec.body !== undefined) init.body = spec.body;
      response = await this.settings.fetch(spec.url, init);
    } catch (error) {
      done();
      return expired ? this.timeoutOutcome(spec.endpoint, expired) : this.networkOutcome(spec.endpoint, error);
    }
    timer.abort();
    timer = arm(this.settings.bodyMs, 'body');
    const now = clock.now();
    const rate = safeRead(() => this.settings.readRateLimit(response.headers, now));
    this.observeRate(limiter, spec, rate);

    const body = await readBody(response.body, spec.maxBytes, controller.signal);
    done();
    if (body.kind === 'aborted') return this.timeoutOutcome(spec.endpoint, expired ?? 'call');
    if (body.kind === 'failed') return this.networkOutcome(spec.endpoint, body.error);
    const finishedAt = clock.now();
    const durationMs = finishedAt - startedAt;
    this.emit({ type: 'response', endpoint: spec.endpoint, method: spec.method, url: redactedUrl, status: response.status, durationMs, at: finishedAt });

    const retryAfterHeader = parseRetryAfter(response.headers.get('retry-after'), finishedAt);
    const isRedirect = spec.redirect === 'manual' && response.status >= 300 && response.status < 400;
    if (!response.ok && !isRedirect) {
      let retryAfterMs = retryAfterHeader;
      if (response.status === 429) {
        this.instanceTally.countRateLimited(spec.endpoint);
        if (retryAfterMs === undefined && rate?.resetAt !== undefined) retryAfterMs = rate.resetAt - finishedAt;
        // A 429 with no usable hint: one minute, never an immediate hammering retry.
        retryAfterMs = Math.max(retryAfterMs ?? 60_000, 1_000);
      }
      const failure = this.failure(spec, response, body.bytes, retryAfterMs);
      const error = this.redactor.deep(this.settings.mapHttpError?.(failure) ?? defaultHttpErrorMapping(failure));
      if (error.type === 'rate_limited') {
        // Meta throttles with 400/403 and an error code: counted and waited for exactly as a 429.
        if (response.status !== 429) this.instanceTally.countRateLimited(spec.endpoint);
        const until = finishedAt + Math.max(error.retryAfterMs, 1_000);
        const own = spec.pauseKeys?.[0];
        // The level the platform named: one object, the whole platform, or (by default) the endpoint.
        if (error.pauses === 'account' && own !== undefined) this.pauseObject(own, until);
        else if (error.pauses === 'platform') this.pausePlatform(until);
        else {
          if (error.pauses === 'account') error.pauses = 'endpoint';
          limiter.blockUntil(until);
          // The other workers wait too; a budget that cannot be told is no reason to fail this call.
          await this.settings.sharedBudget?.pause(this.settings.platform, spec.endpoint, until).catch(() => undefined);
        }
      } else if (retryAfterMs !== undefined) limiter.blockUntil(finishedAt + retryAfterMs);
      let retry: 'never' | 'backoff' | 'after' = 'never';
      if (error.type === 'rate_limited') retry = 'after';
      else if (error.type === 'http' && error.retryable) retry = 'backoff';
      const outcome: AttemptOutcome = { kind: 'error', error, retry };
      if (error.type === 'rate_limited') outcome.retryAfterMs = error.retryAfterMs;
      else if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs;
      return outcome;
    }
    // Secrets leave the body before it is hashed, so the stored blob and its hash never held them.
    const redacted = spec.redactBody ? this.redactor.body(body.bytes) : { bytes: body.bytes, redactions: [] };
    const bytes = redacted.bytes;
    const bodySha256 = sha256Hex(bytes);
    if (body.kind === 'too_large') {
      return {
        kind: 'error',
        retry: 'never',
        error: {
          type: 'parse',
          message: `${spec.endpoint}: the body is larger than ${body.limit} bytes and was not read to the end`,
          bodySha256,
          issues: [{ path: '(root)', message: `body larger than ${body.limit} bytes` }],
        },
      };
    }
    const raw: RawResponseV1 = {
      bytes,
      request: { method: spec.method, url: redactedUrl, status: response.status, at: new Date(finishedAt).toISOString(), durationMs },
    };
    if (redacted.redactions.length > 0) raw.redactions = redacted.redactions;
    const mediaType = response.headers.get('content-type');
    if (mediaType) raw.mediaType = mediaType;
    return { kind: 'ok', value: { status: response.status, headers: response.headers, bytes, raw, bodySha256 } };
  }

  private failure(spec: ExchangeSpec, response: Response, bytes: Uint8Array, retryAfterMs: number | undefined): HttpFailure {
    const endpoint = spec.endpoint;
    const bodyText = this.redactor.text(new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)));
    let json: unknown;
    try {
      json = JSON.parse(bodyText);
    } catch {
      json = undefined;
    }
    const failure: HttpFailure = { endpoint, status: response.status, headers: response.headers, bodyText, json };
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
    if (spec.pauseKeys) failure.pauseKeys = spec.pauseKeys;
    return failure;
  }

  private timeoutOutcome(endpoint: string, phase: 'headers' | 'body' | 'call'): AttemptOutcome {
    const limits = { headers: this.settings.headersMs, body: this.settings.bodyMs };
    const message =
      phase === 'call'
        ? `${endpoint}: the call's deadline passed (or the caller aborted) before the response was complete`
        : `${endpoint}: no ${phase === 'headers' ? 'response headers' : 'complete body'} within ${limits[phase]} ms`;
    return { kind: 'error', error: { type: 'timeout', phase, message }, retry: phase === 'call' ? 'never' : 'backoff' };
  }

  private networkOutcome(endpoint: string, error: unknown): AttemptOutcome {
    const { message, code } = describeNetworkError(error);
    const out: AdapterErrorV1 = { type: 'network', message: this.redactor.text(`${endpoint}: ${message}`) };
    if (code) out.code = code;
    return { kind: 'error', error: out, retry: 'backoff' };
  }

  private addCost(call: CallState, input: CostInput): void {
    const estimate = this.settings.estimateCost;
    if (!estimate) return;
    const usd = safeRead(() => estimate(input)) ?? 0;
    call.tally.addCost(usd);
    this.instanceTally.addCost(usd);
  }

  private emit(event: AdapterEvent): void {
    const listener = this.settings.onEvent;
    if (!listener) return;
    try {
      listener(this.redactor.deep(event));
    } catch {
      // A failing logger must not fail a capture.
    }
  }
}

/** The `timeout` error for a call whose deadline passed or whose caller aborted. */
export function callTimeout(endpoint: string): AdapterErrorV1 {
  return { type: 'timeout', phase: 'call', message: `${endpoint}: the call's deadline passed (or the caller aborted)` };
}

function decodeJson<T>(bytes: Uint8Array, request: JsonRequest<T>, bodySha256: string): Result<T, AdapterErrorV1> {
  const text = new TextDecoder('utf-8').decode(bytes);
  const parsed = parseJsonText(text, request.endpoint);
  if (parsed.isErr()) {
    return err({ type: 'parse', message: `${request.endpoint}: ${parsed.error.issues[0]?.message ?? 'invalid JSON'} (body sha256 ${bodySha256})`, bodySha256, issues: parsed.error.issues });
  }
  const checked = request.schema.safeParse(parsed.value);
  if (!checked.success) {
    const issues = issuesFromZod(checked.error);
    const first = issues[0];
    return err({
      type: 'parse',
      message: `${request.endpoint}: the response no longer has the expected shape${first ? ` — ${first.path}: ${first.message}` : ''}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''} (body sha256 ${bodySha256})`,
      bodySha256,
      issues,
    });
  }
  return ok(checked.data);
}

function describeNetworkError(error: unknown): { message: string; code?: string } {
  let code: string | undefined;
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof Error) {
      parts.push(current.message);
      const candidate = (current as { code?: unknown }).code;
      if (typeof candidate === 'string' && !code) code = candidate;
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  const message = parts.filter(Boolean).join(': ') || 'the connection failed';
  return code ? { message, code } : { message };
}

function queryText(value: QueryValue): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

function joinPath(base: URL, path: string): string {
  const root = base.toString().replace(/\/+$/, '');
  return `${root}/${path.replace(/^\/+/, '')}`;
}

function invalid(message: string, path: string): AdapterErrorV1 {
  return { type: 'invalid_input', message, issues: [{ path, message }] };
}

function safeRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
