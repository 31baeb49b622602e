import type { AccountState } from './account-state.js';
import { findTrackedItem } from './deletion-verdicts.js';
import { pendingLookupFor } from './pending-lookups.js';
import { StateDraft } from './state-draft.js';

/** What {@link requestLookups} did. */
export interface RequestLookupsResult {
  state: AccountState;
  /** Keys now awaiting a lookup (already pending ones included). */
  requested: string[];
  /** Keys the state does not track; nothing was done with them. */
  untracked: string[];
}

/**
 * Mark tracked items for a lookup without suspicion (a probe), so that answers gathered
 * elsewhere — a patrol revisit that reopened the posts by address — go through
 * {@link observeLookups} and the state machine like any lookup by id. Items already pending keep
 * their entry (and its retry count).
 */
export function requestLookups(state: AccountState, itemKeys: readonly string[], at: string): RequestLookupsResult {
  const draft = new StateDraft(state);
  const requested: string[] = [];
  const untracked: string[] = [];
  for (const key of itemKeys) {
    const item = findTrackedItem(state, key);
    if (!item) {
      untracked.push(key);
      continue;
    }
    if (!draft.getPending(item.key)) draft.setPending(item.key, pendingLookupFor(item, at, 0, true));
    requested.push(item.key);
  }
  return { state: requested.length > 0 ? draft.finish(state.updatedAt) : state, requested, untracked };
}
