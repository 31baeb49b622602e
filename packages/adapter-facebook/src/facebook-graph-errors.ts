import { readMetaUsage, type HttpFailure } from '@sipansos/core/adapter-kit';
import { type AdapterErrorV1 } from '@sipansos/core/spec';
import { GraphErrorBodySchema, type GraphErrorBody } from './facebook-schemas.js';

// Meta's usage headers are read by core; re-exported here under the names this package had.
export { DEFAULT_META_SLOW_DOWN_AT_PERCENT as DEFAULT_SLOW_DOWN_AT_PERCENT, metaUsageRateLimitReader, readMetaUsage, type MetaUsage } from '@sipansos/core/adapter-kit';

/**
 * Marks the message of a `not_found` that came from Graph error code 100 with subcode 33:
 * "does not exist, cannot be loaded due to missing permissions, or does not support this
 * operation". Lookup reads it to run the control-post check before calling a post gone.
 */
export const GRAPH_OBJECT_UNAVAILABLE_MARK = '[graph 100/33]';

/** Throttling codes (Meta "Handling Errors" and "Rate Limits"): app 4, user 17, page 32, custom 613. */
export const GRAPH_THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);

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
