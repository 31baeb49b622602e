import { ItemSchema, type Item, type ItemAuthor, type Media } from '@sipansos/core';
import { type SavedPage, type SavedPageParse } from '@sipansos/core/adapter-kit';
import { type AdapterErrorV1 } from '@sipansos/core/spec';
import * as cheerio from 'cheerio';
import { err, ok, type Result } from 'neverthrow';
import { hashtagsOf, linksOf } from './facebook-map-item.js';

type Doc = cheerio.CheerioAPI;
// cheerio's node types come from domhandler, which this package does not depend on directly.
const selectElements = (query: Doc) => query('div');
type Element = ReturnType<typeof selectElements> extends cheerio.Cheerio<infer T> ? T : never;
type AnyNode = Element;

/** Pages larger than this are read only up to it; a browser-saved Facebook page is far smaller. */
export const FACEBOOK_MAX_PAGE_CHARS = 20_000_000;
const MAX_ARTICLES = 1_000;
const ORIGIN = 'https://www.facebook.com';

// Words Facebook shows, in English and Indonesian. Checked on the visible text and the title.
const CHECKPOINT_TEXT =
  /(security check|we suspended your account|your account (has been )?(locked|disabled|suspended)|confirm (it'?s you|your identity)|pemeriksaan keamanan|akun anda (telah )?(dikunci|dinonaktifkan|ditangguhkan)|kami menangguhkan akun anda|konfirmasikan (bahwa ini anda|identitas anda))/i;
const LOGIN_TITLE = /^(log (in|into) (to )?facebook|masuk( ke)? facebook|facebook\s*[–-]\s*(log in or sign up|masuk atau daftar))/i;
const UNAVAILABLE_TEXT =
  /(this content isn'?t available( right now)?|this page isn'?t available|the link you followed may be broken|konten ini tidak tersedia( saat ini)?|halaman ini tidak tersedia|tautan yang anda ikuti mungkin rusak)/i;
const NO_POSTS_TEXT = /(no posts available|no posts to show|tidak ada postingan( yang tersedia)?|belum ada postingan)/i;
const COMMENT_LABEL = /^(comment by|reply by|komentar (dari|oleh)|balasan (dari|oleh))\s+(.+?)(\s+\d.*)?$/i;
const POST_ID_PATTERNS = [
  /\/posts\/(pfbid[0-9A-Za-z]+|\d+)/,
  /[?&]story_fbid=(pfbid[0-9A-Za-z]+|\d+)/,
  /\/permalink\/(\d+)/,
  /\/videos\/(?:[^/?#]+\/)?(\d+)/,
  /\/photos\/[^/?#]+\/(\d+)/,
  /[?&]fbid=(\d+)/,
];

/**
 * Read a Facebook page (a public Page or profile as served to a visitor, or a page a person
 * saved with the browser; `m.`, `mbasic.` and `www.` markup) into Items.
 *
 * - A checkpoint or a login wall with no posts is `unauthorized` — never "no posts".
 * - "This content isn't available" is `not_found`.
 * - A page whose markup is not recognised is a `parse` error carrying the page's sha256.
 * - Posts whose id cannot be read are skipped; the rest are returned.
 */
export function parseFacebookPage(page: SavedPage): Result<SavedPageParse, AdapterErrorV1> {
  let $: Doc;
  try {
    $ = cheerio.load(page.html.length > FACEBOOK_MAX_PAGE_CHARS ? page.html.slice(0, FACEBOOK_MAX_PAGE_CHARS) : page.html);
  } catch (error) {
    return err(drift(page, `the HTML could not be read: ${error instanceof Error ? error.message : String(error)}`));
  }
  const title = $('title').first().text().trim();
  const bodyText = $('body').text().replace(/\s+/g, ' ').slice(0, 200_000);
  const url = page.url ?? $('meta[property="og:url"]').attr('content') ?? '';

  if (/\/checkpoint\//.test(url) || $('form[action*="/checkpoint/"]').length > 0 || CHECKPOINT_TEXT.test(title) || (CHECKPOINT_TEXT.test(bodyText) && $('[role="article"], article').length === 0)) {
    return err({ type: 'unauthorized', message: 'Facebook served a checkpoint (security check) page instead of the account: the viewing session must be confirmed by a person' });
  }

  const account = accountOf($, page.url);
  const items = readArticles($);
  const loginForm = $('form#login_form, form[action*="/login"], form[data-testid="royal_login_form"]').filter((_, form) => $(form).find('input[name="pass"], input[type="password"]').length > 0);

  if (items.length === 0) {
    if (loginForm.length > 0 || LOGIN_TITLE.test(title) || /\/login(\/|\.php|\?|$)/.test(url)) {
      return err({ type: 'unauthorized', message: 'Facebook served a login wall: the page shows no posts to a visitor who is not logged in; save the page while logged in, or use the Graph API for Pages' });
    }
    if (UNAVAILABLE_TEXT.test(bodyText) || UNAVAILABLE_TEXT.test(title)) {
      return err({ type: 'not_found', message: 'Facebook says the content is not available (removed, or visible only to some people)' });
    }
    const articleCount = $('[role="article"], article, [data-ft*="top_level_post_id"]').length;
    if (articleCount > 0) {
      return err(drift(page, `found ${articleCount} post containers but could not read an id from any of them`));
    }
    const isFacebookDocument = $('meta[property="og:site_name"]').attr('content')?.toLowerCase() === 'facebook' || /\|\s*facebook$/i.test(title) || $('#pagelet_timeline_main_column, [data-pagelet^="ProfileTimeline"], #structured_composer_async_container, #timelineBody').length > 0;
    if (isFacebookDocument && NO_POSTS_TEXT.test(bodyText)) {
      return ok({ items: [], ...(account ? { account } : {}), observation: 'public', profile: profileOf($) });
    }
    return err(drift(page, isFacebookDocument ? 'a Facebook page without any post container and without a "no posts" notice' : 'not a recognisable Facebook page (no og:site_name, title or timeline container)'));
  }
  return ok({ items, ...(account ? { account } : {}), observation: 'public', profile: profileOf($) });
}

function drift(page: SavedPage, message: string): AdapterErrorV1 {
  return { type: 'parse', message: `Facebook page markup not recognised: ${message}`, bodySha256: page.bodySha256, issues: [{ path: 'html', message }] };
}

function readArticles($: Doc): Item[] {
  const candidates = $('[role="article"], article, div[data-ft*="top_level_post_id"], [data-post-id]').toArray().slice(0, MAX_ARTICLES);
  const set = new Set<AnyNode>(candidates);
  const parentOf = new Map<Element, Element | undefined>();
  for (const element of candidates) parentOf.set(element, $(element).parents().toArray().find((ancestor) => set.has(ancestor)));
  const commentOf = (element: Element) => COMMENT_LABEL.exec($(element).attr('aria-label') ?? '');

  // Nested containers are comments under a post, or the post a share shares. Read them while
  // they are in place, then detach them so each post is read from its own content alone
  // (cheaper than cloning every post to strip them).
  const comments: Item[] = [];
  const targets = new Map<Element, NonNullable<Item['target']>>();
  const postIds = new Map<Element, string | undefined>();
  for (const element of candidates) {
    const parent = parentOf.get(element);
    const comment = commentOf(element);
    if (comment) {
      let postId = parent ? postIds.get(parent) : undefined;
      if (parent && !postIds.has(parent)) {
        postId = postIdOf($, parent);
        postIds.set(parent, postId);
      }
      const item = readComment($, element, comment[4] ?? '', postId);
      if (item) comments.push(item);
    } else if (parent && !targets.has(parent)) {
      const target = readTarget($, element);
      if (target) targets.set(parent, target);
    }
  }
  for (const element of candidates) if (parentOf.get(element)) $(element).remove();

  const posts: Item[] = [];
  for (const element of candidates) {
    if (parentOf.get(element) || commentOf(element)) continue;
    const item = readPost($, element, targets.get(element));
    if (item) posts.push(item);
  }
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const item of [...posts, ...comments]) {
    if (seen.has(item.id)) continue;
    // What markup yields is untrusted too: an item that breaks core's schema is not evidence.
    const checked = ItemSchema.safeParse(item);
    if (!checked.success) continue;
    seen.add(item.id);
    items.push(checked.data);
  }
  return items;
}

function dataFt($: Doc, element: Element): Record<string, unknown> {
  const raw = $(element).attr('data-ft') ?? $(element).find('[data-ft]').first().attr('data-ft');
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function idFromHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  for (const pattern of POST_ID_PATTERNS) {
    const match = pattern.exec(href);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function absolute(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    // Tracking parameters change on every page load; they are not part of the address.
    for (const key of [...url.searchParams.keys()]) if (/^(__cft__|__tn__|__xts__|ref|fref|refid|_rdr|eav|paipv|mibextid)/.test(key)) url.searchParams.delete(key);
    return url.toString();
  } catch {
    return undefined;
  }
}

function textOf($: Doc, scope: cheerio.Cheerio<Element>): string | undefined {
  const message = scope.find('[data-ad-preview="message"], [data-ad-comet-preview="message"], .userContent, [data-testid="post_message"], .post-text').first();
  if (message.length > 0) return cleanText($, message) || undefined;
  // mbasic/m markup: the post text sits in <p> elements of the story body.
  const paragraphs = scope.find('p').toArray();
  if (paragraphs.length > 0) return paragraphs.map((paragraph) => cleanText($, $(paragraph))).join('\n').trim() || undefined;
  return undefined;
}

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'blockquote']);

// Walks the nodes instead of cloning and rewriting them: a saved page can hold hundreds of posts.
function nodeText(node: DomNode, depth: number): string {
  if (node.type === 'text') return node.data ?? '';
  if ((node.type !== 'tag' && node.type !== 'root') || depth > 200) return '';
  if (node.name === 'br') return '\n';
  if (node.name === 'script' || node.name === 'style') return '';
  let inner = '';
  for (const child of node.children ?? []) inner += nodeText(child, depth + 1);
  return node.name && BLOCK_TAGS.has(node.name) ? `${inner}\n` : inner;
}

function cleanText($: Doc, node: cheerio.Cheerio<Element>): string {
  void $;
  return node
    .toArray()
    .map((element) => nodeText(element as unknown as DomNode, 0))
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function timeOf(scope: cheerio.Cheerio<Element>): string | undefined {
  const utime = scope.find('[data-utime]').first().attr('data-utime');
  if (utime && /^\d{9,11}$/.test(utime)) return new Date(Number(utime) * 1000).toISOString();
  const datetime = scope.find('time[datetime]').first().attr('datetime');
  if (datetime && !Number.isNaN(Date.parse(datetime)) && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(datetime)) return new Date(Date.parse(datetime)).toISOString();
  return undefined;
}

function authorOf(scope: cheerio.Cheerio<Element>, ft: Record<string, unknown>): ItemAuthor {
  const link = scope.find('h2 a, h3 a, h4 a, strong a, [data-testid="story-subtitle"] a').filter((_, anchor) => {
    const href = anchor.attribs['href'] ?? '';
    return !idFromHref(href) && !/\/(hashtag|groups\/[^/]+\/user|photo|stories)\b/.test(href);
  }).first();
  const name = link.text().trim() || undefined;
  const handle = handleFromHref(link.attr('href'));
  const ownerId = ft['content_owner_id_new'] ?? ft['page_id'] ?? ft['actor_id'];
  const numericFromHref = /[?&]id=(\d+)/.exec(link.attr('href') ?? '')?.[1];
  const id = typeof ownerId === 'string' || typeof ownerId === 'number' ? String(ownerId) : numericFromHref;
  return { ...(id ? { id } : {}), ...(handle ? { handle } : {}), ...(name ? { name: name.slice(0, 300) } : {}) };
}

function handleFromHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, ORIGIN);
    if (!/(^|\.)facebook\.com$/.test(url.hostname)) return undefined;
    const first = url.pathname.split('/').filter(Boolean)[0];
    if (!first || /^(profile\.php|groups|pages|hashtag|watch|story\.php|photo\.php|permalink\.php|people|events|login|checkpoint)$/i.test(first)) return undefined;
    return /^[\p{L}\p{N}._-]{1,100}$/u.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}

function mediaIn(scope: cheerio.Cheerio<Element>): Media[] {
  const media: Media[] = [];
  scope.find('a[href*="/photos/"] img, a[href*="/photo"] img, img[data-visualcompletion="media-vc-image"], video').each((_, node) => {
    const element = node as Element;
    if (element.name === 'video') {
      const src = element.attribs['src'];
      media.push({ type: 'video', ...(src && /^https?:/.test(src) ? { url: src } : {}) });
      return;
    }
    const src = element.attribs['src'];
    const alt = element.attribs['alt'];
    media.push({ type: 'photo', ...(src && /^https?:/.test(src) ? { url: src } : {}), ...(alt ? { altText: alt.slice(0, 10_000) } : {}) });
  });
  return media.slice(0, 100);
}

function permalinkOf(scope: cheerio.Cheerio<Element>): { id?: string; url?: string } {
  for (const anchor of scope.find('a[href]').toArray()) {
    const href = anchor.attribs['href'];
    const id = idFromHref(href);
    if (id) return { id, ...(absolute(href) ? { url: absolute(href) } : {}) };
  }
  return {};
}

function idOfArticle($: Doc, element: Element, scope: cheerio.Cheerio<Element>): string | undefined {
  const ft = dataFt($, element);
  const ftId = ft['top_level_post_id'] ?? ft['mf_story_key'] ?? $(element).attr('data-post-id');
  const id = typeof ftId === 'string' || typeof ftId === 'number' ? String(ftId) : permalinkOf(scope).id;
  return id && /^[0-9A-Za-z_:-]{1,200}$/.test(id) ? id : undefined;
}

/** The id of the post an article shows (read while its comments are still inside it). */
function postIdOf($: Doc, element: Element): string | undefined {
  return idOfArticle($, element, $(element));
}

/** The shared post inside a share. */
function readTarget($: Doc, element: Element): NonNullable<Item['target']> | undefined {
  const scope = $(element);
  const id = idOfArticle($, element, scope);
  if (!id) return undefined;
  const author = authorOf(scope, dataFt($, element));
  const text = textOf($, scope);
  const url = permalinkOf(scope).url;
  return { kind: 'post', id, ...(Object.keys(author).length ? { author } : {}), ...(text ? { text } : {}), ...(url ? { url } : {}) };
}

function readPost($: Doc, element: Element, target: Item['target']): Item | undefined {
  const scope = $(element);
  const ft = dataFt($, element);
  const id = idOfArticle($, element, scope);
  if (!id) return undefined;
  const permalink = permalinkOf(scope);
  const text = textOf($, scope);
  const createdAt = timeOf(scope);
  return {
    platform: 'facebook',
    id,
    kind: target ? 'share' : 'post',
    author: authorOf(scope, ft),
    ...(createdAt ? { createdAt } : {}),
    ...(text ? { text: text.slice(0, 100_000) } : {}),
    media: mediaIn(scope),
    links: linksOf(text),
    hashtags: hashtagsOf(text),
    mentions: [],
    ...(target ? { target } : {}),
    ...(permalink.url ? { url: permalink.url.slice(0, 4000) } : {}),
  };
}

function readComment($: Doc, element: Element, commenterName: string, parentPostId: string | undefined): Item | undefined {
  const scope = $(element);
  let commentId: string | undefined;
  let commentUrl: string | undefined;
  for (const anchor of scope.find('a[href*="comment_id="]').toArray()) {
    const href = anchor.attribs['href'] ?? '';
    const replyId = /[?&]reply_comment_id=(\d+)/.exec(href)?.[1];
    commentId = replyId ?? /[?&]comment_id=(\d+)/.exec(href)?.[1];
    commentUrl = absolute(href);
    if (commentId) break;
  }
  if (!commentId) return undefined;
  const postId = parentPostId ?? (commentUrl ? idFromHref(commentUrl) : undefined);
  const bodyNode = scope.find('[dir="auto"], .comment-body, [data-testid="comment-body"]').first();
  const text = bodyNode.length ? cleanText($, bodyNode) || undefined : undefined;
  const authorLink = scope.find('a[href]').filter((_, anchor) => !idFromHref(anchor.attribs['href']) && handleFromHref(anchor.attribs['href']) !== undefined).first();
  const handle = handleFromHref(authorLink.attr('href'));
  const createdAt = timeOf(scope);
  return {
    platform: 'facebook',
    id: `comment:${commentId}`,
    kind: 'comment',
    author: { ...(handle ? { handle } : {}), name: commenterName.slice(0, 300) },
    ...(createdAt ? { createdAt } : {}),
    ...(text ? { text } : {}),
    media: [],
    links: linksOf(text),
    hashtags: hashtagsOf(text),
    mentions: [],
    ...(postId ? { target: { kind: 'post' as const, id: postId } } : {}),
    ...(commentUrl ? { url: commentUrl.slice(0, 4000) } : {}),
  };
}

function accountOf($: Doc, pageUrl: string | undefined): SavedPageParse['account'] | undefined {
  const appLink = $('meta[property="al:android:url"], meta[property="al:ios:url"]').first().attr('content') ?? '';
  const id = /fb:\/\/(?:page|profile)\/(?:\?id=)?(\d+)/.exec(appLink)?.[1];
  const handle = handleFromHref($('meta[property="og:url"]').attr('content') ?? $('link[rel="canonical"]').attr('href') ?? pageUrl) ?? ($('[data-profile-handle]').first().attr('data-profile-handle') || undefined);
  const name = $('meta[property="og:title"]').attr('content')?.trim();
  if (!id && !handle && !name) return undefined;
  return { ...(id ? { id } : {}), ...(handle ? { handle } : {}), ...(name ? { name: name.slice(0, 300) } : {}) };
}

function profileOf($: Doc): SavedPageParse['profile'] {
  const name = $('meta[property="og:title"]').attr('content')?.trim();
  const bio = $('meta[property="og:description"]').attr('content')?.trim();
  const photo = $('meta[property="og:image"]').attr('content');
  return { ...(name ? { displayName: name.slice(0, 300) } : {}), ...(bio ? { bio: bio.slice(0, 10_000) } : {}), ...(photo ? { photoUrl: photo.slice(0, 4000) } : {}) };
}
