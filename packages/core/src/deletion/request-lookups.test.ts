import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY, X_CAPABILITIES, answer, at, blob, capture, post } from './__fixtures__/capture-builder.js';
import { createAccountState } from './account-state.js';
import { deletionVerdicts, findTrackedItem } from './deletion-verdicts.js';
import { observeCapture } from './observe-capture.js';
import { observeLookups } from './observe-lookups.js';
import { requestLookups } from './request-lookups.js';

const a = post('1', 60, 'Rapat koordinasi desa');
const b = post('2', 120, 'Kerja bakti hari Minggu');

describe('requested lookups (patrol revisits)', () => {
  const seen = observeCapture(createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) }), capture({ id: 'c1', minutes: 200, items: [b, a] }), {}, X_CAPABILITIES).state;

  it('a revisit answer for a live post counts only once the post is asked for', () => {
    // Without a request, an answer for a post nobody asked about is ignored.
    expect(observeLookups(seen, { results: [answer('1', 'gone')], rawBlobs: [blob('r')], at: at(300) }).ignored).toEqual(['1']);
    const requested = requestLookups(seen, ['x:1', 'x:9'], at(300));
    expect(requested.requested).toEqual(['x:1']);
    expect(requested.untracked).toEqual(['x:9']);
    const looked = observeLookups(requested.state, { results: [answer('1', 'gone')], rawBlobs: [blob('r')], at: at(301) });
    expect(deletionVerdicts(looked.state).map((verdict) => verdict.itemKey)).toEqual(['x:1']);
    expect(findTrackedItem(looked.state, 'x:2')?.status).toBe('live');
  });

  it('a live answer leaves the post live and nothing pending', () => {
    const requested = requestLookups(seen, ['x:2'], at(300));
    const looked = observeLookups(requested.state, { results: [answer('2', 'live')], rawBlobs: [blob('r')], at: at(301) });
    expect(findTrackedItem(looked.state, 'x:2')?.status).toBe('live');
    expect(looked.state.pending).toEqual({});
  });
});
