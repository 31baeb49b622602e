import { describe, expect, it } from 'vitest';
import { ChangeSchema } from '../diff/change-schema.js';
import { ACCOUNT_KEY, X_CAPABILITIES, answer, at, blob, capture, post } from './__fixtures__/capture-builder.js';
import { createAccountState, type AccountState } from './account-state.js';
import { deletionVerdicts, findTrackedItem } from './deletion-verdicts.js';
import { observeEarlierVersions, versionLookupIdsOf } from './earlier-versions.js';
import { observeCapture } from './observe-capture.js';
import { observeLookups } from './observe-lookups.js';

const fresh = (): AccountState => createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) });

function captureOf(state: AccountState, id: string, minutes: number, items: Parameters<typeof capture>[0]['items']) {
  return observeCapture(state, capture({ id, minutes, items }), {}, X_CAPABILITIES);
}

describe('edits made between two observations (X edit history)', () => {
  it('a post first seen after an edit fetches the first version by id, keeps it with its raw response and reports the edit with what was removed', () => {
    const original = post('80', 100, 'Ayo coblos nomor 2 Harapan Baru', { editHistoryIds: ['80'] });
    const edited = post('81', 130, 'Ayo datang ke TPS', { editHistoryIds: ['80', '81'] });
    const seen = captureOf(fresh(), 'c1', 200, [edited]);
    expect(versionLookupIdsOf(seen.state)).toEqual(['80']);
    expect(seen.changes.map((change) => change.type)).toEqual(['added']);

    const filled = observeEarlierVersions(seen.state, { results: [answer('80', 'live', original)], rawBlobs: [blob('versions')], at: at(201) });
    expect(filled.recovered).toEqual(['x:80']);
    const item = findTrackedItem(filled.state, 'x:80')!;
    expect(item.versions.map((version) => version.item.id)).toEqual(['80', '81']);
    expect(item.versions[0]).toMatchObject({ rawBlobs: [blob('versions')], recoveredFromEditHistory: true, firstSeenCaptureId: 'c1' });
    expect(item.earlierVersionsNotCaptured).toBeUndefined();
    expect(item.versionsToFetch).toBeUndefined();
    expect(versionLookupIdsOf(filled.state)).toEqual([]);

    expect(filled.changes).toHaveLength(1);
    const [edit] = filled.changes;
    expect(ChangeSchema.parse(edit)).toEqual(edit);
    expect(edit).toMatchObject({ type: 'edited', itemKey: 'x:80', captureId: 'c1', before: { id: '80' }, after: { id: '81' }, fields: ['text'], betweenObservations: true, lookupRawBlobs: [blob('versions')] });
    expect(edit!.textDiff?.filter((segment) => segment.op === 'delete').map((segment) => segment.text).join(' ')).toContain('coblos nomor 2 Harapan Baru');
    expect(deletionVerdicts(filled.state)).toMatchObject([{ itemKey: 'x:80', verdict: 'edited', caveats: [] }]);
  });

  it('an intermediate version between two captured ones is fetched and both steps of the edit are reported', () => {
    const first = post('90', 100, 'Rapat desa jam 9', { editHistoryIds: ['90'] });
    const middle = post('91', 110, 'Rapat desa jam 9 pilih nomor 2', { editHistoryIds: ['90', '91'] });
    const last = post('92', 120, 'Rapat desa jam 10', { editHistoryIds: ['90', '91', '92'] });
    const one = captureOf(fresh(), 'c1', 105, [first]);
    const two = captureOf(one.state, 'c2', 200, [last]);
    expect(two.changes.filter((change) => change.type === 'edited')).toHaveLength(1);
    expect(versionLookupIdsOf(two.state)).toEqual(['91']);
    const filled = observeEarlierVersions(two.state, { results: [answer('91', 'live', middle)], rawBlobs: [blob('v')], at: at(201) });
    expect(findTrackedItem(filled.state, 'x:90')!.versions.map((version) => version.item.id)).toEqual(['90', '91', '92']);
    expect(filled.changes.map((change) => [change.before?.id, change.after?.id])).toEqual([
      ['90', '91'],
      ['91', '92'],
    ]);
    // Same answers again (a resumed cycle): the same change ids.
    expect(observeEarlierVersions(two.state, { results: [answer('91', 'live', middle)], rawBlobs: [blob('v')], at: at(201) }).changes.map((change) => change.id)).toEqual(filled.changes.map((change) => change.id));
  });

  it('a lookup that serves a later version (after an empty capture) also fetches the versions between, and a later capture asks again for none', () => {
    const first = post('95', 100, 'Rapat desa jam 9', { editHistoryIds: ['95'] });
    const middle = post('96', 110, 'Rapat desa jam 9 pilih nomor 2', { editHistoryIds: ['95', '96'] });
    const last = post('97', 120, 'Rapat desa jam 10', { editHistoryIds: ['95', '96', '97'] });
    const one = captureOf(fresh(), 'c1', 105, [first]);
    const empty = captureOf(one.state, 'c2', 200, []);
    expect(empty.lookupNeeded).toEqual(['95']);
    const looked = observeLookups(empty.state, { results: [answer('95', 'live', last)], rawBlobs: [blob('l')], at: at(201) });
    expect(findTrackedItem(looked.state, 'x:97')?.key).toBe('x:95');
    expect(versionLookupIdsOf(looked.state)).toEqual(['96']);
    // The next capture shows the version the lookup already stored: nothing new, the fetch still owed.
    const again = captureOf(looked.state, 'c3', 300, [last]);
    expect(versionLookupIdsOf(again.state)).toEqual(['96']);
    const filled = observeEarlierVersions(again.state, { results: [answer('96', 'live', middle)], rawBlobs: [blob('v')], at: at(301) });
    expect(findTrackedItem(filled.state, 'x:95')!.versions.map((version) => version.item.id)).toEqual(['95', '96', '97']);
    expect(versionLookupIdsOf(filled.state)).toEqual([]);
  });

  it('a version X no longer serves is given up and the caveat stays; an unknown answer is asked again', () => {
    const edited = post('71', 110, 'Ayo datang ke acara akbar', { editHistoryIds: ['70', '71'] });
    const seen = captureOf(fresh(), 'c1', 200, [edited]);
    const gone = observeEarlierVersions(seen.state, { results: [answer('70', 'gone')], rawBlobs: [blob('g')], at: at(201) });
    expect(gone.changes).toEqual([]);
    expect(findTrackedItem(gone.state, 'x:70')).toMatchObject({ earlierVersionsNotCaptured: true });
    expect(versionLookupIdsOf(gone.state)).toEqual([]);

    let state = seen.state;
    for (let attempt = 1; attempt <= 4; attempt++) {
      state = observeEarlierVersions(state, { results: [answer('70', 'unknown')], rawBlobs: [blob(`u${attempt}`)], at: at(201 + attempt) }).state;
      expect(versionLookupIdsOf(state)).toEqual(['70']);
    }
    expect(findTrackedItem(state, 'x:70')).toMatchObject({ versionFetchAttempts: 4, earlierVersionsNotCaptured: true });
  });

  it('while the account is private or deactivated a hidden or gone version is asked again, and recovered once the account is back', () => {
    const original = post('60', 100, 'Pilih nomor 2 di TPS 07', { editHistoryIds: ['60'] });
    const edited = post('61', 110, 'Datang ke TPS 07', { editHistoryIds: ['60', '61'] });
    const seen = captureOf(fresh(), 'c1', 200, [edited]);
    let state = observeCapture(seen.state, capture({ id: 'c2', minutes: 300, items: [], observation: 'private' }), {}, X_CAPABILITIES).state;
    state = observeEarlierVersions(state, { results: [answer('60', 'hidden')], rawBlobs: [blob('h')], at: at(301) }).state;
    expect(versionLookupIdsOf(state)).toEqual(['60']);
    state = observeCapture(state, capture({ id: 'c3', minutes: 400, items: [], observation: 'deactivated' }), {}, X_CAPABILITIES).state;
    state = observeEarlierVersions(state, { results: [answer('60', 'gone')], rawBlobs: [blob('g')], at: at(401) }).state;
    expect(versionLookupIdsOf(state)).toEqual(['60']);
    state = captureOf(state, 'c4', 500, [edited]).state;
    const filled = observeEarlierVersions(state, { results: [answer('60', 'live', original)], rawBlobs: [blob('v')], at: at(501) });
    expect(findTrackedItem(filled.state, 'x:60')!.versions.map((version) => version.item.id)).toEqual(['60', '61']);
    expect(versionLookupIdsOf(filled.state)).toEqual([]);
  });

  it('answers about ids nobody asked for change nothing', () => {
    const seen = captureOf(fresh(), 'c1', 200, [post('5', 100, 'Selamat pagi')]);
    const result = observeEarlierVersions(seen.state, { results: [answer('5', 'live', post('5', 100, 'Selamat pagi'))], rawBlobs: [blob('x')], at: at(201) });
    expect(result.changes).toEqual([]);
    expect(result.recovered).toEqual([]);
  });
});
