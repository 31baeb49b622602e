import type { CostInput } from '@sipansos/core/adapter-kit';
import { X_ENDPOINTS, type XPricing } from './x-endpoints.js';

/**
 * Estimated pay-per-use cost of one response: X charges reads per resource returned (posts,
 * users, follows), including expanded ones in `includes`. An upper bound: X deduplicates
 * repeated reads of one resource within 24 hours, which this estimate does not model.
 */
export function estimateXCost(pricing: XPricing): (input: CostInput) => number {
  return ({ endpoint, data }) => {
    const body = data as { data?: unknown; includes?: { tweets?: unknown[]; users?: unknown[] } } | undefined;
    if (!body || typeof body !== 'object') return 0;
    const primary = Array.isArray(body.data) ? body.data.length : body.data ? 1 : 0;
    const includedPosts = body.includes?.tweets?.length ?? 0;
    const includedUsers = body.includes?.users?.length ?? 0;
    switch (endpoint) {
      case X_ENDPOINTS.userByUsername:
      case X_ENDPOINTS.userById:
        return primary * pricing.userReadUsd;
      case X_ENDPOINTS.following:
        return primary * pricing.followReadUsd;
      default:
        return (primary + includedPosts) * pricing.postReadUsd + includedUsers * pricing.userReadUsd;
    }
  };
}
