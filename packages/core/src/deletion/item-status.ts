/**
 * Where an item stands in the deletion state machine.
 *
 * - `live`: seen, or not contradicted since it was seen.
 * - `missing`: a complete capture covering its time lacked it; awaiting lookup or more captures.
 * - `deleted`: confirmed (a trusted lookup said `gone`, or an untrusted `gone` was corroborated
 *   by a later complete capture).
 * - `deleted_unverified`: no lookup possible, but several complete captures covering its time
 *   all lacked it.
 * - `hidden`: the account is private, suspended or age-gated; never a deletion.
 * - `account_gone`: the account as a whole was deactivated or deleted; not a post deletion.
 * - `original_deleted`: a repost or share whose original vanished (someone else's deletion).
 * - `unknown`: was hidden or gone with its account, the account is back, the item not yet seen.
 * - `withdrawn`: a like or follow no longer present (`unliked` / `unfollowed`); not a deletion.
 */
export const ITEM_STATUSES = [
  'live',
  'missing',
  'deleted',
  'deleted_unverified',
  'hidden',
  'account_gone',
  'original_deleted',
  'unknown',
  'withdrawn',
] as const;

/** One of {@link ITEM_STATUSES}. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * What the machine can observe of one item. Observations are classified by the caller
 * (`observeCapture`, `observeLookups`) from captures and lookups; the table decides what they do.
 *
 * - `seen`: present in a capture (or served by a lookup of the chain) with its original intact.
 * - `seen_original_unavailable`: a repost/share present, but its original marked unavailable.
 * - `absent`: a complete, public capture covering its time lacked it.
 * - `absent_threshold`: such an absence that reaches `unverifiedAfterCompleteMisses` while the
 *   adapter cannot look items up.
 * - `absent_corroborating`: such an absence after an untrusted lookup already said `gone`; it
 *   prepares, but does not make, a confirmation.
 * - `absent_suspect`: lacked by a capture that lost too much of its window at once.
 * - `act_absent`: a like or follow lacked by a complete capture.
 * - `account_hidden`: the account is private, suspended or age-gated.
 * - `account_gone`: the account is deactivated or not found.
 * - `account_visible`: the account is public again.
 * - `lookup_live` / `lookup_gone` / `lookup_hidden` / `lookup_unknown`: per-id lookup answers.
 * - `lookup_gone_untrusted`: `gone` from an adapter that cannot tell private from deleted (or
 *   on a platform that rotates ids).
 * - `lookup_gone_corroborated`: such a `gone` again, after as many complete captures since the
 *   first as `unverifiedAfterCompleteMisses` still lacked the item.
 * - `lookup_original_gone`: a lookup of a repost's original said `gone`.
 * - `referenced_unavailable`: the subject's own reply or quote shows this item as unavailable.
 */
export const ITEM_OBSERVATIONS = [
  'seen',
  'seen_original_unavailable',
  'absent',
  'absent_threshold',
  'absent_corroborating',
  'absent_suspect',
  'act_absent',
  'account_hidden',
  'account_gone',
  'account_visible',
  'lookup_live',
  'lookup_gone',
  'lookup_gone_untrusted',
  'lookup_gone_corroborated',
  'lookup_hidden',
  'lookup_unknown',
  'lookup_original_gone',
  'referenced_unavailable',
] as const;

/** One of {@link ITEM_OBSERVATIONS}. */
export type ItemObservation = (typeof ITEM_OBSERVATIONS)[number];
