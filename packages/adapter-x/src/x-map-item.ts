import type { Item, ItemAuthor, ItemTarget, Media, ProfileSnapshot } from '@sipansos/core';
import type { XIncludes, XMedia, XProblem, XTweet, XUser } from './x-schemas.js';

/** Lookup tables built once per response from `includes` and `errors`. */
export interface XResponseContext {
  users: Map<string, XUser>;
  tweets: Map<string, XTweet>;
  media: Map<string, XMedia>;
  /** Ids X reported missing or hidden (any section), with the problem. */
  problems: Map<string, XProblem>;
}

/** Index a response's `includes` and `errors`. */
export function responseContext(includes: XIncludes | undefined, errors: readonly XProblem[] | undefined, extraUsers: readonly XUser[] = []): XResponseContext {
  const users = new Map<string, XUser>();
  for (const user of [...extraUsers, ...(includes?.users ?? [])]) users.set(user.id, user);
  const problems = new Map<string, XProblem>();
  for (const problem of errors ?? []) {
    const id = problem.resource_id ?? (typeof problem.value === 'string' ? problem.value : undefined);
    if (id) problems.set(id, problem);
  }
  return {
    users,
    tweets: new Map((includes?.tweets ?? []).map((tweet) => [tweet.id, tweet])),
    media: new Map((includes?.media ?? []).map((media) => [media.media_key, media])),
    problems,
  };
}

/** The public URL of a post. */
export function postUrl(id: string, username?: string): string {
  return username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

function author(id: string | undefined, context: XResponseContext, fallback?: ItemAuthor): ItemAuthor {
  const user = id ? context.users.get(id) : undefined;
  if (user) return withoutUndefined({ id: user.id, handle: user.username, name: user.name });
  if (id) return withoutUndefined({ id, handle: fallback?.id === id ? fallback.handle : undefined, name: fallback?.id === id ? fallback.name : undefined });
  return fallback ?? {};
}

const KIND_BY_REFERENCE = { retweeted: 'repost', quoted: 'quote', replied_to: 'reply' } as const;
// A repost says most about what the account spreads, then a quote, then a reply.
const REFERENCE_PRIORITY = ['retweeted', 'quoted', 'replied_to'] as const;

/**
 * Map one post to an `Item`: kind from `referenced_tweets`, the referenced post (with its author
 * from `includes`, or marked unavailable when X reported it missing), media with alt text,
 * entities, public metrics and the edit history.
 */
export function mapTweet(tweet: XTweet, context: XResponseContext, fallbackAuthor?: ItemAuthor): Item {
  const itemAuthor = author(tweet.author_id, context, fallbackAuthor);
  const reference = REFERENCE_PRIORITY.map((type) => tweet.referenced_tweets?.find((entry) => entry.type === type)).find((entry) => entry !== undefined);
  const history = tweet.edit_history_tweet_ids;
  const item: Item = {
    platform: 'x',
    id: tweet.id,
    kind: reference ? KIND_BY_REFERENCE[reference.type] : 'post',
    author: itemAuthor,
    text: tweet.note_tweet?.text ?? tweet.text,
    media: mapMedia(tweet, context),
    links: (tweet.entities?.urls ?? []).filter((url) => !url.media_key).map((url) => url.unwound_url ?? url.expanded_url ?? url.url),
    hashtags: (tweet.entities?.hashtags ?? []).map((hashtag) => hashtag.tag),
    mentions: (tweet.entities?.mentions ?? []).map((mention) => withoutUndefined({ id: mention.id, handle: mention.username })),
    url: postUrl(tweet.id, itemAuthor.handle),
    editHistoryIds: [...history],
  };
  const createdAt = instant(tweet.created_at);
  if (createdAt) {
    item.createdAt = createdAt;
    // Each edit is a new post id: a version that is not the first was made when it was edited.
    if (history.length > 1 && history[0] !== tweet.id) item.editedAt = createdAt;
  }
  if (tweet.public_metrics) item.metrics = { ...tweet.public_metrics };
  if (tweet.lang) item.language = tweet.lang;
  if (reference) {
    // A reply names whom it answers even when the post it answers is gone: in the author's own
    // thread that is the author, which is what makes a deleted own post recognisable.
    const repliedTo = reference.type === 'replied_to' ? tweet.in_reply_to_user_id : undefined;
    item.target = mapTarget(reference.id, context, repliedTo ? author(repliedTo, context, itemAuthor) : undefined, item.createdAt);
  }
  return item;
}

/**
 * The post a repost, quote or reply acts on. When X could not include it, `knownAuthor` (a
 * reply's `in_reply_to_user_id`) still names its author, and its id still tells when it was made.
 */
export function mapTarget(id: string, context: XResponseContext, knownAuthor?: ItemAuthor, referencedAt?: string): ItemTarget {
  const referenced = context.tweets.get(id);
  if (!referenced) {
    const target: ItemTarget = { kind: 'post', id, url: postUrl(id, knownAuthor?.handle) };
    if (knownAuthor && (knownAuthor.id || knownAuthor.handle)) target.author = knownAuthor;
    const createdAt = snowflakeTime(id, referencedAt);
    if (createdAt) target.createdAt = createdAt;
    // X names a referenced post it could not include (deleted, or its author private or suspended).
    if (context.problems.has(id)) target.unavailable = true;
    return target;
  }
  const targetAuthor = author(referenced.author_id, context);
  const target: ItemTarget = { kind: 'post', id, author: targetAuthor, text: referenced.note_tweet?.text ?? referenced.text, url: postUrl(id, targetAuthor.handle) };
  const createdAt = instant(referenced.created_at);
  if (createdAt) target.createdAt = createdAt;
  return target;
}

function mapMedia(tweet: XTweet, context: XResponseContext): Media[] {
  const out: Media[] = [];
  for (const key of tweet.attachments?.media_keys ?? []) {
    const media = context.media.get(key);
    if (!media) continue;
    const type = media.type === 'photo' ? 'photo' : media.type === 'video' ? 'video' : media.type === 'animated_gif' ? 'gif' : 'other';
    const best = [...(media.variants ?? [])].filter((variant) => variant.content_type?.startsWith('video/')).sort((a, b) => (b.bit_rate ?? 0) - (a.bit_rate ?? 0))[0];
    const entry: Media = { type };
    const url = media.url ?? best?.url ?? media.preview_image_url;
    if (url) entry.url = url;
    if (media.alt_text) entry.altText = media.alt_text;
    if (!media.url && best?.content_type) entry.mediaType = best.content_type;
    out.push(entry);
  }
  return out;
}

/** A liked post as a `like` item of the account that liked it. */
export function mapLike(tweet: XTweet, context: XResponseContext, liker: ItemAuthor): Item {
  const liked = mapTweet(tweet, context);
  const target: ItemTarget = { kind: 'post', id: tweet.id, author: liked.author, text: liked.text, url: liked.url };
  if (liked.createdAt) target.createdAt = liked.createdAt;
  return { platform: 'x', id: `like:${tweet.id}`, kind: 'like', author: liker, target, media: [], links: [], hashtags: [], mentions: [] };
}

/** A followed account as a `follow` item of the follower. */
export function mapFollow(user: XUser, follower: ItemAuthor): Item {
  return {
    platform: 'x',
    id: `follow:${user.id}`,
    kind: 'follow',
    author: follower,
    target: { kind: 'account', id: user.id, author: withoutUndefined({ id: user.id, handle: user.username, name: user.name }), url: `https://x.com/${user.username}` },
    media: [],
    links: [],
    hashtags: [],
    mentions: [],
  };
}

/** Profile facts of a user. */
export function mapProfile(user: XUser): ProfileSnapshot {
  const profile: ProfileSnapshot = {};
  if (user.name !== undefined) profile.displayName = user.name;
  if (user.description !== undefined) profile.bio = user.description;
  if (user.profile_image_url !== undefined) profile.photoUrl = user.profile_image_url;
  if (user.location !== undefined) profile.location = user.location;
  if (user.url) profile.website = user.url;
  if (user.protected !== undefined) profile.isPrivate = user.protected;
  if (user.verified !== undefined) profile.verified = user.verified;
  if (user.public_metrics?.followers_count !== undefined) profile.followersCount = user.public_metrics.followers_count;
  if (user.public_metrics?.following_count !== undefined) profile.followingCount = user.public_metrics.following_count;
  return profile;
}

/** A profile as an item of kind `profile` (one per account; changes show up as `profile_changed`). */
export function mapProfileItem(user: XUser): Item {
  const item: Item = {
    platform: 'x',
    id: `profile:${user.id}`,
    kind: 'profile',
    author: withoutUndefined({ id: user.id, handle: user.username, name: user.name }),
    url: `https://x.com/${user.username}`,
    profile: mapProfile(user),
    media: [],
    links: user.url ? [user.url] : [],
    hashtags: [],
    mentions: [],
  };
  if (user.description !== undefined) item.text = user.description;
  if (user.public_metrics) item.metrics = Object.fromEntries(Object.entries(user.public_metrics).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  return item;
}

// X ids are snowflakes: the high bits are milliseconds since X's epoch (2010-11-04).
const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657;

/**
 * When the post with this id was created, read from the id itself; undefined for an id that is
 * not a snowflake or whose time would fall after `notAfter` (the post that references it).
 */
export function snowflakeTime(id: string, notAfter?: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  const ms = Number(BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS;
  const limit = notAfter ? Date.parse(notAfter) : Number.POSITIVE_INFINITY;
  if (!Number.isFinite(ms) || ms <= SNOWFLAKE_EPOCH_MS || ms > limit) return undefined;
  return new Date(ms).toISOString();
}

function instant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
