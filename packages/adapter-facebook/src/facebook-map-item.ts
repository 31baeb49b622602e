import type { Item, Media, ProfileSnapshot } from '@sipansos/core';
import type { FacebookAttachment, FacebookPage, FacebookPost } from './facebook-schemas.js';

/**
 * Graph API times carry `+0000` (no colon); core's instants want `+00:00`. Returns undefined for
 * a value that is not a time at all.
 */
export function graphTimeToInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const fixed = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Number.isNaN(Date.parse(fixed)) ? undefined : fixed;
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,100})/gu;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+/giu;

/** Hashtags as written (without `#`), in order of first appearance. */
export function hashtagsOf(text: string | undefined): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) if (match[1]) seen.add(match[1]);
  return [...seen];
}

/** Links written in the text. */
export function linksOf(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.match(URL_PATTERN) ?? [])].slice(0, 50);
}

function mediaOf(attachment: FacebookAttachment): Media[] {
  const out: Media[] = [];
  const kind = (attachment.media_type ?? attachment.type ?? '').toLowerCase();
  const url = attachment.media?.source ?? attachment.media?.image?.src;
  if (url || kind.includes('photo') || kind.includes('video')) {
    const type: Media['type'] = kind.includes('video') ? 'video' : kind.includes('photo') || kind.includes('album') ? 'photo' : kind.includes('animated') ? 'gif' : 'other';
    if (url || type !== 'other') out.push({ type, ...(url ? { url } : {}), ...(attachment.description ? { altText: attachment.description } : {}) });
  }
  for (const child of attachment.subattachments?.data ?? []) out.push(...mediaOf(child));
  return out;
}

const UNAVAILABLE_ATTACHMENT = /(content isn'?t available|konten ini tidak tersedia)/i;

/**
 * Map a Page post to core's Item. A post that shares another post (`parent_id`) becomes a
 * `share` whose target is the shared post. `updated_time` is NOT an edit time (Meta moves it for
 * new comments too), so `editedAt` stays empty; core's diff turns changed text under the same id
 * into a new version.
 */
export function facebookPostToItem(post: FacebookPost, page?: Pick<FacebookPage, 'id' | 'name' | 'username'>): Item {
  const attachments = post.attachments?.data ?? [];
  const media = attachments.flatMap(mediaOf).slice(0, 100);
  const attachmentLinks = attachments.filter((attachment) => attachment.type === 'share' && attachment.url).map((attachment) => attachment.url as string);
  const createdAt = graphTimeToInstant(post.created_time);
  // A share whose original was deleted keeps parent_id; its attachment says the content is gone.
  const unavailable = attachments.some((attachment) => attachment.type === 'unavailable' || UNAVAILABLE_ATTACHMENT.test(attachment.title ?? ''));
  const author = {
    ...(post.from?.id ?? page?.id ? { id: post.from?.id ?? page?.id } : {}),
    ...(page?.username ? { handle: page.username } : {}),
    ...(post.from?.name || page?.name ? { name: post.from?.name || page?.name } : {}),
  };
  return {
    platform: 'facebook',
    id: post.id,
    kind: post.parent_id ? 'share' : 'post',
    author,
    ...(createdAt ? { createdAt } : {}),
    ...(post.message !== undefined ? { text: post.message } : {}),
    media,
    links: [...new Set([...linksOf(post.message), ...attachmentLinks])],
    hashtags: hashtagsOf(post.message),
    mentions: [],
    ...(post.parent_id ? { target: { kind: 'post' as const, id: post.parent_id, ...(unavailable ? { unavailable: true } : {}) } } : {}),
    ...(post.permalink_url ? { url: post.permalink_url } : {}),
    ...(post.shares ? { metrics: { shares: post.shares.count } } : {}),
  };
}

/** Profile facts of a Page. */
export function facebookPageToProfile(page: FacebookPage): ProfileSnapshot {
  const followers = page.followers_count ?? page.fan_count;
  const photoUrl = page.picture?.data?.url;
  return {
    displayName: page.name,
    ...(page.about ? { bio: page.about } : {}),
    ...(photoUrl ? { photoUrl } : {}),
    ...(page.website ? { website: page.website } : {}),
    ...(page.verification_status ? { verified: page.verification_status === 'blue_verified' } : {}),
    ...(followers !== undefined ? { followersCount: followers } : {}),
  };
}
