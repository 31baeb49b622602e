import { z } from 'zod';
import { InstantSchema, ItemSchema } from '../capture/item-schema.js';

/** What can change on an account between its known state and a new capture. */
export const CHANGE_TYPES = ['added', 'edited', 'missing', 'reappeared', 'unliked', 'unfollowed', 'profile_changed'] as const;
/** One of {@link CHANGE_TYPES}. */
export const ChangeTypeSchema = z.enum(CHANGE_TYPES);
/** One of {@link CHANGE_TYPES}. */
export type ChangeType = z.infer<typeof ChangeTypeSchema>;

/** One segment of a word-level text diff, for display. */
export const TextDiffSegmentSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
/** One segment of a word-level text diff. */
export type TextDiffSegment = z.infer<typeof TextDiffSegmentSchema>;

/** Something that changed on an account between its known state and a new capture. */
export const ChangeSchema = z.object({
  /** Deterministic: the same capture diffed twice yields the same ids. */
  id: z.string().min(1).max(200),
  type: ChangeTypeSchema,
  accountKey: z.string(),
  /** The item concerned (absent for account-level changes). */
  itemKey: z.string().optional(),
  /** The capture that revealed the change. */
  captureId: z.string(),
  detectedAt: InstantSchema,
  before: ItemSchema.optional(),
  after: ItemSchema.optional(),
  /** For `edited` and `profile_changed`: which fields changed. */
  fields: z.array(z.string()).optional(),
  textDiff: z.array(TextDiffSegmentSchema).optional(),
  /**
   * For `missing`: the capture lost more than the configured share of its window at once (a
   * login wall, a platform glitch), so the absence is held as suspect until lookups confirm it
   * item by item.
   */
  suspect: z.boolean().optional(),
  /** For `profile_changed` of values that are not items (handle, visibility): what they were. */
  valuesBefore: z.record(z.string(), z.string()).optional(),
  /** For `profile_changed` of values that are not items (handle, visibility): what they became. */
  valuesAfter: z.record(z.string(), z.string()).optional(),
  /** For changes a lookup revealed (a `reappeared` after a lookup): the raw response blobs. */
  lookupRawBlobs: z.array(z.string()).optional(),
  /**
   * For `edited`: the edit was made between two observations; its versions come from the
   * platform's edit history, fetched by id (X `edit_history_tweet_ids`), not from a capture.
   */
  betweenObservations: z.boolean().optional(),
});
/** A change, as diffing produces it. */
export type Change = z.infer<typeof ChangeSchema>;
