import type { CaptureScope } from '../capture/capture-schema.js';

/** Why a scope of an account was not observed. */
export const GAP_REASONS = [
  'rate_limited',
  'unauthorized',
  'private',
  'suspended',
  'deactivated',
  'not_found',
  'age_gated',
  'account_unknown',
  'network',
  'timeout',
  'http',
  'parse',
  'invalid_input',
  'empty_capture',
  'unavailable',
  'other',
] as const;

/** One of {@link GAP_REASONS}. */
export type GapReason = (typeof GAP_REASONS)[number];

/** The last good capture of a scope. */
export interface ScopeCoverage {
  scope: CaptureScope;
  lastSuccess?: {
    captureId: string;
    at: string;
    /** The window was complete (absences inside it counted). */
    complete: boolean;
    oldestAt?: string;
    newestAt?: string;
  };
  firstSuccessAt?: string;
  successes: number;
  failures: number;
}

/** A stretch in which a scope was not observed: "not observed between X and Y because Z". */
export interface CoverageGap {
  scope: CaptureScope;
  reason: GapReason;
  /** The last success before the gap (absent when nothing was ever captured). */
  from?: string;
  /** The first success after it (absent while the gap is open). */
  to?: string;
  firstFailureAt: string;
  lastFailureAt: string;
  failures: number;
  /** The adapter error's `type`, or what made a capture unusable. */
  errorType: string;
  message?: string;
  retryAfterMs?: number;
  /** For captures that returned but proved nothing (empty, private): their ids. */
  captureIds?: string[];
}

/** What a report says about how well an account was watched. */
export interface Coverage {
  accountKey: string;
  platform: string;
  scopes: ScopeCoverage[];
  gaps: CoverageGap[];
  /** Gaps still open, for "not observed since X because Z". */
  openGaps: CoverageGap[];
}
