import { mapMetaGraphError, type HttpFailure } from '@sipansos/core/adapter-kit';
import { type AdapterErrorV1 } from '@sipansos/core/spec';

// Graph's error body, throttling levels and common codes live in core (shared with Facebook);
// re-exported here under the names this package had.
export { GRAPH_THROTTLE_CODES, metaUsageRateLimitReader, readMetaUsage, type MetaUsage } from '@sipansos/core/adapter-kit';

/**
 * Business discovery's answer for a user name that is not a business or creator account (or
 * does not exist): code 110, subcode 2207013, "Cannot find User". Meta does not tell the two
 * apart, so neither is called `not_found`: the account is `unsupported` by this path.
 */
export const INSTAGRAM_USER_NOT_DISCOVERABLE_SUBCODE = 2207013;

/**
 * Map an Instagram Graph error object to an adapter error (`undefined`: use core's mapping):
 * core's Meta mapping (613 and 80002 pause only the account asked about) plus business
 * discovery's "not a business account".
 */
export function mapInstagramGraphError(failure: HttpFailure): AdapterErrorV1 | undefined {
  return mapMetaGraphError(failure, {
    permissionHint: 'business discovery needs instagram_basic and pages_read_engagement',
    refine: (graph, { where, detail }) => {
      if (graph.error_subcode === INSTAGRAM_USER_NOT_DISCOVERABLE_SUBCODE || /cannot find user/i.test(graph.error_user_title ?? '')) {
        return {
          type: 'unsupported',
          message: `${where} — business discovery reads only business and creator accounts; this user name is a personal account or does not exist. Use saved pages (sipansos import) for personal accounts: ${detail}`,
        };
      }
      return undefined;
    },
  });
}
