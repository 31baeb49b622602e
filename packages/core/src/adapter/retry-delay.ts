/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries
 * from many workers spread out but never collapse to zero.
 * @param retry - 0 for the first retry.
 */
export function backoffDelayMs(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry));
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * unit);
}
