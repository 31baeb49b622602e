import { z } from 'zod';
import type { AdapterErrorV1, RateLimitPauseV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { HttpFailure } from './http-error-mapping.js';
import { readMetaUsage } from './meta-usage-headers.js';

// The Graph API error body and its mapping, shared by the Facebook and Instagram adapters (both
// speak Graph on graph.facebook.com). Each adapter adds only the codes that mean something
// different on its path (Facebook's 100/33 and 803, Instagram's 110/2207013).

/** The error body every failed Graph request carries. */
export const GraphErrorBodySchema = z.object({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof GraphErrorBodySchema>;
/** The `error` object of a Graph error body. */
export type GraphError = GraphErrorBody['error'];

/**
 * Graph throttling codes and what each pauses (Meta "Handling Errors" and "Rate Limits"):
 * 4 the app and 17 the user (every request of one adapter, which holds one token) pause the
 * platform; 32 one Page, 613 one Instagram account's calls, and 80001–80014 (BUC: 80001 Pages,
 * 80002 Instagram, …) one business object pause only that object.
 */
export function metaThrottlePause(code: number): RateLimitPauseV1 | undefined {
  if (code === 4 || code === 17) return 'platform';
  if (code === 32 || code === 613 || (code >= 80000 && code <= 80014)) return 'account';
  return undefined;
}

/** Throttling codes: app 4, user 17, Page 32, custom 613 (BUC codes are 80000–80014). */
export const GRAPH_THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);

/** The Graph error object in a failed response, when there is one. */
export function graphErrorOf(json: unknown): GraphError | undefined {
  const parsed = GraphErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}

/** Settings of {@link mapMetaGraphError}. */
export interface MetaGraphErrorOptions {
  /**
   * The wait when Meta throttles and announces no time. Meta counts usage over a rolling hour
   * (a day for Pages), so anything shorter only earns another refusal. @default 3_600_000
   */
  fallbackRetryAfterMs?: number;
  /** What a missing permission means on this path, e.g. "instagram_basic, pages_read_engagement". */
  permissionHint?: string;
  /**
   * The adapter's own codes, asked after throttling and before the common ones. Return
   * `undefined` to fall through.
   */
  refine?: (graph: GraphError, context: { failure: HttpFailure; where: string; detail: string }) => AdapterErrorV1 | undefined;
}

/**
 * Map a failed Graph response to an adapter error: throttling at the level Meta documents (see
 * {@link metaThrottlePause}), with the wait Meta announced for that object (its
 * `X-Business-Use-Case-Usage` entry), the page's or app's, or `fallbackRetryAfterMs`; then
 * the adapter's own codes; then token (190, 102, 463, 467) and permission (3, 10, 200–299, 368)
 * refusals; then transient trouble (1, 2, `is_transient`). `undefined` when the body carries no
 * Graph error (core's status mapping then applies).
 */
export function mapMetaGraphError(failure: HttpFailure, options: MetaGraphErrorOptions = {}): AdapterErrorV1 | undefined {
  const graph = graphErrorOf(failure.json);
  if (!graph) return undefined;
  const where = `${failure.endpoint}: Graph API error ${graph.code}${graph.error_subcode !== undefined ? `/${graph.error_subcode}` : ''}`;
  const detail = `${graph.error_user_msg ?? graph.message}${graph.fbtrace_id ? ` (fbtrace_id ${graph.fbtrace_id})` : ''}`;
  const pauses = metaThrottlePause(graph.code);
  if (pauses) {
    const retryAfterMs = failure.retryAfterMs ?? announcedWait(failure, pauses) ?? options.fallbackRetryAfterMs ?? 3_600_000;
    const what = pauses === 'platform' ? 'the whole app is paused' : `only ${failure.pauseKeys?.[0] ?? 'this Page or account'} is paused`;
    return { type: 'rate_limited', endpoint: failure.endpoint, retryAfterMs, pauses, message: `${where} — throttled by Meta (${what}): ${detail}` };
  }
  const refined = options.refine?.(graph, { failure, where, detail });
  if (refined) return refined;
  if (graph.code === 190 || graph.code === 102 || graph.code === 463 || graph.code === 467) {
    return { type: 'unauthorized', status: failure.status, message: `${where} — the access token is expired, revoked or invalid; get a new token: ${detail}` };
  }
  if (graph.code === 10 || (graph.code >= 200 && graph.code <= 299) || graph.code === 368 || graph.code === 3) {
    const hint = options.permissionHint ? ` (${options.permissionHint})` : '';
    return { type: 'unauthorized', status: failure.status, message: `${where} — the token lacks a permission or feature this read needs${hint}: ${detail}` };
  }
  if (graph.code === 1 || graph.code === 2 || graph.is_transient === true) {
    return { type: 'http', status: failure.status, retryable: true, message: `${where} — temporary Meta problem: ${detail}` };
  }
  return { type: 'http', status: failure.status, retryable: false, message: `${where}: ${detail}` };
}

/** The wait Meta announced in the failure's usage headers, for the object (or app) that is paused. */
function announcedWait(failure: HttpFailure, pauses: RateLimitPauseV1): number | undefined {
  const usage = readMetaUsage(failure.headers);
  if (!usage) return undefined;
  if (pauses === 'account') {
    for (const key of failure.pauseKeys ?? []) {
      const own = usage.objects?.[key]?.regainAccessMs;
      if (own !== undefined) return own;
    }
    return usage.page?.regainAccessMs ?? usage.regainAccessMs;
  }
  return usage.app?.regainAccessMs ?? usage.regainAccessMs;
}
