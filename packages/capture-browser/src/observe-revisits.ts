import { observeLookups, requestLookups, type AccountState, type DeletionOptions, type LookupAnswer, type ObserveLookupsResult } from '@sipansos/core';
import type { RevisitResult } from './revisit.js';

/**
 * Feed one account's revisit answers to the deletion state machine, read exactly like a lookup
 * by id: `present`/`edited` → `live` (an edit becomes a new version), `gone` → `gone`. Walls and
 * `unknown` are left out: they change nothing. The revisit's control post is what tells
 * "deleted" from "cannot see", so its `gone` is trusted like a lookup from an adapter that
 * tells private from deleted; platforms that rotate ids (`rotatingIdPlatforms`) still wait for
 * a later capture to agree. `rawBlobs` are the stored pages that gave the answers.
 */
export function observeRevisits(state: AccountState, results: readonly RevisitResult[], rawBlobs: readonly string[], at: string, options?: DeletionOptions): ObserveLookupsResult {
  const definite = results.filter((result) => result.target.accountKey === state.accountKey && (result.status === 'present' || result.status === 'edited' || result.status === 'gone'));
  if (definite.length === 0) return { state, changes: [], statusChanged: [], ignored: [] };
  const requested = requestLookups(state, definite.map((result) => `${state.platform}:${result.target.itemId}`), at);
  const answers: LookupAnswer[] = definite.map((result) =>
    result.status === 'gone' ? { id: result.target.itemId, status: 'gone', reason: result.reason } : { id: result.target.itemId, status: 'live', ...(result.item ? { item: result.item } : {}) },
  );
  const capabilities = state.capabilities;
  const trusted: AccountState = { ...requested.state, capabilities: { ...(capabilities ?? { lookup: true }), lookup: true, distinguishesPrivateFromDeleted: true } };
  const observed = observeLookups(trusted, { results: answers, rawBlobs: [...rawBlobs], at }, options);
  const restored: AccountState = { ...observed.state };
  if (capabilities) restored.capabilities = capabilities;
  else delete restored.capabilities;
  return { ...observed, state: restored };
}
