import type { AccountState, ItemReference, ItemVersion, LookupRef, MissingCaptureRef, SuspicionEpisode, TrackedItem } from './account-state.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/** The kinds of verdict a report shows. */
export type DeletionVerdictKind = 'deleted' | 'deleted_unverified' | 'original_deleted' | 'edited';

/** The evidence behind a verdict, all of it checkable against the store. */
export interface DeletionProof {
  /** Captures that covered the item's time and lacked it (the first of them, with the count). */
  capturesLacking: MissingCaptureRef[];
  capturesLackingCount: number;
  /** Complete, public, non-suspect captures among them. */
  completeMisses: number;
  /** Lookups made, what they answered, and the blobs of their raw responses. */
  lookups: LookupRef[];
  firstMissingAt?: string;
  confirmedAt?: string;
  confirmedBy?: SuspicionEpisode['confirmedBy'];
  /** When it was first and last seen: how long it was public, as far as we observed. */
  firstSeenAt?: string;
  lastSeenAt?: string;
  /**
   * How long it was public, at least. For a post known only through a reference (never seen
   * itself): from its creation (the referencing reply's time when the id does not tell it) to
   * the earliest referencing reply, which could only be made while the post was up.
   */
  publicForMs?: number;
  /** The subject's replies or quotes that showed it unavailable (for content never captured). */
  knownFrom?: ItemReference[];
  /**
   * For a post known only through a reference: what is known of its time. `createdAt` when
   * the platform's id tells it (X ids carry their time); `createdBefore` the earliest
   * referencing reply's time; `goneBy` when a capture first showed it unavailable.
   */
  timeBounds?: { createdAt?: string; createdBefore?: string; goneBy: string };
}

/** One verdict, for reports and `sipansos deletions`. (A type alias so it fits plain-record readers.) */
export type DeletionVerdict = {
  accountKey: string;
  itemKey: string;
  verdict: DeletionVerdictKind;
  /** Bilingual label: Indonesian first. */
  label: { id: string; en: string };
  /** False when only a reference proves the post existed: "deleted, content not captured". */
  contentCaptured: boolean;
  /** Every captured version, oldest first. */
  versions: ItemVersion[];
  /** Every platform id it had (X edit versions, rotated ids). */
  ids: string[];
  proof: DeletionProof;
  /** Delete-and-repost: the post that replaced it. Reviewers may set such pairs aside. */
  replacedBy?: string;
  /** True when `replacedBy` is set: most likely a quick correction, not hiding evidence. */
  likelyCorrection: boolean;
  /** Earlier suspicions that were resolved (the item came back), kept as a record. */
  pastSuspicions: SuspicionEpisode[];
  /** Limits a reader must know, e.g. `repost_original_not_checked`, `earlier_versions_not_captured`. */
  caveats: string[];
};

const LABELS: Record<DeletionVerdictKind, { id: string; en: string }> = {
  deleted: { id: 'dihapus (terkonfirmasi)', en: 'deleted (confirmed)' },
  deleted_unverified: { id: 'diduga dihapus (belum terverifikasi)', en: 'deleted (unverified)' },
  original_deleted: { id: 'unggahan asli dihapus pihak lain', en: 'original deleted by someone else' },
  edited: { id: 'diubah', en: 'edited' },
};

/** A post deleted before any capture, known only through the subject's own reply or quote. */
const NOT_CAPTURED = { id: 'dihapus sebelum terekam', en: 'deleted before capture' };

function verdictKind(item: TrackedItem): DeletionVerdictKind | undefined {
  if (item.status === 'deleted' || item.status === 'deleted_unverified' || item.status === 'original_deleted') return item.status;
  if (item.versions.length > 1) return 'edited';
  return undefined;
}

function proofOf(item: TrackedItem): DeletionProof {
  const episode = item.episode;
  const bounds = !item.contentCaptured && item.referencedBy?.length ? timeBoundsOf(item, item.referencedBy) : undefined;
  const first = Date.parse(item.firstSeenAt ?? bounds?.createdAt ?? bounds?.createdBefore ?? '');
  const last = Date.parse(item.lastSeenAt ?? bounds?.createdBefore ?? '');
  return {
    capturesLacking: episode?.missingCaptures ?? [],
    capturesLackingCount: episode?.missingCaptureCount ?? 0,
    completeMisses: episode?.completeMisses ?? 0,
    lookups: episode?.lookups ?? [],
    ...(episode ? { firstMissingAt: episode.firstMissingAt } : {}),
    ...(episode?.confirmedAt ? { confirmedAt: episode.confirmedAt } : {}),
    ...(episode?.confirmedBy ? { confirmedBy: episode.confirmedBy } : {}),
    ...(item.firstSeenAt ? { firstSeenAt: item.firstSeenAt } : {}),
    ...(item.lastSeenAt ? { lastSeenAt: item.lastSeenAt } : {}),
    ...(Number.isFinite(first) && Number.isFinite(last) ? { publicForMs: last - first } : {}),
    ...(item.referencedBy?.length ? { knownFrom: item.referencedBy } : {}),
    ...(bounds ? { timeBounds: bounds } : {}),
  };
}

function timeBoundsOf(item: TrackedItem, references: readonly ItemReference[]): NonNullable<DeletionProof['timeBounds']> {
  const earliest = (values: Array<string | undefined>): string | undefined => values.filter((value): value is string => value !== undefined).sort()[0];
  const createdBefore = earliest(references.map((reference) => reference.referenceCreatedAt));
  return {
    ...(item.createdAt ? { createdAt: item.createdAt } : {}),
    ...(createdBefore ? { createdBefore } : {}),
    goneBy: earliest(references.map((reference) => reference.at))!,
  };
}

/** The verdict of one item, or undefined when it has none (live and never edited, hidden, …). */
export function verdictOf(accountKey: string, item: TrackedItem): DeletionVerdict | undefined {
  const kind = verdictKind(item);
  if (!kind) return undefined;
  const caveats: string[] = [];
  if (kind === 'deleted_unverified' && (item.kind === 'repost' || item.kind === 'share')) caveats.push('repost_original_not_checked');
  if (item.earlierVersionsNotCaptured) caveats.push('earlier_versions_not_captured');
  if (!item.contentCaptured) caveats.push('content_not_captured', 'known_only_through_reference');
  return {
    accountKey,
    itemKey: item.key,
    verdict: kind,
    label: !item.contentCaptured && kind !== 'edited' ? NOT_CAPTURED : LABELS[kind],
    contentCaptured: item.contentCaptured,
    versions: item.versions,
    ids: item.ids,
    proof: proofOf(item),
    ...(item.replacedBy ? { replacedBy: item.replacedBy } : {}),
    likelyCorrection: item.replacedBy !== undefined,
    pastSuspicions: item.pastEpisodes ?? [],
    caveats,
  };
}

/**
 * Every deleted, unverified-deleted, original-deleted and edited item of the account with its
 * proof, for reports and `sipansos deletions`. Reads only the state's `notable` index, so it
 * costs O(notable items), not O(every item). Ordered by item key.
 */
export function deletionVerdicts(state: AccountState): DeletionVerdict[] {
  const verdicts: DeletionVerdict[] = [];
  for (const [key, bucket] of Object.entries(state.notable)) {
    const item = state.items[bucket]?.[key];
    const verdict = item && verdictOf(state.accountKey, item);
    if (verdict) verdicts.push(verdict);
  }
  return verdicts.sort((a, b) => compareCodeUnits(a.itemKey, b.itemKey));
}

/** The tracked item under a key or any of its other ids (`platform:id`), if known. */
export function findTrackedItem(state: AccountState, key: string): TrackedItem | undefined {
  const alias = state.aliases[key];
  if (alias) return state.items[alias.bucket]?.[alias.key];
  const notableBucket = state.notable[key];
  if (notableBucket) return state.items[notableBucket]?.[key];
  for (const bucket of Object.values(state.items)) {
    const found = bucket[key];
    if (found) return found;
  }
  return undefined;
}
