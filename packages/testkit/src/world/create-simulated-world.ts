import { ElectionContextSchema, SubjectSchema, type Subject } from '@sipansos/core';
import { WorldBuilder } from './world-builder.js';
import { writeBackground } from './world-background.js';
import { EXAMPLE_CONTEXT, WORLD_CYCLES } from './world-context.js';
import type { ExpectedEvent, SimulatedWorld, SimulatedWorldOptions, WorldEndpoint, WorldPost } from './world-model.js';
import { createWorldRandom } from './world-random.js';
import { writeScript } from './world-script.js';
import { renderSavedPages } from './world-saved-pages.js';
import { failureAt, feedAt, statusAt } from './world-timeline.js';

const RATE_WINDOW_MS = 15 * 60_000;
/** Per-window budget when no scripted limit applies: high enough that a normal cycle never meets it. */
const DEFAULT_LIMIT = 5_000;

/**
 * Builds the simulated platform world: the invented Kabupaten Lembah Harapan, about 200 invented
 * subjects with X, Facebook and Instagram accounts, and a scripted timeline over eight cycles
 * (pre-campaign to post-election) with its expected outcomes. The same seed gives the same world.
 *
 * @example
 * const world = createSimulatedWorld({ seed: 7 });
 * for (let cycle = 1; cycle <= world.cycles; cycle++) { world.advanceTo(cycle); await monitor.runCycle(); }
 * const expected = world.truth();
 */
export function createSimulatedWorld(options: SimulatedWorldOptions = {}): SimulatedWorld {
  const seed = options.seed ?? 2024;
  const context = ElectionContextSchema.parse(EXAMPLE_CONTEXT);
  const builder = new WorldBuilder(createWorldRandom(seed), context);
  const controlPostIds = writeScript(builder);
  writeBackground(builder, options.subjects ?? 200);

  const xTimelineDepth = options.xTimelineDepth ?? 30;
  const postsByAccount = new Map<string, WorldPost[]>();
  for (const post of builder.posts) {
    const list = postsByAccount.get(post.accountId);
    if (list) list.push(post);
    else postsByAccount.set(post.accountId, [post]);
  }
  const truth = [...builder.truth, ...deriveStillLive(builder, postsByAccount, xTimelineDepth)];

  const subjects: Subject[] = [...builder.subjects.values()]
    .map((subject) =>
      SubjectSchema.parse({
        ...subject,
        accounts: builder.accounts.filter((account) => account.subjectId === subject.id).map((account) => ({ platform: account.platform, handle: account.handle })),
      }),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const clock = options.clock ?? Date.now;
  let current = 1;
  const counters = new Map<WorldEndpoint, { count: number; resetAtMs: number }>();
  const totals: Record<string, number> = {};
  const savedPages = renderSavedPages(builder, postsByAccount);
  const pictureBytes = new Map<string, Uint8Array>();
  for (const post of builder.posts) {
    for (const media of post.media) {
      const bytes = media.picture ? options.pictures?.[media.picture] : undefined;
      if (bytes) pictureBytes.set(media.key, bytes);
    }
  }

  return {
    context,
    subjects,
    cycles: WORLD_CYCLES.length,
    calendar: WORLD_CYCLES,
    accounts: builder.accounts,
    posts: builder.posts,
    likes: builder.likes,
    follows: builder.follows,
    rateLimits: builder.rateLimits,
    controlPostIds,
    seed,
    options: { xTimelineDepth, xBearerToken: options.xBearerToken, metaAccessToken: options.metaAccessToken },
    currentCycle: () => current,
    now: () => WORLD_CYCLES[current - 1]!.at,
    advanceTo(cycle) {
      if (!Number.isInteger(cycle) || cycle < 1 || cycle > WORLD_CYCLES.length) {
        throw new RangeError(`advanceTo(${cycle}): cycle must be an integer from 1 to ${WORLD_CYCLES.length}`);
      }
      current = cycle;
      counters.clear();
    },
    truth: () => truth.map((event) => ({ ...event })),
    savedPages: () => savedPages.map((page) => ({ ...page })),
    clock,
    takeRequest(endpoint) {
      totals[endpoint] = (totals[endpoint] ?? 0) + 1;
      const now = clock();
      const scripted = builder.rateLimits.find((limit) => limit.endpoint === endpoint && limit.cycle === current);
      const limit = scripted?.limit ?? DEFAULT_LIMIT;
      let counter = counters.get(endpoint);
      if (!counter || now >= counter.resetAtMs) {
        counter = { count: 0, resetAtMs: now + RATE_WINDOW_MS };
        counters.set(endpoint, counter);
      }
      if (counter.count >= limit) return { allowed: false, limit, remaining: 0, resetAtMs: counter.resetAtMs };
      counter.count += 1;
      return { allowed: true, limit, remaining: limit - counter.count, resetAtMs: counter.resetAtMs };
    },
    requestCounts: () => ({ ...totals }),
    mediaBytes: (key) => pictureBytes.get(key),
  };
}

/**
 * Posts SIPANSOS saw that then vanish from its view without being deleted: the account went
 * private or was suspended, the read failed, or (X) newer posts pushed them past the timeline's
 * depth. Each must never be reported as a deletion.
 */
function deriveStillLive(builder: WorldBuilder, postsByAccount: Map<string, WorldPost[]>, xDepth: number): ExpectedEvent[] {
  const events: ExpectedEvent[] = [];
  for (const account of builder.accounts) {
    if (account.kind === 'facebook_profile' || account.kind === 'instagram_personal') continue;
    const posts = postsByAccount.get(account.id) ?? [];
    const endpoint: WorldEndpoint = account.platform === 'x' ? 'x_user_tweets' : 'graph';
    for (let cycle = 2; cycle <= WORLD_CYCLES.length; cycle++) {
      if (statusAt(account, cycle - 1) !== 'public') continue;
      const before = feedAt(posts, account, cycle - 1, xDepth);
      const now = new Set(feedAt(posts, account, cycle, xDepth).map((entry) => entry.post.id));
      const status = statusAt(account, cycle);
      const failed = failureAt(account, endpoint, cycle) !== undefined;
      for (const { post } of before) {
        if (post.deletedCycle !== undefined && post.deletedCycle <= cycle) continue;
        const base = { kind: 'still_live' as const, subjectId: account.subjectId, platform: account.platform, accountId: account.id, itemId: post.id, cycle };
        if (status === 'private' || status === 'suspended') events.push({ ...base, reason: status });
        else if (failed) events.push({ ...base, reason: 'failed_request' });
        else if (!now.has(post.id)) events.push({ ...base, reason: 'fell_off_window' });
      }
    }
  }
  return events;
}
