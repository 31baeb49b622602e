import type { Item } from '../capture/item-schema.js';
import { changeId } from '../diff/change-id.js';
import type { Change } from '../diff/change-schema.js';
import { changedContentFields, itemContentHash } from '../diff/item-content.js';
import { wordDiff } from '../diff/word-diff.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { AccountState, ItemVersion, TrackedItem } from './account-state.js';
import { compactVersionItem } from './compact-version-item.js';
import type { LookupBatch } from './observe-lookups.js';
import { StateDraft } from './state-draft.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/**
 * The version ids of an item's edit history (X `edit_history_tweet_ids`) that no capture
 * showed: edits made between two observations. Empty for platforms without an edit history.
 */
export function uncapturedVersionIds(item: Pick<TrackedItem, 'versions'>, editHistoryIds: readonly string[] | undefined): string[] {
  if (!editHistoryIds || editHistoryIds.length < 2) return [];
  const have = new Set(item.versions.map((version) => version.item.id));
  return editHistoryIds.filter((id, index, all) => !have.has(id) && all.indexOf(id) === index);
}

/** Every version id the monitor should look up to fill in edits made between observations. */
export function versionLookupIdsOf(state: AccountState): string[] {
  const ids = new Set<string>();
  for (const [key, bucket] of Object.entries(state.notable)) {
    for (const id of state.items[bucket]?.[key]?.versionsToFetch ?? []) ids.add(id);
  }
  return [...ids];
}

/** What filling in earlier versions produced. */
export interface ObserveEarlierVersionsResult {
  state: AccountState;
  /** One `edited` change per edit the recovered versions reveal, marked `betweenObservations`. */
  changes: Change[];
  /** Keys of items that gained a version. */
  recovered: string[];
}

/**
 * Store the versions a lookup by id served for ids of an edit history that no capture showed,
 * each with the lookup's raw response blobs, in the order of the edit history, and report each
 * edit they reveal like any other edit (before/after and a word diff: what was removed). A
 * version the platform no longer serves (`gone`, `hidden`) while the account is last seen
 * public is given up; `unknown` (could not look), or any answer while the account is last seen
 * private, suspended or gone, changes nothing and is asked again next cycle, as every lookup is.
 */
export function observeEarlierVersions(state: AccountState, batch: LookupBatch): ObserveEarlierVersionsResult {
  const draft = new StateDraft(state);
  const wanted = new Map<string, { key: string; bucket: string }>();
  for (const [key, bucket] of draft.notableEntries()) {
    for (const id of draft.get(bucket, key)?.versionsToFetch ?? []) wanted.set(id, { key, bucket });
  }
  const answersByItem = new Map<string, Array<LookupBatch['results'][number]>>();
  for (const result of batch.results) {
    const target = wanted.get(result.id);
    if (target) answersByItem.set(target.key, [...(answersByItem.get(target.key) ?? []), result]);
  }
  // On a private, suspended or deactivated account X answers hidden or not found for every post:
  // such an answer says nothing about the version, which is asked again once the account is back.
  const accountSeen = state.visibility?.observation;
  const answersAreFinal = accountSeen === undefined || accountSeen === 'public' || accountSeen === 'unknown';
  const source = `versions:${sha256Hex(`${batch.at}\n${batch.rawBlobs.join(',')}`).slice(0, 32)}`;
  const changes: Change[] = [];
  const recovered: string[] = [];
  for (const [key, answers] of [...answersByItem.entries()].sort(([a], [b]) => compareCodeUnits(a, b))) {
    const bucket = wanted.get(answers[0]!.id)!.bucket;
    const item = draft.get(bucket, key)!;
    const added: ItemVersion[] = [];
    let toFetch = [...(item.versionsToFetch ?? [])];
    let attempts = item.versionFetchAttempts ?? 0;
    for (const answer of answers) {
      if (answer.status === 'live' && answer.item && answer.item.id === answer.id) {
        added.push({ item: compactVersionItem(answer.item), contentHash: itemContentHash(answer.item), firstSeenAt: batch.at, firstSeenCaptureId: item.lastSeenCaptureId ?? source, rawBlobs: batch.rawBlobs, recoveredFromEditHistory: true });
        toFetch = toFetch.filter((id) => id !== answer.id);
      } else if ((answer.status === 'gone' || answer.status === 'hidden') && answersAreFinal) {
        toFetch = toFetch.filter((id) => id !== answer.id);
      } else attempts++;
    }
    // The newest edit history lists every version oldest first; `ids` is in order of discovery.
    const history = [...item.versions].map((version) => version.item.editHistoryIds ?? []).sort((a, b) => b.length - a.length)[0] ?? [];
    const chain = [...history, ...item.ids.filter((id) => !history.includes(id))];
    const order = (version: ItemVersion): number => {
      const index = chain.indexOf(version.item.id);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    const versions = [...item.versions, ...added].sort((a, b) => order(a) - order(b));
    const have = new Set(versions.map((version) => version.item.id));
    const next: TrackedItem = {
      ...item,
      versions,
      ...(toFetch.length > 0 ? { versionsToFetch: toFetch, versionFetchAttempts: attempts } : { versionsToFetch: undefined, versionFetchAttempts: undefined }),
      earlierVersionsNotCaptured: item.ids.some((id) => !have.has(id)) || undefined,
    };
    if (!next.versionsToFetch) delete next.versionsToFetch;
    if (next.versionFetchAttempts === undefined) delete next.versionFetchAttempts;
    if (!next.earlierVersionsNotCaptured) delete next.earlierVersionsNotCaptured;
    draft.put(next);
    if (added.length === 0) continue;
    recovered.push(key);
    // Each edit next to a recovered version, once: the earlier capture already reported the
    // jump over it, these are the steps it was made of.
    const pairs = new Set<number>();
    for (const version of added) {
      const index = versions.indexOf(version);
      if (index > 0) pairs.add(index - 1);
      if (index + 1 < versions.length) pairs.add(index);
    }
    for (const index of [...pairs].sort((a, b) => a - b)) {
      const before = versions[index]!;
      const after = versions[index + 1]!;
      if (before.contentHash === after.contentHash) continue;
      changes.push(editedChange(state.accountKey, key, before.item, after.item, after.contentHash, source, next.lastSeenCaptureId ?? source, batch));
    }
  }
  return { state: draft.finish(batch.at), changes, recovered };
}

function editedChange(accountKey: string, itemKey: string, before: Item, after: Item, afterHash: string, source: string, captureId: string, batch: LookupBatch): Change {
  const fields = changedContentFields(before, after);
  return {
    id: changeId('edited', source, `${itemKey}#${before.id}>${afterHash}`),
    type: 'edited',
    accountKey,
    itemKey,
    captureId,
    detectedAt: batch.at,
    before,
    after,
    fields,
    ...(fields.includes('text') ? { textDiff: wordDiff(before.text ?? '', after.text ?? '') } : {}),
    lookupRawBlobs: batch.rawBlobs,
    betweenObservations: true,
  };
}
