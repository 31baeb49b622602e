import type { ElectionContext, FindingCategory, ItemKind, Phase, Subject, SubjectCategory } from '@sipansos/core';
import type { WorldCycle } from './world-context.js';

/** The platforms the simulated world serves. */
export type WorldPlatform = 'x' | 'facebook' | 'instagram';

/**
 * What an account is on its platform. Only X users, Facebook pages and Instagram business or
 * creator accounts answer the APIs; personal Facebook profiles and personal Instagram accounts
 * are reachable only through saved pages.
 */
export type WorldAccountKind = 'x_user' | 'facebook_page' | 'facebook_profile' | 'instagram_business' | 'instagram_creator' | 'instagram_personal';

/** How an account looks to the public from a cycle on. */
export type WorldAccountStatus = 'public' | 'private' | 'suspended';

/** An account on one platform, owned by one subject. */
export interface WorldAccount {
  platform: WorldPlatform;
  /** The platform's stable id (numeric string). */
  id: string;
  handle: string;
  displayName: string;
  kind: WorldAccountKind;
  subjectId: string;
  bio: string;
  /** When the account was opened (UTC ISO). */
  createdAt: string;
  followers: number;
  following: number;
  verified: boolean;
  /** Status changes in cycle order; before the first, the account is public. */
  statusChanges: { cycle: number; status: WorldAccountStatus }[];
  /** Scripted server errors on this account's reads. */
  failures: { cycle: number; endpoint: WorldEndpoint; status: 500 | 503 }[];
  /**
   * X: cycles in which every timeline page of this account is a 200 carrying an internal-error
   * problem beside only half the posts asked for (and no next page), however often it is asked.
   */
  partialPages?: number[];
}

/** One version of a post. On X an edit makes a new id; on Facebook and Instagram the id stays. */
export interface WorldPostVersion {
  id: string;
  text: string;
  /** Visible from this cycle on (until the next version or the deletion). */
  fromCycle: number;
  /** When this version was written (UTC ISO). */
  at: string;
}

/** Media attached to a post. */
export interface WorldMedia {
  key: string;
  type: 'photo' | 'video';
  /** What the image shows, as alt text / description. */
  altText?: string;
  /**
   * Names the picture a test supplies for this media (`SimulatedWorldOptions.pictures`), e.g.
   * `poster-pair-2`; without it, or without that picture, the world serves a 1×1 PNG.
   */
  picture?: string;
}

/** A post, reply, repost, quote or share in the world. */
export interface WorldPost {
  platform: WorldPlatform;
  /** The id of the first version; the key truth events use. */
  id: string;
  accountId: string;
  kind: 'post' | 'reply' | 'repost' | 'quote' | 'share';
  createdAt: string;
  versions: WorldPostVersion[];
  /** First cycle the post is visible in. */
  appearsCycle: number;
  /** First cycle it is gone in (deleted by its author). */
  deletedCycle?: number;
  /** What a repost, quote, reply or share acts on. */
  target?: { postId: string; accountId: string };
  media: WorldMedia[];
  likeCount: number;
  replyCount: number;
  shareCount: number;
  /** Only in saved-page snapshots (personal accounts), never in an API. */
  savedPageOnly?: boolean;
}

/** An X like, visible in `liked_tweets` from `fromCycle` until `untilCycle` (exclusive). */
export interface WorldLike {
  accountId: string;
  postId: string;
  fromCycle: number;
  untilCycle?: number;
}

/** An X follow, visible in `following` from `fromCycle` until `untilCycle` (exclusive). */
export interface WorldFollow {
  accountId: string;
  targetAccountId: string;
  fromCycle: number;
  untilCycle?: number;
}

/** Endpoint groups the world limits and fails separately. */
export type WorldEndpoint =
  | 'x_user_lookup'
  | 'x_user_tweets'
  | 'x_liked_tweets'
  | 'x_following'
  | 'x_tweet_lookup'
  | 'graph';

/** A scripted rate limit: in `cycle`, requests to `endpoint` beyond `limit` are refused. */
export interface WorldRateLimit {
  platform: 'x' | 'meta';
  endpoint: WorldEndpoint;
  cycle: number;
  limit: number;
}

/** Why a post that SIPANSOS no longer sees is not deleted. */
export type StillLiveReason = 'private' | 'suspended' | 'fell_off_window' | 'failed_request';

/**
 * What SIPANSOS should report for one scripted event. Item ids are the platform's ids; likes
 * and follows use the derived ids core documents (`like:<tweet id>`, `follow:<user id>`).
 */
export type ExpectedEvent =
  | {
      kind: 'violation';
      category: FindingCategory;
      subjectId: string;
      subjectCategory: SubjectCategory;
      platform: WorldPlatform;
      accountId: string;
      itemId: string;
      itemKind: ItemKind;
      /** Cycle the item is first visible in. */
      cycle: number;
      /** Phase at the item's time. */
      phase: Phase | undefined;
      /** `saved_page`: only in a saved-page snapshot, outside every API. */
      source: 'api' | 'saved_page';
      note: string;
    }
  | { kind: 'no_finding'; subjectId: string; platform: WorldPlatform; accountId: string; itemId: string; itemKind: ItemKind; cycle: number; note: string }
  | {
      kind: 'edit';
      subjectId: string;
      platform: WorldPlatform;
      accountId: string;
      itemId: string;
      newItemId: string;
      cycle: number;
      /** The version before the edit was never visible to any capture (edited between two cycles' captures). */
      betweenObservations?: true;
    }
  | {
      kind: 'deletion';
      subjectId: string;
      platform: WorldPlatform;
      accountId: string;
      itemId: string;
      cycle: number;
      confirmable: boolean;
      note: string;
      /** Deleted before any capture could see it; known only through the author's own reply (`replyId`). */
      beforeCapture?: { replyId: string };
    }
  | { kind: 'partial_page'; subjectId: string; platform: 'x'; accountId: string; cycle: number }
  | { kind: 'unliked'; subjectId: string; platform: WorldPlatform; accountId: string; itemId: string; cycle: number }
  | { kind: 'still_live'; subjectId: string; platform: WorldPlatform; accountId: string; itemId: string; cycle: number; reason: StillLiveReason }
  | { kind: 'account_hidden'; subjectId: string; platform: WorldPlatform; accountId: string; handle: string; cycle: number; reason: 'private' | 'suspended' }
  | { kind: 'failed_request'; subjectId: string; platform: WorldPlatform; accountId: string; endpoint: WorldEndpoint; cycle: number; status: number }
  | { kind: 'rate_limited'; platform: 'x' | 'meta'; endpoint: WorldEndpoint; cycle: number; afterRequests: number }
  | { kind: 'saved_pages_only'; subjectId: string; platform: WorldPlatform; handle: string };

/** A saved copy of a personal account's public page, as an office would keep it. */
export interface SavedPageSnapshot {
  platform: 'facebook' | 'instagram';
  handle: string;
  subjectId: string;
  /** Where the page was saved from. */
  url: string;
  /** When it was saved (UTC ISO). */
  savedAt: string;
  html: string;
}

/** Options of {@link createSimulatedWorld}. */
export interface SimulatedWorldOptions {
  /** Seed of every generated name, handle and background post. @default 2024 */
  seed?: number;
  /** Number of subjects; raised to the scripted minimum when lower. @default 200 */
  subjects?: number;
  /**
   * How many of an account's newest posts X's timeline serves (the real API stops at 3,200).
   * Older posts fall off the window but still answer a lookup. @default 30
   */
  xTimelineDepth?: number;
  /**
   * Wall clock for rate-limit reset headers (ms since epoch). Reset times are real future
   * instants so a client that honours them defers work instead of spinning. @default Date.now
   */
  clock?: () => number;
  /** Bearer token the X API requires; unset accepts any non-empty token. */
  xBearerToken?: string;
  /** Access token the Graph API requires; unset accepts any non-empty token. */
  metaAccessToken?: string;
  /**
   * Image bytes (PNG or JPEG) by picture name, served for the media that name them (a pair's
   * poster, a shared copy, a banner photo: see `WORLD_PICTURES`). Tests render them; the world
   * itself holds no images. @default {} (every media is a 1×1 PNG)
   */
  pictures?: Readonly<Record<string, Uint8Array>>;
}

/** A simulated platform world: accounts, a scripted timeline across cycles, and its truth. */
export interface SimulatedWorld {
  /** The parsed election context. */
  readonly context: ElectionContext;
  /** Every subject, valid under core's `SubjectSchema`. */
  readonly subjects: readonly Subject[];
  /** Number of cycles; cycles run 1..cycles. */
  readonly cycles: number;
  /** The calendar of cycles. */
  readonly calendar: readonly WorldCycle[];
  /** Every account of every subject. */
  readonly accounts: readonly WorldAccount[];
  /** Every post ever made in the world (all cycles, deleted ones included). */
  readonly posts: readonly WorldPost[];
  readonly likes: readonly WorldLike[];
  readonly follows: readonly WorldFollow[];
  readonly rateLimits: readonly WorldRateLimit[];
  /**
   * Posts that stay public through every cycle. Give `facebook` to the Facebook adapter as its
   * `controlPostId` (SIPANSOS_FACEBOOK_CONTROL_POST_ID) so a 100/33 answer can confirm a deletion.
   */
  readonly controlPostIds: { facebook: string };
  /** The seed the world was built from. */
  readonly seed: number;
  /** Options as resolved. */
  readonly options: Required<Pick<SimulatedWorldOptions, 'xTimelineDepth'>> & Pick<SimulatedWorldOptions, 'xBearerToken' | 'metaAccessToken'>;
  /** The cycle the platforms currently show. Starts at 1. */
  currentCycle(): number;
  /** The simulated instant of the current cycle (UTC ISO). */
  now(): string;
  /** Moves the platforms to a cycle (1..cycles) and resets that cycle's rate-limit counters. */
  advanceTo(cycle: number): void;
  /** What SIPANSOS should report, one entry per scripted event. */
  truth(): ExpectedEvent[];
  /** Saved-page snapshots of personal accounts. */
  savedPages(): SavedPageSnapshot[];
  /** Wall clock for rate-limit headers. */
  clock(): number;
  /** Counts one request against the current cycle's budget; false when it must be refused. */
  takeRequest(endpoint: WorldEndpoint): { allowed: boolean; limit: number; remaining: number; resetAtMs: number };
  /** Requests the world has answered, per endpoint, since it was created. */
  requestCounts(): Record<string, number>;
  /** The bytes served for a media key, when a test supplied its picture. */
  mediaBytes(key: string): Uint8Array | undefined;
}
