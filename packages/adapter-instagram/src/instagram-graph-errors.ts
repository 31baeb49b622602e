import { readMetaUsage, type HttpFailure } from '@sipansos/core/adapter-kit';
import { type AdapterErrorV1 } from '@sipansos/core/spec';
import { GraphErrorBodySchema, type GraphErrorBody } from './instagram-schemas.js';

// Meta's usage headers are read by core; re-exported here under the names this package had.
export { metaUsageRateLimitReader, readMetaUsage, type MetaUsage } from '@sipansos/core/adapter-kit';

/** Throttling codes (Meta "Handling Errors"): app 4, user 17, page 32, custom 613. */
export const GRAPH_THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);

/**
 * Business discovery's answer for a user name that is not a business or creator account (or
 * does not exist): code 110, subcode 2207013, "Cannot find User". Meta does not tell the two
 * apart, so neither is called `not_found`: the account is `unsupported` by this path.
 */
export const INSTAGRAM_USER_NOT_DISCOVERABLE_SUBCODE = 2207013;

function graphErrorOf(json: unknown): GraphErrorBody['error'] | undefined {
  const parsed = GraphErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}

/** Map an Instagram Graph error object to an adapter error (`undefined`: use core's mapping). */
export function mapInstagramGraphError(failure: HttpFailure): AdapterErrorV1 | undefined {
  const graph = graphErrorOf(failure.json);
  if (!graph) return undefined;
  const where = `${failure.endpoint}: Graph API error ${graph.code}${graph.error_subcode !== undefined ? `/${graph.error_subcode}` : ''}`;
  const detail = `${graph.error_user_msg ?? graph.message}${graph.fbtrace_id ? ` (fbtrace_id ${graph.fbtrace_id})` : ''}`;
  if (GRAPH_THROTTLE_CODES.has(graph.code) || (graph.code >= 80001 && graph.code <= 80014)) {
    // Meta counts usage over a rolling hour: without an announced time, wait the hour.
    const retryAfterMs = failure.retryAfterMs ?? readMetaUsage(failure.headers)?.regainAccessMs ?? 3_600_000;
    return { type: 'rate_limited', endpoint: failure.endpoint, retryAfterMs, message: `${where} — throttled by Meta: ${detail}` };
  }
  if (graph.code === 190 || graph.code === 102) {
    return { type: 'unauthorized', status: failure.status, message: `${where} — the access token is expired, revoked or invalid; get a new token: ${detail}` };
  }
  if (graph.code === 10 || (graph.code >= 200 && graph.code <= 299) || graph.code === 3) {
    return { type: 'unauthorized', status: failure.status, message: `${where} — the token lacks a permission business discovery needs (instagram_basic, pages_read_engagement): ${detail}` };
  }
  if (graph.error_subcode === INSTAGRAM_USER_NOT_DISCOVERABLE_SUBCODE || /cannot find user/i.test(graph.error_user_title ?? '')) {
    return {
      type: 'unsupported',
      message: `${where} — business discovery reads only business and creator accounts; this user name is a personal account or does not exist. Use saved pages (sipansos import) for personal accounts: ${detail}`,
    };
  }
  if (graph.code === 1 || graph.code === 2 || graph.is_transient === true) {
    return { type: 'http', status: failure.status, retryable: true, message: `${where} — temporary Meta problem: ${detail}` };
  }
  return { type: 'http', status: failure.status, retryable: false, message: `${where}: ${detail}` };
}
