import type { Capture } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import { changeId } from '../diff/change-id.js';
import type { Change } from '../diff/change-schema.js';
import { changedContentFields, itemContentHash, sameContent } from '../diff/item-content.js';
import { changedProfileFields } from '../diff/profile-changes.js';
import { wordDiff } from '../diff/word-diff.js';
import type { AccountState, DeletionCapabilities, TrackedItem } from './account-state.js';
import { applyObservation, type ObservationSource } from './apply-observation.js';
import { countedWindow, type CountedWindow, type ItemsRead } from './capture-window.js';
import { compactVersionItem } from './compact-version-item.js';
import { withFailure, withSuccess } from './coverage.js';
import type { GapReason } from './coverage-types.js';
import { nextStatus } from './deletion-state-table.js';
import { resolveDeletionOptions, type DeletionOptions, type ResolvedDeletionOptions } from './deletion-options.js';
import { DAY_MS, bucketFor, dayBucketsBetween, dayStartOf, instantMs, neighbourBuckets, referencedBucket } from './item-buckets.js';
import type { ItemObservation } from './item-status.js';
import { uncapturedVersionIds } from './earlier-versions.js';
import { lookupIdsOf, pendingLookupFor } from './pending-lookups.js';
import { linkReplacements } from './replacement-links.js';
import { StateDraft } from './state-draft.js';

/** What observing one capture produced. */
export interface ObserveCaptureResult {
  /** The new state (the input state is left as it was). */
  state: AccountState;
  /** Changes, with deterministic ids: observing the same capture on the same state gives the same ids. */
  changes: Change[];
  /** Platform item ids to look up (`adapter.lookup`), including retries of earlier `unknown`s. */
  lookupNeeded: string[];
}

const LIVEISH = new Set(['live', 'unknown', 'hidden', 'account_gone']);
const RECENT_CAPTURES = 50;

/** A capture without its items: what {@link observeCapturePages} takes beside the pages. */
export type CaptureHeader = Omit<Capture, 'items'>;

interface Context {
  draft: StateDraft;
  capture: CaptureHeader;
  options: ResolvedDeletionOptions;
  capabilities: DeletionCapabilities;
  changes: Change[];
  source: ObservationSource;
  capturedMs: number;
}

/** Where a captured item lands in the state. */
interface Sighting {
  /**
   * Absent for a re-sighting (a known, captured item shown again with the same content, ids and
   * target): all it changes is when the item was last seen, so the item need not be kept.
   */
  item?: Item;
  key: string;
  existing?: TrackedItem;
  /** `itemContentHash` of `item`, computed only when needed (new items, changed content, churn). */
  contentHash?: string;
  /** The platform rotated the id: it was matched on content and creation time. */
  churnedFrom?: string;
}

/**
 * Diff a capture against the account state and run every item it concerns through the
 * deletion state machine. Absences count only inside the capture's complete window (see
 * `countedWindow`); an empty capture or one that loses too much at once proves nothing on its
 * own; a private, suspended or deleted account is never a post deletion.
 *
 * Cost: O(items in the capture + items inside its window + number of day buckets); an
 * account going private or public touches every item once.
 *
 * @param capabilities the adapter's abilities; remembered in the state for `observeLookups`.
 * @throws Error when the capture belongs to another account (a programming error).
 */
export function observeCapture(
  state: AccountState,
  capture: Capture,
  options?: DeletionOptions,
  capabilities?: DeletionCapabilities,
): ObserveCaptureResult {
  return observe(state, capture, capture.items, options, capabilities);
}

/**
 * {@link observeCapture} for a capture whose items arrive page by page: the same result as
 * observing the capture with every page's items in order, but an item shown again unchanged is
 * not kept once its page is read, so a large re-capture need not be held whole in memory.
 *
 * @param pages the capture's items, in the order the capture returned them; read once.
 * @throws Error when the capture belongs to another account (a programming error).
 */
export function observeCapturePages(
  state: AccountState,
  capture: CaptureHeader,
  pages: Iterable<readonly Item[]>,
  options?: DeletionOptions,
  capabilities?: DeletionCapabilities,
): ObserveCaptureResult {
  return observe(state, capture, itemsOfPages(pages), options, capabilities);
}

function* itemsOfPages(pages: Iterable<readonly Item[]>): Generator<Item> {
  for (const page of pages) yield* page;
}

function observe(
  state: AccountState,
  capture: CaptureHeader,
  items: Iterable<Item>,
  options?: DeletionOptions,
  capabilities?: DeletionCapabilities,
): ObserveCaptureResult {
  if (capture.accountKey !== state.accountKey)
    throw new Error(`capture ${capture.id} is of account ${capture.accountKey}, not ${state.accountKey}; pass the state of the capture's account`);
  const resolvedOptions = resolveDeletionOptions(options);
  const given = capabilities ?? state.capabilities ?? { lookup: false, distinguishesPrivateFromDeleted: false };
  // Keep only what the machine reads: callers may pass an adapter's whole capability object.
  const resolvedCapabilities: DeletionCapabilities = {
    lookup: given.lookup,
    distinguishesPrivateFromDeleted: given.distinguishesPrivateFromDeleted,
    ...(given.historyLimit !== undefined ? { historyLimit: given.historyLimit } : {}),
  };
  if (state.recentCaptureIds.includes(capture.id)) return { state, changes: [], lookupNeeded: lookupIdsOf(state) };

  const draft = new StateDraft(state);
  const context: Context = {
    draft,
    capture,
    options: resolvedOptions,
    capabilities: resolvedCapabilities,
    changes: [],
    source: { source: capture.id, captureId: capture.id, at: capture.capturedAt, accountKey: state.accountKey },
    capturedMs: instantMs(capture.capturedAt)!,
  };
  draft.patch.capabilities = resolvedCapabilities;
  draft.patch.recentCaptureIds = [...state.recentCaptureIds, capture.id].slice(-RECENT_CAPTURES);
  noteHandle(context);

  if (capture.status === 'unavailable') return finish(context, { reason: 'unavailable', errorType: 'unavailable' });
  const observation = capture.accountObservation;
  noteVisibility(context);
  switch (observation) {
    case 'private':
    case 'suspended':
    case 'age_gated':
      applyAccountWide(context, 'account_hidden');
      return finish(context, { reason: observation, errorType: observation });
    case 'deactivated':
    case 'not_found':
      applyAccountWide(context, 'account_gone');
      return finish(context, { reason: observation, errorType: observation });
    case 'unknown':
      return finish(context, { reason: 'account_unknown', errorType: 'account_unknown' });
    case 'public':
      break;
  }
  const before = state.visibility?.observation;
  if (before !== undefined && before !== 'public') applyAccountWide(context, 'account_visible');
  if (capture.scope === 'profile') {
    diffProfile(context, Array.isArray(items) ? items : [...items]);
    return finish(context);
  }
  return diffItems(context, items);
}

function finish(context: Context, failure?: { reason: GapReason; errorType: string; message?: string }): ObserveCaptureResult {
  const { draft, capture } = context;
  const current = { coverage: draft.patch.coverage ?? draft.base.coverage, gaps: draft.patch.gaps ?? draft.base.gaps };
  const next = failure
    ? withFailure(current, { scope: capture.scope, ...failure, at: capture.capturedAt, captureId: capture.id })
    : withSuccess(current, {
        scope: capture.scope,
        captureId: capture.id,
        at: capture.capturedAt,
        complete: capture.window.complete,
        ...(capture.window.oldest?.at ? { oldestAt: capture.window.oldest.at } : {}),
        ...(capture.window.newest?.at ? { newestAt: capture.window.newest.at } : {}),
      });
  draft.patch.coverage = next.coverage;
  draft.patch.gaps = next.gaps;
  const state = draft.finish(capture.capturedAt);
  return { state, changes: context.changes, lookupNeeded: lookupIdsOf(state) };
}

function noteHandle(context: Context): void {
  const { draft, capture } = context;
  const handle = capture.account.handle;
  const before = draft.base.handle;
  if (before === handle) return;
  draft.patch.handle = handle;
  if (before === undefined) return;
  context.changes.push({
    id: changeId('profile_changed', capture.id, 'handle'),
    type: 'profile_changed',
    accountKey: draft.base.accountKey,
    captureId: capture.id,
    detectedAt: capture.capturedAt,
    fields: ['handle'],
    valuesBefore: { handle: before },
    valuesAfter: { handle },
  });
}

function noteVisibility(context: Context): void {
  const { draft, capture } = context;
  const observation = capture.accountObservation;
  if (observation === 'unknown') return;
  const before = draft.base.visibility;
  if (before?.observation === observation) return;
  draft.patch.visibility = { observation, since: capture.capturedAt, captureId: capture.id };
  if (before === undefined) return;
  context.changes.push({
    id: changeId('profile_changed', capture.id, 'visibility'),
    type: 'profile_changed',
    accountKey: draft.base.accountKey,
    captureId: capture.id,
    detectedAt: capture.capturedAt,
    fields: ['visibility'],
    valuesBefore: { visibility: before.observation },
    valuesAfter: { visibility: observation },
  });
}

/** An account-level observation reaches every item (rare: private, suspended, back). */
function applyAccountWide(context: Context, observation: 'account_hidden' | 'account_gone' | 'account_visible'): void {
  const { draft } = context;
  for (const bucket of draft.bucketKeys()) {
    for (const item of draft.values(bucket)) {
      const result = applyIfChanging(context, item, observation);
      if (result) context.changes.push(result);
    }
  }
  if (observation !== 'account_visible') return;
  // A post known only through a reply is in no capture's window, so no capture will suspect it
  // again: once the account is visible, the reply's evidence stands and asks for a lookup anew.
  for (const [key, bucket] of draft.notableEntries()) {
    const item = draft.get(bucket, key);
    if (!item || item.contentCaptured || !item.referencedBy?.length || item.status !== 'unknown') continue;
    const result = applyObservation(draft, item, 'referenced_unavailable', context.source, context.options, context.capabilities);
    if (result.change) context.changes.push(result.change);
  }
}

function applyIfChanging(context: Context, item: TrackedItem, observation: ItemObservation): Change | undefined {
  const { draft, options, capabilities, source } = context;
  // Only write items whose status moves: an account going private must not copy untouched buckets.
  if (item.status === nextStatus(item.status, observation).to) return undefined;
  return applyObservation(draft, item, observation, source, options, capabilities).change;
}

function diffProfile(context: Context, items: readonly Item[]): void {
  const { draft, capture } = context;
  const item = items.find((candidate) => candidate.kind === 'profile' && candidate.profile) ?? items.find((candidate) => candidate.profile);
  if (!item?.profile) return;
  const before = draft.base.profile;
  draft.patch.profile = { snapshot: item.profile, item, observedAt: capture.capturedAt, captureId: capture.id };
  if (!before) return;
  const fields = changedProfileFields(before.snapshot, item.profile);
  if (fields.length === 0) {
    draft.patch.profile = before;
    return;
  }
  context.changes.push({
    id: changeId('profile_changed', capture.id, `profile:${fields.join(',')}`),
    type: 'profile_changed',
    accountKey: draft.base.accountKey,
    itemKey: `${item.platform}:${item.id}`,
    captureId: capture.id,
    detectedAt: capture.capturedAt,
    before: before.item,
    after: item,
    fields,
    ...(fields.includes('bio') ? { textDiff: wordDiff(before.snapshot.bio ?? '', item.profile.bio ?? '') } : {}),
  });
}

function findExisting(draft: StateDraft, item: Item, scope: CaptureHeader['scope']): TrackedItem | undefined {
  const ms = instantMs(item.createdAt);
  const home = bucketFor(scope, ms);
  // The common case: a known id in the bucket of its own day.
  const ownKey = `${item.platform}:${item.id}`;
  const direct = draft.alias(ownKey) === undefined ? draft.get(home, ownKey) : undefined;
  if (direct) return direct;
  const ids = item.editHistoryIds && item.editHistoryIds.length > 0 ? [item.id, ...item.editHistoryIds] : [item.id];
  const buckets = ms === undefined ? [home] : neighbourBuckets(scope, ms);
  buckets.push(referencedBucket(scope));
  for (const id of ids) {
    const key = `${item.platform}:${id}`;
    const alias = draft.alias(key);
    if (alias) {
      const found = draft.get(alias.bucket, alias.key);
      if (found) return found;
    }
    for (const bucket of buckets) {
      const found = draft.get(bucket, key);
      if (found) return found;
    }
  }
  if (ids.length > 2) {
    // An edit whose first version is filed far from this version's time (X allows edits for an
    // hour, a saved page or a test world may not): ask every bucket of the scope for the chain's
    // ids. O(buckets), and only until the new version's id is remembered as an alias.
    const prefix = `${scope}/`;
    for (const bucket of draft.bucketKeys()) {
      if (!bucket.startsWith(prefix)) continue;
      for (const id of ids) {
        const found = draft.get(bucket, `${item.platform}:${id}`);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function canonicalKeyOf(item: Item): string {
  return `${item.platform}:${item.editHistoryIds?.[0] ?? item.id}`;
}

function referencesUnavailableOwnPost(item: Item, capture: CaptureHeader): boolean {
  const target = item.target;
  if (!target?.unavailable || target.kind !== 'post') return false;
  if (item.kind !== 'reply' && item.kind !== 'quote' && item.kind !== 'comment') return false;
  const author = target.author;
  if (!author) return false;
  return (author.id !== undefined && author.id === capture.account.id) || (author.handle !== undefined && author.handle.toLowerCase() === capture.account.handle.toLowerCase());
}

/**
 * Whether showing a known item again changes nothing but when it was last seen: captured
 * before, same ids, same content, no new target, nothing unavailable (what `observeKnown` and
 * `observeReference` would otherwise act on).
 */
function isResighting(existing: TrackedItem, item: Item, capture: CaptureHeader): boolean {
  if (!existing.contentCaptured || item.editHistoryIds?.length || !existing.ids.includes(item.id)) return false;
  if (item.target && (existing.targetId === undefined || item.target.unavailable)) return false;
  const latest = existing.versions.at(-1);
  return latest !== undefined && sameContent(latest.item, item) && !referencesUnavailableOwnPost(item, capture);
}

function diffItems(context: Context, items: Iterable<Item>): ObserveCaptureResult {
  const { draft, capture, options } = context;
  const scope = capture.scope;
  const isAct = scope === 'likes' || scope === 'follows';

  // 1. Where each captured item lands. A live item shown again unchanged (the bulk of a
  //    re-capture) is recorded as seen at once, and only its key is kept.
  const sightings = new Map<string, Sighting>();
  const resighted = new Set<string>();
  const seen: Seen = { has: (key) => sightings.has(key) || resighted.has(key) };
  const unmatched: Sighting[] = [];
  const read: ItemsRead = { count: 0, oldestMs: undefined };
  for (const item of items) {
    read.count++;
    const at = instantMs(item.createdAt);
    if (at !== undefined && (read.oldestMs === undefined || at < read.oldestMs)) read.oldestMs = at;
    if (resightPlain(context, item, seen, resighted)) continue;
    const existing = findExisting(draft, item, scope);
    const key = existing?.key ?? canonicalKeyOf(item);
    if (seen.has(key)) continue;
    if (existing && isResighting(existing, item, capture)) {
      if (isPlainResighting(context, existing)) {
        draft.markSeen(existing, capture.capturedAt, capture.id);
        resighted.add(key);
        continue;
      }
      sightings.set(key, { key, existing });
      continue;
    }
    const sighting: Sighting = existing ? { item, key, existing } : { item, key };
    sightings.set(key, sighting);
    if (!existing) unmatched.push(sighting);
  }
  // 2. Identifier churn (Facebook rotates some ids): an unknown id is a known item this capture
  //    did not show if it has its content and creation time, or, failing that, when the
  //    creation time is unique on both sides (the post was edited and its id rotated).
  matchChurn(draft, scope, sightings, seen, unmatched);

  // 3. The window, and the known items inside it that this capture did not show.
  const window = countedWindow(capture, read, context.capabilities, options);
  const inWindow: TrackedItem[] = [];
  let liveishInWindow = 0;
  if (window) {
    forEachInWindow(draft, scope, window, context.capturedMs, resighted, {
      item: (item) => {
        if (LIVEISH.has(item.status)) liveishInWindow++;
        if (!sightings.has(item.key)) inWindow.push(item);
      },
      resighted: () => liveishInWindow++,
    });
  }
  if (read.count === 0 && inWindow.length > 0) {
    // A login wall or a broken page looks like an empty timeline: it proves nothing. Statuses
    // stay; the most recent items are looked up one by one, which is what can tell.
    if (context.capabilities.lookup && !isAct) scheduleProbes(context, inWindow);
    return finish(context, { reason: 'empty_capture', errorType: 'empty_capture', message: `capture returned no items where ${inWindow.length} were known` });
  }

  // 4. What the capture showed.
  const added: Array<{ bucket: string; key: string }> = [];
  const gone: Array<{ bucket: string; key: string }> = [];
  for (const sighting of sightings.values()) {
    if (sighting.existing) observeKnown(context, sighting);
    else {
      const item = observeNew(context, sighting);
      added.push({ bucket: item.bucket, key: item.key });
    }
  }
  for (const sighting of sightings.values()) {
    if (sighting.item && referencesUnavailableOwnPost(sighting.item, capture)) observeReference(context, sighting, seen);
  }

  // 5. What it did not show, inside its window.
  if (window) {
    const absentLiveish = inWindow.filter((item) => LIVEISH.has(item.status)).length;
    const suspect = absentLiveish >= options.suspectMinItems && absentLiveish / Math.max(liveishInWindow, 1) > options.suspectShareOfWindow;
    // Likes and follows cannot be looked up: a list that lost most of itself at once is ignored
    // rather than reported as a wave of unlikes.
    const absences = isAct && suspect ? [] : inWindow;
    for (const stale of absences) {
      const item = draft.get(stale.bucket, stale.key) ?? stale;
      const observation = classifyAbsence(context, item, isAct, suspect);
      const result = applyObservation(draft, item, observation, { ...context.source, suspect }, options, context.capabilities);
      if (result.change) context.changes.push(result.change);
      if (result.item.status !== stale.status) gone.push({ bucket: result.item.bucket, key: result.item.key });
    }
  }
  if (!isAct) linkReplacements(draft, { added, gone }, options);
  return finish(context);
}

function scheduleProbes(context: Context, items: TrackedItem[]): void {
  const candidates = items
    .filter((item) => LIVEISH.has(item.status) && !context.draft.getPending(item.key))
    .sort((x, y) => (instantMs(y.createdAt) ?? 0) - (instantMs(x.createdAt) ?? 0))
    .slice(0, context.options.maxProbeLookups);
  for (const item of candidates) {
    context.draft.setPending(item.key, pendingLookupFor(item, context.capture.capturedAt, 0, true));
  }
}

function matchChurn(draft: StateDraft, scope: Capture['scope'], sightings: Map<string, Sighting>, seen: Seen, unmatched: Sighting[]): void {
  const newAt = new Map<number, number>();
  // Unmatched sightings are new items: they always keep their item.
  for (const sighting of unmatched) {
    const ms = instantMs(sighting.item!.createdAt);
    if (ms !== undefined) newAt.set(ms, (newAt.get(ms) ?? 0) + 1);
  }
  for (const sighting of unmatched) {
    const item = sighting.item!;
    const ms = instantMs(item.createdAt);
    if (ms === undefined || item.editHistoryIds?.length) continue;
    const sameTime = draft.values(bucketFor(scope, ms)).filter((candidate) => candidate.contentCaptured && instantMs(candidate.createdAt) === ms);
    if (sameTime.length === 0) continue;
    const unseen = sameTime.filter((candidate) => !seen.has(candidate.key) && candidate.kind === item.kind && candidate.status !== 'withdrawn');
    const byContent = unseen.find((candidate) => candidate.versions.at(-1)?.contentHash === hashOf(sighting));
    const byTime = sameTime.length === 1 && unseen.length === 1 && newAt.get(ms) === 1 ? unseen[0] : undefined;
    const match = byContent ?? byTime;
    if (!match) continue;
    sightings.delete(sighting.key);
    sighting.churnedFrom = match.ids.at(-1);
    sighting.existing = match;
    sighting.key = match.key;
    sightings.set(match.key, sighting);
  }
}

function classifyAbsence(context: Context, item: TrackedItem, isAct: boolean, suspect: boolean): ItemObservation {
  if (isAct) return 'act_absent';
  if (suspect) return 'absent_suspect';
  const episode = item.episode;
  const untrustedGone = instantMs(episode?.untrustedGoneAt);
  if (untrustedGone !== undefined && untrustedGone < context.capturedMs) return 'absent_corroborating';
  const misses = (episode?.completeMisses ?? 0) + 1;
  if (!context.capabilities.lookup && misses >= context.options.unverifiedAfterCompleteMisses) return 'absent_threshold';
  return 'absent';
}

/** What visits the known items inside a window. */
interface WindowVisitor {
  /** An item this capture has not shown (yet), or one it showed that is not a plain re-sighting. */
  item: (item: TrackedItem) => void;
  /** An item this capture showed again unchanged and live (already marked seen). */
  resighted: () => void;
}

/**
 * Visit the known items of a scope created inside the window, skipping placeholders and items
 * seen after the capture. A visitor rather than a list: at a million items the list alone is
 * garbage the collector must chase. Items this capture re-sighted are counted without being
 * built: their last sighting is now this capture's, but was older before it.
 */
function forEachInWindow(draft: StateDraft, scope: Capture['scope'], window: CountedWindow, capturedMs: number, resighted: ReadonlySet<string>, visit: WindowVisitor): void {
  // Acts (likes, follows) are ordered by when they were made, which their times may not say:
  // their absence counts only when the whole list was read.
  const isAct = scope === 'likes' || scope === 'follows';
  if (isAct && !window.wholeHistory) return;
  const buckets = dayBucketsBetween(draft.bucketKeys(), scope, window.fromMs, window.toMs);
  if (window.wholeHistory) buckets.push(bucketFor(scope, undefined));
  const inside = (item: TrackedItem): boolean => {
    const at = instantMs(item.createdAt);
    return at === undefined ? window.wholeHistory : at > window.fromMs && at < window.toMs;
  };
  for (const bucket of buckets) {
    // A day wholly inside the window needs no per-item time check.
    const dayStart = dayStartOf(bucket);
    const wholeDay = dayStart !== undefined && dayStart > window.fromMs && dayStart + DAY_MS < window.toMs;
    for (const key of draft.keysOf(bucket)) {
      if (resighted.has(key)) {
        if (wholeDay || inside(draft.get(bucket, key)!)) visit.resighted();
        continue;
      }
      const lastSeen = instantMs(draft.lastSeenAtOf(bucket, key));
      if (lastSeen !== undefined && lastSeen >= capturedMs) continue;
      const item = draft.get(bucket, key)!;
      if (!item.contentCaptured) continue;
      if (!wholeDay && !inside(item)) continue;
      visit.item(item);
    }
  }
}

/** The keys this capture showed (sighted, or re-sighted and already marked seen). */
interface Seen {
  has(key: string): boolean;
}

/**
 * The bulk of a re-capture, read without building the stored item: a plain packed item (see
 * `PackedBucket`) shown again under its own id, in its own day, unchanged, live, with no lookup
 * pending and last seen before this capture. Marks it seen and returns true; true as well for a
 * second showing of an item already seen (the first counts), as the general path would skip it.
 * False leaves the item to the general path.
 */
function resightPlain(context: Context, item: Item, seen: Seen, resighted: Set<string>): boolean {
  // A target (repost, quote, reply) or an edit history needs the general path.
  if (item.target || item.editHistoryIds?.length) return false;
  const { draft, capture } = context;
  const key = `${item.platform}:${item.id}`;
  if (draft.alias(key) !== undefined) return false;
  const bucket = bucketFor(capture.scope, instantMs(item.createdAt));
  const stored = draft.plainItemOf(bucket, key);
  if (stored === undefined) return false;
  if (seen.has(key)) return true;
  if (!sameContent(stored, item) || !onlyLastSeenChanges(context, key, draft.lastSeenAtOf(bucket, key))) return false;
  draft.markPlainSeen(bucket, key, capture.capturedAt, capture.id);
  resighted.add(key);
  return true;
}

/**
 * A re-sighting that changes nothing but the last sighting and announces nothing: a live item
 * with no lookup pending, last seen before this capture (what `observeKnown` would write alone).
 */
function isPlainResighting(context: Context, existing: TrackedItem): boolean {
  return existing.status === 'live' && onlyLastSeenChanges(context, existing.key, existing.lastSeenAt);
}

/** Seeing a live item now writes its last sighting and nothing else: no lookup pending, last seen before. */
function onlyLastSeenChanges(context: Context, key: string, lastSeenAt: string | undefined): boolean {
  if (context.draft.getPending(key)) return false;
  const lastSeen = instantMs(lastSeenAt);
  return lastSeen === undefined || context.capturedMs > lastSeen;
}

function hashOf(sighting: Sighting): string {
  sighting.contentHash ??= itemContentHash(sighting.item!);
  return sighting.contentHash;
}

function newVersion(context: Context, sighting: Sighting) {
  return { item: compactVersionItem(sighting.item!), contentHash: hashOf(sighting), firstSeenAt: context.capture.capturedAt, firstSeenCaptureId: context.capture.id };
}

function observeNew(context: Context, sighting: Sighting): TrackedItem {
  const { draft, capture } = context;
  const item = sighting.item!;
  const ids = item.editHistoryIds && item.editHistoryIds.length > 0 ? [...item.editHistoryIds] : [item.id];
  if (!ids.includes(item.id)) ids.push(item.id);
  const bucket = bucketFor(capture.scope, instantMs(item.createdAt));
  const originalUnavailable = (item.kind === 'repost' || item.kind === 'share') && item.target?.unavailable === true;
  const tracked: TrackedItem = {
    key: sighting.key,
    scope: capture.scope,
    kind: item.kind,
    ids,
    ...(item.createdAt ? { createdAt: item.createdAt } : {}),
    bucket,
    status: 'live',
    statusSince: capture.capturedAt,
    contentCaptured: true,
    firstSeenAt: capture.capturedAt,
    firstSeenCaptureId: capture.id,
    lastSeenAt: capture.capturedAt,
    lastSeenCaptureId: capture.id,
    versions: [newVersion(context, sighting)],
    ...(ids[0] !== item.id ? { earlierVersionsNotCaptured: true } : {}),
    ...(item.target ? { targetId: item.target.id } : {}),
  };
  const toFetch = uncapturedVersionIds(tracked, item.editHistoryIds);
  if (toFetch.length > 0) tracked.versionsToFetch = toFetch;
  draft.put(tracked);
  for (const id of ids) if (`${item.platform}:${id}` !== tracked.key) draft.setAlias(`${item.platform}:${id}`, tracked.key, bucket);
  const change: Change = {
    id: changeId('added', capture.id, tracked.key),
    type: 'added',
    accountKey: draft.base.accountKey,
    itemKey: tracked.key,
    captureId: capture.id,
    detectedAt: capture.capturedAt,
    after: item,
  };
  context.changes.push(change);
  if (!originalUnavailable) return tracked;
  return applyObservation(draft, tracked, 'seen_original_unavailable', context.source, context.options, context.capabilities).item;
}

function observeKnown(context: Context, sighting: Sighting): TrackedItem {
  const { draft, capture } = context;
  const existing = sighting.existing!;
  const item = sighting.item;
  const extra: Partial<TrackedItem> = {};
  // A re-sighting (see `isResighting`) has no item left: nothing of it but the time is new.
  const platform = item ? item.platform : existing.key.slice(0, existing.key.indexOf(':'));
  if (item) noteContent(context, sighting, item, extra);
  const seenMs = context.capturedMs;
  const lastSeen = instantMs(existing.lastSeenAt);
  if (lastSeen === undefined || seenMs > lastSeen) {
    extra.lastSeenAt = capture.capturedAt;
    extra.lastSeenCaptureId = capture.id;
  }
  if (item && existing.targetId === undefined && item.target) extra.targetId = item.target.id;
  const bucket = extra.bucket ?? existing.bucket;
  const originalUnavailable = item !== undefined && (item.kind === 'repost' || item.kind === 'share') && item.target?.unavailable === true;
  if (existing.status === 'live' && !originalUnavailable && bucket === existing.bucket && !draft.getPending(existing.key)) {
    // The everyday case (a live item seen again): the table's live × seen is a no-op, so only
    // the sighting is recorded, with one object written.
    const next: TrackedItem = { ...existing, ...extra };
    draft.put(next);
    if (extra.ids) for (const id of next.ids) if (`${platform}:${id}` !== next.key) draft.setAlias(`${platform}:${id}`, next.key, next.bucket);
    return next;
  }
  const moved: TrackedItem = { ...existing, ...extra };
  // applyObservation writes `moved` and removes it from its former bucket when it moved.
  const result = applyObservation(draft, { ...moved, bucket: existing.bucket }, originalUnavailable ? 'seen_original_unavailable' : 'seen', context.source, context.options, context.capabilities, { bucket });
  for (const id of result.item.ids) if (`${platform}:${id}` !== result.item.key) draft.setAlias(`${platform}:${id}`, result.item.key, result.item.bucket);
  if (result.change) context.changes.push(result.change);
  return result.item;
}

/** What a known item shown with its content changes: a first capture of it, new ids, a new version. */
function noteContent(context: Context, sighting: Sighting, item: Item, extra: Partial<TrackedItem>): void {
  const { draft, capture } = context;
  const existing = sighting.existing!;
  // New ids (an X edit version, a rotated id): remember them and point them at this item.
  const newIds =
    existing.ids.includes(item.id) && !item.editHistoryIds?.length
      ? []
      : [item.id, ...(item.editHistoryIds ?? [])].filter((id, index, all) => !existing.ids.includes(id) && all.indexOf(id) === index);
  if (!existing.contentCaptured) {
    // Known so far only from a reference: now it is seen, file it by its time.
    extra.contentCaptured = true;
    extra.bucket = bucketFor(capture.scope, instantMs(item.createdAt));
    extra.kind = item.kind;
    if (item.createdAt) extra.createdAt = item.createdAt;
    extra.firstSeenAt = capture.capturedAt;
    extra.firstSeenCaptureId = capture.id;
  }
  if (newIds.length > 0) {
    extra.ids = [...existing.ids, ...newIds];
    if (sighting.churnedFrom) {
      extra.idChanges = [...(existing.idChanges ?? []), { from: sighting.churnedFrom, to: item.id, captureId: capture.id, at: capture.capturedAt }];
    }
  }
  const latest = existing.versions.at(-1);
  if (!latest || (!sameContent(latest.item, item) && latest.contentHash !== hashOf(sighting))) {
    extra.versions = [...existing.versions, newVersion(context, sighting)];
    // Versions named by the edit history between the last one seen and this one: edits made
    // between two observations, to be fetched by id.
    const skipped = uncapturedVersionIds({ versions: extra.versions }, item.editHistoryIds).filter((id) => newIds.includes(id));
    if (skipped.length > 0) extra.versionsToFetch = [...new Set([...(existing.versionsToFetch ?? []), ...skipped])];
    if (latest) {
      const fields = changedContentFields(latest.item, item);
      context.changes.push({
        id: changeId('edited', capture.id, `${existing.key}#${hashOf(sighting)}`),
        type: 'edited',
        accountKey: draft.base.accountKey,
        itemKey: existing.key,
        captureId: capture.id,
        detectedAt: capture.capturedAt,
        before: latest.item,
        after: item,
        fields,
        ...(fields.includes('text') ? { textDiff: wordDiff(latest.item.text ?? '', item.text ?? '') } : {}),
      });
    }
  }
}

/** The subject's own reply or quote shows one of its posts as unavailable. */
function observeReference(context: Context, sighting: Sighting, seen: Seen): void {
  const { draft, capture, options, capabilities } = context;
  const referencing = sighting.item!;
  const target = referencing.target!;
  const key = `${referencing.platform}:${target.id}`;
  // The capture itself shows the post: the reference's "unavailable" is contradicted.
  if (seen.has(key)) return;
  const probe: Item = { ...referencing, id: target.id, ...(target.createdAt ? { createdAt: target.createdAt } : { createdAt: undefined }), editHistoryIds: undefined };
  let item = findExisting(draft, probe, capture.scope);
  if (item && seen.has(item.key)) return;
  const reference = { itemKey: sighting.key, captureId: capture.id, at: capture.capturedAt, ...(referencing.createdAt ? { referenceCreatedAt: referencing.createdAt } : {}) };
  if (item?.referencedBy?.some((existing) => existing.captureId === capture.id)) return;
  if (!item) {
    const createdMs = instantMs(target.createdAt);
    item = {
      key,
      scope: capture.scope,
      kind: 'post',
      ids: [target.id],
      ...(target.createdAt ? { createdAt: target.createdAt } : {}),
      bucket: createdMs === undefined ? referencedBucket(capture.scope) : bucketFor(capture.scope, createdMs),
      status: 'live',
      statusSince: capture.capturedAt,
      contentCaptured: false,
      versions: [],
    };
  }
  const misses = (item.episode?.completeMisses ?? 0) + 1;
  const observation: ItemObservation = !capabilities.lookup && misses >= options.unverifiedAfterCompleteMisses ? 'absent_threshold' : 'referenced_unavailable';
  const result = applyObservation(draft, item, observation, context.source, options, capabilities, { referencedBy: [...(item.referencedBy ?? []), reference].slice(-20) });
  if (result.change) context.changes.push(result.change);
}
