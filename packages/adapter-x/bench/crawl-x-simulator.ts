/**
 * A simulated X API v2 for `pnpm bench crawl`'s monitor cycles: `accounts` invented accounts with
 * 24 posts each. From cycle 2 on, about one post in eleven is deleted, one in seventeen was edited
 * twice between the two cycles' captures (only the last version is on the timeline; X still
 * serves the others by id), and every tenth account answered a post it deleted before cycle 2's
 * capture. X's per-15-minute limits are enforced and sent as `x-rate-limit-*` headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { notFoundPost, xTweet, xUser } from '../src/__fixtures__/x-fixture-builders.js';
import { X_DEFAULT_RATE_LIMITS, X_ENDPOINTS } from '../src/x-endpoints.js';
import type { XTweet } from '../src/x-schemas.js';

const POSTS_PER_ACCOUNT = 24;
const T0 = Date.UTC(2024, 9, 1, 2, 0, 0);
const SNOWFLAKE_EPOCH = 1_288_834_974_657n;

/** The simulated population and what happened to it, shared by the simulator and the checks. */
export interface SimulatedPopulation {
  accountIds: string[];
  handleOf(index: number): string;
  /** Post ids deleted by cycle 2 that cycle 1 captured: the deletions to confirm. */
  deletedCaptured: Set<string>;
  /** First-version ids of posts edited between the captures of cycles 1 and 2. */
  editedBetween: Set<string>;
  /** Ids of posts deleted before any capture and answered by their author. */
  deletedBeforeCapture: Set<string>;
}

function snowflake(ms: number, sequence: number): string {
  return String(((BigInt(ms) - SNOWFLAKE_EPOCH) << 22n) + BigInt(sequence));
}

interface SimPost {
  versions: string[];
  texts: string[];
  createdMs: number;
  deletedFrom?: number;
  replyTo?: string;
  /** Visible from this cycle on. */
  fromCycle: number;
}

/** Build the population: deterministic, so the bench's checks know the truth. */
export function buildPopulation(accounts: number): { population: SimulatedPopulation; posts: Map<string, SimPost[]>; byVersion: Map<string, SimPost> } {
  const accountIds = Array.from({ length: accounts }, (_, index) => String(1_910_000_000_000_000_000n + BigInt(index)));
  const posts = new Map<string, SimPost[]>();
  const byVersion = new Map<string, SimPost>();
  const population: SimulatedPopulation = { accountIds, handleOf: (index) => `akun_${index}`, deletedCaptured: new Set(), editedBetween: new Set(), deletedBeforeCapture: new Set() };
  let sequence = 0;
  for (const [index, id] of accountIds.entries()) {
    const list: SimPost[] = [];
    for (let serial = 0; serial < POSTS_PER_ACCOUNT; serial++) {
      const createdMs = T0 - (POSTS_PER_ACCOUNT - serial) * 3_600_000 - index * 1_000;
      const first = snowflake(createdMs, ++sequence % 4_096);
      const post: SimPost = { versions: [first], texts: [`Kabar desa ${index}-${serial} #desa`], createdMs, fromCycle: 1 };
      if ((index * 7 + serial) % 11 === 0) {
        post.deletedFrom = 2;
        population.deletedCaptured.add(first);
      } else if ((index + serial) % 17 === 0) {
        // Edited twice between the captures: the middle version is never on any timeline.
        post.versions.push(snowflake(T0 + 60_000 + index, ++sequence % 4_096), snowflake(T0 + 120_000 + index, ++sequence % 4_096));
        post.texts.push(`Kabar desa ${index}-${serial} ayo coblos nomor 2`, `Kabar desa ${index}-${serial} (diperbarui)`);
        population.editedBetween.add(first);
      }
      list.push(post);
      for (const version of post.versions) byVersion.set(version, post);
    }
    if (index % 10 === 0) {
      const goneMs = T0 + 600_000 + index;
      const gone: SimPost = { versions: [snowflake(goneMs, ++sequence % 4_096)], texts: ['Ayo kumpul, menangkan nomor 1!'], createdMs: goneMs, deletedFrom: 2, fromCycle: 2 };
      const reply: SimPost = { versions: [snowflake(goneMs + 600_000, ++sequence % 4_096)], texts: ['Maaf yang tadi salah kirim'], createdMs: goneMs + 600_000, replyTo: gone.versions[0], fromCycle: 2 };
      population.deletedBeforeCapture.add(gone.versions[0]!);
      list.push(gone, reply);
      for (const post of [gone, reply]) byVersion.set(post.versions[0]!, post);
    }
    posts.set(id, list);
  }
  return { population, posts, byVersion };
}

/** Answers the simulated X API; `cycle()` says which cycle's world it shows. */
export function createXSimulator(accounts: number): { handle(request: IncomingMessage, response: ServerResponse): void } {
  const { population, posts, byVersion } = buildPopulation(accounts);
  const byHandle = new Map(population.accountIds.map((id, index) => [population.handleOf(index), id]));
  const authorOf = new Map<SimPost, string>();
  for (const [id, list] of posts) for (const post of list) authorOf.set(post, id);
  let cycle = 1;
  let windowStart = Date.now();
  const used = new Map<string, number>();
  const served: Record<string, number> = {};

  const user = (id: string) => xUser(id, population.handleOf(population.accountIds.indexOf(id)), `Pegawai Contoh ${id.slice(-4)}`);
  const visible = (post: SimPost) => post.fromCycle <= cycle && (post.deletedFrom === undefined || cycle < post.deletedFrom);
  const tweet = (post: SimPost, version: number): XTweet => {
    const author = authorOf.get(post)!;
    // Before cycle 2 no edit had happened yet; afterwards every version lists the whole chain.
    const history = cycle >= 2 ? post.versions : post.versions.slice(0, 1);
    const text = (cycle >= 2 ? post.texts : post.texts.slice(0, 1))[version]!;
    const references = post.replyTo ? { references: [{ type: 'replied_to' as const, id: post.replyTo }], inReplyTo: author } : {};
    return xTweet({ id: history[version]!, authorId: author, text, createdAt: new Date(post.createdMs + version * 60_000).toISOString(), editHistory: history, ...references });
  };

  function json(response: ServerResponse, endpoint: string, body: unknown): void {
    const limit = X_DEFAULT_RATE_LIMITS[endpoint as keyof typeof X_DEFAULT_RATE_LIMITS]?.limit ?? 300;
    const count = (used.get(endpoint) ?? 0) + 1;
    used.set(endpoint, count);
    const headers = { 'content-type': 'application/json', 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(Math.max(0, limit - count)), 'x-rate-limit-reset': String(Math.ceil((windowStart + 900_000) / 1000)) };
    if (count > limit) {
      response.writeHead(429, headers);
      response.end('{"title":"Too Many Requests","type":"about:blank","status":429}');
      return;
    }
    served[endpoint] = (served[endpoint] ?? 0) + 1;
    response.writeHead(200, headers);
    response.end(JSON.stringify(body));
  }

  return {
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path === '/__cycle') {
        cycle = Number(url.searchParams.get('n') ?? '1');
        // Each cycle starts a fresh 15-minute window, as cycles run at least that far apart.
        windowStart = Date.now();
        used.clear();
        for (const key of Object.keys(served)) delete served[key];
        response.writeHead(204).end();
        return;
      }
      if (path === '/__stats') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ served }));
        return;
      }
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (path === '/2/users/by') {
        const names = (url.searchParams.get('usernames') ?? '').split(',').filter(Boolean);
        const found = names.map((name) => byHandle.get(name.toLowerCase())).filter((id): id is string => id !== undefined);
        return json(response, X_ENDPOINTS.usersByUsernames, { data: found.map(user) });
      }
      if (path === '/2/users') return json(response, X_ENDPOINTS.usersByIds, { data: ids.filter((id) => posts.has(id)).map(user) });
      const single = /^\/2\/users\/by\/username\/([^/]+)$/.exec(path);
      if (single) return json(response, X_ENDPOINTS.userByUsername, { data: user(byHandle.get(single[1]!.toLowerCase())!) });
      const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(path);
      if (timeline) {
        const list = (posts.get(timeline[1]!) ?? []).filter(visible).sort((a, b) => b.createdMs - a.createdMs);
        const data = list.map((post) => tweet(post, cycle >= 2 ? post.versions.length - 1 : 0));
        const missing = list.filter((post) => post.replyTo && !visible(byVersion.get(post.replyTo)!)).map((post) => notFoundPost(post.replyTo!, 'referenced_tweets.id'));
        return json(response, X_ENDPOINTS.userTweets, { data, includes: { users: [user(timeline[1]!)] }, ...(missing.length ? { errors: missing } : {}), meta: { result_count: data.length } });
      }
      const one = /^\/2\/users\/(\d+)$/.exec(path);
      if (one) return json(response, X_ENDPOINTS.userById, { data: user(one[1]!) });
      if (path === '/2/tweets') {
        const data: XTweet[] = [];
        const errors = [];
        for (const id of ids) {
          const post = byVersion.get(id);
          if (post && visible(post)) data.push(tweet(post, Math.max(0, post.versions.indexOf(id))));
          else errors.push(notFoundPost(id));
        }
        return json(response, X_ENDPOINTS.tweetsLookup, { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) });
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"title":"Not Found"}');
    },
  };
}
