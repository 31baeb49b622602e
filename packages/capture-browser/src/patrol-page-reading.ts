import { parseFacebookPage } from '@sipansos/adapter-facebook';
import { parseInstagramPage } from '@sipansos/adapter-instagram';
import type { AccountObservation, Item, Platform } from '@sipansos/core';
import { platformFromUrl, readSavedPage, type SavedPageParse, type SavedPageParser } from '@sipansos/core/adapter-kit';
import type { AdapterErrorV1 } from '@sipansos/core/spec';
import { readFacebookGraphql, type ReactionList } from './facebook-graphql.js';
import type { KeptPage } from './keep-page.js';
import { mergeReactionLists, readReactionDialogs } from './reaction-dialog.js';

/** What the page was, as far as deletion detection cares. */
export type PageKind = 'content' | 'unavailable' | 'login_wall' | 'checkpoint' | 'rate_limited';

/** What the parsers read from one kept page. */
export interface PatrolPageReading {
  platform?: Platform;
  kind: PageKind;
  items: Item[];
  /** The account the page shows (owner of the profile, author of the post). */
  account?: SavedPageParse['account'];
  observation: AccountObservation;
  reactionLists: ReactionList[];
  /**
   * Why no items were read when that happened: `parse` (markup not recognised, carrying the
   * page's hash), `unauthorized`, `not_found`. The page is kept anyway.
   */
  problem?: AdapterErrorV1;
}

const PARSERS: Partial<Record<Platform, SavedPageParser>> = { facebook: parseFacebookPage, instagram: parseInstagramPage };

// What the web apps show when they throttle a viewer ("You're Temporarily Blocked", "Try again later").
const RATE_LIMIT_TEXT = /(you'?re temporarily blocked|anda diblokir sementara|you'?re going too fast|terlalu cepat|please wait a few minutes before you try again|tunggu beberapa menit sebelum mencoba lagi|rate limit exceeded)/i;
const CHECKPOINT_URL = /\/(checkpoint|challenge)\//;
// Graph-style error codes the web apps answer XHRs with: rate limited, and "log in".
const RATE_LIMIT_CODES = new Set([1675004, 368, 4, 17, 32, 613]);

/**
 * Read a kept page: posts and comments from the rendered DOM (the platform's page parser), posts
 * and reaction lists from the JSON the web app fetched. A wall (login, checkpoint, rate limit)
 * or "content isn't available" is said as such, never as "no posts".
 */
export function readPatrolPage(kept: KeptPage, pageHash: string): PatrolPageReading {
  const platform = platformFromUrl(kept.url);
  const finalUrl = kept.urlChain.at(-1) ?? kept.url;
  const base = { ...(platform ? { platform } : {}), reactionLists: [] as ReactionList[], items: [] as Item[] };
  if (RATE_LIMIT_TEXT.test(kept.html.slice(0, 200_000)) && !/role="article"/.test(kept.html)) {
    return { ...base, kind: 'rate_limited', observation: 'unknown', problem: { type: 'rate_limited', retryAfterMs: 3_600_000, message: 'the web app says the viewer is temporarily blocked (going too fast)' } };
  }
  const graphql = platform === 'facebook' ? readFacebookGraphql(kept.exchanges) : { reactionLists: [], posts: [], errorCodes: [] };
  const parser = platform ? PARSERS[platform] : undefined;
  if (!parser) return { ...base, kind: 'content', observation: 'unknown', problem: { type: 'parse', message: `no page parser for ${platform ?? 'this site'}; the page is kept without items`, bodySha256: pageHash, issues: [] } };
  const page = readSavedPage(new TextEncoder().encode(kept.html), finalUrl);
  if (page.isErr()) return { ...base, kind: 'content', observation: 'unknown', problem: { type: 'parse', message: page.error.message, bodySha256: pageHash, issues: [] } };
  const parsed = parser({ ...page.value, bodySha256: pageHash });
  if (parsed.isErr()) {
    const error = parsed.error;
    if (error.type === 'unauthorized') return { ...base, kind: CHECKPOINT_URL.test(finalUrl) || /checkpoint|challenge/i.test(error.message) ? 'checkpoint' : 'login_wall', observation: 'unknown', problem: error };
    if (error.type === 'not_found') return { ...base, kind: 'unavailable', observation: 'unknown', problem: error };
    if (graphql.errorCodes.some((code) => RATE_LIMIT_CODES.has(code))) return { ...base, kind: 'rate_limited', observation: 'unknown', problem: { type: 'rate_limited', retryAfterMs: 3_600_000, message: 'the web app answered its own requests with a rate-limit error' } };
    // A drifted page: the DOM said nothing readable, whatever the JSON held.
    return { ...base, kind: 'content', observation: 'unknown', problem: error.type === 'parse' ? { ...error, bodySha256: pageHash } : error, reactionLists: graphql.reactionLists };
  }
  const items = [...parsed.value.items];
  const seen = new Set(items.map((item) => item.id));
  for (const post of graphql.posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    items.push(post);
  }
  // A permalink shows one post: a reactions dialog open over it is that post's.
  const posts = items.filter((item) => item.kind === 'post' || item.kind === 'share');
  const fromDom = platform === 'facebook' ? readReactionDialogs(kept.html, posts.length === 1 ? posts[0]!.id : undefined) : [];
  return { ...base, kind: 'content', items, ...(parsed.value.account ? { account: parsed.value.account } : {}), observation: parsed.value.observation, reactionLists: mergeReactionLists(graphql.reactionLists, fromDom) };
}
