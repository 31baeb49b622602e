import type { AdapterClock } from './clock.js';
import type { RateLimitState } from './rate-limit-headers.js';

/** A cap on request starts: at most `limit` in any rolling `windowMs`. */
export interface EndpointRateLimit {
  /** Requests allowed in any rolling window. */
  limit: number;
  /** The window, in milliseconds (X: 15 minutes). */
  windowMs: number;
}

/** Why a wait could not be served within the caller's deadline. */
export interface GateRefusal {
  /** Milliseconds until the request could start. */
  waitMs: number;
  /** `window`: the configured cap; `server`: the platform's own budget or a `Retry-After`. */
  cause: 'window' | 'server';
}

/**
 * Admission control for one endpoint: a strict sliding-window cap on request starts, plus what
 * the platform said (remaining budget and its reset, or a `Retry-After`). A start is recorded in
 * the same tick as the check, so concurrent callers cannot both take the last slot.
 */
export class SlidingWindowLimiter {
  private readonly starts: number[] = [];
  private server: { remaining: number; resetAt: number } | undefined;
  private blockedUntil = 0;

  constructor(
    private readonly clock: AdapterClock,
    private readonly cap: EndpointRateLimit | undefined,
  ) {}

  /** Milliseconds until a request may start now (0 when it may start at once). */
  waitMs(): { waitMs: number; cause: GateRefusal['cause'] } {
    const now = this.clock.now();
    let wait = 0;
    let cause: GateRefusal['cause'] = 'window';
    if (this.blockedUntil > now) {
      wait = this.blockedUntil - now;
      cause = 'server';
    }
    if (this.server && this.server.resetAt > now && this.server.remaining <= 0 && this.server.resetAt - now > wait) {
      wait = this.server.resetAt - now;
      cause = 'server';
    }
    if (this.cap) {
      this.prune(now);
      if (this.starts.length >= this.cap.limit) {
        const oldest = this.starts[this.starts.length - this.cap.limit] ?? now;
        const windowWait = oldest + this.cap.windowMs - now;
        if (windowWait > wait) {
          wait = windowWait;
          cause = 'window';
        }
      }
    }
    return { waitMs: Math.max(0, wait), cause };
  }

  /**
   * Wait until a start is allowed and record it. Returns a refusal instead of sleeping when the
   * wait would end after `deadline` (epoch ms), or `aborted` when `signal` fires.
   */
  async acquire(deadline: number, signal?: AbortSignal): Promise<'started' | 'aborted' | GateRefusal> {
    for (;;) {
      if (signal?.aborted) return 'aborted';
      const { waitMs, cause } = this.waitMs();
      if (waitMs <= 0) {
        this.recordStart();
        return 'started';
      }
      if (this.clock.now() + waitMs > deadline) return { waitMs, cause };
      await this.clock.sleep(waitMs, signal);
    }
  }

  /** Take what a response said about the platform's budget. */
  observe(state: RateLimitState | undefined): void {
    if (!state || state.remaining === undefined || state.resetAt === undefined) return;
    const now = this.clock.now();
    if (state.resetAt <= now) return;
    if (!this.server || this.server.resetAt !== state.resetAt || this.server.resetAt <= now) {
      this.server = { remaining: state.remaining, resetAt: state.resetAt };
    } else {
      // Responses can arrive out of order: the lower count is the safe one.
      this.server.remaining = Math.min(this.server.remaining, state.remaining);
    }
  }

  /** The platform refused (429) or asked for a pause: nothing starts before `until`. */
  blockUntil(until: number): void {
    if (until > this.blockedUntil) this.blockedUntil = until;
  }

  /** Starts inside the current rolling window (for accounting and tests). */
  startsInWindow(): number {
    this.prune(this.clock.now());
    return this.starts.length;
  }

  private recordStart(): void {
    const now = this.clock.now();
    this.starts.push(now);
    if (this.server && this.server.resetAt > now) this.server.remaining -= 1;
  }

  private prune(now: number): void {
    if (!this.cap) {
      this.starts.length = 0;
      return;
    }
    const horizon = now - this.cap.windowMs;
    let drop = 0;
    while (drop < this.starts.length && (this.starts[drop] ?? Infinity) <= horizon) drop++;
    if (drop > 0) this.starts.splice(0, drop);
  }
}
