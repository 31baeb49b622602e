import { z } from 'zod';
import { AccountSchema, PlatformSchema } from '../account/account-schema.js';
import { SkippedHtmlSchema } from './bound-page-html.js';
import { InstantSchema, ItemSchema } from './item-schema.js';

/** What part of an account a capture reads. */
export const CAPTURE_SCOPES = ['timeline', 'likes', 'follows', 'profile'] as const;
export const CaptureScopeSchema = z.enum(CAPTURE_SCOPES, { error: () => `scope must be one of: ${CAPTURE_SCOPES.join(', ')}` });
export type CaptureScope = z.infer<typeof CaptureScopeSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a lowercase hex sha256' });

/** A position in an account's feed: an item id and its time. */
export const WindowEdgeSchema = z.object({ id: z.string(), at: InstantSchema.optional() });

/**
 * The stretch of an account's history a capture saw. Deletion detection trusts an absence only
 * inside a window that is `complete`.
 */
export const CaptureWindowSchema = z.object({
  /**
   * Every item the account had between `oldest` and `newest` (inclusive) is in this capture.
   * False when paging failed midway or the source gives no ordering guarantee (a saved page).
   */
  complete: z.boolean(),
  newest: WindowEdgeSchema.optional(),
  oldest: WindowEdgeSchema.optional(),
  /** Paging reached the start of the account's history: nothing older exists. */
  reachedEnd: z.boolean().default(false),
  /** Why the capture stopped before the start of the history, when it did. */
  cutBy: z.enum(['page_limit', 'platform_limit', 'item_limit', 'since_id', 'time_limit', 'error']).optional(),
  /** For incremental captures: the id the platform was asked to start after. */
  sinceId: z.string().optional(),
});
export type CaptureWindow = z.infer<typeof CaptureWindowSchema>;

/** One redaction rule that fired on a raw body before it was stored, and how many replacements it made. */
export const CaptureRedactionSchema = z.object({
  /** e.g. `secret-value`, `secret-query-param` (core's `BODY_REDACTION_RULES`). */
  rule: z.string().regex(/^[a-z0-9-]{1,64}$/),
  count: z.number().int().positive(),
});
export type CaptureRedaction = z.infer<typeof CaptureRedactionSchema>;

/** One HTTP (or file) request made for a capture, with secrets already redacted. */
export const CaptureRequestSchema = z.object({
  method: z.string().max(10),
  /** URL with tokens removed. */
  url: z.string().max(8000),
  status: z.number().int().optional(),
  at: InstantSchema,
  /** The raw response body's blob. */
  bodySha256: sha256.optional(),
  durationMs: z.number().nonnegative().optional(),
  /**
   * Secrets removed from the raw body before it was hashed and stored (the access token in a
   * Graph `paging.next` link): which rule fired and how often. Absent in captures made before
   * bodies were redacted, and when nothing was removed.
   */
  redactions: z.array(CaptureRedactionSchema).max(20).optional(),
});
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

/** What the platform said of the account as a whole during the capture. */
export const AccountObservationSchema = z.enum(['public', 'private', 'suspended', 'deactivated', 'not_found', 'age_gated', 'unknown']);
export type AccountObservation = z.infer<typeof AccountObservationSchema>;

/** The TLS connection of a patrol page's main document, as the browser reported it. */
export const PatrolTlsSchema = z.object({
  protocol: z.string().max(50),
  issuer: z.string().max(1000),
  subjectName: z.string().max(1000),
  /** ISO instants. */
  validFrom: InstantSchema,
  validTo: InstantSchema,
});
export type PatrolTls = z.infer<typeof PatrolTlsSchema>;

/**
 * What a patrol capture (staff browsing in a real browser, `adapter.id === "patrol"`) records of
 * its custody: who captured the page, when, with which browser, and the blobs that hold the page
 * as recorded. It proves custody, not origin: the platform signed nothing.
 */
export const PatrolProvenanceSchema = z.object({
  /** The staff member who kept the page. */
  actor: z.string().min(1).max(200),
  browser: z.object({ product: z.string().max(200), userAgent: z.string().max(2000) }),
  /** The URLs the main document went through, first to last (redirects included). */
  urlChain: z.array(z.string().max(8000)).min(1).max(50),
  tls: PatrolTlsSchema.optional(),
  /** Every HTTP exchange of the page as WARC/1.1 records (uncompressed), without cookies or auth headers. */
  warcSha256: sha256,
  /** Full-page screenshot (PNG). */
  screenshotSha256: sha256.optional(),
  /** MHTML snapshot. */
  mhtmlSha256: sha256.optional(),
  /** The page's visible text (UTF-8). */
  textSha256: sha256.optional(),
});
export type PatrolProvenance = z.infer<typeof PatrolProvenanceSchema>;

/** One fetch of one account and scope, as evidence. */
export const CaptureSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/),
  adapter: z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(50) }),
  platform: PlatformSchema,
  account: AccountSchema,
  /** {@link accountKey} of `account`, kept so indexes need no recomputation. */
  accountKey: z.string().min(1).max(200),
  scope: CaptureScopeSchema,
  /** When the first request was sent. */
  startedAt: InstantSchema.optional(),
  /** When the last response was read. */
  capturedAt: InstantSchema,
  /** `ok`: the scope was read; `unavailable`: the platform does not expose it for this account (e.g. X likes since 2024). */
  status: z.enum(['ok', 'unavailable']).default('ok'),
  accountObservation: AccountObservationSchema.default('public'),
  requests: z.array(CaptureRequestSchema).default([]),
  /** sha256 of every raw body the items were read from, in order. */
  rawBlobs: z.array(sha256).default([]),
  items: z.array(ItemSchema).default([]),
  window: CaptureWindowSchema,
  /**
   * What of a page's HTML the parser did not read (nested too deep, or past the size limit).
   * The raw body in `rawBlobs` still holds all of it; absent when everything was read.
   */
  skippedHtml: SkippedHtmlSchema.optional(),
  /** For patrol captures (`adapter.id === "patrol"`): custody and the blobs of the page as recorded. */
  patrol: PatrolProvenanceSchema.optional(),
  /** For staff captures (`adapter.id === "manual"`): who imported it, from which URL, and why. */
  manual: z
    .object({
      importedBy: z.string().min(1).max(200),
      sourceUrl: z.string().max(4000),
      note: z.string().max(4000).optional(),
      fileName: z.string().max(500).optional(),
      mediaType: z.string().max(200).optional(),
    })
    .optional(),
});
export type Capture = z.infer<typeof CaptureSchema>;
export type CaptureInput = z.input<typeof CaptureSchema>;
