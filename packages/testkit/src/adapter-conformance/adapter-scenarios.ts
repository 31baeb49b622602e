import type { Account } from '@sipansos/core';
import type { CaptureOptionsV1, PlatformAdapterV1 } from '@sipansos/core/spec';
import type { RequestHandler } from 'msw';

/**
 * Every scenario the adapter conformance suite knows. The suite owns what each must produce;
 * an adapter supplies the wire (what the platform sends) and the inputs.
 */
export const ADAPTER_SCENARIOS = [
  'account-live',
  'account-private',
  'account-suspended',
  'account-deleted',
  'account-renamed',
  'post-live',
  'post-gone',
  'post-edited',
  'repost-original-deleted',
  'rate-limited-then-recovers',
  'rate-limited',
  'server-error',
  'malformed-body',
  'truncated-body',
  'empty-page-with-posts',
  'paging-beyond-window',
  'stalled-body',
] as const;

/** One of {@link ADAPTER_SCENARIOS}. */
export type AdapterScenarioName = (typeof ADAPTER_SCENARIOS)[number];

/** A capture scenario's input: the account (with its id) whose timeline is read. */
export interface CaptureScenarioInput {
  account: Account;
  /** Options passed to `capture`. */
  options?: Omit<CaptureOptionsV1, 'signal'>;
}

/** What each scenario operates on. */
export interface AdapterScenarioInputs {
  /** `resolve(handle)` → ok, the account's id, observation `public`. */
  'account-live': { handle: string };
  /** `resolve(handle)` → ok with observation `private`, or err `private`. Never `public`, never gone. */
  'account-private': { handle: string };
  /** `resolve(handle)` → ok with observation `suspended`, or err `suspended`. Never gone. */
  'account-suspended': { handle: string };
  /** `resolve(handle)` → err `not_found`, or ok with observation `not_found`/`deactivated`. */
  'account-deleted': { handle: string };
  /** `resolve(newHandle)` → ok with the same id as `previous` (renames keep the account). */
  'account-renamed': { handle: string; previous: Account & { id: string } };
  /** `lookup([id])` → that id `live`, with its item. */
  'post-live': { id: string };
  /** `lookup([id])` → that id `gone`: an observation, not an error. */
  'post-gone': { id: string };
  /** `lookup([id])` → `live`, with `editHistoryIds` of at least two versions including the served id. */
  'post-edited': { id: string };
  /** `capture(account, 'timeline')` → ok; the item acting on `originalId` has `target.unavailable: true`. */
  'repost-original-deleted': CaptureScenarioInput & { originalId: string };
  /**
   * `capture(account, 'timeline')` → ok after the platform first answers 429; no request starts
   * before the `Retry-After` / `x-rate-limit-reset` of that 429.
   */
  'rate-limited-then-recovers': CaptureScenarioInput;
  /** The platform answers 429 with a wait past `limits.maxRateLimitWaitMs` → err `rate_limited`, one request only. */
  'rate-limited': CaptureScenarioInput;
  /** The platform answers 5xx every time → err `http` (status ≥ 500, retryable), retries capped. */
  'server-error': CaptureScenarioInput;
  /** A well-formed JSON (or page) body of the wrong shape → err `parse` with issues and the body's sha256. */
  'malformed-body': CaptureScenarioInput;
  /** A body cut midway → err `parse`. */
  'truncated-body': CaptureScenarioInput;
  /**
   * An empty page although the account has posts → never an ok, `complete` window with no items
   * (that would read as "everything deleted"): err, status `unavailable`, or `complete: false`.
   */
  'empty-page-with-posts': CaptureScenarioInput;
  /** Paging runs into the platform's history limit (or `options.maxPages`) → ok, `reachedEnd: false`, `cutBy` set. */
  'paging-beyond-window': CaptureScenarioInput;
  /** Headers arrive, the body stalls → err `timeout` within `limits.callTimeoutMs`. */
  'stalled-body': CaptureScenarioInput;
}

/** A local server a scenario may run instead of msw handlers (e.g. to stall a real socket). */
export interface ScenarioServer {
  /** Where the adapter should send its requests (`http://127.0.0.1:port`). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The wire of one scenario: msw handlers (intercepting global `fetch`) or a local server, plus
 * the scenario's inputs.
 */
export interface ScenarioWire<Input> {
  /** msw request handlers serving the scenario. */
  handlers?: readonly RequestHandler[];
  /** Start a local server for the scenario; its `baseUrl` is passed to `createAdapter`. */
  server?: () => Promise<ScenarioServer>;
  input: Input;
}

/** The wires an adapter supplies: one per scenario it supports. */
export type AdapterScenarioWires = { [Name in AdapterScenarioName]?: ScenarioWire<AdapterScenarioInputs[Name]> };

/** Short limits the suite asks adapters to use so stalls and waits finish fast. */
export interface ConformanceLimits {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  callTimeoutMs: number;
  /** Rate-limit waits longer than this must be returned as `rate_limited`, not slept through. */
  maxRateLimitWaitMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
}

/** What `createAdapter` receives for each scenario. */
export interface AdapterConformanceEnvironment {
  /** Use this as the adapter's `fetch`: the suite records each request, then passes it on. */
  fetch: typeof globalThis.fetch;
  /** The scenario server's URL when the wire runs one; otherwise keep the adapter's default. */
  baseUrl?: string;
  /** Configure this as the credential; it must appear in no result, error or stored request. */
  secret: string;
  limits: ConformanceLimits;
}

/** Input of {@link adapterConformanceSuite}. */
export interface AdapterConformanceSuiteOptions {
  /** The test registrar, e.g. vitest's `test` (name, fn, timeout). */
  test: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  /** Build a fresh adapter for one scenario. */
  createAdapter: (environment: AdapterConformanceEnvironment) => PlatformAdapterV1 | Promise<PlatformAdapterV1>;
  scenarios: AdapterScenarioWires;
  /** Scenarios the adapter cannot support, each with the reason (shown in the test name). */
  disable?: { [Name in AdapterScenarioName]?: string };
  /** Override the suite's short limits. */
  limits?: Partial<ConformanceLimits>;
}

/** The limits used unless overridden. */
export const DEFAULT_CONFORMANCE_LIMITS: ConformanceLimits = {
  headersTimeoutMs: 1_000,
  bodyTimeoutMs: 300,
  callTimeoutMs: 8_000,
  maxRateLimitWaitMs: 3_000,
  maxRetries: 1,
  retryBaseDelayMs: 10,
};
