import { z } from 'zod';

// Shapes follow Meta's Instagram Graph API reference (IG User business_discovery, IG Media, the
// Graph error object, cursor paging). Unknown fields pass through; a missing or retyped field we
// read is drift and becomes a `parse` error.

/** Graph time: ISO 8601 with a `+0000` offset (no colon). */
export const GraphTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/, {
  message: 'expected a Graph API time such as 2024-11-19T10:00:00+0000',
});

/** `IMAGE`, `VIDEO` or `CAROUSEL_ALBUM` (Meta may add values; unknown ones are kept as "other"). */
export const InstagramMediaTypeSchema = z.string().min(1);

/** One child of a carousel album. */
export const InstagramChildMediaSchema = z.looseObject({
  id: z.string(),
  media_type: InstagramMediaTypeSchema.optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
});

/**
 * IG Media as business discovery returns it. `like_count` is absent when the owner hid likes;
 * `media_url` is absent for videos with copyrighted audio.
 */
export const InstagramMediaSchema = z.looseObject({
  id: z.string().regex(/^\d{1,32}$/, { message: 'expected a numeric IG Media id' }),
  caption: z.string().optional(),
  timestamp: GraphTimeSchema,
  permalink: z.string().optional(),
  media_type: InstagramMediaTypeSchema,
  media_product_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  like_count: z.number().int().nonnegative().optional(),
  comments_count: z.number().int().nonnegative().optional(),
  children: z.object({ data: z.array(InstagramChildMediaSchema) }).optional(),
});
export type InstagramMedia = z.infer<typeof InstagramMediaSchema>;

/** Cursor paging of a nested edge (`media.after(cursor)`). */
export const InstagramPagingSchema = z.object({
  cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
});

/** The IG User a business discovery returns (public fields only). */
export const InstagramBusinessUserSchema = z.looseObject({
  id: z.string().regex(/^\d{1,32}$/, { message: 'expected a numeric IG User id' }),
  username: z.string().optional(),
  name: z.string().optional(),
  biography: z.string().optional(),
  website: z.string().optional(),
  profile_picture_url: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  follows_count: z.number().int().nonnegative().optional(),
  media_count: z.number().int().nonnegative().optional(),
  media: z.object({ data: z.array(InstagramMediaSchema), paging: InstagramPagingSchema.optional() }).optional(),
});
export type InstagramBusinessUser = z.infer<typeof InstagramBusinessUserSchema>;

/** `GET /{ig-user-id}?fields=business_discovery.username(name){...}`. */
export const BusinessDiscoveryResponseSchema = z.object({
  business_discovery: InstagramBusinessUserSchema,
  id: z.string(),
});
export type BusinessDiscoveryResponse = z.infer<typeof BusinessDiscoveryResponseSchema>;

// The Graph error body is core's (shared by both Meta adapters).
export { GraphErrorBodySchema, type GraphErrorBody } from '@sipansos/core/adapter-kit';

