import type { AccountState, PendingLookup, TrackedItem } from './account-state.js';

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

/**
 * What to look up for an item: its current id, and for reposts and shares the original's id
 * too (the original's deletion is someone else's).
 */
export function pendingLookupFor(item: TrackedItem, since: string, attempts = 0, probe = false): PendingLookup {
  return {
    bucket: item.bucket,
    itemId: item.ids.at(-1) ?? item.key.slice(item.key.indexOf(':') + 1),
    ...(item.targetId && (item.kind === 'repost' || item.kind === 'share') ? { originalId: item.targetId } : {}),
    attempts,
    since,
    ...(probe ? { probe: true } : {}),
  };
}
