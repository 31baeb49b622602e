/**
 * What a response said about the caller's request budget on its endpoint.
 */
export interface RateLimitState {
  /** Requests still allowed before `resetAt`. */
  remaining?: number;
  /** When the platform's window resets (epoch milliseconds). */
  resetAt?: number;
  /** The window's size as the platform reports it (`x-rate-limit-limit`). */
  limit?: number;
  /**
   * Which requests `remaining` and `resetAt` hold back: the endpoint's (default), or every
   * request of the adapter (an app-wide budget such as Meta's `X-App-Usage`).
   */
  scope?: 'endpoint' | 'platform';
  /**
   * Platform objects paused until an epoch-ms instant, keyed as requests name them in
   * `pauseKeys` (a Page id in Meta's `X-Business-Use-Case-Usage`). Requests for other objects go on.
   */
  objectPauses?: Record<string, number>;
  /** The object this response was about is paused until then (a header that describes it without naming it). */
  ownObjectPausedUntil?: number;
}

/** Reads a platform's rate-limit headers. Returns `undefined` when the response carries none. */
export type RateLimitHeaderReader = (headers: Headers, now: number) => RateLimitState | undefined;

/**
 * X and many other APIs: `x-rate-limit-limit`, `x-rate-limit-remaining` and
 * `x-rate-limit-reset` (Unix seconds). X sends no `Retry-After`.
 */
export const readXRateLimitHeaders: RateLimitHeaderReader = (headers) => {
  const remaining = nonNegativeInteger(headers.get('x-rate-limit-remaining'));
  const resetSeconds = nonNegativeInteger(headers.get('x-rate-limit-reset'));
  const limit = nonNegativeInteger(headers.get('x-rate-limit-limit'));
  if (remaining === undefined && resetSeconds === undefined) return undefined;
  const state: RateLimitState = {};
  if (remaining !== undefined) state.remaining = remaining;
  if (resetSeconds !== undefined) state.resetAt = resetSeconds * 1000;
  if (limit !== undefined) state.limit = limit;
  return state;
};

/**
 * `Retry-After` as a wait in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * `undefined` when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function nonNegativeInteger(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
