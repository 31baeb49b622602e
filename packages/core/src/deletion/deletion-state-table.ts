import type { ChangeType } from '../diff/change-schema.js';
import type { ItemObservation, ItemStatus } from './item-status.js';

/** One cell: the next status, and the change the transition announces (if any). */
export interface Transition {
  to: ItemStatus;
  change?: Extract<ChangeType, 'missing' | 'reappeared' | 'unliked'>;
}

const stay = (to: ItemStatus): Transition => ({ to });
const back: Transition = { to: 'live', change: 'reappeared' };
const lost: Transition = { to: 'missing', change: 'missing' };

/**
 * THE deletion state machine: status × observation → next status. Every rule of deletion
 * detection that is about one item lives here, so it can be read and reviewed in one place.
 * The principles it encodes:
 * - only a lookup ever leads to `deleted`: a trusted `lookup_gone`, or an untrusted `gone`
 *   repeated after enough complete captures still lacked the item (`lookup_gone_corroborated`), so
 *   a repost's original is re-checked at the moment of confirmation;
 * - `hidden`, `account_*` and `lookup_unknown` never confirm anything;
 * - an account that is gone as a whole turns no post into a deletion, even if lookups say `gone`;
 * - seeing an item again always brings it back (`reappeared`), even after a verdict: the
 *   platform serving it is stronger evidence than our inference, and the suspicion stays
 *   recorded in the item's episodes.
 * `unliked` stands for both `unliked` and `unfollowed`; the caller names it by scope.
 */
export const DELETION_STATE_TABLE: Readonly<Record<ItemStatus, Readonly<Record<ItemObservation, Transition>>>> = {
  live: {
    seen: stay('live'),
    seen_original_unavailable: stay('original_deleted'),
    absent: lost,
    absent_threshold: { to: 'deleted_unverified', change: 'missing' },
    absent_corroborating: lost,
    absent_suspect: lost,
    act_absent: { to: 'withdrawn', change: 'unliked' },
    account_hidden: stay('hidden'),
    account_gone: stay('account_gone'),
    account_visible: stay('live'),
    lookup_live: stay('live'),
    lookup_gone: stay('deleted'),
    lookup_gone_untrusted: lost,
    lookup_gone_corroborated: stay('deleted'),
    lookup_hidden: stay('hidden'),
    lookup_unknown: stay('live'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: lost,
  },
  missing: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: stay('missing'),
    absent_threshold: stay('deleted_unverified'),
    absent_corroborating: stay('missing'),
    absent_suspect: stay('missing'),
    act_absent: { to: 'withdrawn', change: 'unliked' },
    account_hidden: stay('hidden'),
    account_gone: stay('account_gone'),
    account_visible: stay('missing'),
    lookup_live: back,
    lookup_gone: stay('deleted'),
    lookup_gone_untrusted: stay('missing'),
    lookup_gone_corroborated: stay('deleted'),
    lookup_hidden: stay('hidden'),
    lookup_unknown: stay('missing'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: stay('missing'),
  },
  deleted: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: stay('deleted'),
    absent_threshold: stay('deleted'),
    absent_corroborating: stay('deleted'),
    absent_suspect: stay('deleted'),
    act_absent: stay('deleted'),
    account_hidden: stay('deleted'),
    account_gone: stay('deleted'),
    account_visible: stay('deleted'),
    lookup_live: back,
    lookup_gone: stay('deleted'),
    lookup_gone_untrusted: stay('deleted'),
    lookup_gone_corroborated: stay('deleted'),
    lookup_hidden: stay('deleted'),
    lookup_unknown: stay('deleted'),
    lookup_original_gone: stay('deleted'),
    referenced_unavailable: stay('deleted'),
  },
  deleted_unverified: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: stay('deleted_unverified'),
    absent_threshold: stay('deleted_unverified'),
    absent_corroborating: stay('deleted_unverified'),
    absent_suspect: stay('deleted_unverified'),
    act_absent: stay('deleted_unverified'),
    account_hidden: stay('deleted_unverified'),
    account_gone: stay('deleted_unverified'),
    account_visible: stay('deleted_unverified'),
    lookup_live: back,
    lookup_gone: stay('deleted'),
    lookup_gone_untrusted: stay('deleted_unverified'),
    lookup_gone_corroborated: stay('deleted'),
    lookup_hidden: stay('deleted_unverified'),
    lookup_unknown: stay('deleted_unverified'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: stay('deleted_unverified'),
  },
  hidden: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: lost,
    absent_threshold: { to: 'deleted_unverified', change: 'missing' },
    absent_corroborating: lost,
    absent_suspect: lost,
    act_absent: { to: 'withdrawn', change: 'unliked' },
    account_hidden: stay('hidden'),
    account_gone: stay('account_gone'),
    account_visible: stay('unknown'),
    lookup_live: back,
    lookup_gone: stay('deleted'),
    lookup_gone_untrusted: stay('hidden'),
    lookup_gone_corroborated: stay('hidden'),
    lookup_hidden: stay('hidden'),
    lookup_unknown: stay('hidden'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: stay('hidden'),
  },
  account_gone: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: lost,
    absent_threshold: { to: 'deleted_unverified', change: 'missing' },
    absent_corroborating: lost,
    absent_suspect: lost,
    act_absent: { to: 'withdrawn', change: 'unliked' },
    account_hidden: stay('hidden'),
    account_gone: stay('account_gone'),
    account_visible: stay('unknown'),
    lookup_live: back,
    // A deleted account takes every post with it: each lookup says `gone`, none is a deletion.
    lookup_gone: stay('account_gone'),
    lookup_gone_untrusted: stay('account_gone'),
    lookup_gone_corroborated: stay('account_gone'),
    lookup_hidden: stay('account_gone'),
    lookup_unknown: stay('account_gone'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: stay('account_gone'),
  },
  original_deleted: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: stay('original_deleted'),
    absent_threshold: stay('original_deleted'),
    absent_corroborating: stay('original_deleted'),
    absent_suspect: stay('original_deleted'),
    act_absent: stay('original_deleted'),
    account_hidden: stay('original_deleted'),
    account_gone: stay('original_deleted'),
    account_visible: stay('original_deleted'),
    lookup_live: stay('original_deleted'),
    lookup_gone: stay('original_deleted'),
    lookup_gone_untrusted: stay('original_deleted'),
    lookup_gone_corroborated: stay('original_deleted'),
    lookup_hidden: stay('original_deleted'),
    lookup_unknown: stay('original_deleted'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: stay('original_deleted'),
  },
  unknown: {
    seen: back,
    seen_original_unavailable: stay('original_deleted'),
    absent: lost,
    absent_threshold: { to: 'deleted_unverified', change: 'missing' },
    absent_corroborating: lost,
    absent_suspect: lost,
    act_absent: { to: 'withdrawn', change: 'unliked' },
    account_hidden: stay('hidden'),
    account_gone: stay('account_gone'),
    account_visible: stay('unknown'),
    lookup_live: back,
    lookup_gone: stay('deleted'),
    lookup_gone_untrusted: lost,
    lookup_gone_corroborated: stay('deleted'),
    lookup_hidden: stay('hidden'),
    lookup_unknown: stay('unknown'),
    lookup_original_gone: stay('original_deleted'),
    referenced_unavailable: lost,
  },
  withdrawn: {
    seen: back,
    seen_original_unavailable: back,
    absent: stay('withdrawn'),
    absent_threshold: stay('withdrawn'),
    absent_corroborating: stay('withdrawn'),
    absent_suspect: stay('withdrawn'),
    act_absent: stay('withdrawn'),
    account_hidden: stay('withdrawn'),
    account_gone: stay('withdrawn'),
    account_visible: stay('withdrawn'),
    lookup_live: back,
    lookup_gone: stay('withdrawn'),
    lookup_gone_untrusted: stay('withdrawn'),
    lookup_gone_corroborated: stay('withdrawn'),
    lookup_hidden: stay('withdrawn'),
    lookup_unknown: stay('withdrawn'),
    lookup_original_gone: stay('withdrawn'),
    referenced_unavailable: stay('withdrawn'),
  },
};

/** The transition for one status and observation. */
export function nextStatus(status: ItemStatus, observation: ItemObservation): Transition {
  return DELETION_STATE_TABLE[status][observation];
}
