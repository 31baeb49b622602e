import { z } from 'zod';
import type { RateLimitHeaderReader, RateLimitState } from './rate-limit-headers.js';

// Meta's usage headers, read for both Meta adapters (Facebook pages, Instagram business discovery),
// as X's headers are read by `readXRateLimitHeaders`.

/** `X-App-Usage` (Platform rate limits): percentages of the app's hourly allowance used. */
export const AppUsageHeaderSchema = z.object({
  call_count: z.number().nonnegative().optional(),
  total_cputime: z.number().nonnegative().optional(),
  total_time: z.number().nonnegative().optional(),
});

/**
 * `X-Business-Use-Case-Usage` (BUC rate limits, page and system-user tokens): per business
 * object id, a list of use-case usages; `estimated_time_to_regain_access` is in minutes.
 */
export const BusinessUseCaseUsageHeaderSchema = z.record(
  z.string(),
  z.array(
    z.looseObject({
      type: z.string().optional(),
      call_count: z.number().nonnegative().optional(),
      total_cputime: z.number().nonnegative().optional(),
      total_time: z.number().nonnegative().optional(),
      estimated_time_to_regain_access: z.number().nonnegative().optional(),
    }),
  ),
);

/** Usage (percent) from which the adapter slows down before Meta refuses. @default 85 */
export const DEFAULT_META_SLOW_DOWN_AT_PERCENT = 85;

/** What Meta's usage headers say, as the highest percentage and the longest announced wait. */
export interface MetaUsage {
  /** Highest of call_count, total_cputime, total_time over every header and use case, in percent. */
  maxPercent: number;
  /** `estimated_time_to_regain_access` (minutes in the header) in milliseconds, when given and > 0. */
  regainAccessMs?: number;
}

/** Read `x-app-usage` and `x-business-use-case-usage`. Unreadable headers are ignored. */
export function readMetaUsage(headers: Headers): MetaUsage | undefined {
  let maxPercent: number | undefined;
  let regainAccessMs: number | undefined;
  const consider = (value: number | undefined): void => {
    if (value !== undefined) maxPercent = Math.max(maxPercent ?? 0, value);
  };
  const app = parseJsonHeader(headers.get('x-app-usage'));
  const appParsed = AppUsageHeaderSchema.safeParse(app);
  if (app !== undefined && appParsed.success) {
    consider(appParsed.data.call_count);
    consider(appParsed.data.total_cputime);
    consider(appParsed.data.total_time);
  }
  for (const name of ['x-business-use-case-usage', 'x-ad-account-usage-buc']) {
    const buc = BusinessUseCaseUsageHeaderSchema.safeParse(parseJsonHeader(headers.get(name)));
    if (!buc.success) continue;
    for (const usages of Object.values(buc.data)) {
      for (const usage of usages) {
        consider(usage.call_count);
        consider(usage.total_cputime);
        consider(usage.total_time);
        const minutes = usage.estimated_time_to_regain_access;
        if (minutes !== undefined && minutes > 0) regainAccessMs = Math.max(regainAccessMs ?? 0, minutes * 60_000);
      }
    }
  }
  if (maxPercent === undefined && regainAccessMs === undefined) return undefined;
  return { maxPercent: maxPercent ?? 0, ...(regainAccessMs !== undefined ? { regainAccessMs } : {}) };
}

function parseJsonHeader(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A {@link RateLimitHeaderReader} for Meta's usage headers, so core's queue slows down:
 * - an announced `estimated_time_to_regain_access`, or usage at 100 %: nothing more until then
 *   (or `fullPauseMs` when no time is announced);
 * - usage at or above `slowDownAtPercent`: a few requests per minute, fewer the closer to 100 %.
 */
export function metaUsageRateLimitReader(options: { slowDownAtPercent?: number; fullPauseMs?: number } = {}): RateLimitHeaderReader {
  const slowAt = options.slowDownAtPercent ?? DEFAULT_META_SLOW_DOWN_AT_PERCENT;
  const fullPauseMs = options.fullPauseMs ?? 600_000;
  return (headers, now): RateLimitState | undefined => {
    const usage = readMetaUsage(headers);
    if (!usage) return undefined;
    if (usage.regainAccessMs !== undefined) return { remaining: 0, resetAt: now + usage.regainAccessMs };
    if (usage.maxPercent >= 100) return { remaining: 0, resetAt: now + fullPauseMs };
    if (usage.maxPercent >= slowAt) return { remaining: Math.max(1, Math.floor((100 - usage.maxPercent) / 3)), resetAt: now + 60_000 };
    return undefined;
  };
}

