import { z } from 'zod';

// Shapes follow Meta's Graph API reference (Page, Page /posts edge, Post, Story Attachment,
// cursor paging, the error object). Unknown fields pass through: Meta adds fields often, and a
// new field is not drift. A missing or retyped field we read IS drift and becomes a `parse` error.

/**
 * Graph API time: ISO 8601 with a `+0000` offset (no colon), e.g. `2024-11-19T10:00:00+0000`.
 */
export const GraphTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/, {
  message: 'expected a Graph API time such as 2024-11-19T10:00:00+0000',
});

/** A Graph object id: digits, or `pageid_postid` for posts. */
export const GraphIdSchema = z.string().regex(/^[0-9]{1,32}(_[0-9]{1,32})?$/, { message: 'expected a numeric Graph id (or pageid_postid)' });

/** `paging` on a cursor-paginated edge. `next` is absent on the last page. */
export const GraphPagingSchema = z.object({
  cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

/** The Page node, with the fields the adapter asks for. */
export const FacebookPageSchema = z.looseObject({
  id: GraphIdSchema,
  name: z.string(),
  username: z.string().optional(),
  about: z.string().optional(),
  link: z.string().optional(),
  website: z.string().optional(),
  fan_count: z.number().int().nonnegative().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  verification_status: z.string().optional(),
  picture: z.object({ data: z.object({ url: z.string() }).partial() }).partial().optional(),
});
export type FacebookPage = z.infer<typeof FacebookPageSchema>;

/** A Story Attachment (photo, video, shared link, album with `subattachments`). */
export interface FacebookAttachment {
  type?: string;
  media_type?: string;
  url?: string;
  title?: string;
  description?: string;
  media?: { image?: { src?: string; height?: number; width?: number }; source?: string };
  target?: { id?: string; url?: string };
  subattachments?: { data: FacebookAttachment[] };
}

export const FacebookAttachmentSchema: z.ZodType<FacebookAttachment> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    media_type: z.string().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    media: z.looseObject({ image: z.looseObject({ src: z.string().optional(), height: z.number().optional(), width: z.number().optional() }).optional(), source: z.string().optional() }).optional(),
    target: z.looseObject({ id: z.string().optional(), url: z.string().optional() }).optional(),
    subattachments: z.object({ data: z.array(FacebookAttachmentSchema) }).optional(),
  }),
);

/** A Post node (Page post), with the fields the adapter asks for. */
export const FacebookPostSchema = z.looseObject({
  id: GraphIdSchema,
  message: z.string().optional(),
  created_time: GraphTimeSchema,
  updated_time: GraphTimeSchema.optional(),
  permalink_url: z.string().optional(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  attachments: z.object({ data: z.array(FacebookAttachmentSchema) }).optional(),
  shares: z.object({ count: z.number().int().nonnegative() }).optional(),
  /** Set when the post shares another post. */
  parent_id: z.string().optional(),
});
export type FacebookPost = z.infer<typeof FacebookPostSchema>;

/** One page of the `/{page-id}/posts` edge. */
export const FacebookPostsPageSchema = z.object({
  data: z.array(FacebookPostSchema),
  paging: GraphPagingSchema.optional(),
});
export type FacebookPostsPage = z.infer<typeof FacebookPostsPageSchema>;

// The Graph error body is core's (shared by both Meta adapters).
export { GraphErrorBodySchema, type GraphErrorBody } from '@sipansos/core/adapter-kit';

