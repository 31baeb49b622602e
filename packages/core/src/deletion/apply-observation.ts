import type { Change } from '../diff/change-schema.js';
import { changeId } from '../diff/change-id.js';
import type { DeletionCapabilities, LookupRef, SuspicionEpisode, TrackedItem } from './account-state.js';
import type { ResolvedDeletionOptions } from './deletion-options.js';
import { nextStatus } from './deletion-state-table.js';
import type { ItemObservation } from './item-status.js';
import { pendingLookupFor } from './pending-lookups.js';
import type { StateDraft } from './state-draft.js';

/** What an observation of one item came from. */
export interface ObservationSource {
  /** Capture id, or `lookup:<hash>` for a lookup batch. */
  source: string;
  /** The capture the resulting change is filed under. */
  captureId: string;
  at: string;
  accountKey: string;
  /** For absences: the capture was suspect. */
  suspect?: boolean;
  /** For lookups: what was asked and answered. */
  lookups?: LookupRef[];
  lookupRawBlobs?: string[];
}

const ABSENCES: ReadonlySet<ItemObservation> = new Set(['absent', 'absent_threshold', 'absent_corroborating', 'absent_suspect', 'referenced_unavailable']);
const COUNTED_ABSENCES: ReadonlySet<ItemObservation> = new Set(['absent', 'absent_threshold', 'absent_corroborating', 'referenced_unavailable']);
const VERDICTS = new Set(['deleted', 'deleted_unverified', 'original_deleted']);

function confirmedBy(observation: ItemObservation): SuspicionEpisode['confirmedBy'] {
  switch (observation) {
    case 'lookup_gone':
      return 'lookup';
    case 'lookup_gone_corroborated':
      return 'corroborated_lookup';
    case 'absent_threshold':
      return 'complete_misses';
    case 'lookup_original_gone':
      return 'original_lookup';
    default:
      return 'original_unavailable';
  }
}

function openEpisode(at: string, captureId: string): SuspicionEpisode {
  return { firstMissingAt: at, firstMissingCaptureId: captureId, missingCaptures: [], missingCaptureCount: 0, completeMisses: 0, lookups: [], steps: [] };
}

/**
 * Run one observation of one item through the state table, keep the proof (episodes, lookups,
 * steps), keep the pending-lookup list in line, write the item into the draft and return the
 * change it announces, if any.
 */
export function applyObservation(
  draft: StateDraft,
  item: TrackedItem,
  observation: ItemObservation,
  from: ObservationSource,
  options: ResolvedDeletionOptions,
  capabilities: DeletionCapabilities,
  extra: Partial<TrackedItem> = {},
): { item: TrackedItem; change?: Change } {
  const transition = nextStatus(item.status, observation);
  let episode = item.episode;
  let pastEpisodes = item.pastEpisodes;
  const suspicionNeeded = ABSENCES.has(observation) || observation.startsWith('lookup_') || VERDICTS.has(transition.to) || transition.to === 'missing';
  if (!episode && suspicionNeeded && transition.to !== 'live' && transition.to !== 'hidden' && transition.to !== 'account_gone') {
    episode = openEpisode(from.at, from.captureId);
  }
  if (episode) {
    episode = { ...episode };
    if (ABSENCES.has(observation)) {
      episode.missingCaptureCount += 1;
      if (episode.missingCaptures.length < options.maxProofCaptures)
        episode.missingCaptures = [...episode.missingCaptures, { captureId: from.captureId, at: from.at, suspect: observation === 'absent_suspect' }];
      if (COUNTED_ABSENCES.has(observation)) episode.completeMisses += 1;
    }
    if (from.lookups?.length) episode.lookups = [...episode.lookups, ...from.lookups];
    if (observation === 'lookup_gone_untrusted' && !episode.untrustedGoneAt) episode.untrustedGoneAt = from.at;
    if (observation === 'absent_corroborating') {
      episode.corroboratedAt ??= from.at;
      episode.corroboratingMisses = (episode.corroboratingMisses ?? 0) + 1;
    }
    if (transition.to !== item.status) {
      episode.steps = [...episode.steps, { from: item.status, to: transition.to, observation, at: from.at, source: from.source }];
      if (VERDICTS.has(transition.to)) {
        episode.confirmedAt = from.at;
        episode.confirmedBy = confirmedBy(observation);
      }
    }
    if (transition.to === 'live' || transition.to === 'withdrawn') {
      // The item is back (or an act was withdrawn): the suspicion is resolved, and kept.
      if (transition.to === 'live') {
        episode.resolvedAt = from.at;
        episode.resolution = 'reappeared';
      }
      pastEpisodes = [...(pastEpisodes ?? []), episode];
      episode = undefined;
    }
  }
  const next: TrackedItem = {
    ...item,
    ...extra,
    status: transition.to,
    statusSince: transition.to === item.status ? item.statusSince : from.at,
  };
  if (episode) next.episode = episode;
  else delete next.episode;
  if (pastEpisodes) next.pastEpisodes = pastEpisodes;
  draft.put(next, item.bucket);

  const current = draft.getPending(next.key);
  if (current?.probe && next.status === item.status && observation === 'lookup_unknown') {
    // A probe (an empty capture's items, looked up without suspicion) survives until answered.
    draft.setPending(next.key, { ...current, attempts: current.attempts + 1 });
  } else if (next.status === 'missing' && capabilities.lookup) {
    const retry = current && !current.probe;
    draft.setPending(next.key, pendingLookupFor(next, retry ? current.since : from.at, retry ? current.attempts + (observation === 'lookup_unknown' ? 1 : 0) : 0));
  } else draft.deletePending(next.key);

  if (!transition.change) return { item: next };
  const type = transition.change === 'unliked' && next.scope === 'follows' ? 'unfollowed' : transition.change;
  const latest = next.versions.at(-1)?.item;
  const change: Change = {
    id: changeId(type, from.source, next.key),
    type,
    accountKey: from.accountKey,
    itemKey: next.key,
    captureId: from.captureId,
    detectedAt: from.at,
    ...(latest ? (type === 'reappeared' ? { after: latest } : { before: latest }) : {}),
    ...(type === 'missing' && observation === 'absent_suspect' ? { suspect: true } : {}),
    ...(from.lookupRawBlobs ? { lookupRawBlobs: from.lookupRawBlobs } : {}),
  };
  return { item: next, change };
}
