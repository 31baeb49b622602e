import type { AdapterErrorV1, HttpFailure, RateLimitHeaderReader, RateLimitState } from '@sipansos/core';
import { AppUsageHeaderSchema, BusinessUseCaseUsageHeaderSchema, GraphErrorBodySchema, type GraphErrorBody } from './facebook-schemas.js';

/**
 * Marks the message of a `not_found` that came from Graph error code 100 with subcode 33:
 * "does not exist, cannot be loaded due to missing permissions, or does not support this
 * operation". Lookup reads it to run the control-post check before calling a post gone.
 */
export const GRAPH_OBJECT_UNAVAILABLE_MARK = '[graph 100/33]';

/** Throttling codes (Meta "Handling Errors" and "Rate Limits"): app 4, user 17, page 32, custom 613. */
export const GRAPH_THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);

/** Usage (percent) from which the adapter slows down before Meta refuses. @default 85 */
export const DEFAULT_SLOW_DOWN_AT_PERCENT = 85;

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
  const slowAt = options.slowDownAtPercent ?? DEFAULT_SLOW_DOWN_AT_PERCENT;
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

/** The Graph error object in a failed response, when there is one. */
export function graphErrorOf(json: unknown): GraphErrorBody['error'] | undefined {
  const parsed = GraphErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}

/**
 * Map a Graph API error object to an adapter error. Returns `undefined` when the body carries
 * no Graph error (core's status mapping then applies).
 */
export function mapGraphError(failure: HttpFailure, options: { fallbackRetryAfterMs?: number } = {}): AdapterErrorV1 | undefined {
  const graph = graphErrorOf(failure.json);
  if (!graph) return undefined;
  const where = `${failure.endpoint}: Graph API error ${graph.code}${graph.error_subcode !== undefined ? `/${graph.error_subcode}` : ''}`;
  const detail = `${graph.message}${graph.fbtrace_id ? ` (fbtrace_id ${graph.fbtrace_id})` : ''}`;
  if (GRAPH_THROTTLE_CODES.has(graph.code) || (graph.code >= 80001 && graph.code <= 80014)) {
    const usage = readMetaUsage(failure.headers);
    const retryAfterMs = failure.retryAfterMs ?? usage?.regainAccessMs ?? options.fallbackRetryAfterMs ?? 600_000;
    return { type: 'rate_limited', endpoint: failure.endpoint, retryAfterMs, message: `${where} — throttled by Meta: ${detail}` };
  }
  if (graph.code === 190 || graph.code === 102 || graph.code === 463 || graph.code === 467) {
    return { type: 'unauthorized', status: failure.status, message: `${where} — the access token is expired, revoked or invalid; get a new token: ${detail}` };
  }
  if (graph.code === 10 || (graph.code >= 200 && graph.code <= 299) || graph.code === 368 || graph.code === 3) {
    return { type: 'unauthorized', status: failure.status, message: `${where} — the token lacks a permission or feature this read needs: ${detail}` };
  }
  if (graph.code === 100 && graph.error_subcode === 33) {
    return { type: 'not_found', message: `${where} ${GRAPH_OBJECT_UNAVAILABLE_MARK} — the object does not exist OR this token may not load it: ${detail}` };
  }
  if (graph.code === 803) return { type: 'not_found', message: `${where} — no such Page or user name: ${detail}` };
  if (graph.code === 1 || graph.code === 2 || graph.is_transient === true) {
    return { type: 'http', status: failure.status, retryable: true, message: `${where} — temporary Meta problem: ${detail}` };
  }
  return { type: 'http', status: failure.status, retryable: false, message: `${where}: ${detail}` };
}

/** Did this error come from Graph code 100/33 (deleted OR no permission)? */
export function isObjectUnavailable(error: AdapterErrorV1): boolean {
  return error.type === 'not_found' && error.message.includes(GRAPH_OBJECT_UNAVAILABLE_MARK);
}
