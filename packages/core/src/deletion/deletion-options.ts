/** Settings of deletion detection. Every field is optional; defaults are conservative. */
export interface DeletionOptions {
  /**
   * Without lookup capability, an item becomes `deleted_unverified` only after this many
   * complete, public, non-suspect captures covering its time all lacked it.
   * @default 3
   */
  unverifiedAfterCompleteMisses?: number;
  /**
   * A capture that loses more than this share of the items known inside its window at once is
   * held as suspect (a login wall, a platform glitch): its absences count for nothing until
   * lookups confirm them item by item.
   * @default 0.5
   */
  suspectShareOfWindow?: number;
  /**
   * The share rule applies only when at least this many items went missing at once, so one
   * deleted post in a window of one is not "suspect".
   * @default 3
   */
  suspectMinItems?: number;
  /**
   * A deleted post and a new post from the same account created within this many
   * milliseconds, with similar text, are linked as delete-and-repost (`replaced_by`).
   * @default 1_800_000 (30 minutes)
   */
  repostLinkWindowMs?: number;
  /**
   * Word similarity (0–1, see `wordSimilarity`) a new post needs to be linked as the
   * replacement of a deleted one.
   * @default 0.5
   */
  repostLinkMinSimilarity?: number;
  /**
   * Platform item times and our capture times may disagree by this much. An absence counts only
   * for items whose time lies inside the window by more than this margin on both sides.
   * @default 120_000 (2 minutes)
   */
  clockSkewToleranceMs?: number;
  /**
   * Captures read the feed from its newest item (every shipped adapter does), so a complete
   * window extends up to the capture's start time, not just its newest item: deleting the
   * latest post is then noticed. Set false for sources read from an arbitrary point.
   * @default true
   */
  windowReachesCaptureStart?: boolean;
  /** How many capture ids an item's proof lists per suspicion episode (the count is kept). @default 20 */
  maxProofCaptures?: number;
  /**
   * After an empty capture (which proves nothing), look up at most this many of the most
   * recent items it should have shown, without marking them missing.
   * @default 200
   */
  maxProbeLookups?: number;
  /**
   * Platforms that rotate item ids (Facebook does for some posts). There a lookup's `gone` for
   * an old id may only mean the id changed, so it is never trusted alone: a later complete
   * capture must still lack the item (and show no post with its content and time).
   * @default ['facebook']
   */
  rotatingIdPlatforms?: string[];
}

/** {@link DeletionOptions} with every default applied. */
export type ResolvedDeletionOptions = Required<DeletionOptions>;

/** The defaults of {@link DeletionOptions}. */
export const DEFAULT_DELETION_OPTIONS: ResolvedDeletionOptions = {
  unverifiedAfterCompleteMisses: 3,
  suspectShareOfWindow: 0.5,
  suspectMinItems: 3,
  repostLinkWindowMs: 30 * 60_000,
  repostLinkMinSimilarity: 0.5,
  clockSkewToleranceMs: 2 * 60_000,
  windowReachesCaptureStart: true,
  maxProofCaptures: 20,
  maxProbeLookups: 200,
  rotatingIdPlatforms: ['facebook'],
};

/** Apply defaults, and refuse values that would make the machine unsafe. */
export function resolveDeletionOptions(options: DeletionOptions = {}): ResolvedDeletionOptions {
  const resolved = { ...DEFAULT_DELETION_OPTIONS, ...stripUndefined(options) };
  if (!Number.isInteger(resolved.unverifiedAfterCompleteMisses) || resolved.unverifiedAfterCompleteMisses < 1)
    throw new RangeError('unverifiedAfterCompleteMisses must be an integer ≥ 1 (default 3)');
  if (!(resolved.suspectShareOfWindow > 0 && resolved.suspectShareOfWindow <= 1))
    throw new RangeError('suspectShareOfWindow must be in (0, 1] (default 0.5)');
  if (!(resolved.clockSkewToleranceMs >= 0)) throw new RangeError('clockSkewToleranceMs must be ≥ 0 (default 120000)');
  if (!(resolved.repostLinkWindowMs >= 0)) throw new RangeError('repostLinkWindowMs must be ≥ 0 (default 1800000)');
  return resolved;
}

function stripUndefined(options: DeletionOptions): DeletionOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as DeletionOptions;
}
