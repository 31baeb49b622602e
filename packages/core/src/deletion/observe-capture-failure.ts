import type { CaptureScope } from '../capture/capture-schema.js';
import type { AccountState } from './account-state.js';
import { gapReasonOf, withFailure } from './coverage.js';

/** A capture that could not be made, as the adapter's error reported it. */
export interface CaptureFailure {
  scope: CaptureScope;
  /** The adapter error's `type`: `rate_limited`, `unauthorized`, `private`, `network`, … */
  errorType: string;
  message?: string;
  at: string;
  retryAfterMs?: number;
}

/**
 * Record a failed capture as a coverage gap. Item statuses do not change: an error means "could
 * not look", never "the posts are gone" (not even `not_found` or `private`, which may be a
 * wrong handle or a transient login wall).
 */
export function observeCaptureFailure(state: AccountState, failure: CaptureFailure): { state: AccountState } {
  const next = withFailure(state, { ...failure, reason: gapReasonOf(failure.errorType) });
  const later = Date.parse(failure.at) > Date.parse(state.updatedAt) ? failure.at : state.updatedAt;
  return { state: { ...state, ...next, updatedAt: later } };
}
