import { z } from 'zod';

// Shapes follow X API v2's documented responses (docs.x.com: data dictionary, pagination,
// response codes and errors, edit posts). Unknown fields are ignored, not rejected: X adds
// fields often, and the raw body is kept as evidence anyway. What SIPANSOS reads is required.

const numericId = z.string().regex(/^\d{1,20}$/, { message: 'expected a numeric X id as a string' });

/** One problem object: inside `errors[]` of an HTTP 200 (partial errors) or of a 4xx body. */
export const XProblemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  /** `tweet`, `user`, … */
  resource_type: z.string().optional(),
  resource_id: z.string().optional(),
  /** The request parameter the problem is about: `ids`, `id`, `username`, `referenced_tweets.id` … */
  parameter: z.string().optional(),
  value: z.unknown().optional(),
  /** `data` or `includes`: where the missing resource would have been. */
  section: z.string().optional(),
  /** v1-style `{ code, message }` bodies (e.g. a 429 `Rate limit exceeded`). */
  message: z.string().optional(),
  code: z.number().optional(),
});
export type XProblem = z.infer<typeof XProblemSchema>;

/** `public_metrics` of a user. */
export const XUserMetricsSchema = z.object({
  followers_count: z.number().int().nonnegative().optional(),
  following_count: z.number().int().nonnegative().optional(),
  tweet_count: z.number().int().nonnegative().optional(),
  listed_count: z.number().int().nonnegative().optional(),
  like_count: z.number().int().nonnegative().optional(),
});

/** The user object (`user.fields` as requested). */
export const XUserSchema = z.object({
  id: numericId,
  username: z.string().min(1).max(50),
  name: z.string().max(300).optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  url: z.string().optional(),
  profile_image_url: z.string().optional(),
  protected: z.boolean().optional(),
  verified: z.boolean().optional(),
  created_at: z.string().optional(),
  public_metrics: XUserMetricsSchema.optional(),
});
export type XUser = z.infer<typeof XUserSchema>;

const entitySpan = { start: z.number().int().optional(), end: z.number().int().optional() };

/** `entities` of a post. */
export const XEntitiesSchema = z.object({
  hashtags: z.array(z.object({ ...entitySpan, tag: z.string() })).optional(),
  cashtags: z.array(z.object({ ...entitySpan, tag: z.string() })).optional(),
  mentions: z.array(z.object({ ...entitySpan, username: z.string(), id: numericId.optional() })).optional(),
  urls: z
    .array(
      z.object({
        ...entitySpan,
        url: z.string(),
        expanded_url: z.string().optional(),
        display_url: z.string().optional(),
        unwound_url: z.string().optional(),
        media_key: z.string().optional(),
      }),
    )
    .optional(),
});

/** The post ("Tweet") object. `id`, `text` and `edit_history_tweet_ids` are X's defaults. */
export const XTweetSchema = z.object({
  id: numericId,
  text: z.string(),
  edit_history_tweet_ids: z.array(numericId).min(1),
  author_id: numericId.optional(),
  created_at: z.string().optional(),
  conversation_id: numericId.optional(),
  in_reply_to_user_id: numericId.optional(),
  lang: z.string().optional(),
  possibly_sensitive: z.boolean().optional(),
  referenced_tweets: z.array(z.object({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id: numericId })).optional(),
  attachments: z.object({ media_keys: z.array(z.string()).optional(), poll_ids: z.array(z.string()).optional() }).optional(),
  entities: XEntitiesSchema.optional(),
  public_metrics: z.record(z.string(), z.number()).optional(),
  /** Long posts (over 280 characters): the full text. */
  note_tweet: z.object({ text: z.string() }).optional(),
  edit_controls: z.object({ is_edit_eligible: z.boolean().optional(), editable_until: z.string().optional(), edits_remaining: z.number().optional() }).optional(),
});
export type XTweet = z.infer<typeof XTweetSchema>;

/** A media object from `includes.media`. */
export const XMediaSchema = z.object({
  media_key: z.string(),
  type: z.string(),
  url: z.string().optional(),
  preview_image_url: z.string().optional(),
  alt_text: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration_ms: z.number().optional(),
  variants: z.array(z.object({ bit_rate: z.number().optional(), content_type: z.string().optional(), url: z.string() })).optional(),
});
export type XMedia = z.infer<typeof XMediaSchema>;

/** Expanded objects referenced from `data`. */
export const XIncludesSchema = z.object({
  users: z.array(XUserSchema).optional(),
  tweets: z.array(XTweetSchema).optional(),
  media: z.array(XMediaSchema).optional(),
});
export type XIncludes = z.infer<typeof XIncludesSchema>;

/** Paging metadata. `next_token` is absent on the last page. */
export const XMetaSchema = z.object({
  result_count: z.number().int().nonnegative().optional(),
  newest_id: z.string().optional(),
  oldest_id: z.string().optional(),
  next_token: z.string().optional(),
  previous_token: z.string().optional(),
});

/** `GET /2/users/by/username/:username` and `GET /2/users/:id`. */
export const XUserResponseSchema = z.object({
  data: XUserSchema.optional(),
  errors: z.array(XProblemSchema).optional(),
});
export type XUserResponse = z.infer<typeof XUserResponseSchema>;

/** A page of posts: `GET /2/users/:id/tweets`, `GET /2/users/:id/liked_tweets`. */
export const XTweetsPageSchema = z.object({
  data: z.array(XTweetSchema).optional(),
  includes: XIncludesSchema.optional(),
  errors: z.array(XProblemSchema).optional(),
  meta: XMetaSchema.optional(),
});
export type XTweetsPage = z.infer<typeof XTweetsPageSchema>;

/** `GET /2/tweets?ids=…`: found posts in `data`, the others one by one in `errors`. */
export const XTweetsLookupSchema = z.object({
  data: z.array(XTweetSchema).optional(),
  includes: XIncludesSchema.optional(),
  errors: z.array(XProblemSchema).optional(),
});
export type XTweetsLookup = z.infer<typeof XTweetsLookupSchema>;

/** `GET /2/users/by?usernames=…` and `GET /2/users?ids=…`: found users in `data`, the others in `errors`. */
export const XUsersLookupSchema = z.object({
  data: z.array(XUserSchema).optional(),
  errors: z.array(XProblemSchema).optional(),
});
export type XUsersLookup = z.infer<typeof XUsersLookupSchema>;

/** A page of users: `GET /2/users/:id/following`. */
export const XUsersPageSchema = z.object({
  data: z.array(XUserSchema).optional(),
  errors: z.array(XProblemSchema).optional(),
  meta: XMetaSchema.optional(),
});
export type XUsersPage = z.infer<typeof XUsersPageSchema>;
