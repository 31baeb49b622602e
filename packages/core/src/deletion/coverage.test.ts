import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY, X_CAPABILITIES, at, capture, post } from './__fixtures__/capture-builder.js';
import { createAccountState } from './account-state.js';
import { coverageOf, gapReasonOf } from './coverage.js';
import { observeCapture } from './observe-capture.js';
import { observeCaptureFailure } from './observe-capture-failure.js';

describe('coverage accounting', () => {
  it('says what was not observed between when and why, and closes the gap at the next success', () => {
    let state = createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) });
    state = observeCapture(state, capture({ id: 'c1', minutes: 100, items: [post('1', 50, 'halo')] }), {}, X_CAPABILITIES).state;
    state = observeCaptureFailure(state, { scope: 'timeline', errorType: 'rate_limited', message: '429', at: at(200), retryAfterMs: 900_000 }).state;
    state = observeCaptureFailure(state, { scope: 'timeline', errorType: 'rate_limited', at: at(300) }).state;
    state = observeCaptureFailure(state, { scope: 'timeline', errorType: 'network', message: 'ECONNRESET', at: at(400) }).state;
    expect(coverageOf(state).openGaps).toMatchObject([{ reason: 'network', from: at(100), firstFailureAt: at(400) }]);
    state = observeCapture(state, capture({ id: 'c2', minutes: 500, items: [post('1', 50, 'halo')] }), {}, X_CAPABILITIES).state;
    const coverage = coverageOf(state);
    expect(coverage.gaps).toEqual([
      { scope: 'timeline', reason: 'rate_limited', from: at(100), to: at(400), firstFailureAt: at(200), lastFailureAt: at(300), failures: 2, errorType: 'rate_limited', message: '429', retryAfterMs: 900_000 },
      { scope: 'timeline', reason: 'network', from: at(100), to: at(500), firstFailureAt: at(400), lastFailureAt: at(400), failures: 1, errorType: 'network', message: 'ECONNRESET' },
    ]);
    expect(coverage.openGaps).toEqual([]);
    expect(coverage.scopes).toMatchObject([{ scope: 'timeline', successes: 2, failures: 3, firstSuccessAt: at(100), lastSuccess: { captureId: 'c2', at: at(500), complete: true } }]);
  });

  it('a failure changes no item', () => {
    let state = createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) });
    state = observeCapture(state, capture({ id: 'c1', minutes: 100, items: [post('1', 50, 'halo')] }), {}, X_CAPABILITIES).state;
    const after = observeCaptureFailure(state, { scope: 'timeline', errorType: 'not_found', at: at(200) }).state;
    expect(after.items).toBe(state.items);
    expect(after.pending).toBe(state.pending);
  });

  it('maps unknown error types to other', () => {
    expect(gapReasonOf('unauthorized')).toBe('unauthorized');
    expect(gapReasonOf('something_new')).toBe('other');
  });
});
