import { z } from 'zod';
import { PlatformSchema } from '../account/account-schema.js';

/** What kind of act an item records. */
export const ITEM_KINDS = ['post', 'reply', 'repost', 'quote', 'comment', 'like', 'share', 'follow', 'membership', 'profile'] as const;
export const ItemKindSchema = z.enum(ITEM_KINDS, { error: () => `kind must be one of: ${ITEM_KINDS.join(', ')}` });
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** An ISO 8601 instant with an offset or `Z`, e.g. `2024-11-20T08:15:00Z`. */
export const InstantSchema = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 time with zone, e.g. 2024-11-20T08:15:00+07:00' });

/** Who did something on a platform. */
export const ItemAuthorSchema = z.object({
  /** The platform's account id, when known. */
  id: z.string().max(64).optional(),
  handle: z.string().max(100).optional(),
  name: z.string().max(300).optional(),
});
export type ItemAuthor = z.infer<typeof ItemAuthorSchema>;

export const MediaSchema = z.object({
  type: z.enum(['photo', 'video', 'gif', 'audio', 'other']),
  /** Where the platform serves it (may expire). */
  url: z.string().max(4000).optional(),
  /** Alt text or description, as written by the author or the platform. */
  altText: z.string().max(10_000).optional(),
  /** Once fetched: the blob holding its bytes. */
  blobSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  mediaType: z.string().max(200).optional(),
});
export type Media = z.infer<typeof MediaSchema>;

/** What an item acts on: the post liked, shared, quoted or replied to; the account followed. */
export const ItemTargetSchema = z.object({
  kind: z.enum(['post', 'account', 'group', 'page']),
  /** The target's platform id. */
  id: z.string().max(200),
  author: ItemAuthorSchema.optional(),
  text: z.string().max(100_000).optional(),
  url: z.string().max(4000).optional(),
  createdAt: InstantSchema.optional(),
  /** The target was reported deleted or unavailable by the platform when captured. */
  unavailable: z.boolean().optional(),
});
export type ItemTarget = z.infer<typeof ItemTargetSchema>;

/** Profile facts, on items of kind `profile`. */
export const ProfileSnapshotSchema = z.object({
  displayName: z.string().max(300).optional(),
  bio: z.string().max(10_000).optional(),
  photoUrl: z.string().max(4000).optional(),
  photoSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  location: z.string().max(300).optional(),
  website: z.string().max(4000).optional(),
  isPrivate: z.boolean().optional(),
  verified: z.boolean().optional(),
  followersCount: z.number().int().nonnegative().optional(),
  followingCount: z.number().int().nonnegative().optional(),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;

/** One normalised thing seen on a platform. Adapters map platform responses into this. */
export const ItemSchema = z.object({
  platform: PlatformSchema,
  /**
   * The platform's id for this item. For acts without an id of their own (a like, a follow),
   * the adapter derives one from the target, e.g. `like:1790001`.
   */
  id: z.string().min(1).max(200),
  kind: ItemKindSchema,
  author: ItemAuthorSchema,
  /** When the author made it (platform time). Likes and follows may have none. */
  createdAt: InstantSchema.optional(),
  /** Last edit time, where the platform says. */
  editedAt: InstantSchema.optional(),
  text: z.string().max(100_000).optional(),
  media: z.array(MediaSchema).default([]),
  links: z.array(z.string().max(4000)).default([]),
  /** Hashtags without `#`, as written. */
  hashtags: z.array(z.string().max(300)).default([]),
  mentions: z.array(ItemAuthorSchema).default([]),
  target: ItemTargetSchema.optional(),
  url: z.string().max(4000).optional(),
  metrics: z.record(z.string(), z.number()).optional(),
  /** X: ids of every version of an edited post, oldest first (`edit_history_tweet_ids`). */
  editHistoryIds: z.array(z.string().max(200)).optional(),
  language: z.string().max(20).optional(),
  profile: ProfileSnapshotSchema.optional(),
});
export type Item = z.infer<typeof ItemSchema>;
export type ItemInput = z.input<typeof ItemSchema>;

/** The key an item is filed under: `platform:id`. */
export function itemKey(item: Pick<Item, 'platform' | 'id'>): string {
  return `${item.platform}:${item.id}`;
}
