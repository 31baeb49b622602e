import type { CaptureScope } from '../capture/capture-schema.js';
import type { AccountState } from './account-state.js';
import { GAP_REASONS, type Coverage, type CoverageGap, type GapReason, type ScopeCoverage } from './coverage-types.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/** The gap reason for an adapter error type (`rate_limited`, `network`, …); unknown types are `other`. */
export function gapReasonOf(errorType: string): GapReason {
  return (GAP_REASONS as readonly string[]).includes(errorType) ? (errorType as GapReason) : 'other';
}

function scopeCoverage(state: Pick<AccountState, 'coverage'>, scope: CaptureScope): ScopeCoverage {
  return state.coverage[scope] ?? { scope, successes: 0, failures: 0 };
}

/** Coverage and gaps after a successful capture: open gaps of the scope close at its time. */
export function withSuccess(
  state: Pick<AccountState, 'coverage' | 'gaps'>,
  success: { scope: CaptureScope; captureId: string; at: string; complete: boolean; oldestAt?: string; newestAt?: string },
): Pick<AccountState, 'coverage' | 'gaps'> {
  const previous = scopeCoverage(state, success.scope);
  const newer = !previous.lastSuccess || Date.parse(success.at) >= Date.parse(previous.lastSuccess.at);
  const next: ScopeCoverage = {
    ...previous,
    successes: previous.successes + 1,
    firstSuccessAt: previous.firstSuccessAt ?? success.at,
    ...(newer
      ? {
          lastSuccess: {
            captureId: success.captureId,
            at: success.at,
            complete: success.complete,
            ...(success.oldestAt ? { oldestAt: success.oldestAt } : {}),
            ...(success.newestAt ? { newestAt: success.newestAt } : {}),
          },
        }
      : {}),
  };
  const gaps = state.gaps.map((gap) => (gap.scope === success.scope && gap.to === undefined ? { ...gap, to: success.at } : gap));
  return { coverage: { ...state.coverage, [success.scope]: next }, gaps };
}

/**
 * Coverage and gaps after a failure (or a capture that proved nothing). A failure with the
 * reason of the scope's open gap extends it; another reason closes it and opens a new one.
 */
export function withFailure(
  state: Pick<AccountState, 'coverage' | 'gaps'>,
  failure: { scope: CaptureScope; reason: GapReason; errorType: string; message?: string; at: string; retryAfterMs?: number; captureId?: string },
): Pick<AccountState, 'coverage' | 'gaps'> {
  const previous = scopeCoverage(state, failure.scope);
  const gaps = [...state.gaps];
  const openIndex = gaps.findIndex((gap) => gap.scope === failure.scope && gap.to === undefined);
  const open = openIndex >= 0 ? gaps[openIndex] : undefined;
  if (open && open.reason === failure.reason) {
    gaps[openIndex] = {
      ...open,
      lastFailureAt: failure.at,
      failures: open.failures + 1,
      ...(failure.message ? { message: failure.message } : {}),
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
      ...(failure.captureId ? { captureIds: [...(open.captureIds ?? []), failure.captureId].slice(-20) } : {}),
    };
  } else {
    if (open) gaps[openIndex] = { ...open, to: failure.at };
    const gap: CoverageGap = {
      scope: failure.scope,
      reason: failure.reason,
      ...(previous.lastSuccess ? { from: previous.lastSuccess.at } : {}),
      firstFailureAt: failure.at,
      lastFailureAt: failure.at,
      failures: 1,
      errorType: failure.errorType,
      ...(failure.message ? { message: failure.message } : {}),
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
      ...(failure.captureId ? { captureIds: [failure.captureId] } : {}),
    };
    gaps.push(gap);
  }
  return { coverage: { ...state.coverage, [failure.scope]: { ...previous, failures: previous.failures + 1 } }, gaps };
}

/**
 * How well the account was watched: the last successful capture per scope, and every gap
 * with its reason, so a report can say "not observed between X and Y because Z".
 */
export function coverageOf(state: AccountState): Coverage {
  const scopes = Object.values(state.coverage).sort((a, b) => compareCodeUnits(a.scope, b.scope));
  return {
    accountKey: state.accountKey,
    platform: state.platform,
    scopes,
    gaps: state.gaps,
    openGaps: state.gaps.filter((gap) => gap.to === undefined),
  };
}
