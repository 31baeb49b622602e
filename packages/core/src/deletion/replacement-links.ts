import { wordSimilarity } from '../diff/word-diff.js';
import type { TrackedItem } from './account-state.js';
import type { ResolvedDeletionOptions } from './deletion-options.js';
import { dayBucketsBetween, instantMs } from './item-buckets.js';
import type { StateDraft } from './state-draft.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

const GONE = new Set(['missing', 'deleted', 'deleted_unverified']);

function textOf(item: TrackedItem): string {
  return item.versions.at(-1)?.item.text ?? '';
}

function within(other: TrackedItem, item: TrackedItem, fromMs: number, toMs: number): boolean {
  const at = instantMs(other.createdAt);
  return other.key !== item.key && at !== undefined && at >= fromMs && at <= toMs && other.kind === item.kind && other.contentCaptured;
}

function best(item: TrackedItem, candidates: TrackedItem[], minimum: number): TrackedItem | undefined {
  let chosen: TrackedItem | undefined;
  let score = minimum;
  for (const candidate of candidates.sort((a, b) => compareCodeUnits(a.key, b.key))) {
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
 * set the pair aside. Checked from both ends: for posts that just went missing (against live
 * posts of the following minutes) and for posts just added (against posts already gone, found
 * through the `notable` index). Returns the keys linked.
 */
export function linkReplacements(
  draft: StateDraft,
  changed: { added: Array<{ bucket: string; key: string }>; gone: Array<{ bucket: string; key: string }> },
  options: ResolvedDeletionOptions,
): string[] {
  const linked: string[] = [];
  const window = options.repostLinkWindowMs;
  for (const { bucket, key } of changed.gone) {
    const item = draft.get(bucket, key);
    const at = instantMs(item?.createdAt);
    if (!item || at === undefined || !item.contentCaptured || !GONE.has(item.status) || item.replacedBy) continue;
    const candidates: TrackedItem[] = [];
    for (const day of dayBucketsBetween([], item.scope, at, at + window)) {
      for (const other of draft.values(day)) {
        if (other.status === 'live' && !other.replaces && within(other, item, at + 1, at + window)) candidates.push(other);
      }
    }
    const replacement = best(item, candidates, options.repostLinkMinSimilarity);
    if (replacement) {
      draft.put({ ...item, replacedBy: replacement.key });
      draft.put({ ...replacement, replaces: item.key });
      linked.push(item.key, replacement.key);
    }
  }
  if (changed.added.length === 0) return linked;
  // Posts gone and not yet linked, by bucket: a new post can only replace one of those.
  const goneByBucket = new Map<string, TrackedItem[]>();
  for (const [key, bucket] of draft.notableEntries()) {
    const item = draft.get(bucket, key);
    if (item && GONE.has(item.status) && !item.replacedBy) goneByBucket.set(bucket, [...(goneByBucket.get(bucket) ?? []), item]);
  }
  if (goneByBucket.size === 0) return linked;
  for (const { bucket, key } of changed.added) {
    const item = draft.get(bucket, key);
    const at = instantMs(item?.createdAt);
    if (!item || at === undefined || item.status !== 'live' || item.replaces) continue;
    const candidates: TrackedItem[] = [];
    for (const day of dayBucketsBetween([], item.scope, at - window, at)) {
      for (const other of goneByBucket.get(day) ?? []) {
        const current = draft.get(other.bucket, other.key);
        if (current && !current.replacedBy && GONE.has(current.status) && within(current, item, at - window, at - 1)) candidates.push(current);
      }
    }
    const original = best(item, candidates, options.repostLinkMinSimilarity);
    if (original) {
      draft.put({ ...original, replacedBy: item.key });
      draft.put({ ...item, replaces: original.key });
      linked.push(original.key, item.key);
    }
  }
  return linked;
}
