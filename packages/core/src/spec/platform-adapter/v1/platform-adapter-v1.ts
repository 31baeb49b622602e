import type { ResultAsync } from 'neverthrow';
import type { Account, Platform } from '../../../account/account-schema.js';
import type { SkippedHtml } from '../../../capture/bound-page-html.js';
import type { AccountObservation, CaptureScope, CaptureWindow } from '../../../capture/capture-schema.js';
import type { Item, ProfileSnapshot } from '../../../capture/item-schema.js';
import type { AdapterErrorV1 } from './adapter-error-v1.js';

/**
 * What an adapter can do. Core reads these; it never probes an ability by trying it.
 */
export interface AdapterCapabilitiesV1 {
  /** Scopes `capture` supports. */
  scopes: readonly CaptureScope[];
  /** `lookup(ids)` exists and answers per id. Without it, deletions stay `deleted_unverified`. */
  lookup: boolean;
  /**
   * A lookup can tell "the post is gone" from "the author is private or suspended". Without
   * it, a `gone` is never trusted alone.
   */
  distinguishesPrivateFromDeleted: boolean;
  /** Edits are visible (X edit history; Facebook `updated_time`). */
  exposesEdits: boolean;
  /** Another account's likes can be read. */
  exposesLikes: boolean;
  /** Another account's follows can be read. */
  exposesFollows: boolean;
  /** Largest number of ids one `lookup` call accepts. @default 100 */
  maxLookupBatch?: number;
  /**
   * `resolveMany(handles)` exists and takes at most this many handles per call (X: users by
   * usernames, 100 per request). Absent: handles are resolved one by one with `resolve`.
   */
  maxResolveBatch?: number;
  /**
   * `captureProfiles(accounts)` exists and takes at most this many accounts per call (X: users
   * by ids, 100 per request). Absent: each profile is read with `capture(account, 'profile')`.
   */
  maxProfileBatch?: number;
  /** `fetchMedia` exists. */
  mediaDownload: boolean;
  /**
   * The platform serves at most this many of an account's most recent items (X: 3,200).
   * Older items fall out of reach, which is never an absence.
   */
  historyLimit?: number;
}

/** Per-call options every adapter method takes. */
export interface CallOptionsV1 {
  /** Aborts the call; the adapter returns a `timeout` error promptly. */
  signal?: AbortSignal;
  /**
   * When the caller needs the answer by (epoch milliseconds), e.g. a monitor cycle's deadline.
   * A rate-limit wait that would end after it is not waited out: the call returns
   * `rate_limited` at once, with `retryAfterMs`, so the caller can defer the work. An adapter
   * that ignores it still honours `signal`.
   */
  deadlineAt?: number;
}

/** Options for one capture. */
export interface CaptureOptionsV1 extends CallOptionsV1 {
  /** Only items newer than this id (incremental cycles). The window then records `cutBy: 'since_id'`. */
  sinceId?: string;
  /** Stop after this many pages. @default adapter-specific */
  maxPages?: number;
  /** Stop after this many items. */
  maxItems?: number;
}

/** One raw body as received, before any parsing. The monitor stores it as a blob. */
export interface RawResponseV1 {
  bytes: Uint8Array;
  /** Content type as sent, e.g. `application/json`. */
  mediaType?: string;
  request: {
    method: string;
    /** URL with every secret removed. */
    url: string;
    status?: number;
    /** ISO time the response was read. */
    at: string;
    durationMs?: number;
  };
  /**
   * Secrets core removed from `bytes` before they were hashed (rule id and how many
   * replacements), e.g. the access token Meta puts into `paging.next`. Absent: nothing removed.
   */
  redactions?: RawBodyRedactionV1[];
}

/** One redaction rule that fired on a raw body, and how many replacements it made. */
export interface RawBodyRedactionV1 {
  /** e.g. `secret-value`, `secret-value-url-encoded`, `secret-value-json-escaped`, `secret-query-param`. */
  rule: string;
  count: number;
}

/** A handle resolved to the platform's stable account id. */
export interface ResolvedAccountV1 {
  /** The account with `id` set; `handle` is the current one (may differ after a rename). */
  account: Account;
  observation: AccountObservation;
  profile?: ProfileSnapshot;
  raw: RawResponseV1[];
}

/** What one capture saw, before the monitor stores it. */
export interface AdapterCaptureV1 {
  account: Account;
  scope: CaptureScope;
  /** `unavailable`: the platform gives nothing usable for this scope of this account (X likes since 2024). Never read as "everything was removed". */
  status: 'ok' | 'unavailable';
  accountObservation: AccountObservation;
  items: Item[];
  window: CaptureWindow;
  raw: RawResponseV1[];
  startedAt: string;
  capturedAt: string;
  /** Requests spent, per endpoint, for cost accounting. */
  requests?: Record<string, number>;
  /**
   * Estimated cost of this capture in US dollars under the platform's pay-per-use pricing
   * (X), when the adapter knows one. An estimate: the platform's bill is authoritative.
   */
  estimatedCostUsd?: number;
  /**
   * For adapters that read HTML pages: what of the page was not read because it nested too
   * deep or ran too long (see core's `boundPageHtml`). Recorded in the stored capture.
   */
  skippedHtml?: SkippedHtml;
}

/** What `resolveMany` found for one handle: the account, or why it could not be resolved. */
export type ResolveResultV1 =
  | { handle: string; status: 'resolved'; account: Account; observation: AccountObservation; profile?: ProfileSnapshot }
  | { handle: string; status: 'error'; error: AdapterErrorV1 };

/** The answer to one `resolveMany` call: per handle, and the raw bodies that prove them all. */
export interface ResolveBatchV1 {
  results: ResolveResultV1[];
  raw: RawResponseV1[];
  /** Requests spent, per endpoint. */
  requests?: Record<string, number>;
}

/**
 * The answer to one `captureProfiles` call: one `profile` capture (or error) per account. The
 * captures share the raw bodies, each of which holds several accounts' profiles.
 */
export interface ProfileBatchV1 {
  results: Array<{ accountId: string; capture: AdapterCaptureV1 } | { accountId: string; error: AdapterErrorV1 }>;
  /** Requests spent, per endpoint. */
  requests?: Record<string, number>;
}

/** What a lookup by id observed of one item. */
export interface LookupResultV1 {
  id: string;
  /**
   * `live`: the platform served it. `gone`: the platform says it no longer exists.
   * `hidden`: it may exist but cannot be seen (author private, suspended, age-gated).
   * `unknown`: could not tell (rate limit, 5xx, timeout, unexpected answer).
   */
  status: 'live' | 'gone' | 'hidden' | 'unknown';
  /** The item as served, when `live`. */
  item?: Item;
  /** The platform's words, e.g. "Not Found Error: Could not find tweet with ids: [1]". */
  reason?: string;
}

/** The answer to one `lookup` call. */
export interface LookupBatchV1 {
  results: LookupResultV1[];
  raw: RawResponseV1[];
  /** Requests spent, per endpoint. */
  requests?: Record<string, number>;
  /** Estimated cost in US dollars, when the adapter knows one. */
  estimatedCostUsd?: number;
}

/**
 * What an adapter instance has spent since it was created. The monitor subtracts two readings
 * to report one cycle.
 */
export interface AdapterUsageV1 {
  /** ISO time the counting started. */
  since: string;
  /** Requests started, per endpoint (retries included: the platform counts them too). */
  requests: Record<string, number>;
  /** HTTP 429 answers received, per endpoint. Should stay 0 when the caps are right. */
  rateLimited: Record<string, number>;
  /** Estimated cost in US dollars under the platform's pay-per-use pricing; 0 when unknown. */
  estimatedCostUsd: number;
}

/** Media bytes fetched from an allowed host. */
export interface MediaDownloadV1 {
  bytes: Uint8Array;
  mediaType: string;
  url: string;
}

/**
 * A platform adapter, contract version 1. It reads a platform and hands back raw bodies and
 * normalised items; it never writes to a store, and never logs or stores a token. Every
 * method returns a `Result`: platform and input trouble are values, not exceptions.
 */
export interface PlatformAdapterV1 {
  /** Always `'v1'`; core rejects other values with a typed error. */
  readonly specificationVersion: 'v1';
  /** The platform slug (`x`, `facebook`, `instagram`, or a custom one). */
  readonly platform: Platform;
  /** Names this adapter in evidence, e.g. `x-api-v2`, `facebook-graph`, `manual`. */
  readonly adapterId: string;
  /** The adapter's version, recorded in every capture. */
  readonly adapterVersion: string;
  readonly capabilities: AdapterCapabilitiesV1;
  /** Resolve a handle to the account's stable id and current state. */
  resolve(handle: string, options?: CallOptionsV1): ResultAsync<ResolvedAccountV1, AdapterErrorV1>;
  /** Read one scope of one account. */
  capture(account: Account, scope: CaptureScope, options?: CaptureOptionsV1): ResultAsync<AdapterCaptureV1, AdapterErrorV1>;
  /**
   * Resolve many handles at once (present when `capabilities.maxResolveBatch` is set). Per-handle
   * outcomes are in the `ok` value; an `err` means none could be looked at.
   */
  resolveMany?(handles: readonly string[], options?: CallOptionsV1): ResultAsync<ResolveBatchV1, AdapterErrorV1>;
  /**
   * Read the `profile` scope of many accounts (each with its `id`) at once (present when
   * `capabilities.maxProfileBatch` is set). Each capture is what `capture(account, 'profile')`
   * would give; an `err` means none could be read.
   */
  captureProfiles?(accounts: readonly Account[], options?: CallOptionsV1): ResultAsync<ProfileBatchV1, AdapterErrorV1>;
  /** Look items up by id (present when `capabilities.lookup`). Per-id outcomes are in the `ok` value. */
  lookup?(ids: readonly string[], options?: CallOptionsV1): ResultAsync<LookupBatchV1, AdapterErrorV1>;
  /** Download media (present when `capabilities.mediaDownload`). */
  fetchMedia?(url: string, options?: CallOptionsV1): ResultAsync<MediaDownloadV1, AdapterErrorV1>;
  /** Requests and estimated cost spent so far by this instance (adapters built with `createPlatformAdapter` have it). */
  usage?(): AdapterUsageV1;
}
