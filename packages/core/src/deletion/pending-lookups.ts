import type { AccountState } from './account-state.js';

/**
 * The platform ids the monitor should look up now: every item awaiting a lookup (and, for
 * reposts and shares, its original), including retries of earlier `unknown` answers. Empty when
 * the adapter cannot look items up.
 */
export function lookupIdsOf(state: AccountState): string[] {
  if (!state.capabilities?.lookup) return [];
  const ids = new Set<string>();
  for (const entry of Object.values(state.pending)) {
    ids.add(entry.itemId);
    if (entry.originalId) ids.add(entry.originalId);
  }
  return [...ids];
}
