import type { AccountObservation, CaptureScope } from '../capture/capture-schema.js';
import type { Item, ItemKind, ProfileSnapshot } from '../capture/item-schema.js';
import type { CoverageGap, ScopeCoverage } from './coverage-types.js';
import type { ItemObservation, ItemStatus } from './item-status.js';

/** One version of an item, as first captured. Earlier versions stay viewable forever. */
export interface ItemVersion {
  /** The item exactly as the capture (or lookup) that first showed this version had it. */
  item: Item;
  /** `itemContentHash` of `item`. */
  contentHash: string;
  firstSeenAt: string;
  /** The capture that first showed it (for a lookup, the capture that prompted the lookup). */
  firstSeenCaptureId: string;
  /** For a version served by a lookup rather than a capture: the raw response blobs of that lookup. */
  rawBlobs?: string[];
  /**
   * X: a version no capture showed (it was edited again before the next observation), fetched
   * by its id from the edit history.
   */
  recoveredFromEditHistory?: boolean;
}

/** A capture that lacked an item while its window covered the item's time. */
export interface MissingCaptureRef {
  captureId: string;
  at: string;
  /** The capture lost an unusually large share of its window; it proved nothing alone. */
  suspect: boolean;
}

/** One lookup made for an item, and what it said. */
export interface LookupRef {
  /** The platform id looked up (the item's, or a repost's original). */
  id: string;
  /** Whose id it was. */
  role: 'item' | 'original';
  status: 'live' | 'gone' | 'hidden' | 'unknown';
  reason?: string;
  at: string;
  /** sha256 of the raw response bodies of the lookup call. */
  rawBlobs: string[];
}

/** One step the machine took for an item. */
export interface StatusStep {
  from: ItemStatus;
  to: ItemStatus;
  observation: ItemObservation;
  at: string;
  /** Capture id, or `lookup:<first raw blob>` for lookups. */
  source: string;
}

/**
 * A suspicion, from the first absence until it is resolved (the item came back) or confirmed.
 * The proof of a verdict is its episode; resolved episodes are kept, never erased.
 */
export interface SuspicionEpisode {
  firstMissingAt: string;
  firstMissingCaptureId: string;
  /** Captures that lacked it (the first `maxProofCaptures`); `missingCaptureCount` counts all. */
  missingCaptures: MissingCaptureRef[];
  missingCaptureCount: number;
  /** Complete, public, non-suspect captures that lacked it (what `deleted_unverified` counts). */
  completeMisses: number;
  lookups: LookupRef[];
  /** An adapter that cannot tell private from deleted said `gone` at this time. */
  untrustedGoneAt?: string;
  /** When a complete capture after `untrustedGoneAt` first still lacked the item. */
  corroboratedAt?: string;
  /**
   * Complete, non-suspect captures after `untrustedGoneAt` that lacked the item. Once they reach
   * `unverifiedAfterCompleteMisses`, the next `gone` confirms.
   */
  corroboratingMisses?: number;
  /** When the verdict (`deleted`, `deleted_unverified`, `original_deleted`) was reached. */
  confirmedAt?: string;
  confirmedBy?: 'lookup' | 'corroborated_lookup' | 'complete_misses' | 'original_lookup' | 'original_unavailable';
  /** When and how a resolved episode ended. */
  resolvedAt?: string;
  resolution?: 'reappeared';
  steps: StatusStep[];
}

/** A reply or quote by the subject that showed this item (its target) as unavailable. */
export interface ItemReference {
  itemKey: string;
  captureId: string;
  at: string;
  /** When the referencing reply or quote was posted: the referenced post is older. */
  referenceCreatedAt?: string;
}

/** Everything known about one item of the account. */
export interface TrackedItem {
  /** Canonical key `platform:id` (for an X edit chain, of its first version). */
  key: string;
  scope: CaptureScope;
  kind: ItemKind;
  /** Every platform id it has been seen under, oldest first (X edit versions, rotated ids). */
  ids: string[];
  /** The time its first known version was created (platform time). */
  createdAt?: string;
  /** The state bucket it is filed in (derived from scope and `createdAt`). */
  bucket: string;
  status: ItemStatus;
  statusSince: string;
  /** False for an item known only from a reference: "deleted, content not captured". */
  contentCaptured: boolean;
  firstSeenAt?: string;
  firstSeenCaptureId?: string;
  lastSeenAt?: string;
  lastSeenCaptureId?: string;
  /** Oldest first. Empty when the content was never captured. */
  versions: ItemVersion[];
  /** X: the edit history names versions older than any captured. */
  earlierVersionsNotCaptured?: boolean;
  /** X: version ids of the edit history no capture showed, still to be fetched by id. */
  versionsToFetch?: string[];
  /** Lookups of `versionsToFetch` that answered `unknown` so far (retried every cycle, counted for reports). */
  versionFetchAttempts?: number;
  /** For reposts, shares and quotes: the original's platform id. */
  targetId?: string;
  /** The open suspicion (status `missing` or a verdict). */
  episode?: SuspicionEpisode;
  /** Resolved suspicions: the item went missing and came back. */
  pastEpisodes?: SuspicionEpisode[];
  /** Replies or quotes of the subject that showed this item as unavailable. */
  referencedBy?: ItemReference[];
  /** Delete-and-repost: the post that replaced this one. */
  replacedBy?: string;
  /** Delete-and-repost: the post this one replaced. */
  replaces?: string;
  /** Ids the platform rotated: the same content and creation time under a new id. */
  idChanges?: Array<{ from: string; to: string; captureId: string; at: string }>;
}

/** Lookups the monitor should make for one item. */
export interface PendingLookup {
  bucket: string;
  /** The item's current platform id. */
  itemId: string;
  /** For reposts/shares: the original's id, looked up too (its deletion is not the subject's). */
  originalId?: string;
  /** Lookups of this item that answered `unknown` so far (retries). */
  attempts: number;
  since: string;
  /**
   * Looked up without suspicion: an empty capture proved nothing, so the items it should have
   * shown are checked one by one (an account that really deleted everything is still noticed).
   */
  probe?: boolean;
}

/** The adapter abilities the machine needs, as passed to `observeCapture`. */
export interface DeletionCapabilities {
  /** The adapter can look items up by id. */
  lookup: boolean;
  /** A lookup's `gone` can be trusted alone (the adapter tells private from deleted). */
  distinguishesPrivateFromDeleted: boolean;
  /** The platform serves at most this many recent items (X: 3,200). */
  historyLimit?: number;
}

// A type alias, not an interface: it then fits `Record<string, unknown>` where generic store
// code expects a plain record.
/**
 * The account state: every item ever seen with all its versions, its status and the proof
 * behind it, plus coverage. A plain JSON value, stored as the `account_state` record.
 *
 * Items are filed in buckets by scope and UTC day of creation, so a capture touches only the
 * buckets of its own items and of its window: diffing costs O(items in capture + items in
 * window), not O(every item ever seen). Every function returns a new state that shares the
 * untouched buckets with the old one; none mutates its input.
 *
 * A bucket those functions write is held packed: read-only, it reads and serialises (JSON,
 * canonical JSON, `Object.keys`, spread) as the plain record it stands for, but keeps a live item
 * seen once as its version item and a few column slots, about half the memory (a 1M-item state:
 * ~390 MB instead of ~780 MB). Writing into it throws a `TypeError`; a state parsed from a store
 * is plain until a function writes it.
 */
export type AccountState = {
  schemaVersion: 1;
  /** `accountKey` of the account (an index key of stores). */
  accountKey: string;
  platform: string;
  createdAt: string;
  /** When the state last changed (an index key of stores). */
  updatedAt: string;
  /** The handle last seen (renames keep the key, change this). */
  handle?: string;
  /** The last definite observation of the account as a whole. */
  visibility?: { observation: AccountObservation; since: string; captureId: string };
  profile?: { snapshot: ProfileSnapshot; item: Item; observedAt: string; captureId: string };
  capabilities?: DeletionCapabilities;
  /** bucket → item key → item. */
  items: Record<string, Record<string, TrackedItem>>;
  /** Other platform ids (X edit versions, rotated ids) → the canonical key and its bucket. */
  aliases: Record<string, { key: string; bucket: string }>;
  /** Items awaiting a lookup, by key. */
  pending: Record<string, PendingLookup>;
  /** Items with a verdict, an open or past suspicion, or more than one version: key → bucket. */
  notable: Record<string, string>;
  coverage: Record<string, ScopeCoverage>;
  gaps: CoverageGap[];
  /** The last captures observed (by id), so observing one twice changes nothing. */
  recentCaptureIds: string[];
  /** Number of items tracked. */
  itemCount: number;
  /**
   * Fields other parts keep beside the state (e.g. the monitor's progress). Every function here
   * carries them along untouched.
   */
  [extension: string]: unknown;
};

/** Start an empty state for an account. */
export function createAccountState(input: { accountKey: string; platform: string; at: string }): AccountState {
  return {
    schemaVersion: 1,
    accountKey: input.accountKey,
    platform: input.platform,
    createdAt: input.at,
    updatedAt: input.at,
    items: {},
    aliases: {},
    pending: {},
    notable: {},
    coverage: {},
    gaps: [],
    recentCaptureIds: [],
    itemCount: 0,
  };
}
