import type { Item, Media, ProfileSnapshot } from '@sipansos/core';
import type { InstagramBusinessUser, InstagramMedia } from './instagram-schemas.js';

/** Graph times carry `+0000`; core's instants want `+00:00`. */
export function graphTimeToInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const fixed = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Number.isNaN(Date.parse(fixed)) ? undefined : fixed;
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,100})/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_.])@([A-Za-z0-9._]{1,30})/gu;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+/giu;

/** Hashtags as written, without `#`. */
export function hashtagsOf(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(HASHTAG)].map((match) => match[1] ?? '').filter(Boolean))];
}

/** `@handles` in a caption, as authors. */
export function mentionsOf(text: string | undefined): Array<{ handle: string }> {
  if (!text) return [];
  return [...new Set([...text.matchAll(MENTION)].map((match) => (match[1] ?? '').replace(/\.+$/, '')).filter(Boolean))].map((handle) => ({ handle }));
}

/** Links written in a caption. */
export function linksOf(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.match(URL_PATTERN) ?? [])].slice(0, 50);
}

/**
 * The post's shortcode from its permalink (`https://www.instagram.com/p/Cx1AbC/` → `Cx1AbC`).
 * Items are keyed by shortcode on every path (Graph, web page, saved page) so the same post
 * read two ways is one item, and a caption edit across captures becomes a version.
 */
export function shortcodeOf(permalink: string | undefined): string | undefined {
  if (!permalink) return undefined;
  return /instagram\.com\/(?:[A-Za-z0-9._]+\/)?(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,64})/.exec(permalink)?.[1] ?? /^\/(?:[A-Za-z0-9._]+\/)?(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,64})/.exec(permalink)?.[1];
}

function mediaType(type: string | undefined): Media['type'] {
  const upper = (type ?? '').toUpperCase();
  if (upper === 'IMAGE') return 'photo';
  if (upper === 'VIDEO' || upper === 'REELS') return 'video';
  return 'other';
}

/** Map one IG Media (business discovery) to core's Item. */
export function instagramMediaToItem(media: InstagramMedia, owner: Pick<InstagramBusinessUser, 'id' | 'username' | 'name'>): Item {
  const caption = media.caption;
  const children = media.children?.data ?? [];
  const mediaList: Media[] =
    children.length > 0
      ? children.map((child) => ({ type: mediaType(child.media_type), ...(child.media_url ?? child.thumbnail_url ? { url: child.media_url ?? child.thumbnail_url } : {}) }))
      : [{ type: mediaType(media.media_type), ...(media.media_url ?? media.thumbnail_url ? { url: media.media_url ?? media.thumbnail_url } : {}) }];
  const createdAt = graphTimeToInstant(media.timestamp);
  const metrics: Record<string, number> = {};
  if (media.like_count !== undefined) metrics['likes'] = media.like_count;
  if (media.comments_count !== undefined) metrics['comments'] = media.comments_count;
  return {
    platform: 'instagram',
    id: shortcodeOf(media.permalink) ?? media.id,
    kind: 'post',
    author: { id: owner.id, ...(owner.username ? { handle: owner.username } : {}), ...(owner.name ? { name: owner.name } : {}) },
    ...(createdAt ? { createdAt } : {}),
    ...(caption !== undefined ? { text: caption } : {}),
    media: mediaList.slice(0, 100),
    links: linksOf(caption),
    hashtags: hashtagsOf(caption),
    mentions: mentionsOf(caption),
    ...(media.permalink ? { url: media.permalink } : {}),
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
  };
}

/** Profile facts of a business or creator account. */
export function instagramUserToProfile(user: InstagramBusinessUser): ProfileSnapshot {
  return {
    ...(user.name ? { displayName: user.name } : {}),
    ...(user.biography ? { bio: user.biography } : {}),
    ...(user.profile_picture_url ? { photoUrl: user.profile_picture_url } : {}),
    ...(user.website ? { website: user.website } : {}),
    isPrivate: false,
    ...(user.followers_count !== undefined ? { followersCount: user.followers_count } : {}),
    ...(user.follows_count !== undefined ? { followingCount: user.follows_count } : {}),
  };
}
