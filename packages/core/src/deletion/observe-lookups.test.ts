import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY, X_CAPABILITIES, answer, at, blob, capture, post } from './__fixtures__/capture-builder.js';
import { createAccountState, type AccountState } from './account-state.js';
import { deletionVerdicts, findTrackedItem } from './deletion-verdicts.js';
import { observeCapture } from './observe-capture.js';
import { observeLookups } from './observe-lookups.js';

const a = post('1', 60, 'Rapat koordinasi desa');
const b = post('2', 120, 'Kerja bakti hari Minggu');

function captured(...steps: Array<Parameters<typeof capture>[0]>): { state: AccountState; lookupNeeded: string[] } {
  let state = createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) });
  let lookupNeeded: string[] = [];
  for (const step of steps) ({ state, lookupNeeded } = observeCapture(state, capture(step), {}, X_CAPABILITIES));
  return { state, lookupNeeded };
}

describe('lookups', () => {
  it('an emptied timeline is not a deletion, but its posts are looked up one by one, and gone confirms each', () => {
    const { state, lookupNeeded } = captured({ id: 'c1', minutes: 200, items: [b, a] }, { id: 'c2', minutes: 300, items: [] });
    expect(lookupNeeded.sort()).toEqual(['1', '2']);
    expect(findTrackedItem(state, 'x:1')?.status).toBe('live');
    const looked = observeLookups(state, { results: [answer('1', 'gone'), answer('2', 'unknown')], rawBlobs: [blob('l')], at: at(301) });
    expect(deletionVerdicts(looked.state).map((verdict) => verdict.itemKey)).toEqual(['x:1']);
    // The unanswered probe stays for a retry.
    expect(Object.keys(looked.state.pending)).toEqual(['x:2']);
  });

  it('lookups made while the account is deactivated count as the account being gone, not as deletions', () => {
    const { state } = captured({ id: 'c1', minutes: 200, items: [b, a] }, { id: 'c2', minutes: 300, items: [a] });
    const looked = observeLookups(state, { results: [answer('2', 'gone')], rawBlobs: [blob('l')], at: at(301), accountObservation: 'deactivated' });
    expect(findTrackedItem(looked.state, 'x:2')?.status).toBe('account_gone');
    expect(deletionVerdicts(looked.state)).toEqual([]);
    // When the account is back, the post is examined again.
    const back = observeCapture(looked.state, capture({ id: 'c3', minutes: 400, items: [a] }), {}, X_CAPABILITIES);
    expect(back.lookupNeeded).toEqual(['2']);
  });

  it('a hidden answer records the post as hidden, never deleted', () => {
    const { state } = captured({ id: 'c1', minutes: 200, items: [b, a] }, { id: 'c2', minutes: 300, items: [a] });
    const looked = observeLookups(state, { results: [answer('2', 'hidden')], rawBlobs: [blob('l')], at: at(301) });
    expect(findTrackedItem(looked.state, 'x:2')).toMatchObject({ status: 'hidden', episode: { lookups: [{ status: 'hidden' }] } });
    expect(looked.state.pending).toEqual({});
  });

  it('a live answer with changed text brings the post back as a new version', () => {
    const { state } = captured({ id: 'c1', minutes: 200, items: [b, a] }, { id: 'c2', minutes: 300, items: [a] });
    const served = post('2', 120, 'Kerja bakti hari Sabtu');
    const looked = observeLookups(state, { results: [answer('2', 'live', served)], rawBlobs: [blob('l')], at: at(301) });
    expect(looked.changes.map((change) => change.type)).toEqual(['edited', 'reappeared']);
    expect(looked.changes[0]).toMatchObject({ lookupRawBlobs: [blob('l')], captureId: 'c2' });
    expect(findTrackedItem(looked.state, 'x:2')?.versions).toHaveLength(2);
  });

  it('answers nobody asked for are ignored and reported', () => {
    const { state } = captured({ id: 'c1', minutes: 200, items: [b, a] });
    const looked = observeLookups(state, { results: [answer('1', 'gone')], rawBlobs: [blob('l')], at: at(201) });
    expect(looked.ignored).toEqual(['1']);
    expect(findTrackedItem(looked.state, 'x:1')?.status).toBe('live');
  });

  it('the same batch twice yields the same change ids', () => {
    const { state } = captured({ id: 'c1', minutes: 200, items: [b, a] }, { id: 'c2', minutes: 300, items: [a] });
    const batch = { results: [answer('2', 'live', b)], rawBlobs: [blob('l')], at: at(301) };
    expect(observeLookups(state, batch).changes.map((change) => change.id)).toEqual(observeLookups(state, batch).changes.map((change) => change.id));
  });
});
