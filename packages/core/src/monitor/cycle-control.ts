import { setMaxListeners } from 'node:events';
import type { ResultAsync } from 'neverthrow';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';

/** Why a cycle stops taking on work. */
export type StopReason = 'deadline' | 'interrupted';

/** The outcome of one adapter call under the cycle's deadline and rate limits. */
export type ControlledCall<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; error: AdapterErrorV1 }
  | { kind: 'deferred'; reason: 'rate_limited' | StopReason; retryAfterMs?: number };

/**
 * The cycle's clock, deadline and stop signal, and what it learnt of each platform's rate
 * limits. One per cycle.
 */
export class CycleControl {
  readonly deadlineAt: number;
  /** Aborted at the deadline or when the caller stops the cycle; passed to every adapter call. */
  readonly signal: AbortSignal;
  #reason: StopReason | undefined;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #blockedUntil = new Map<string, number>();
  #accountWaits: ((platform: string, change: 1 | -1) => void) | undefined;
  readonly #detach: () => void;

  constructor(
    readonly clock: () => Date,
    deadlineMs: number,
    readonly maxRateLimitRetries: number,
    outer?: AbortSignal,
  ) {
    this.deadlineAt = clock().getTime() + deadlineMs;
    this.signal = this.#controller.signal;
    // Every adapter call in flight listens to this one signal.
    setMaxListeners(0, this.signal);
    this.#timer = setTimeout(() => this.stop('deadline'), deadlineMs);
    // A timer must not keep a finished CLI process alive.
    (this.#timer as { unref?: () => void }).unref?.();
    const onAbort = (): void => this.stop('interrupted');
    if (outer?.aborted) this.stop('interrupted');
    outer?.addEventListener('abort', onAbort, { once: true });
    this.#detach = () => outer?.removeEventListener('abort', onAbort);
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Why work stopped, or `undefined` while it goes on. */
  get stopReason(): StopReason | undefined {
    return this.#reason;
  }

  stop(reason: StopReason): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#controller.abort();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#detach();
  }

  /**
   * Told when a call starts (+1) and ends (-1) waiting out a pause of its own account, so the
   * platform's queue can lend that slot to another account meanwhile.
   */
  onAccountWait(listener: (platform: string, change: 1 | -1) => void): void {
    this.#accountWaits = listener;
  }

  /** Wait `ms`, or less if the cycle stops. Resolves to whether the full wait passed. */
  sleep(ms: number): Promise<boolean> {
    if (this.#reason) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Run an adapter call. A rate limit whose wait ends before the deadline is waited out and the
   * call retried; one that ends after it defers the work. Once a limit is known, later calls it
   * holds are deferred (or wait) without a request — at the level the error named: only this
   * account (`pauses: 'account'`, a throttled Page), every call to the platform (`'platform'`),
   * or calls under the same `limit.key` (an endpoint; the default). Errors after a stop are
   * deferrals: an aborted request says nothing about the platform.
   */
  async call<T>(limit: CallLimit, run: (signal: AbortSignal) => ResultAsync<T, AdapterErrorV1>): Promise<ControlledCall<T>> {
    const keys = [limit.key, `platform:${limit.platform}`, ...(limit.account ? [`account:${limit.platform}:${limit.account}`] : [])];
    for (let attempt = 0; ; attempt++) {
      if (this.#reason) return { kind: 'deferred', reason: this.#reason };
      const blocked = Math.max(0, ...keys.map((key) => this.#blockedUntil.get(key) ?? 0));
      const now = this.clock().getTime();
      if (blocked > now) {
        if (blocked > this.deadlineAt) return { kind: 'deferred', reason: 'rate_limited', retryAfterMs: blocked - now };
        // Only this account waits: its slot goes to another account until the pause ends.
        const ownPause = keys.length > 2 && (this.#blockedUntil.get(keys[2]!) ?? 0) === blocked;
        if (ownPause) this.#accountWaits?.(limit.platform, 1);
        const slept = await this.sleep(blocked - now);
        if (ownPause) this.#accountWaits?.(limit.platform, -1);
        if (!slept) return { kind: 'deferred', reason: this.#reason ?? 'interrupted' };
      }
      const result = await run(this.signal);
      if (result.isOk()) return { kind: 'ok', value: result.value };
      if (this.#reason) return { kind: 'deferred', reason: this.#reason };
      const error = result.error;
      if (error.type !== 'rate_limited') return { kind: 'error', error };
      const until = this.clock().getTime() + Math.max(0, error.retryAfterMs);
      const key = error.pauses === 'platform' ? keys[1]! : error.pauses === 'account' && limit.account ? keys[2]! : limit.key;
      if (until > (this.#blockedUntil.get(key) ?? 0)) this.#blockedUntil.set(key, until);
      if (until > this.deadlineAt || attempt >= this.maxRateLimitRetries) {
        return { kind: 'deferred', reason: 'rate_limited', retryAfterMs: Math.max(0, error.retryAfterMs) };
      }
    }
  }
}

/** What a rate limit met by one adapter call may hold back. */
export interface CallLimit {
  /** The endpoint-like key, e.g. `facebook:capture:timeline`. */
  key: string;
  platform: string;
  /** The account the call is about (its key), so a throttle on it holds only its calls. */
  account?: string;
}
