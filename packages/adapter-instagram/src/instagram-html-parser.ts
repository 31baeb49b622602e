import { ItemSchema, type Item, type Media, type ProfileSnapshot } from '@sipansos/core';
import { type SavedPage, type SavedPageParse } from '@sipansos/core/adapter-kit';
import { type AdapterErrorV1 } from '@sipansos/core/spec';
import * as cheerio from 'cheerio';
import { err, ok, type Result } from 'neverthrow';
import { hashtagsOf, linksOf, mentionsOf, shortcodeOf } from './instagram-map-item.js';

type Doc = cheerio.CheerioAPI;
// cheerio's node types come from domhandler, which this package does not depend on directly.
const selectElements = (query: Doc) => query('div');
type Element = ReturnType<typeof selectElements> extends cheerio.Cheerio<infer T> ? T : never;

/** Pages larger than this are read only up to it. */
export const INSTAGRAM_MAX_PAGE_CHARS = 20_000_000;
const MAX_JSON_SCRIPT_CHARS = 8_000_000;
const MAX_JSON_NODES = 300_000;
const MAX_ITEMS = 2_000;
const ORIGIN = 'https://www.instagram.com';

// Instagram's own words, English and Indonesian.
const CHALLENGE_TEXT = /(suspicious login attempt|we detected an unusual login attempt|help us confirm (it'?s|that it'?s) you|confirm it'?s you|upaya masuk yang mencurigakan|bantu kami mengonfirmasi (bahwa )?ini (adalah )?anda|konfirmasikan bahwa ini anda)/i;
const PRIVATE_TEXT = /(this account is private|akun ini (bersifat )?pribadi|akun ini privat)/i;
const UNAVAILABLE_TEXT = /(sorry, this page isn'?t available|maaf, halaman ini tidak tersedia|the link you followed may be broken|tautan yang anda ikuti mungkin rusak)/i;
const NO_POSTS_TEXT = /(no posts yet|belum ada postingan)/i;
const LOGIN_TITLE = /^(login|log in|masuk)\s*•\s*instagram/i;

/**
 * Read an Instagram page (a public profile or post as served to a visitor, or a page a person
 * saved with the browser) into Items. Reads the page's embedded JSON where present (captions,
 * times, like and comment counts), else the markup (post links, captions, comments).
 *
 * - A login wall or a challenge ("confirm it's you") is `unauthorized`.
 * - A private account is `private`; "page isn't available" is `not_found`.
 * - Markup that is not recognised is a `parse` error carrying the page's sha256.
 */
export function parseInstagramPage(page: SavedPage): Result<SavedPageParse, AdapterErrorV1> {
  let $: Doc;
  try {
    $ = cheerio.load(page.html.length > INSTAGRAM_MAX_PAGE_CHARS ? page.html.slice(0, INSTAGRAM_MAX_PAGE_CHARS) : page.html);
  } catch (error) {
    return err(drift(page, `the HTML could not be read: ${error instanceof Error ? error.message : String(error)}`));
  }
  const title = $('title').first().text().trim();
  const bodyText = $('body').text().replace(/\s+/g, ' ').slice(0, 200_000);
  const url = page.url ?? $('meta[property="og:url"]').attr('content') ?? '';

  if (/\/challenge\//.test(url) || $('form[action*="/challenge/"]').length > 0 || CHALLENGE_TEXT.test(title) || CHALLENGE_TEXT.test(bodyText)) {
    return err({ type: 'unauthorized', message: 'Instagram served a challenge ("confirm it\'s you") instead of the account: the viewing session must be confirmed by a person' });
  }

  const json = readEmbeddedJson($);
  const account = accountOf($, json.user);
  const profile = profileOf($, json.user);
  const items = dedupe([...json.items, ...domPosts($, account?.handle), ...domComments($, url)]);

  const isPrivate = json.user?.isPrivate === true || (items.length === 0 && PRIVATE_TEXT.test(bodyText));
  if (isPrivate && items.length === 0) {
    return err({ type: 'private', message: `the Instagram account${account?.handle ? ` @${account.handle}` : ''} is private: only approved followers see its posts` });
  }
  if (items.length === 0) {
    const loginForm = $('form#loginForm, form[action*="/accounts/login"]').length > 0 || ($('input[name="username"]').length > 0 && $('input[name="password"]').length > 0);
    if (loginForm || LOGIN_TITLE.test(title) || /\/accounts\/login/.test(url)) {
      return err({ type: 'unauthorized', message: 'Instagram served a login wall: the page shows no posts to a visitor who is not logged in; save the page while logged in' });
    }
    if (UNAVAILABLE_TEXT.test(bodyText) || UNAVAILABLE_TEXT.test(title)) {
      return err({ type: 'not_found', message: 'Instagram says the page is not available (removed account or post, or a broken link)' });
    }
    const isInstagramDocument = $('meta[property="og:site_name"]').attr('content')?.toLowerCase() === 'instagram' || /•\s*instagram/i.test(title) || ($('meta[property="al:ios:url"]').attr('content') ?? '').startsWith('instagram://');
    const zeroPosts = profile.postsCount === 0 || NO_POSTS_TEXT.test(bodyText);
    if (isInstagramDocument && zeroPosts) {
      return ok({ items: [], ...(account ? { account } : {}), observation: 'public', profile: profile.snapshot });
    }
    return err(drift(page, isInstagramDocument ? 'an Instagram page without post links, embedded posts or a "no posts" notice' : 'not a recognisable Instagram page (no og:site_name, title or app link)'));
  }
  return ok({ items: items.slice(0, MAX_ITEMS), ...(account ? { account } : {}), observation: 'public', profile: profile.snapshot });
}

function drift(page: SavedPage, message: string): AdapterErrorV1 {
  return { type: 'parse', message: `Instagram page markup not recognised: ${message}`, bodySha256: page.bodySha256, issues: [{ path: 'html', message }] };
}

function dedupe(items: Item[]): Item[] {
  const out: Item[] = [];
  const byId = new Map<string, number>();
  for (const item of items) {
    const checked = ItemSchema.safeParse(item);
    if (!checked.success) continue;
    const index = byId.get(item.id);
    if (index === undefined) {
      byId.set(item.id, out.length);
      out.push(checked.data);
    } else {
      // JSON comes first and is richer; markup only fills what JSON lacked.
      const existing = out[index] as Item;
      out[index] = { ...checked.data, ...existing, media: existing.media.length > 0 ? existing.media : checked.data.media };
    }
  }
  return out;
}

// ---------------------------------------------------------------- embedded JSON

interface JsonUser {
  id?: string;
  username: string;
  fullName?: string;
  isPrivate?: boolean;
  biography?: string;
  followers?: number;
  following?: number;
  posts?: number;
}

type JsonRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const idOf = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{1,32}$/.test(value) ? value : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined);

function readEmbeddedJson($: Doc): { items: Item[]; user?: JsonUser } {
  const items: Item[] = [];
  const users: JsonUser[] = [];
  let budget = MAX_JSON_NODES;
  const scripts = $('script[type="application/json"], script[type="application/ld+json"], script:not([src])').toArray();
  for (const script of scripts) {
    const text = $(script).text();
    if (text.length === 0 || text.length > MAX_JSON_SCRIPT_CHARS) continue;
    const candidate = text.trim().startsWith('{') || text.trim().startsWith('[') ? text : /window\._sharedData\s*=\s*(\{[\s\S]*\})\s*;?\s*$/.exec(text)?.[1];
    if (!candidate) continue;
    let value: unknown;
    try {
      value = JSON.parse(candidate);
    } catch {
      continue;
    }
    const stack: Array<{ value: unknown; key: string; depth: number }> = [{ value, key: '', depth: 0 }];
    while (stack.length > 0 && budget-- > 0) {
      const entry = stack.pop() as { value: unknown; key: string; depth: number };
      if (entry.depth > 60) continue;
      if (Array.isArray(entry.value)) {
        for (const child of entry.value) stack.push({ value: child, key: entry.key, depth: entry.depth + 1 });
        continue;
      }
      if (!isRecord(entry.value)) continue;
      const node = entry.value;
      const media = mediaNodeToItem(node);
      if (media) items.push(media);
      else if (entry.key !== 'caption') {
        const comment = commentNodeToItem(node);
        if (comment) items.push(comment);
      }
      const user = userNode(node);
      if (user) users.push(user);
      for (const [key, child] of Object.entries(node)) if (typeof child === 'object' && child !== null) stack.push({ value: child, key, depth: entry.depth + 1 });
    }
  }
  // The profile's own user record is the one that says whether it is private.
  const user = users.find((candidate) => candidate.isPrivate !== undefined) ?? users[0];
  items.sort((a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '') || 0);
  return { items, ...(user ? { user } : {}) };
}

function userNode(node: JsonRecord): JsonUser | undefined {
  const username = str(node['username']);
  if (!username || typeof node['is_private'] !== 'boolean') return undefined;
  const id = idOf(node['id']) ?? idOf(node['pk']);
  const followers = num(node['follower_count']) ?? num((node['edge_followed_by'] as JsonRecord | undefined)?.['count']);
  const following = num(node['following_count']) ?? num((node['edge_follow'] as JsonRecord | undefined)?.['count']);
  const posts = num(node['media_count']) ?? num((node['edge_owner_to_timeline_media'] as JsonRecord | undefined)?.['count']);
  return {
    username,
    isPrivate: node['is_private'] as boolean,
    ...(id ? { id } : {}),
    ...(str(node['full_name']) ? { fullName: str(node['full_name']) } : {}),
    ...(str(node['biography']) ? { biography: str(node['biography']) } : {}),
    ...(followers !== undefined ? { followers } : {}),
    ...(following !== undefined ? { following } : {}),
    ...(posts !== undefined ? { posts } : {}),
  };
}

function mediaNodeToItem(node: JsonRecord): Item | undefined {
  const code = str(node['code']) ?? str(node['shortcode']);
  const takenAt = num(node['taken_at']) ?? num(node['taken_at_timestamp']);
  if (!code || !/^[A-Za-z0-9_-]{5,64}$/.test(code) || takenAt === undefined) return undefined;
  const captionNode = node['caption'];
  const oldCaption = ((node['edge_media_to_caption'] as JsonRecord | undefined)?.['edges'] as JsonRecord[] | undefined)?.[0]?.['node'] as JsonRecord | undefined;
  const text = (isRecord(captionNode) ? str(captionNode['text']) : str(captionNode)) ?? str(oldCaption?.['text']);
  const owner = (isRecord(node['user']) ? node['user'] : isRecord(node['owner']) ? node['owner'] : {}) as JsonRecord;
  const ownerId = idOf(owner['pk']) ?? idOf(owner['id']);
  const handle = str(owner['username']);
  const likes = num(node['like_count']) ?? num((node['edge_liked_by'] as JsonRecord | undefined)?.['count']) ?? num((node['edge_media_preview_like'] as JsonRecord | undefined)?.['count']);
  const comments = num(node['comment_count']) ?? num((node['edge_media_to_comment'] as JsonRecord | undefined)?.['count']);
  const mediaTypeCode = num(node['media_type']);
  const isVideo = node['is_video'] === true || mediaTypeCode === 2;
  const imageUrl = str(node['display_url']) ?? str((((node['image_versions2'] as JsonRecord | undefined)?.['candidates'] as JsonRecord[] | undefined)?.[0] ?? {})['url']);
  const carousel = (node['carousel_media'] as JsonRecord[] | undefined) ?? [];
  const media: Media[] =
    Array.isArray(carousel) && carousel.length > 0
      ? carousel.filter(isRecord).map((child) => ({ type: num(child['media_type']) === 2 ? 'video' : 'photo', ...(str((((child['image_versions2'] as JsonRecord | undefined)?.['candidates'] as JsonRecord[] | undefined)?.[0] ?? {})['url']) ? { url: str((((child['image_versions2'] as JsonRecord | undefined)?.['candidates'] as JsonRecord[] | undefined)?.[0] ?? {})['url']) } : {}) }))
      : [{ type: isVideo ? 'video' : 'photo', ...(imageUrl ? { url: imageUrl } : {}), ...(str(node['accessibility_caption']) ? { altText: str(node['accessibility_caption']) } : {}) }];
  const metrics: Record<string, number> = {};
  if (likes !== undefined && likes >= 0) metrics['likes'] = likes;
  if (comments !== undefined) metrics['comments'] = comments;
  return {
    platform: 'instagram',
    id: code,
    kind: 'post',
    author: { ...(ownerId ? { id: ownerId } : {}), ...(handle ? { handle } : {}), ...(str(owner['full_name']) ? { name: str(owner['full_name']) } : {}) },
    createdAt: new Date(takenAt * 1000).toISOString(),
    ...(text !== undefined ? { text } : {}),
    media: media.slice(0, 100),
    links: linksOf(text),
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text),
    url: `${ORIGIN}/p/${code}/`,
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
  };
}

function commentNodeToItem(node: JsonRecord): Item | undefined {
  const text = str(node['text']);
  const createdAt = num(node['created_at']);
  const user = node['user'];
  const id = idOf(node['pk']) ?? idOf(node['id']);
  const mediaId = idOf(node['media_id']) ?? idOf(node['parent_media_id']);
  if (!text || createdAt === undefined || !isRecord(user) || !id || !str(user['username']) || !('comment_like_count' in node || mediaId)) return undefined;
  return {
    platform: 'instagram',
    id: `comment:${id}`,
    kind: 'comment',
    author: { handle: str(user['username']) as string, ...(idOf(user['pk']) ?? idOf(user['id']) ? { id: idOf(user['pk']) ?? idOf(user['id']) } : {}) },
    createdAt: new Date(createdAt * 1000).toISOString(),
    text,
    media: [],
    links: linksOf(text),
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text),
    ...(mediaId ? { target: { kind: 'post' as const, id: mediaId } } : {}),
  };
}

// ---------------------------------------------------------------- markup

function handleFromPath(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (!/(^|\.)instagram\.com$/.test(url.hostname)) return undefined;
    const first = url.pathname.split('/').filter(Boolean)[0];
    if (!first || /^(p|reel|reels|tv|explore|accounts|stories|direct|challenge|legal|about|developer)$/i.test(first)) return undefined;
    return /^[A-Za-z0-9._]{1,30}$/.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}

function timeIn(scope: cheerio.Cheerio<Element>): string | undefined {
  const datetime = scope.find('time[datetime]').first().attr('datetime');
  if (datetime && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(datetime) && !Number.isNaN(Date.parse(datetime))) return new Date(Date.parse(datetime)).toISOString();
  return undefined;
}

function textIn($: Doc, node: cheerio.Cheerio<Element>): string | undefined {
  const copy = node.clone();
  copy.find('br').replaceWith('\n');
  const text = copy.text().replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
  void $;
  return text || undefined;
}

function domPosts($: Doc, pageHandle: string | undefined): Item[] {
  const items: Item[] = [];
  const author = pageHandle ? { handle: pageHandle } : {};
  // A single post page: the post is the article with a time and a caption heading.
  const ogUrl = $('meta[property="og:url"]').attr('content');
  const singleCode = shortcodeOf(ogUrl);
  $('article').each((_, element) => {
    const article = $(element);
    const code = article.attr('data-post-id') ?? shortcodeOf(article.find('a[href*="/p/"], a[href*="/reel/"]').first().attr('href')) ?? singleCode;
    if (!code || !/^[A-Za-z0-9_-]{1,64}$/.test(code)) return;
    const captionNode = article.find('.post-text, h1').first();
    const ownerHandle = handleFromPath(article.find('header a[href]').first().attr('href')) ?? pageHandle;
    const text = captionNode.length > 0 ? textIn($, captionNode) : singleCode === code ? captionFromDescription($) : undefined;
    const createdAt = timeIn(article.find('time[datetime]').first().parent().length ? article : article);
    const media: Media[] = article
      .find('img[src]')
      .toArray()
      .filter((image) => !/profile|avatar/i.test(image.attribs['alt'] ?? '') && !/\/s150x150\//.test(image.attribs['src'] ?? ''))
      .map((image) => ({ type: 'photo' as const, ...(/^https?:/.test(image.attribs['src'] ?? '') ? { url: image.attribs['src'] } : {}), ...(image.attribs['alt'] ? { altText: image.attribs['alt'].slice(0, 10_000) } : {}) }));
    items.push(postItem(code, ownerHandle ? { handle: ownerHandle } : author, text, createdAt, media));
  });
  // A profile grid: links to posts, with the picture's alt text.
  $('a[href*="/p/"], a[href*="/reel/"]').each((_, element) => {
    const anchor = $(element);
    if (anchor.closest('article').length > 0) return;
    const code = shortcodeOf(anchor.attr('href'));
    if (!code) return;
    const image = anchor.find('img').first();
    const alt = image.attr('alt');
    const src = image.attr('src');
    const isVideo = /\/reel\//.test(anchor.attr('href') ?? '');
    const media: Media[] = image.length > 0 || isVideo ? [{ type: isVideo ? 'video' : 'photo', ...(src && /^https?:/.test(src) ? { url: src } : {}), ...(alt ? { altText: alt.slice(0, 10_000) } : {}) }] : [];
    items.push(postItem(code, author, undefined, undefined, media));
  });
  return items;
}

function postItem(code: string, author: Item['author'], text: string | undefined, createdAt: string | undefined, media: Media[]): Item {
  return {
    platform: 'instagram',
    id: code,
    kind: 'post',
    author,
    ...(createdAt ? { createdAt } : {}),
    ...(text ? { text: text.slice(0, 100_000) } : {}),
    media: media.slice(0, 100),
    links: linksOf(text),
    hashtags: hashtagsOf(text),
    mentions: mentionsOf(text),
    url: `${ORIGIN}/p/${code}/`,
  };
}

// og:description of a post page: `12 likes, 3 comments - handle on November 19, 2024: "caption"`
// (Indonesian: `12 suka, 3 komentar - handle pada 19 November 2024: "caption"`).
function captionFromDescription($: Doc): string | undefined {
  const description = $('meta[property="og:description"]').attr('content') ?? '';
  const match = /:\s*"([\s\S]*)"\s*\.?\s*$/.exec(description);
  return match?.[1]?.trim() || undefined;
}

function domComments($: Doc, pageUrl: string): Item[] {
  const postCode = shortcodeOf($('meta[property="og:url"]').attr('content') ?? pageUrl);
  const items: Item[] = [];
  $('li').each((_, element) => {
    const entry = $(element);
    const link = entry.find('a[href*="/c/"]').first();
    const commentId = /\/c\/(\d{1,32})/.exec(link.attr('href') ?? '')?.[1];
    if (!commentId) return;
    const handle = handleFromPath(entry.find('h3 a[href], h2 a[href]').first().attr('href'));
    const body = entry.find('h3').first().nextAll('span, div[dir="auto"], span[dir="auto"]').first();
    const text = body.length > 0 ? textIn($, body) : undefined;
    const createdAt = timeIn(entry);
    items.push({
      platform: 'instagram',
      id: `comment:${commentId}`,
      kind: 'comment',
      author: handle ? { handle } : {},
      ...(createdAt ? { createdAt } : {}),
      ...(text ? { text } : {}),
      media: [],
      links: linksOf(text),
      hashtags: hashtagsOf(text),
      mentions: mentionsOf(text),
      ...(postCode ? { target: { kind: 'post' as const, id: postCode } } : {}),
      url: new URL(link.attr('href') ?? '', ORIGIN).toString().slice(0, 4000),
    });
  });
  return items;
}

// ---------------------------------------------------------------- account and profile

function accountOf($: Doc, user: JsonUser | undefined): SavedPageParse['account'] | undefined {
  const appLink = $('meta[property="al:ios:url"], meta[property="al:android:url"]').first().attr('content') ?? '';
  const fromApp = /username=([A-Za-z0-9._]{1,30})/.exec(appLink)?.[1];
  const ogUrl = $('meta[property="og:url"]').attr('content');
  const handle = user?.username ?? fromApp ?? handleFromPath(ogUrl) ?? ($('[data-profile-handle]').first().attr('data-profile-handle') || undefined);
  const name = user?.fullName ?? /^(.*?)\s*\(@[A-Za-z0-9._]+\)/.exec($('meta[property="og:title"]').attr('content') ?? '')?.[1]?.trim();
  if (!handle && !user?.id && !name) return undefined;
  return { ...(user?.id ? { id: user.id } : {}), ...(handle ? { handle } : {}), ...(name ? { name: name.slice(0, 300) } : {}) };
}

function count(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(text)) return undefined;
  return Number(text.replace(/[.,]/g, ''));
}

function profileOf($: Doc, user: JsonUser | undefined): { snapshot: ProfileSnapshot; postsCount?: number } {
  const description = $('meta[property="og:description"]').attr('content') ?? '';
  const followers = count(/([\d.,]+)\s+(Followers|Pengikut)/i.exec(description)?.[1]);
  const following = count(/([\d.,]+)\s+(Following|Mengikuti)/i.exec(description)?.[1]);
  const posts = count(/([\d.,]+)\s+(Posts|Postingan)/i.exec(description)?.[1]);
  const name = user?.fullName ?? /^(.*?)\s*\(@[A-Za-z0-9._]+\)/.exec($('meta[property="og:title"]').attr('content') ?? '')?.[1]?.trim();
  const photo = $('meta[property="og:image"]').attr('content');
  const followersCount = user?.followers ?? followers;
  const followingCount = user?.following ?? following;
  const postsCount = user?.posts ?? posts;
  return {
    snapshot: {
      ...(name ? { displayName: name.slice(0, 300) } : {}),
      ...(user?.biography ? { bio: user.biography.slice(0, 10_000) } : {}),
      ...(photo ? { photoUrl: photo.slice(0, 4000) } : {}),
      ...(user?.isPrivate !== undefined ? { isPrivate: user.isPrivate } : {}),
      ...(followersCount !== undefined ? { followersCount } : {}),
      ...(followingCount !== undefined ? { followingCount } : {}),
    },
    ...(postsCount !== undefined ? { postsCount } : {}),
  };
}
