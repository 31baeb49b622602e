// Builders for X API v2 bodies in the documented shapes (docs.x.com data dictionary,
// pagination, partial errors). Every person, account and post here is invented.
import type { XMedia, XProblem, XTweet, XTweetsPage, XUser } from '../x-schemas.js';

/** An invented user object with the fields the adapter requests. */
export function xUser(id: string, username: string, name: string, extra: Partial<XUser> = {}): XUser {
  return {
    id,
    username,
    name,
    description: `Akun contoh untuk pengujian SIPANSOS (${name}, fiktif).`,
    location: 'Kabupaten Contoh',
    profile_image_url: `https://pbs.twimg.com/profile_images/${id}/contoh_normal.jpg`,
    protected: false,
    verified: false,
    created_at: '2019-05-01T03:00:00.000Z',
    public_metrics: { followers_count: 1200, following_count: 310, tweet_count: 845, listed_count: 4, like_count: 2300 },
    ...extra,
  };
}

export interface TweetSpec {
  id: string;
  authorId: string;
  text: string;
  createdAt?: string;
  references?: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string }[];
  mediaKeys?: string[];
  editHistory?: string[];
  /** `in_reply_to_user_id`: whom a reply answers. */
  inReplyTo?: string;
  metrics?: Partial<Record<'retweet_count' | 'reply_count' | 'like_count' | 'quote_count' | 'bookmark_count' | 'impression_count', number>>;
  links?: { short: string; expanded: string }[];
}

/**
 * A post with `entities` computed from its text: `#tag` → hashtags, `@name` → mentions, and the
 * given links, each with start/end offsets as X sends them.
 */
export function xTweet(spec: TweetSpec): XTweet {
  const hashtags = [...spec.text.matchAll(/#(\w+)/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, tag: match[1] ?? '' }));
  const mentions = [...spec.text.matchAll(/@(\w+)/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, username: match[1] ?? '' }));
  const urls = (spec.links ?? []).map((link) => {
    const start = spec.text.indexOf(link.short);
    return { start, end: start + link.short.length, url: link.short, expanded_url: link.expanded, display_url: link.expanded.replace(/^https?:\/\//, '') };
  });
  const tweet: XTweet = {
    id: spec.id,
    text: spec.text,
    edit_history_tweet_ids: spec.editHistory ?? [spec.id],
    author_id: spec.authorId,
    created_at: spec.createdAt ?? '2024-10-01T02:00:00.000Z',
    conversation_id: spec.id,
    lang: 'in',
    possibly_sensitive: false,
    public_metrics: { retweet_count: 3, reply_count: 1, like_count: 12, quote_count: 0, bookmark_count: 0, impression_count: 410, ...spec.metrics },
  };
  if (hashtags.length > 0 || mentions.length > 0 || urls.length > 0) {
    tweet.entities = {};
    if (hashtags.length > 0) tweet.entities.hashtags = hashtags;
    if (mentions.length > 0) tweet.entities.mentions = mentions;
    if (urls.length > 0) tweet.entities.urls = urls;
  }
  if (spec.references) tweet.referenced_tweets = spec.references;
  if (spec.inReplyTo) tweet.in_reply_to_user_id = spec.inReplyTo;
  if (spec.mediaKeys) tweet.attachments = { media_keys: spec.mediaKeys };
  return tweet;
}

/** A photo in `includes.media`. */
export function xPhoto(mediaKey: string, altText?: string): XMedia {
  const media: XMedia = { media_key: mediaKey, type: 'photo', url: `https://pbs.twimg.com/media/${mediaKey}.jpg`, width: 1200, height: 900 };
  if (altText) media.alt_text = altText;
  return media;
}

/** A video in `includes.media`, with variants. */
export function xVideo(mediaKey: string): XMedia {
  return {
    media_key: mediaKey,
    type: 'video',
    preview_image_url: `https://pbs.twimg.com/ext_tw_video_thumb/${mediaKey}/pu/img/preview.jpg`,
    duration_ms: 15000,
    variants: [
      { content_type: 'application/x-mpegURL', url: `https://video.twimg.com/ext_tw_video/${mediaKey}/pu/pl/playlist.m3u8` },
      { bit_rate: 256000, content_type: 'video/mp4', url: `https://video.twimg.com/ext_tw_video/${mediaKey}/pu/vid/480x270/low.mp4` },
      { bit_rate: 832000, content_type: 'video/mp4', url: `https://video.twimg.com/ext_tw_video/${mediaKey}/pu/vid/640x360/high.mp4` },
    ],
  };
}

/** A page of posts with `meta` as X computes it. */
export function xPage(tweets: XTweet[], options: { includes?: XTweetsPage['includes']; errors?: XProblem[]; nextToken?: string } = {}): XTweetsPage {
  const page: XTweetsPage = { meta: { result_count: tweets.length } };
  if (tweets.length > 0) {
    page.data = tweets;
    page.meta = { ...page.meta, newest_id: tweets[0]?.id, oldest_id: tweets.at(-1)?.id };
  }
  if (options.nextToken && page.meta) page.meta.next_token = options.nextToken;
  if (options.includes) page.includes = options.includes;
  if (options.errors) page.errors = options.errors;
  return page;
}

/** X's partial error for a post it could not find (deleted, or never existed). */
export function notFoundPost(id: string, parameter = 'ids', section?: 'includes'): XProblem {
  const problem: XProblem = {
    value: id,
    detail: parameter === 'ids' ? `Could not find tweet with ids: [${id}].` : `Could not find tweet with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter,
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
  if (section) problem.section = section;
  return problem;
}

/** X's partial error for a post whose author is protected or suspended. */
export function notAuthorizedPost(id: string): XProblem {
  return {
    value: id,
    detail: `Sorry, you are not authorized to see the Tweet with ids: [${id}].`,
    title: 'Authorization Error',
    resource_type: 'tweet',
    parameter: 'ids',
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
  };
}

/** A problem X did not explain, about the request itself (an internal error behind a 200). */
export function internalProblem(): XProblem {
  return { title: 'Internal Error', detail: 'Something went wrong while serving this request (fiktif).', type: 'about:blank' };
}

/** X's answer (in an HTTP 200) for a username that does not exist. */
export function notFoundUser(username: string): { errors: XProblem[] } {
  return {
    errors: [
      {
        value: username,
        detail: `Could not find user with username: [${username}].`,
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'username',
        resource_id: username,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ],
  };
}

/** X's answer (in an HTTP 200) for a suspended user. */
export function suspendedUser(value: string, parameter: 'username' | 'id' = 'username'): { errors: XProblem[] } {
  return {
    errors: [
      {
        value,
        detail: `User has been suspended: [${value}].`,
        title: 'Forbidden',
        resource_type: 'user',
        parameter,
        resource_id: value,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ],
  };
}

/** X's answer for the timeline of a protected user read with an app-only token. */
export function notAuthorizedUser(id: string): { errors: XProblem[] } {
  return {
    errors: [
      {
        value: id,
        detail: `Sorry, you are not authorized to see the user with id: [${id}].`,
        title: 'Authorization Error',
        resource_type: 'user',
        parameter: 'id',
        resource_id: id,
        type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
      },
    ],
  };
}

/** The rate-limit headers X sends on every response. */
export function xRateHeaders(remaining: number, resetEpochSeconds: number, limit = 900): Record<string, string> {
  return { 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(resetEpochSeconds) };
}
