import { mapMetaGraphError, type HttpFailure } from '@sipansos/core/adapter-kit';
import { type AdapterErrorV1 } from '@sipansos/core/spec';

// Graph's error body, throttling levels and common codes live in core (shared with Instagram);
// re-exported here under the names this package had.
export { DEFAULT_META_SLOW_DOWN_AT_PERCENT as DEFAULT_SLOW_DOWN_AT_PERCENT, GRAPH_THROTTLE_CODES, graphErrorOf, metaUsageRateLimitReader, readMetaUsage, type MetaUsage } from '@sipansos/core/adapter-kit';

/**
 * Marks the message of a `not_found` that came from Graph error code 100 with subcode 33:
 * "does not exist, cannot be loaded due to missing permissions, or does not support this
 * operation". Lookup reads it to run the control-post check before calling a post gone.
 */
export const GRAPH_OBJECT_UNAVAILABLE_MARK = '[graph 100/33]';

/**
 * Map a Graph API error object to an adapter error: core's Meta mapping (throttling per Page or
 * app, tokens, permissions, transient trouble) plus the codes that matter for Pages and posts.
 * Returns `undefined` when the body carries no Graph error (core's status mapping then applies).
 */
export function mapGraphError(failure: HttpFailure, options: { fallbackRetryAfterMs?: number } = {}): AdapterErrorV1 | undefined {
  return mapMetaGraphError(failure, {
    ...(options.fallbackRetryAfterMs !== undefined ? { fallbackRetryAfterMs: options.fallbackRetryAfterMs } : {}),
    permissionHint: 'Page Public Content Access, or a role on the Page',
    refine: (graph, { where, detail }) => {
      if (graph.code === 100 && graph.error_subcode === 33) {
        return { type: 'not_found', message: `${where} ${GRAPH_OBJECT_UNAVAILABLE_MARK} — the object does not exist OR this token may not load it: ${detail}` };
      }
      if (graph.code === 803) return { type: 'not_found', message: `${where} — no such Page or user name: ${detail}` };
      return undefined;
    },
  });
}

/** Did this error come from Graph code 100/33 (deleted OR no permission)? */
export function isObjectUnavailable(error: AdapterErrorV1): boolean {
  return error.type === 'not_found' && error.message.includes(GRAPH_OBJECT_UNAVAILABLE_MARK);
}
