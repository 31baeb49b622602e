import { accountKey, CaptureSchema, type Account, type Capture, type Item, type Platform, type Subject } from '@sipansos/core';
import { sha256Hex } from '@sipansos/core/evidence';
import type { Blob, KeptPage } from './keep-page.js';
import type { PatrolPageReading } from './patrol-page-reading.js';
import { PATROL_ADAPTER_ID, PATROL_ADAPTER_VERSION } from './patrol-version.js';

/** An account whose posts make a subject's reaction or comment a campaign act (candidate, team, campaign Page). */
export interface CampaignAccount {
  platform: string;
  handle?: string;
  id?: string;
}

/** What {@link buildPatrolCaptures} needs besides the page. */
export interface BuildPatrolCapturesInput {
  kept: KeptPage;
  reading: PatrolPageReading;
  /** The monitored subjects: their reactions and comments on campaign posts become their items. */
  subjects: readonly Subject[];
  /** Official and known campaign accounts (from the election context) and accounts of candidate/team subjects. */
  campaignAccounts: readonly CampaignAccount[];
  /** The account the staff opened, when the patrol started on a subject's profile. */
  account?: Account;
}

/** One capture and the subject whose act it records (for the rules). */
export interface PatrolCaptureEntry {
  capture: Capture;
  /** The subject the capture documents, when it is one of the monitored subjects. */
  subject?: Subject;
}

/** Captures of one kept page: the page itself, and one per monitored subject seen acting on a campaign post. */
export interface PatrolCaptures {
  entries: PatrolCaptureEntry[];
  /** Store these before the captures (every capture names them). */
  blobs: Blob[];
  /** Things a person should check. */
  warnings: string[];
}

const CAMPAIGN_CATEGORIES = new Set(['candidate', 'tim_kampanye', 'relawan']);

/**
 * Turn a kept page into patrol captures (`adapter.id === "patrol"`): one for the page's own
 * account holding every item read, and — for each monitored subject whose account reacted to
 * (or commented on) a post of a campaign account — one holding that subject's `like` (or
 * `comment`) items, so the rules judge them like any other act. All share the page's blobs
 * and custody block. Pure.
 */
export function buildPatrolCaptures(input: BuildPatrolCapturesInput): PatrolCaptures {
  const { kept, reading } = input;
  const platform: Platform = reading.platform ?? input.account?.platform ?? 'facebook';
  const warnings: string[] = [];
  const blobs = [kept.blobs.warc, kept.blobs.screenshot, kept.blobs.mhtml, kept.blobs.text].filter((entry): entry is Blob => entry !== undefined);
  const patrol = {
    actor: kept.actor,
    browser: { product: kept.product, userAgent: kept.userAgent },
    urlChain: kept.urlChain.slice(-50).map((url) => url.slice(0, 8000)),
    ...(kept.tls ? { tls: kept.tls } : {}),
    warcSha256: kept.blobs.warc.sha256,
    ...(kept.blobs.screenshot ? { screenshotSha256: kept.blobs.screenshot.sha256 } : {}),
    ...(kept.blobs.mhtml ? { mhtmlSha256: kept.blobs.mhtml.sha256 } : {}),
    textSha256: kept.blobs.text.sha256,
  };
  const requests = kept.exchanges.slice(0, 500).map((exchange) => ({ method: exchange.method.slice(0, 10), url: exchange.url.slice(0, 8000), status: exchange.status, at: exchange.at }));
  const subjectAccounts = input.subjects.flatMap((subject) => subject.accounts.filter((account) => account.platform === platform).map((account) => ({ subject, account })));
  const subjectOf = (who: { id?: string; handle?: string }) =>
    subjectAccounts.find(({ account }) => (who.id !== undefined && account.id === who.id) || (who.handle !== undefined && account.handle.toLowerCase() === who.handle.toLowerCase()));
  const isCampaign = (who: { id?: string; handle?: string } | undefined): boolean => {
    if (!who) return false;
    const matches = (entry: CampaignAccount) => entry.platform === platform && ((who.id !== undefined && entry.id === who.id) || (who.handle !== undefined && entry.handle?.toLowerCase() === who.handle.toLowerCase()));
    if (input.campaignAccounts.some(matches)) return true;
    const owner = subjectOf(who);
    return owner !== undefined && CAMPAIGN_CATEGORIES.has(owner.subject.category);
  };

  const make = (account: Account, scope: Capture['scope'], items: Item[], subject: Subject | undefined): PatrolCaptureEntry => {
    const key = accountKey(account);
    const capture = CaptureSchema.parse({
      id: `patrol-${sha256Hex(`${kept.blobs.warc.sha256}\n${key}\n${scope}`).slice(0, 40)}`,
      adapter: { id: PATROL_ADAPTER_ID, version: PATROL_ADAPTER_VERSION },
      platform,
      account,
      accountKey: key,
      scope,
      startedAt: kept.startedAt,
      capturedAt: kept.capturedAt,
      status: 'ok',
      accountObservation: reading.observation,
      requests,
      rawBlobs: blobs.map((entry) => entry.sha256),
      items,
      // A patrol sees what the page happened to show: it never proves an absence.
      window: { complete: false, ...edges(items) },
      patrol,
    });
    return { capture, ...(subject ? { subject } : {}) };
  };

  // The page's own account: the subject opened, the profile shown, or the author of the post shown.
  const shown = reading.account ?? authorOfSinglePost(reading.items);
  const ownerMatch = shown ? subjectOf(shown) : undefined;
  const pageAccount: Account | undefined = input.account ?? ownerMatch?.account ?? (shown?.handle ? { platform, handle: shown.handle, ...(shown.id ? { id: shown.id } : {}) } : undefined);
  if (input.account && shown?.handle && shown.handle.toLowerCase() !== input.account.handle.toLowerCase() && !(shown.id && shown.id === input.account.id)) {
    warnings.push(`halaman menampilkan akun "${shown.handle}", bukan "${input.account.handle}" / the page shows account "${shown.handle}", not "${input.account.handle}"`);
  }
  const entries: PatrolCaptureEntry[] = [];
  const fallback: Account = pageAccount ?? { platform, handle: handleFromUrl(kept.url) ?? 'halaman-tanpa-akun' };
  const ownerSubject = input.subjects.find((subject) => subject.accounts.some((account) => accountKey(account) === accountKey(fallback)));
  entries.push(make(fallback, 'timeline', reading.items, ownerSubject));

  // Subjects' acts on campaign posts.
  const posts = new Map(reading.items.filter((item) => item.kind === 'post' || item.kind === 'share').map((item) => [item.id, item]));
  const acts = new Map<string, { subject: Subject; account: Account; likes: Item[]; comments: Item[] }>();
  const actsOf = (match: { subject: Subject; account: Account }) => {
    const key = accountKey(match.account);
    const entry = acts.get(key) ?? { ...match, likes: [], comments: [] };
    acts.set(key, entry);
    return entry;
  };
  for (const list of reading.reactionLists) {
    const post = posts.get(list.postId);
    if (!post) {
      warnings.push(`daftar reaksi untuk unggahan ${list.postId} yang tidak terbaca di halaman / a reaction list for post ${list.postId} that the page did not show`);
      continue;
    }
    if (!isCampaign(post.author)) continue;
    for (const reactor of list.reactors) {
      const match = subjectOf(reactor);
      if (!match || accountKey(match.account) === accountKey(fallback)) continue;
      actsOf(match).likes.push({
        platform,
        id: `like:${post.id}`,
        kind: 'like',
        author: { ...(reactor.id ? { id: reactor.id } : {}), name: reactor.name, ...(reactor.handle ? { handle: reactor.handle } : {}) },
        media: [],
        links: [],
        hashtags: [],
        mentions: [],
        target: { kind: 'post', id: post.id, author: post.author, ...(post.text ? { text: post.text } : {}), ...(post.url ? { url: post.url } : {}), ...(post.createdAt ? { createdAt: post.createdAt } : {}) },
        ...(post.url ? { url: post.url } : {}),
      });
    }
  }
  for (const comment of reading.items.filter((item) => item.kind === 'comment')) {
    const match = subjectOf(comment.author);
    const post = comment.target ? posts.get(comment.target.id) : undefined;
    if (!match || !post || !isCampaign(post.author) || accountKey(match.account) === accountKey(fallback)) continue;
    actsOf(match).comments.push({ ...comment, target: { kind: 'post', id: post.id, author: post.author, ...(post.text ? { text: post.text } : {}), ...(post.url ? { url: post.url } : {}) } });
  }
  for (const act of acts.values()) {
    if (act.likes.length > 0) entries.push(make(act.account, 'likes', act.likes, act.subject));
    if (act.comments.length > 0) entries.push(make(act.account, 'timeline', act.comments, act.subject));
  }
  return { entries, blobs, warnings };
}

function authorOfSinglePost(items: readonly Item[]): { id?: string; handle?: string; name?: string } | undefined {
  const posts = items.filter((item) => item.kind !== 'comment');
  return posts.length === 1 ? posts[0]!.author : undefined;
}

function edges(items: readonly Item[]): Pick<Capture['window'], 'newest' | 'oldest'> {
  const dated = items.filter((item) => item.createdAt && item.kind !== 'comment' && item.kind !== 'like').sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!));
  const newest = dated[0];
  const oldest = dated.at(-1);
  return { ...(newest ? { newest: { id: newest.id, at: newest.createdAt } } : {}), ...(oldest ? { oldest: { id: oldest.id, at: oldest.createdAt } } : {}) };
}

function handleFromUrl(url: string): string | undefined {
  try {
    const first = new URL(url).pathname.split('/').filter(Boolean)[0];
    return first && /^[\p{L}\p{N}._-]{1,100}$/u.test(first) && !/^(p|reel|reels|profile\.php|story\.php|permalink\.php|photo|watch|groups|login|checkpoint|i|home|search|explore|api)$/i.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}
