import type { Capture } from '../capture/capture-schema.js';
import type { DeletionCapabilities } from './account-state.js';
import type { ResolvedDeletionOptions } from './deletion-options.js';
import { instantMs } from './item-buckets.js';

/** The time range inside which a capture's absences count, already shrunk by the skew margin. */
export interface CountedWindow {
  /** Items created after this (ms) count; `-Infinity` when the capture read the whole history. */
  fromMs: number;
  /** Items created before this (ms) count. */
  toMs: number;
  /** The whole history was read, so items without a time count too. */
  wholeHistory: boolean;
}

/** What the window needs of a capture's items, gathered while they are read (possibly page by page). */
export interface ItemsRead {
  /** How many items the capture returned. */
  count: number;
  /** The creation time (ms) of its oldest item that has one. */
  oldestMs: number | undefined;
}

/**
 * Where a capture's absences mean something, or undefined when nowhere: the window must be
 * complete; it reaches down to its oldest item (or the whole history only when the platform
 * said so and no limit could have cut it) and up to the capture's start (or its newest item);
 * both ends give up `clockSkewToleranceMs` so an item near an edge never counts.
 */
export function countedWindow(capture: Omit<Capture, 'items'>, read: ItemsRead, capabilities: DeletionCapabilities, options: ResolvedDeletionOptions): CountedWindow | undefined {
  const window = capture.window;
  if (!window.complete) return undefined;
  const tolerance = options.clockSkewToleranceMs;
  const upper = options.windowReachesCaptureStart ? instantMs(capture.startedAt ?? capture.capturedAt) : instantMs(window.newest?.at);
  if (upper === undefined) return undefined;
  // X answers "no more pages" at 3,200 items: that is the platform's limit, not the account's start.
  const limitReached = capabilities.historyLimit !== undefined && read.count >= capabilities.historyLimit;
  const wholeHistory = window.reachedEnd && !limitReached && window.cutBy === undefined && window.sinceId === undefined;
  let fromMs = Number.NEGATIVE_INFINITY;
  if (!wholeHistory) {
    const oldestItem = read.oldestMs;
    // Never trust an edge older than the oldest item actually returned.
    let oldest = instantMs(window.oldest?.at);
    if (oldest === undefined) oldest = oldestItem;
    else if (oldestItem !== undefined) oldest = Math.max(oldest, oldestItem);
    if (oldest === undefined) return undefined;
    fromMs = oldest + tolerance;
  }
  const toMs = upper - tolerance;
  if (!(fromMs < toMs)) return undefined;
  return { fromMs, toMs, wholeHistory };
}
