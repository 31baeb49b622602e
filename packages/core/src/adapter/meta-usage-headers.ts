import { z } from 'zod';
import type { RateLimitHeaderReader, RateLimitState } from './rate-limit-headers.js';

// Meta's usage headers, read for both Meta adapters (Facebook Pages, Instagram business
// discovery), at the level Meta documents each one ("Rate Limits", Graph API overview):
// - `X-App-Usage`: Platform rate limits of the app (app or user token), rolling hour — app-wide;
// - `X-Page-Usage`: Platform rate limits of one Page (Page token) — that Page only;
// - `X-Business-Use-Case-Usage`: BUC rate limits, keyed by business object id (a Page, an
//   Instagram account), with `estimated_time_to_regain_access` in minutes — that object only.

/** `X-App-Usage` (and `X-Page-Usage`): percentages of the allowance used. */
export const AppUsageHeaderSchema = z.object({
  call_count: z.number().nonnegative().optional(),
  total_cputime: z.number().nonnegative().optional(),
  total_time: z.number().nonnegative().optional(),
  /** Sent in `X-Page-Usage` once throttled, minutes. */
  estimated_time_to_regain_access: z.number().nonnegative().optional(),
});

/**
 * `X-Business-Use-Case-Usage` (BUC rate limits, Page and system-user tokens): per business
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

/** The usage of one budget: the highest percentage and the announced wait, if any. */
export interface MetaBudgetUsage {
  /** Highest of call_count, total_cputime and total_time, in percent. */
  maxPercent: number;
  /** `estimated_time_to_regain_access` (minutes in the header) in milliseconds, when given and > 0. */
  regainAccessMs?: number;
}

/** What Meta's usage headers say, per level. */
export interface MetaUsage {
  /** Highest percentage over every header and use case (for logs and dashboards). */
  maxPercent: number;
  /** Longest announced wait over every header, in milliseconds. */
  regainAccessMs?: number;
  /** `X-App-Usage`: the app's budget, shared by every request. */
  app?: MetaBudgetUsage;
  /** `X-Page-Usage`: the budget of the Page the request was about. */
  page?: MetaBudgetUsage;
  /** `X-Business-Use-Case-Usage` (and the ad-account variant), per business object id. */
  objects?: Record<string, MetaBudgetUsage>;
}

/** Read `x-app-usage`, `x-page-usage` and `x-business-use-case-usage`. Unreadable headers are ignored. */
export function readMetaUsage(headers: Headers): MetaUsage | undefined {
  const usage: MetaUsage = { maxPercent: 0 };
  let seen = false;
  const note = (budget: MetaBudgetUsage): void => {
    seen = true;
    usage.maxPercent = Math.max(usage.maxPercent, budget.maxPercent);
    if (budget.regainAccessMs !== undefined) usage.regainAccessMs = Math.max(usage.regainAccessMs ?? 0, budget.regainAccessMs);
  };
  const app = AppUsageHeaderSchema.safeParse(parseJsonHeader(headers.get('x-app-usage')));
  if (app.success && headers.get('x-app-usage')) note((usage.app = budgetOf([app.data])));
  const page = AppUsageHeaderSchema.safeParse(parseJsonHeader(headers.get('x-page-usage')));
  if (page.success && headers.get('x-page-usage')) note((usage.page = budgetOf([page.data])));
  for (const name of ['x-business-use-case-usage', 'x-ad-account-usage-buc']) {
    const buc = BusinessUseCaseUsageHeaderSchema.safeParse(parseJsonHeader(headers.get(name)));
    if (!buc.success) continue;
    for (const [objectId, usages] of Object.entries(buc.data)) {
      if (usages.length === 0) continue;
      const budget = budgetOf(usages);
      const before = usage.objects?.[objectId];
      usage.objects = { ...usage.objects, [objectId]: before ? mergeBudgets(before, budget) : budget };
      note(budget);
    }
  }
  return seen ? usage : undefined;
}

function budgetOf(entries: ReadonlyArray<z.infer<typeof AppUsageHeaderSchema>>): MetaBudgetUsage {
  let maxPercent = 0;
  let regainAccessMs: number | undefined;
  for (const entry of entries) {
    maxPercent = Math.max(maxPercent, entry.call_count ?? 0, entry.total_cputime ?? 0, entry.total_time ?? 0);
    const minutes = entry.estimated_time_to_regain_access;
    if (minutes !== undefined && minutes > 0) regainAccessMs = Math.max(regainAccessMs ?? 0, minutes * 60_000);
  }
  return regainAccessMs !== undefined ? { maxPercent, regainAccessMs } : { maxPercent };
}

function mergeBudgets(a: MetaBudgetUsage, b: MetaBudgetUsage): MetaBudgetUsage {
  const regain = Math.max(a.regainAccessMs ?? 0, b.regainAccessMs ?? 0);
  return { maxPercent: Math.max(a.maxPercent, b.maxPercent), ...(regain > 0 ? { regainAccessMs: regain } : {}) };
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
 * A {@link RateLimitHeaderReader} for Meta's usage headers, each at its own level:
 * - `X-App-Usage` at 100 %: every request of the adapter waits (`fullPauseMs`; Meta counts over
 *   a rolling hour and announces no time) — unless the response also carries a BUC header, as
 *   BUC limits then apply instead; at or above `slowDownAtPercent`: a few requests per minute on
 *   the endpoint, fewer the closer to 100 %;
 * - `X-Business-Use-Case-Usage` naming an object with an announced wait, or at 100 %: only
 *   requests about that object (their `pauseKeys`) wait;
 * - `X-Page-Usage` with an announced wait, or at 100 %: only the Page the request was about waits.
 */
export function metaUsageRateLimitReader(options: { slowDownAtPercent?: number; fullPauseMs?: number } = {}): RateLimitHeaderReader {
  const slowAt = options.slowDownAtPercent ?? DEFAULT_META_SLOW_DOWN_AT_PERCENT;
  const fullPauseMs = options.fullPauseMs ?? 600_000;
  const pauseOf = (budget: MetaBudgetUsage | undefined, now: number): number | undefined => {
    if (!budget) return undefined;
    if (budget.regainAccessMs !== undefined) return now + budget.regainAccessMs;
    if (budget.maxPercent >= 100) return now + fullPauseMs;
    return undefined;
  };
  return (headers, now): RateLimitState | undefined => {
    const usage = readMetaUsage(headers);
    if (!usage) return undefined;
    const state: RateLimitState = {};
    const app = usage.app;
    // "If both Platform and BUC rate limits can be applied to a request, BUC rate limits will be
    // applied": with a BUC header present the app budget does not stop the platform, it only slows it.
    const bucApplies = usage.objects !== undefined;
    if (app && app.maxPercent >= 100 && !bucApplies) Object.assign(state, { scope: 'platform', remaining: 0, resetAt: now + (app.regainAccessMs ?? fullPauseMs) });
    else if (app && app.maxPercent >= slowAt) Object.assign(state, { remaining: Math.max(1, Math.floor((100 - app.maxPercent) / 3)), resetAt: now + 60_000 });
    const objectPauses: Record<string, number> = {};
    for (const [objectId, budget] of Object.entries(usage.objects ?? {})) {
      const until = pauseOf(budget, now);
      if (until !== undefined) objectPauses[objectId] = until;
    }
    if (Object.keys(objectPauses).length > 0) state.objectPauses = objectPauses;
    const pageUntil = pauseOf(usage.page, now);
    if (pageUntil !== undefined) state.ownObjectPausedUntil = pageUntil;
    return Object.keys(state).length > 0 ? state : undefined;
  };
}
