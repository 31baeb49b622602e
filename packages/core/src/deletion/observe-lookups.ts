import type { Change } from '../diff/change-schema.js';
import { changeId } from '../diff/change-id.js';
import { changedContentFields, itemContentHash } from '../diff/item-content.js';
import { wordDiff } from '../diff/word-diff.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { AccountObservation } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import type { AccountState, DeletionCapabilities, LookupRef, TrackedItem } from './account-state.js';
import { applyObservation, type ObservationSource } from './apply-observation.js';
import { compactVersionItem } from './compact-version-item.js';
import { resolveDeletionOptions, type DeletionOptions } from './deletion-options.js';
import { uncapturedVersionIds } from './earlier-versions.js';
import type { ItemObservation } from './item-status.js';
import { StateDraft } from './state-draft.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/**
 * One answer of a lookup by id, as deletion reads it: the shape of the adapter contract's
 * `LookupResultV1`, restated here because the store contract holds deletion's state and so
 * sits above this folder. The monitor hands `LookupResultV1` values straight in, so the
 * compiler notices if the two part.
 */
export interface LookupAnswer {
  id: string;
  status: 'live' | 'gone' | 'hidden' | 'unknown';
  /** The item as served, when `live`. */
  item?: Item;
  reason?: string;
}

/** One lookup call's answers, as the monitor received them. */
export interface LookupBatch {
  results: LookupAnswer[];
  /** sha256 of the raw response bodies (already stored as blobs). */
  rawBlobs: string[];
  /** When the answers were read. */
  at: string;
  /**
   * What the monitor saw of the account when it looked (e.g. from `adapter.resolve`). When the
   * account is deactivated or gone, every post lookup says `gone`: those answers then count as
   * the account's absence, never as post deletions; private or suspended counts as `hidden`.
   */
  accountObservation?: AccountObservation;
}

/** What observing a lookup batch produced. */
export interface ObserveLookupsResult {
  state: AccountState;
  changes: Change[];
  /** Keys of items whose status changed (newly `deleted`, back to `live`, …). */
  statusChanged: string[];
  /** Ids answered that no pending item asked for; nothing was done with them. */
  ignored: string[];
}

interface Answers {
  item?: LookupAnswer;
  original?: LookupAnswer;
}

/**
 * Apply lookup answers to the items awaiting them. A trusted `gone` confirms a deletion; an
 * untrusted one (adapter cannot tell private from deleted, or the platform rotates ids) waits for a later complete capture
 * that still lacks the item; `hidden` records the item as hidden, never deleted; `unknown`
 * changes nothing and keeps the item pending for a retry. For a repost or share, the
 * original's `gone` means `original_deleted` (not the subject's deletion), and the repost's own
 * `gone` counts only once the original is known to be live.
 */
export function observeLookups(state: AccountState, batch: LookupBatch, options?: DeletionOptions): ObserveLookupsResult {
  const resolvedOptions = resolveDeletionOptions(options);
  const capabilities: DeletionCapabilities = state.capabilities ?? { lookup: true, distinguishesPrivateFromDeleted: false };
  const trustsGone = capabilities.distinguishesPrivateFromDeleted && !resolvedOptions.rotatingIdPlatforms.includes(state.platform);
  const draft = new StateDraft(state);
  const byId = new Map<string, Array<{ key: string; role: 'item' | 'original' }>>();
  for (const [key, entry] of draft.pendingEntries()) {
    const add = (id: string, role: 'item' | 'original') => byId.set(id, [...(byId.get(id) ?? []), { key, role }]);
    add(entry.itemId, 'item');
    if (entry.originalId) add(entry.originalId, 'original');
  }
  const answers = new Map<string, Answers>();
  const ignored: string[] = [];
  for (const result of batch.results) {
    let targets = byId.get(result.id);
    if (!targets) {
      // Another version of an X edit chain answers for the whole chain.
      const key = draft.alias(`${state.platform}:${result.id}`)?.key ?? `${state.platform}:${result.id}`;
      if (draft.getPending(key)) targets = [{ key, role: 'item' }];
    }
    if (!targets) {
      ignored.push(result.id);
      continue;
    }
    for (const { key, role } of targets) {
      const entry = answers.get(key) ?? {};
      // When a batch answers one id twice, a definite answer outweighs `unknown`.
      const current = entry[role];
      if (!current || current.status === 'unknown') entry[role] = result;
      answers.set(key, entry);
    }
  }

  const batchId = `lookup:${sha256Hex(`${batch.at}\n${batch.rawBlobs.join(',')}`).slice(0, 32)}`;
  const changes: Change[] = [];
  const statusChanged: string[] = [];
  for (const [key, answer] of [...answers.entries()].sort(([a], [b]) => compareCodeUnits(a, b))) {
    const pending = draft.getPending(key)!;
    const item = draft.get(pending.bucket, key);
    if (!item) continue;
    const lookups: LookupRef[] = [];
    for (const role of ['item', 'original'] as const) {
      const result = answer[role];
      if (result) lookups.push({ id: result.id, role, status: result.status, ...(result.reason ? { reason: result.reason } : {}), at: batch.at, rawBlobs: batch.rawBlobs });
    }
    // As many complete captures must agree with an untrusted `gone` as `deleted_unverified` needs.
    const corroborated = (item.episode?.corroboratingMisses ?? 0) >= resolvedOptions.unverifiedAfterCompleteMisses;
    const observation = classify(answer, pending.originalId !== undefined, trustsGone, corroborated, batch.accountObservation);
    const captureId = item.episode?.missingCaptures.at(-1)?.captureId ?? item.lastSeenCaptureId ?? batchId;
    const source: ObservationSource = { source: batchId, captureId, at: batch.at, accountKey: state.accountKey, lookups, lookupRawBlobs: batch.rawBlobs };
    const withVersion = observation === 'lookup_live' ? withServedVersion(item, answer.item, source, changes) : item;
    const result = applyObservation(draft, withVersion, observation, source, resolvedOptions, capabilities);
    if (result.change) changes.push(result.change);
    if (withVersion.ids !== item.ids) {
      for (const id of result.item.ids) if (`${state.platform}:${id}` !== key) draft.setAlias(`${state.platform}:${id}`, key, result.item.bucket);
    }
    if (result.item.status !== item.status) statusChanged.push(key);
  }
  const seenAccount = batch.accountObservation;
  if (seenAccount && seenAccount !== 'public' && seenAccount !== 'unknown' && state.visibility?.observation !== seenAccount) {
    // Remembered so the next public capture brings the account's items back into view. (A
    // public answer is left to captures, which are what can re-examine the items.)
    draft.patch.visibility = { observation: seenAccount, since: batch.at, captureId: batchId };
  }
  const later = Date.parse(batch.at) > Date.parse(state.updatedAt) ? batch.at : state.updatedAt;
  return { state: draft.finish(later), changes, statusChanged, ignored };
}

function classify(answer: Answers, hasOriginal: boolean, trustsGone: boolean, corroborated: boolean, account: AccountObservation | undefined): ItemObservation {
  const own = answer.item;
  if (own && own.status !== 'live' && own.status !== 'unknown') {
    if (account === 'deactivated' || account === 'not_found') return 'account_gone';
    if (account === 'private' || account === 'suspended' || account === 'age_gated') return 'lookup_hidden';
  }
  if (answer.original?.status === 'gone') return 'lookup_original_gone';
  if (!own) return 'lookup_unknown';
  switch (own.status) {
    case 'live':
      return 'lookup_live';
    case 'hidden':
      return 'lookup_hidden';
    case 'unknown':
      return 'lookup_unknown';
    case 'gone':
      // A repost vanishes with its original: its own `gone` says nothing until the original is known live.
      if (hasOriginal && answer.original?.status !== 'live') return 'lookup_unknown';
      if (trustsGone) return 'lookup_gone';
      return corroborated ? 'lookup_gone_corroborated' : 'lookup_gone_untrusted';
  }
}

/** A lookup served the item: if its content differs, that is a new version. */
function withServedVersion(item: TrackedItem, served: LookupAnswer | undefined, source: ObservationSource, changes: Change[]): TrackedItem {
  if (!served?.item) return item;
  // An X lookup serves the newest version with its whole edit history: its ids are this item's,
  // and versions between the last one seen and this one are still to be fetched, as after a capture.
  const newIds = [served.item.id, ...(served.item.editHistoryIds ?? [])].filter((id, index, all) => !item.ids.includes(id) && all.indexOf(id) === index);
  const withIds = newIds.length > 0 ? { ...item, ids: [...item.ids, ...newIds] } : item;
  const contentHash = itemContentHash(served.item);
  const latest = item.versions.at(-1);
  if (latest?.contentHash === contentHash) return withIds;
  if (latest) {
    const fields = changedContentFields(latest.item, served.item);
    changes.push({
      id: changeId('edited', source.source, `${item.key}#${contentHash}`),
      type: 'edited',
      accountKey: source.accountKey,
      itemKey: item.key,
      captureId: source.captureId,
      detectedAt: source.at,
      before: latest.item,
      after: served.item,
      fields,
      lookupRawBlobs: source.lookupRawBlobs ?? [],
      ...(fields.includes('text') ? { textDiff: wordDiff(latest.item.text ?? '', served.item.text ?? '') } : {}),
    });
  }
  const versions = [...item.versions, { item: compactVersionItem(served.item), contentHash, firstSeenAt: source.at, firstSeenCaptureId: source.captureId }];
  const skipped = uncapturedVersionIds({ versions }, served.item.editHistoryIds).filter((id) => newIds.includes(id));
  return {
    ...withIds,
    contentCaptured: true,
    versions,
    ...(skipped.length > 0 ? { versionsToFetch: [...new Set([...(item.versionsToFetch ?? []), ...skipped])] } : {}),
  };
}
