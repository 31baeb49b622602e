import type { EndpointRateLimit } from '@sipansos/core/adapter-kit';

/** The X API v2 endpoints this adapter calls; the ids key rate limits and request accounting. */
export const X_ENDPOINTS = {
  userByUsername: 'GET /2/users/by/username/:username',
  userById: 'GET /2/users/:id',
  usersByUsernames: 'GET /2/users/by',
  usersByIds: 'GET /2/users',
  userTweets: 'GET /2/users/:id/tweets',
  likedTweets: 'GET /2/users/:id/liked_tweets',
  following: 'GET /2/users/:id/following',
  tweetsLookup: 'GET /2/tweets',
} as const;

export type XEndpoint = (typeof X_ENDPOINTS)[keyof typeof X_ENDPOINTS];

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Per-app limits for an app-only bearer token, from X's published table
 * (docs.x.com/x-api/fundamentals/rate-limits). The response headers still rule: a lower budget
 * on an account's tier is honoured from `x-rate-limit-remaining` / `x-rate-limit-reset`.
 */
export const X_DEFAULT_RATE_LIMITS: Record<XEndpoint, EndpointRateLimit> = {
  [X_ENDPOINTS.userByUsername]: { limit: 300, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.userById]: { limit: 300, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.usersByUsernames]: { limit: 300, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.usersByIds]: { limit: 300, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.userTweets]: { limit: 10_000, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.likedTweets]: { limit: 75, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.following]: { limit: 300, windowMs: FIFTEEN_MINUTES },
  [X_ENDPOINTS.tweetsLookup]: { limit: 3_500, windowMs: FIFTEEN_MINUTES },
};

/**
 * X's pay-per-use read prices in US dollars per resource returned (docs.x.com/x-api/getting-started/pricing).
 * Prices change; override them in settings.
 */
export interface XPricing {
  /** "Posts: Read". @default 0.005 */
  postReadUsd: number;
  /** "User: Read". @default 0.010 */
  userReadUsd: number;
  /** "Following/Followers: Read". @default 0.010 */
  followReadUsd: number;
}

/** Prices as published when this adapter was written. */
export const X_DEFAULT_PRICING: XPricing = { postReadUsd: 0.005, userReadUsd: 0.01, followReadUsd: 0.01 };

/** `user.fields` requested wherever users are returned. */
export const X_USER_FIELDS = ['created_at', 'description', 'location', 'name', 'profile_image_url', 'protected', 'public_metrics', 'url', 'username', 'verified'] as const;

/** `tweet.fields` requested wherever posts are returned. */
export const X_TWEET_FIELDS = [
  'attachments',
  'author_id',
  'conversation_id',
  'created_at',
  'edit_history_tweet_ids',
  'entities',
  'in_reply_to_user_id',
  'lang',
  'note_tweet',
  'possibly_sensitive',
  'public_metrics',
  'referenced_tweets',
] as const;

/** `expansions` requested with posts: authors, referenced posts and their authors, media. */
export const X_TWEET_EXPANSIONS = ['author_id', 'attachments.media_keys', 'referenced_tweets.id', 'referenced_tweets.id.author_id', 'entities.mentions.username', 'in_reply_to_user_id'] as const;

/** `media.fields` requested with posts. */
export const X_MEDIA_FIELDS = ['alt_text', 'duration_ms', 'height', 'media_key', 'preview_image_url', 'type', 'url', 'variants', 'width'] as const;

/** The query every post-returning request carries. */
export function tweetQuery(): Record<string, readonly string[]> {
  return { 'tweet.fields': X_TWEET_FIELDS, expansions: X_TWEET_EXPANSIONS, 'user.fields': X_USER_FIELDS, 'media.fields': X_MEDIA_FIELDS };
}
