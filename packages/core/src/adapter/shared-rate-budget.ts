import type { EndpointRateLimit } from './sliding-window-limiter.js';

/**
 * A rate budget shared by every process that calls a platform with the same app (capture
 * workers on several machines). The adapter still keeps its own sliding window; before each
 * request start it also takes a start from this budget, and a pause the platform announces (a
 * 429, a spent budget) is told to it, so one worker's 429 holds every worker's requests to that
 * endpoint. Absent (the default), an adapter limits itself alone, as one process always has.
 */
export interface SharedRateBudget {
  /**
   * Take one request start on `endpoint` if the shared window (`limit`, when the adapter has
   * one) and any shared pause allow it now: resolves to 0, the start is counted. Otherwise to
   * the milliseconds to wait before asking again; nothing is counted.
   */
  acquire(platform: string, endpoint: string, limit: EndpointRateLimit | undefined): Promise<number>;
  /** The platform refused or paused `endpoint` until `until` (epoch ms): every sharer waits. */
  pause(platform: string, endpoint: string, until: number): Promise<void>;
}
