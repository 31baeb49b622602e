import { wordSimilarity } from '../diff/word-diff.js';
import type { TrackedItem } from './account-state.js';
import type { ResolvedDeletionOptions } from './deletion-options.js';
import { dayBucketsBetween, instantMs } from './item-buckets.js';
import type { StateDraft } from './state-draft.js';

const GONE = new Set(['missing', 'deleted', 'deleted_unverified']);

function textOf(item: TrackedItem): string {
  return item.versions.at(-1)?.item.text ?? '';
}

function candidatesAround(
  draft: StateDraft,
  item: TrackedItem,
  fromMs: number,
  toMs: number,
  wanted: (other: TrackedItem) => boolean,
  onlyBuckets?: ReadonlySet<string>,
): TrackedItem[] {
  const found: TrackedItem[] = [];
  for (const bucket of dayBucketsBetween([], item.scope, fromMs, toMs)) {
    if (onlyBuckets && !onlyBuckets.has(bucket)) continue;
    for (const other of Object.values(draft.bucket(bucket) ?? {})) {
      const at = instantMs(other.createdAt);
      if (other.key === item.key || at === undefined || at < fromMs || at > toMs) continue;
      if (other.kind === item.kind && other.contentCaptured && wanted(other)) found.push(other);
    }
  }
  return found;
}

function best(item: TrackedItem, candidates: TrackedItem[], minimum: number): TrackedItem | undefined {
  let chosen: TrackedItem | undefined;
  let score = minimum;
  for (const candidate of candidates.sort((a, b) => a.key.localeCompare(b.key))) {
    const similarity = wordSimilarity(textOf(item), textOf(candidate));
    if (similarity >= score && (chosen === undefined || similarity > score)) {
      chosen = candidate;
      score = similarity;
    }
  }
  return chosen;
}

/**
 * Delete-and-repost (a typo fixed within minutes): link a post that went missing to a similar
 * post of the same kind created shortly after it (`replacedBy` / `replaces`), so reviewers can
 * set the pair aside. Checked from both ends: for posts that just went missing, and for posts
 * just added. Returns the keys linked.
 */
export function linkReplacements(draft: StateDraft, touchedKeys: Iterable<{ bucket: string; key: string }>, options: ResolvedDeletionOptions): string[] {
  const linked: string[] = [];
  // Buckets holding posts that went missing: a new post can only replace one of those.
  const goneBuckets = new Set<string>();
  for (const [key, bucket] of draft.notableEntries()) {
    if (GONE.has(draft.get(bucket, key)?.status ?? 'live')) goneBuckets.add(bucket);
  }
  for (const { bucket, key } of touchedKeys) {
    const item = draft.get(bucket, key);
    const at = instantMs(item?.createdAt);
    if (!item || at === undefined || !item.contentCaptured) continue;
    if (GONE.has(item.status) && !item.replacedBy) {
      const replacement = best(
        item,
        candidatesAround(draft, item, at, at + options.repostLinkWindowMs, (other) => other.status === 'live' && !other.replaces && instantMs(other.createdAt)! > at),
        options.repostLinkMinSimilarity,
      );
      if (replacement) {
        draft.put({ ...item, replacedBy: replacement.key });
        draft.put({ ...replacement, replaces: item.key });
        linked.push(item.key, replacement.key);
      }
    } else if (item.status === 'live' && !item.replaces && goneBuckets.size > 0) {
      const original = best(
        item,
        candidatesAround(draft, item, at - options.repostLinkWindowMs, at, (other) => GONE.has(other.status) && !other.replacedBy && instantMs(other.createdAt)! < at, goneBuckets),
        options.repostLinkMinSimilarity,
      );
      if (original) {
        draft.put({ ...original, replacedBy: item.key });
        draft.put({ ...item, replaces: original.key });
        linked.push(original.key, item.key);
      }
    }
  }
  return linked;
}
