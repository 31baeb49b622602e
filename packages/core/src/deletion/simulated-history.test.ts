/**
 * Property test: a simulated platform (posts created, edited, deleted, ids rotated; reposts whose
 * originals vanish; accounts made private, suspended, deactivated, renamed; paged, failed, empty
 * and glitched captures; lookups that fail) is captured step by step and run through diffing
 * and the deletion state machine, the way a monitor would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountObservation, Capture } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import type { LookupResultV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { createAccountState, type AccountState, type DeletionCapabilities } from './account-state.js';
import { deletionVerdicts, findTrackedItem } from './deletion-verdicts.js';
import { observeCapture } from './observe-capture.js';
import { observeCaptureFailure } from './observe-capture-failure.js';
import { observeLookups } from './observe-lookups.js';
import { lookupIdsOf } from './pending-lookups.js';

type Mode = 'x' | 'facebook';
type Visibility = 'public' | 'private' | 'suspended' | 'deactivated';

interface TruthPost {
  /** Every id it had; the last is current. X: edit versions; Facebook: rotated ids. */
  ids: string[];
  createdAt: number;
  /** X: when the current version was made. */
  versionAt: number;
  text: string;
  deleted: boolean;
  repostOf?: string;
  originalGone: boolean;
  captured: boolean;
}

interface World {
  mode: Mode;
  now: number;
  posts: TruthPost[];
  visibility: Visibility;
  handle: string;
  nextId: number;
}

type Action =
  | { type: 'create'; text: number; repost: boolean; minutes: number }
  | { type: 'edit'; pick: number; text: number; minutes: number }
  | { type: 'delete'; pick: number; minutes: number }
  | { type: 'rotate'; pick: number; minutes: number }
  | { type: 'original_vanishes'; pick: number; minutes: number }
  | { type: 'visibility'; to: Visibility; minutes: number }
  | { type: 'rename'; minutes: number }
  | { type: 'capture'; pageSize: number | null; fault: 'none' | 'error' | 'empty' | 'glitch' | 'incomplete'; dropSeed: number; lookupFailures: number; minutes: number }
  | { type: 'lookup'; lookupFailures: number; minutes: number };

const WORDS = ['dukung', 'paslon', 'nomor', 'dua', 'rapat', 'desa', 'gotong', 'royong', 'pilkada', 'belitung'];
const textOf = (seed: number): string => Array.from({ length: 4 }, (_, index) => WORDS[(seed * (index + 3) + index) % WORDS.length]).join(' ') + ` ${seed}`;

const minutes = fc.integer({ min: 3, max: 240 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('create' as const), text: fc.nat(1000), repost: fc.boolean(), minutes }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('edit' as const), pick: fc.nat(), text: fc.nat(1000), minutes }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('delete' as const), pick: fc.nat(), minutes }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('rotate' as const), pick: fc.nat(), minutes }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('original_vanishes' as const), pick: fc.nat(), minutes }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('visibility' as const), to: fc.constantFrom<Visibility>('public', 'public', 'private', 'suspended', 'deactivated'), minutes }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('rename' as const), minutes }) },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('capture' as const),
      pageSize: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
      fault: fc.constantFrom('none', 'none', 'none', 'error', 'empty', 'glitch', 'incomplete'),
      dropSeed: fc.nat(),
      lookupFailures: fc.nat(7),
      minutes,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('lookup' as const), lookupFailures: fc.nat(7), minutes }) },
);

const BASE = Date.parse('2024-09-01T00:00:00Z');
const iso = (minute: number): string => new Date(BASE + minute * 60_000).toISOString();
const CAPABILITIES: DeletionCapabilities = { lookup: true, distinguishesPrivateFromDeleted: true };

function platformOf(world: World): string {
  return world.mode;
}

function visiblePosts(world: World): TruthPost[] {
  return world.posts.filter((post) => !post.deleted && !post.originalGone);
}

function itemOf(world: World, post: TruthPost): Item {
  const x = world.mode === 'x';
  // Built directly rather than parsed: zod would dominate the run time of 1,000 histories.
  return {
    platform: platformOf(world),
    id: post.ids.at(-1)!,
    kind: post.repostOf ? 'repost' : 'post',
    author: { id: '1001', handle: world.handle },
    createdAt: iso(x ? post.versionAt : post.createdAt),
    text: post.text,
    media: [],
    links: [],
    hashtags: [],
    mentions: [],
    ...(x && !post.repostOf ? { editHistoryIds: [...post.ids] } : {}),
    ...(post.repostOf ? { target: { kind: 'post' as const, id: post.repostOf, author: { id: '9' } } } : {}),
  };
}

function buildCapture(world: World, id: string, spec: Extract<Action, { type: 'capture' }> | { pageSize: null; fault: 'none'; dropSeed: 0 }): Capture {
  const observation: AccountObservation = world.visibility;
  let items: Item[] = [];
  let window: Capture['window'] = { complete: true, reachedEnd: true };
  if (world.visibility === 'public' && spec.fault !== 'empty') {
    const order = (post: TruthPost) => (world.mode === 'x' ? post.versionAt : post.createdAt);
    const visible = visiblePosts(world).sort((a, b) => order(b) - order(a));
    const page = spec.pageSize === null ? visible : visible.slice(0, spec.pageSize);
    items = page.map((post) => itemOf(world, post));
    const cut = page.length < visible.length;
    const oldest = page.at(-1);
    window = {
      complete: spec.fault !== 'incomplete',
      reachedEnd: !cut,
      ...(cut ? { cutBy: 'page_limit' as const } : {}),
      ...(oldest ? { oldest: { id: oldest.ids.at(-1)!, at: iso(order(oldest)) } } : {}),
    };
    if (spec.fault === 'glitch') {
      // A platform glitch: some items left out while the window still claims to be complete.
      items = items.filter((_, index) => ((spec.dropSeed >> index % 30) & 1) === 0);
    }
    for (const post of page) post.captured ||= items.some((item) => item.id === post.ids.at(-1));
  }
  const built: Capture = {
    id,
    adapter: { id: 'sim', version: '1' },
    platform: platformOf(world),
    account: { platform: platformOf(world), handle: world.handle, id: '1001' },
    accountKey: `${platformOf(world)}:1001`,
    scope: 'timeline',
    startedAt: iso(world.now - 0.5),
    capturedAt: iso(world.now),
    status: 'ok',
    accountObservation: observation,
    requests: [],
    rawBlobs: [],
    items,
    window,
  };
  return built;
}

function answer(world: World, id: string, failures: number, index: number): LookupResultV1 {
  if ((failures >> index % 3) & 1) return { id, status: 'unknown', reason: 'simulated 503' };
  const byOriginal = world.posts.find((post) => post.repostOf === id);
  if (byOriginal) return { id, status: byOriginal.originalGone ? 'gone' : 'live' };
  const post = world.posts.find((candidate) => candidate.ids.includes(id));
  if (!post) return { id, status: 'gone' };
  if (world.visibility === 'private' || world.visibility === 'suspended') return { id, status: 'hidden' };
  // A deactivated account's posts answer "not found", just like deleted ones.
  if (world.visibility === 'deactivated') return { id, status: 'gone' };
  // Facebook: a rotated-away id no longer resolves.
  if (world.mode === 'facebook' && post.ids.at(-1) !== id) return { id, status: 'gone' };
  if (post.deleted || post.originalGone) return { id, status: 'gone' };
  return { id, status: 'live', item: itemOf(world, post) };
}

function lookUp(world: World, state: AccountState, failures: number, round: string): AccountState {
  const ids = lookupIdsOf(state);
  if (ids.length === 0) return state;
  const results = ids.map((id, index) => answer(world, id, failures, index));
  const batch = { results, rawBlobs: [round.padEnd(64, '0').slice(0, 64).replace(/[^0-9a-f]/g, 'a')], at: iso(world.now), accountObservation: world.visibility };
  return observeLookups(state, batch).state;
}

function truthOfKey(world: World, key: string): TruthPost | undefined {
  const id = key.slice(key.indexOf(':') + 1);
  return world.posts.find((post) => post.ids.includes(id));
}

function assertNoFalseDeletion(world: World, state: AccountState): void {
  for (const verdict of deletionVerdicts(state)) {
    if (verdict.verdict !== 'deleted') continue;
    const truth = truthOfKey(world, verdict.itemKey);
    expect(truth, `verdict for an unknown item ${verdict.itemKey}`).toBeDefined();
    expect(truth!.deleted, `${verdict.itemKey} reported deleted but it exists`).toBe(true);
  }
}

function apply(world: World, state: AccountState, step: Action, index: number): AccountState {
  world.now += step.minutes;
  const pick = <T,>(list: T[], at: number): T | undefined => (list.length === 0 ? undefined : list[at % list.length]);
  switch (step.type) {
    case 'create': {
      const id = String(world.nextId++);
      const repostOf = step.repost ? `o${id}` : undefined;
      world.posts.push({ ids: [id], createdAt: world.now, versionAt: world.now, text: textOf(step.text), deleted: false, originalGone: false, captured: false, ...(repostOf ? { repostOf } : {}) });
      return state;
    }
    case 'edit': {
      const post = pick(visiblePosts(world).filter((candidate) => !candidate.repostOf), step.pick);
      if (!post) return state;
      post.text = textOf(step.text + 1);
      if (world.mode === 'x') {
        post.ids.push(String(world.nextId++));
        post.versionAt = world.now;
      }
      return state;
    }
    case 'delete': {
      const post = pick(visiblePosts(world), step.pick);
      if (post) post.deleted = true;
      return state;
    }
    case 'rotate': {
      const post = pick(visiblePosts(world), step.pick);
      if (post && world.mode === 'facebook') post.ids.push(String(world.nextId++));
      return state;
    }
    case 'original_vanishes': {
      const post = pick(world.posts.filter((candidate) => candidate.repostOf && !candidate.originalGone), step.pick);
      if (post) post.originalGone = true;
      return state;
    }
    case 'visibility':
      world.visibility = step.to;
      return state;
    case 'rename':
      world.handle = `budi_${world.nextId++}`;
      return state;
    case 'lookup':
      return lookUp(world, state, step.lookupFailures, `l${index}`);
    case 'capture': {
      if (step.fault === 'error') {
        return observeCaptureFailure(state, { scope: 'timeline', errorType: 'network', message: 'simulated reset', at: iso(world.now) }).state;
      }
      const result = observeCapture(state, buildCapture(world, `c${index}`, step), {}, CAPABILITIES);
      return result.lookupNeeded.length > 0 ? lookUp(world, result.state, step.lookupFailures, `c${index}`) : result.state;
    }
  }
}

describe('deletion detection on simulated platform histories', () => {
  it('never reports an existing post deleted, and confirms every captured deleted post once lookups succeed', () => {
    // How often the generated histories reach the situations that matter, so the property cannot
    // pass vacuously.
    const seen = { confirmed: 0, hiddenOrGone: 0, rotatedThenCaptured: 0, suspectOrEmpty: 0, editedVersions: 0, originalDeleted: 0 };
    fc.assert(
      fc.property(fc.constantFrom<Mode>('x', 'facebook'), fc.array(action, { minLength: 5, maxLength: 50 }), (mode, actions) => {
        const world: World = { mode, now: 0, posts: [], visibility: 'public', handle: 'budi_contoh', nextId: 100 };
        let state = createAccountState({ accountKey: `${mode}:1001`, platform: mode, at: iso(0) });
        actions.forEach((step, index) => {
          state = apply(world, state, step, index);
          assertNoFalseDeletion(world, state);
        });
        // The account comes back and one honest, complete capture is made; lookups succeed.
        world.visibility = 'public';
        world.now += 10;
        // Four rounds: on Facebook (rotating ids) a lookup's `gone` needs 3 later captures to agree.
        for (const round of ['final1', 'final2', 'final3', 'final4']) {
          world.now += 10;
          state = observeCapture(state, buildCapture(world, round, { pageSize: null, fault: 'none', dropSeed: 0 }), {}, CAPABILITIES).state;
          for (let attempt = 0; attempt < 3 && lookupIdsOf(state).length > 0; attempt++) state = lookUp(world, state, 0, `${round}${attempt}`);
          assertNoFalseDeletion(world, state);
        }
        // Known limit: on a platform that rotates ids, an account that shows no post at all cannot be
        // told from a login wall, and a `gone` for an old id proves nothing, so nothing is confirmed.
        if (mode === 'facebook' && visiblePosts(world).length === 0) return;
        const verdicts = deletionVerdicts(state);
        if (verdicts.some((verdict) => verdict.verdict === 'deleted')) seen.confirmed++;
        if (verdicts.some((verdict) => verdict.verdict === 'original_deleted')) seen.originalDeleted++;
        if (verdicts.some((verdict) => verdict.versions.length > 1)) seen.editedVersions++;
        if (actions.some((step) => step.type === 'visibility' && step.to !== 'public')) seen.hiddenOrGone++;
        if (mode === 'facebook' && world.posts.some((post) => post.ids.length > 1 && post.captured)) seen.rotatedThenCaptured++;
        if (state.gaps.some((gap) => gap.reason === 'empty_capture')) seen.suspectOrEmpty++;
        for (const post of world.posts) {
          if (!post.captured || !(post.deleted || post.originalGone)) continue;
          const tracked = post.ids.map((id) => findTrackedItem(state, `${mode}:${id}`)).find((found) => found !== undefined);
          const expected = post.originalGone ? ['original_deleted', 'deleted'] : ['deleted'];
          if (post.originalGone && !post.deleted) expected.splice(1);
          expect(expected, `${post.ids.join('/')} deleted=${post.deleted} originalGone=${post.originalGone}`).toContain(tracked?.status);
        }
      }),
      { numRuns: 1000 },
    );
    for (const [situation, count] of Object.entries(seen)) expect(count, situation).toBeGreaterThan(20);
  });
});
