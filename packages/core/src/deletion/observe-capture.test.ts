import { describe, expect, it } from 'vitest';
import type { Item } from '../capture/item-schema.js';
import { ACCOUNT_KEY, X_CAPABILITIES, NO_LOOKUP, answer, at, blob, capture, post } from './__fixtures__/capture-builder.js';
import { createAccountState, type AccountState, type DeletionCapabilities } from './account-state.js';
import { coverageOf } from './coverage.js';
import { deletionVerdicts, findTrackedItem } from './deletion-verdicts.js';
import { observeCapture, observeCapturePages } from './observe-capture.js';
import { observeLookups } from './observe-lookups.js';

const fresh = (): AccountState => createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) });

function run(steps: Array<Parameters<typeof capture>[0]>, capabilities: DeletionCapabilities = X_CAPABILITIES, start = fresh()) {
  let state = start;
  const changes = [];
  let lookupNeeded: string[] = [];
  for (const step of steps) {
    const result = observeCapture(state, capture(step), {}, capabilities);
    state = result.state;
    changes.push(...result.changes);
    lookupNeeded = result.lookupNeeded;
  }
  return { state, changes, lookupNeeded };
}

const a = post('1', 60, 'Rapat koordinasi desa hari ini');
const b = post('2', 120, 'Gotong royong membersihkan saluran air');
const c = post('3', 180, 'Dukung paslon nomor 2 ya kawan');

function statusOf(state: AccountState, key: string) {
  return findTrackedItem(state, key)?.status;
}

describe('deletion detection from captures', () => {
  it('a post missing inside a complete window becomes missing, asks for a lookup, and is deleted only when the lookup says gone', () => {
    const { state, changes, lookupNeeded } = run([
      { id: 'c1', minutes: 200, items: [c, b, a] },
      { id: 'c2', minutes: 300, items: [b, a] },
    ]);
    expect(changes.filter((change) => change.type === 'missing').map((change) => change.itemKey)).toEqual(['x:3']);
    expect(statusOf(state, 'x:3')).toBe('missing');
    expect(lookupNeeded).toEqual(['3']);
    expect(deletionVerdicts(state)).toEqual([]);

    const looked = observeLookups(state, { results: [answer('3', 'gone')], rawBlobs: [blob('lookup-1')], at: at(301) });
    expect(looked.statusChanged).toEqual(['x:3']);
    const [verdict] = deletionVerdicts(looked.state);
    expect(verdict).toMatchObject({
      itemKey: 'x:3',
      verdict: 'deleted',
      contentCaptured: true,
      likelyCorrection: false,
      proof: {
        capturesLacking: [{ captureId: 'c2', at: at(300), suspect: false }],
        lookups: [{ id: '3', status: 'gone', rawBlobs: [blob('lookup-1')], at: at(301) }],
        firstMissingAt: at(300),
        confirmedAt: at(301),
        confirmedBy: 'lookup',
        firstSeenAt: at(200),
        lastSeenAt: at(200),
        publicForMs: 0,
      },
    });
    expect(verdict!.versions.map((version) => version.item.text)).toEqual(['Dukung paslon nomor 2 ya kawan']);
  });

  it('a post that fell off a page-capped window is not missing', () => {
    const { state, changes } = run([
      { id: 'c1', minutes: 200, items: [c, b, a] },
      { id: 'c2', minutes: 300, items: [c, b], window: { reachedEnd: false, cutBy: 'page_limit', oldest: { id: '2', at: b.createdAt } } },
    ]);
    expect(changes.filter((change) => change.type === 'missing')).toEqual([]);
    expect(statusOf(state, 'x:1')).toBe('live');
  });

  it("a post beyond X's 3,200 most recent is not missing even when the adapter says it reached the end", () => {
    const recent = Array.from({ length: 3200 }, (_, index) => post(`r${index}`, 1000 + index, `kabar ${index}`));
    const { state, changes } = run([
      { id: 'c1', minutes: 500, items: [c, b, a] },
      { id: 'c2', minutes: 5000, items: recent.slice().reverse(), window: { reachedEnd: true } },
    ]);
    expect(changes.filter((change) => change.type === 'missing')).toEqual([]);
    expect(statusOf(state, 'x:1')).toBe('live');
  });

  it('an incomplete window proves no absence', () => {
    const { changes } = run([
      { id: 'c1', minutes: 200, items: [c, b, a] },
      { id: 'c2', minutes: 300, items: [a], window: { complete: false } },
    ]);
    expect(changes.filter((change) => change.type === 'missing')).toEqual([]);
  });

  it('an empty capture (a login wall served as an empty page) is unknown, never a mass deletion', () => {
    const { state, changes } = run([
      { id: 'c1', minutes: 200, items: [c, b, a] },
      { id: 'c2', minutes: 300, items: [] },
    ]);
    expect(changes.filter((change) => change.captureId === 'c2')).toEqual([]);
    expect([statusOf(state, 'x:1'), statusOf(state, 'x:2'), statusOf(state, 'x:3')]).toEqual(['live', 'live', 'live']);
    const coverage = coverageOf(state);
    expect(coverage.openGaps).toMatchObject([{ scope: 'timeline', reason: 'empty_capture', from: at(200), captureIds: ['c2'] }]);
    expect(coverage.scopes[0]!.lastSuccess).toMatchObject({ captureId: 'c1' });
  });

  it('a capture that loses most of its window at once is suspect: absences wait for lookups item by item', () => {
    const many = Array.from({ length: 10 }, (_, index) => post(`p${index}`, 10 + index, `posting ${index}`));
    const { state, changes, lookupNeeded } = run([
      { id: 'c1', minutes: 200, items: many },
      { id: 'c2', minutes: 300, items: [many[9]!] },
    ]);
    const missing = changes.filter((change) => change.type === 'missing');
    expect(missing).toHaveLength(9);
    expect(missing.every((change) => change.suspect === true)).toBe(true);
    expect(lookupNeeded).toHaveLength(9);
    const looked = observeLookups(state, {
      results: [answer('p0', 'gone'), ...many.slice(1, 9).map((item) => answer(item.id, 'live', item))],
      rawBlobs: [blob('l')],
      at: at(301),
    });
    expect(deletionVerdicts(looked.state).map((verdict) => [verdict.itemKey, verdict.verdict])).toEqual([['x:p0', 'deleted']]);
    expect(looked.changes.filter((change) => change.type === 'reappeared')).toHaveLength(8);
  });

  it('without lookups, suspect captures do not count toward deleted_unverified', () => {
    const many = Array.from({ length: 10 }, (_, index) => post(`p${index}`, 10 + index, `posting ${index}`));
    const { state } = run(
      [
        { id: 'c1', minutes: 200, items: many },
        { id: 'c2', minutes: 300, items: [many[9]!] },
        { id: 'c3', minutes: 400, items: many },
      ],
      NO_LOOKUP,
    );
    expect(deletionVerdicts(state)).toEqual([]);
    expect(findTrackedItem(state, 'x:p0')?.pastEpisodes?.[0]?.missingCaptures).toEqual([{ captureId: 'c2', at: at(300), suspect: true }]);
  });

  it('without lookups, a post is deleted_unverified after 3 complete captures lack it, and never deleted', () => {
    const { state } = run(
      [
        { id: 'c1', minutes: 200, items: [c, b, a] },
        { id: 'c2', minutes: 300, items: [b, a] },
        { id: 'c3', minutes: 400, items: [b, a] },
      ],
      NO_LOOKUP,
    );
    expect(statusOf(state, 'x:3')).toBe('missing');
    const after = observeCapture(state, capture({ id: 'c4', minutes: 500, items: [b, a] }), {}, NO_LOOKUP).state;
    const [verdict] = deletionVerdicts(after);
    expect(verdict).toMatchObject({ verdict: 'deleted_unverified', proof: { completeMisses: 3, confirmedBy: 'complete_misses', lookups: [] } });
    expect(verdict!.label.en).toBe('deleted (unverified)');
  });

  it('the unverified threshold is configurable', () => {
    const state = fresh();
    const once = observeCapture(state, capture({ id: 'c1', minutes: 200, items: [c, b, a] }), {}, NO_LOOKUP).state;
    const twice = observeCapture(once, capture({ id: 'c2', minutes: 300, items: [b, a] }), { unverifiedAfterCompleteMisses: 1 }, NO_LOOKUP).state;
    expect(statusOf(twice, 'x:3')).toBe('deleted_unverified');
  });

  it('an untrusted gone confirms only when repeated after 3 later complete captures still lacked the post', () => {
    const capabilities = { lookup: true, distinguishesPrivateFromDeleted: false };
    const { state } = run(
      [
        { id: 'c1', minutes: 200, items: [c, b, a] },
        { id: 'c2', minutes: 300, items: [b, a] },
      ],
      capabilities,
    );
    const looked = observeLookups(state, { results: [answer('3', 'gone')], rawBlobs: [blob('l')], at: at(301) }).state;
    expect(statusOf(looked, 'x:3')).toBe('missing');
    let later = looked;
    for (const minutes of [400, 500]) {
      later = observeCapture(later, capture({ id: `c${minutes}`, minutes, items: [b, a] }), {}, capabilities).state;
      later = observeLookups(later, { results: [answer('3', 'gone')], rawBlobs: [blob(`m${minutes}`)], at: at(minutes + 1) }).state;
      expect(statusOf(later, 'x:3')).toBe('missing');
    }
    const third = observeCapture(later, capture({ id: 'c600', minutes: 600, items: [b, a] }), {}, capabilities);
    expect(third.lookupNeeded).toEqual(['3']);
    const confirmed = observeLookups(third.state, { results: [answer('3', 'gone')], rawBlobs: [blob('m600')], at: at(601) }).state;
    expect(deletionVerdicts(confirmed)).toMatchObject([
      { itemKey: 'x:3', verdict: 'deleted', proof: { confirmedBy: 'corroborated_lookup', confirmedAt: at(601), completeMisses: 4 } },
    ]);
    expect(findTrackedItem(confirmed, 'x:3')!.episode!.lookups).toHaveLength(4);
  });
});

describe('the account as a whole is not a post deletion', () => {
  for (const observation of ['private', 'suspended', 'age_gated'] as const) {
    it(`an account that turned ${observation} hides its posts; nothing is deleted`, () => {
      const { state, changes } = run([
        { id: 'c1', minutes: 200, items: [c, b, a] },
        { id: 'c2', minutes: 300, items: [], observation },
      ]);
      expect(statusOf(state, 'x:1')).toBe('hidden');
      expect(changes.filter((change) => change.type === 'missing')).toEqual([]);
      expect(changes.find((change) => change.type === 'profile_changed')).toMatchObject({ valuesBefore: { visibility: 'public' }, valuesAfter: { visibility: observation } });
      expect(coverageOf(state).openGaps).toMatchObject([{ reason: observation }]);
      expect(deletionVerdicts(state)).toEqual([]);
    });
  }

  for (const observation of ['deactivated', 'not_found'] as const) {
    it(`an account ${observation} as a whole leaves its posts account_gone, not deleted`, () => {
      const { state } = run([
        { id: 'c1', minutes: 200, items: [c, b, a] },
        { id: 'c2', minutes: 250, items: [b, a] },
        { id: 'c3', minutes: 300, items: [], observation },
      ]);
      expect(statusOf(state, 'x:1')).toBe('account_gone');
      // The post that was missing before the account vanished is not confirmed by the account's end.
      expect(statusOf(state, 'x:3')).toBe('account_gone');
      const looked = observeLookups(state, { results: [answer('3', 'gone'), answer('1', 'gone')], rawBlobs: [blob('l')], at: at(301) });
      expect(deletionVerdicts(looked.state)).toEqual([]);
    });
  }

  it('a temporary suspension, then the account returns: posts reappear and the earlier suspicion is kept', () => {
    const { state, changes } = run([
      { id: 'c1', minutes: 200, items: [c, b, a] },
      { id: 'c2', minutes: 250, items: [b, a] },
      { id: 'c3', minutes: 300, items: [], observation: 'suspended' },
      { id: 'c4', minutes: 400, items: [c, b, a] },
    ]);
    expect(statusOf(state, 'x:3')).toBe('live');
    expect(changes.filter((change) => change.type === 'reappeared').map((change) => change.itemKey).sort()).toEqual(['x:1', 'x:2', 'x:3']);
    const item = findTrackedItem(state, 'x:3')!;
    expect(item.pastEpisodes).toMatchObject([{ firstMissingCaptureId: 'c2', resolution: 'reappeared', resolvedAt: at(400) }]);
    expect(item.pastEpisodes![0]!.steps.map((step) => step.to)).toEqual(['missing', 'hidden', 'unknown', 'live']);
  });

  it('a transient lookup error changes nothing and is retried; the post returning is reappeared with its suspicion kept', () => {
    const { state } = run([
      { id: 'c1', minutes: 200, items: [c, b, a] },
      { id: 'c2', minutes: 300, items: [b, a] },
    ]);
    const looked = observeLookups(state, { results: [answer('3', 'unknown')], rawBlobs: [blob('l')], at: at(301) });
    expect(statusOf(looked.state, 'x:3')).toBe('missing');
    expect(looked.state.pending['x:3']).toMatchObject({ attempts: 1 });
    const again = observeCapture(looked.state, capture({ id: 'c3', minutes: 400, items: [b, a] }), {}, X_CAPABILITIES);
    expect(again.lookupNeeded).toEqual(['3']);
    const back = observeCapture(again.state, capture({ id: 'c4', minutes: 500, items: [c, b, a] }), {}, X_CAPABILITIES);
    expect(back.changes.map((change) => change.type)).toEqual(['reappeared']);
    expect(findTrackedItem(back.state, 'x:3')!.pastEpisodes).toMatchObject([
      { missingCaptureCount: 2, lookups: [{ status: 'unknown' }], resolution: 'reappeared' },
    ]);
    expect(deletionVerdicts(back.state)).toEqual([]);
  });
});

describe('reposts, replacements, edits and identifiers', () => {
  const original = (unavailable?: boolean): Item =>
    post('50', 100, 'RT kabar kampanye', { kind: 'repost', target: { kind: 'post', id: '9000', author: { id: '777', handle: 'akun_lain' }, ...(unavailable ? { unavailable } : {}) } });

  it("a repost whose original was deleted by someone else is original_deleted, not the subject's deletion", () => {
    const { state, lookupNeeded } = run([
      { id: 'c1', minutes: 200, items: [original(), a] },
      { id: 'c2', minutes: 300, items: [a] },
    ]);
    expect(lookupNeeded.sort()).toEqual(['50', '9000']);
    const looked = observeLookups(state, { results: [answer('50', 'gone'), answer('9000', 'gone')], rawBlobs: [blob('l')], at: at(301) });
    expect(deletionVerdicts(looked.state)).toMatchObject([{ itemKey: 'x:50', verdict: 'original_deleted', proof: { confirmedBy: 'original_lookup' } }]);
  });

  it("a repost's own gone waits until its original is known live", () => {
    const { state } = run([
      { id: 'c1', minutes: 200, items: [original(), a] },
      { id: 'c2', minutes: 300, items: [a] },
    ]);
    const unsure = observeLookups(state, { results: [answer('50', 'gone'), answer('9000', 'unknown')], rawBlobs: [blob('l')], at: at(301) }).state;
    expect(statusOf(unsure, 'x:50')).toBe('missing');
    const sure = observeLookups(unsure, { results: [answer('50', 'gone'), answer('9000', 'live')], rawBlobs: [blob('m')], at: at(302) }).state;
    expect(statusOf(sure, 'x:50')).toBe('deleted');
  });

  it('a share shown with its original unavailable is original_deleted', () => {
    const { state } = run([
      { id: 'c1', minutes: 200, items: [original(), a] },
      { id: 'c2', minutes: 300, items: [original(true), a] },
    ]);
    expect(deletionVerdicts(state)).toMatchObject([{ itemKey: 'x:50', verdict: 'original_deleted' }]);
  });

  it('delete-and-repost within minutes links the pair (replaced_by) so reviewers can set it aside', () => {
    const typo = post('60', 180, 'Selamat hari guru untk semua guru di Belitung Timur');
    const fixed = post('61', 184, 'Selamat hari guru untuk semua guru di Belitung Timur');
    const { state } = run([
      { id: 'c1', minutes: 182, items: [typo, b, a] },
      { id: 'c2', minutes: 300, items: [fixed, b, a] },
    ]);
    const looked = observeLookups(state, { results: [answer('60', 'gone')], rawBlobs: [blob('l')], at: at(301) }).state;
    expect(deletionVerdicts(looked)).toMatchObject([{ itemKey: 'x:60', verdict: 'deleted', replacedBy: 'x:61', likelyCorrection: true }]);
    expect(findTrackedItem(looked, 'x:61')?.replaces).toBe('x:60');
  });

  it('an unrelated new post is not linked as a replacement', () => {
    const gone = post('60', 180, 'Selamat hari guru untuk semua guru');
    const other = post('61', 184, 'Jadwal posyandu minggu depan');
    const { state } = run([
      { id: 'c1', minutes: 182, items: [gone, b, a] },
      { id: 'c2', minutes: 300, items: [other, b, a] },
    ]);
    expect(findTrackedItem(state, 'x:60')?.replacedBy).toBeUndefined();
  });

  it('an X edit (new id, edit_history_tweet_ids) is a new version of one item; deleting the chain deletes every version', () => {
    const first = post('70', 100, 'Ayo datang ke kampanye akbar', { editHistoryIds: ['70'] });
    const edited = post('71', 110, 'Ayo datang ke acara akbar', { editHistoryIds: ['70', '71'] });
    const { state, changes } = run([
      { id: 'c1', minutes: 105, items: [first, a] },
      { id: 'c2', minutes: 200, items: [edited, a] },
    ]);
    const edit = changes.find((change) => change.type === 'edited')!;
    expect(edit).toMatchObject({ itemKey: 'x:70', fields: ['text'], before: { id: '70' }, after: { id: '71' } });
    expect(edit.textDiff).toEqual([
      { op: 'equal', text: 'Ayo datang ke ' },
      { op: 'delete', text: 'kampanye' },
      { op: 'insert', text: 'acara' },
      { op: 'equal', text: ' akbar' },
    ]);
    expect(changes.filter((change) => change.type === 'missing' || (change.type === 'added' && change.captureId === 'c2'))).toEqual([]);
    expect(deletionVerdicts(state)).toMatchObject([{ itemKey: 'x:70', verdict: 'edited', ids: ['70', '71'] }]);

    const gone = observeCapture(state, capture({ id: 'c3', minutes: 300, items: [a] }), {}, X_CAPABILITIES);
    expect(gone.lookupNeeded).toEqual(['71']);
    // The answer for any version id stands for the chain.
    const looked = observeLookups(gone.state, { results: [answer('70', 'gone')], rawBlobs: [blob('l')], at: at(301) }).state;
    const [verdict] = deletionVerdicts(looked);
    expect(verdict).toMatchObject({ itemKey: 'x:70', verdict: 'deleted' });
    expect(verdict!.versions.map((version) => version.item.id)).toEqual(['70', '71']);
  });

  it('an edit whose new version is dated days after the first is still a version of the same post', () => {
    const first = post('90', 100, 'Jadwal rapat desa', { editHistoryIds: ['90'] });
    const edited = post('91', 100 + 3 * 1440, 'Jadwal rapat desa diundur', { editHistoryIds: ['90', '91'] });
    const { state, changes } = run([
      { id: 'c1', minutes: 200, items: [first] },
      { id: 'c2', minutes: 100 + 3 * 1440 + 60, items: [edited] },
    ]);
    expect(changes.filter((change) => change.captureId === 'c2').map((change) => change.type)).toEqual(['edited']);
    expect(state.itemCount).toBe(1);
    expect(deletionVerdicts(state)).toMatchObject([{ itemKey: 'x:90', verdict: 'edited', ids: ['90', '91'] }]);
  });

  it('an X post first seen after an edit notes that earlier versions were not captured', () => {
    const edited = post('71', 110, 'Ayo datang ke acara akbar', { editHistoryIds: ['70', '71'] });
    const { state } = run([{ id: 'c1', minutes: 200, items: [edited] }]);
    expect(findTrackedItem(state, 'x:70')).toMatchObject({ ids: ['70', '71'], earlierVersionsNotCaptured: true });
    expect(findTrackedItem(state, 'x:71')?.key).toBe('x:70');
  });

  it('a Facebook or Instagram edit (same id, changed text) is a new version', () => {
    const before = post('fb1', 100, 'Pengumuman rapat RT', { platform: 'facebook' });
    const after = post('fb1', 100, 'Pengumuman rapat RT ditunda', { platform: 'facebook' });
    const start = createAccountState({ accountKey: 'facebook:1001', platform: 'facebook', at: at(0) });
    const { state, changes } = run(
      [
        { id: 'f1', minutes: 200, items: [before], platform: 'facebook' },
        { id: 'f2', minutes: 300, items: [after], platform: 'facebook' },
      ],
      X_CAPABILITIES,
      start,
    );
    expect(changes.filter((change) => change.type === 'edited')).toMatchObject([{ itemKey: 'facebook:fb1', fields: ['text'] }]);
    expect(findTrackedItem(state, 'facebook:fb1')?.versions).toHaveLength(2);
  });

  it('identifier churn: the same content and creation time under a new id is the same post', () => {
    const old = post('fbA', 100, 'Foto kegiatan posyandu', { platform: 'facebook' });
    const rotated = post('fbB', 100, 'Foto kegiatan posyandu', { platform: 'facebook', url: 'https://facebook.example/p/fbB' });
    const start = createAccountState({ accountKey: 'facebook:1001', platform: 'facebook', at: at(0) });
    const { state, changes } = run(
      [
        { id: 'f1', minutes: 200, items: [old], platform: 'facebook' },
        { id: 'f2', minutes: 300, items: [rotated], platform: 'facebook' },
      ],
      X_CAPABILITIES,
      start,
    );
    expect(changes.filter((change) => change.captureId === 'f2')).toEqual([]);
    expect(findTrackedItem(state, 'facebook:fbA')).toMatchObject({ status: 'live', ids: ['fbA', 'fbB'], idChanges: [{ from: 'fbA', to: 'fbB', captureId: 'f2' }] });
    expect(state.itemCount).toBe(1);
  });

  it('a post deleted before its first capture, known only from the subject\'s reply, is "deleted before capture" with its time bounds', () => {
    const reply = post('80', 150, 'Maaf, yang tadi salah ketik', {
      kind: 'reply',
      target: { kind: 'post', id: '79', author: { id: '1001', handle: 'budi_contoh' }, unavailable: true },
    });
    const { state, lookupNeeded } = run([{ id: 'c1', minutes: 200, items: [reply] }]);
    expect(lookupNeeded).toEqual(['79']);
    const looked = observeLookups(state, { results: [answer('79', 'gone')], rawBlobs: [blob('l')], at: at(201) }).state;
    expect(deletionVerdicts(looked)).toMatchObject([
      {
        itemKey: 'x:79',
        verdict: 'deleted',
        contentCaptured: false,
        versions: [],
        label: { id: 'dihapus sebelum terekam', en: 'deleted before capture' },
        caveats: ['content_not_captured', 'known_only_through_reference'],
        proof: { knownFrom: [{ itemKey: 'x:80', captureId: 'c1', referenceCreatedAt: at(150) }], timeBounds: { createdBefore: at(150), goneBy: at(200) }, publicForMs: 0 },
      },
    ]);
  });

  it("a reply to someone else's unavailable post is not the subject's deletion", () => {
    const reply = post('80', 150, 'Setuju', { kind: 'reply', target: { kind: 'post', id: '79', author: { id: '555' }, unavailable: true } });
    const { state, lookupNeeded } = run([{ id: 'c1', minutes: 200, items: [reply] }]);
    expect(lookupNeeded).toEqual([]);
    expect(state.itemCount).toBe(1);
  });
});

describe('clock skew and replays', () => {
  it('a post stamped just before the capture started (platform clock ahead) is not absent from it', () => {
    // The platform stamps 399.0, but by our clock the post appeared after capture d2 began (400.0).
    const skewed = post('g', 399, 'jam platform maju');
    const steps = [
      { id: 'd1', minutes: 399.5, items: [skewed, a] },
      { id: 'd2', minutes: 401, items: [a] },
    ];
    expect(findTrackedItem(run(steps).state, 'x:g')?.status).toBe('live');
    // The tolerance is what protects it: without one the same absence would count.
    let state = fresh();
    for (const step of steps) state = observeCapture(state, capture(step), { clockSkewToleranceMs: 0 }, X_CAPABILITIES).state;
    expect(findTrackedItem(state, 'x:g')?.status).toBe('missing');
  });

  it("a post within the tolerance of the window's oldest edge is not absent; one well inside is", () => {
    const edge = post('t', 100.5, 'di tepi');
    const inside = post('i', 200, 'di tengah');
    const oldest = post('o', 100, 'terlama');
    const { state, lookupNeeded } = run([
      { id: 'c1', minutes: 305, items: [inside, edge, oldest] },
      { id: 'c2', minutes: 600, items: [oldest], window: { reachedEnd: false, oldest: { id: 'o', at: at(100) } } },
    ]);
    expect(lookupNeeded).toEqual(['i']);
    expect(findTrackedItem(state, 'x:t')?.status).toBe('live');
  });

  it('a capture observed out of order (older than the last sighting) proves no absence', () => {
    const { state } = run([
      { id: 'c1', minutes: 305, items: [c, b, a] },
      { id: 'c0', minutes: 250, items: [a] },
    ]);
    expect(Object.keys(state.pending)).toEqual([]);
    expect(findTrackedItem(state, 'x:3')?.lastSeenCaptureId).toBe('c1');
  });

  it('observing the same capture twice changes nothing and duplicates no change', () => {
    const first = observeCapture(fresh(), capture({ id: 'c1', minutes: 200, items: [c, b, a] }), {}, X_CAPABILITIES);
    const second = observeCapture(first.state, capture({ id: 'c2', minutes: 300, items: [b, a] }), {}, X_CAPABILITIES);
    const replay = observeCapture(second.state, capture({ id: 'c2', minutes: 300, items: [b, a] }), {}, X_CAPABILITIES);
    expect(replay.changes).toEqual([]);
    expect(replay.state).toBe(second.state);
    // A resumed cycle that lost the state re-derives the same change ids.
    const redo = observeCapture(first.state, capture({ id: 'c2', minutes: 300, items: [b, a] }), {}, X_CAPABILITIES);
    expect(redo.changes.map((change) => change.id)).toEqual(second.changes.map((change) => change.id));
  });

  it('never mutates the state it was given', () => {
    const first = observeCapture(fresh(), capture({ id: 'c1', minutes: 200, items: [c, b, a] }), {}, X_CAPABILITIES).state;
    const snapshot = JSON.stringify(first);
    observeCapture(first, capture({ id: 'c2', minutes: 300, items: [post('3', 180, 'diubah'), a] }), {}, X_CAPABILITIES);
    expect(JSON.stringify(first)).toBe(snapshot);
  });

  it("carries other parts' fields (e.g. the monitor's progress) along untouched", () => {
    const start = { ...fresh(), monitorProgress: { cycleId: 'k1' } };
    const after = observeCapture(start, capture({ id: 'c1', minutes: 200, items: [a] }), {}, X_CAPABILITIES).state;
    const looked = observeLookups(after, { results: [], rawBlobs: [], at: at(201) }).state;
    expect(looked.monitorProgress).toEqual({ cycleId: 'k1' });
  });

  it('refuses a capture of another account', () => {
    expect(() => observeCapture(createAccountState({ accountKey: 'x:2', platform: 'x', at: at(0) }), capture({ id: 'c1', minutes: 1, items: [] }))).toThrow(/not x:2/);
  });
});

describe('likes, follows and the profile', () => {
  const like = (id: string): Item => post(`like:${id}`, 0, '', { kind: 'like', createdAt: undefined, text: undefined, target: { kind: 'post', id } });

  it('a like gone from a complete likes capture is unliked, not a deletion', () => {
    const { state, changes } = run([
      { id: 'l1', minutes: 200, items: [like('1'), like('2')], scope: 'likes' },
      { id: 'l2', minutes: 300, items: [like('2')], scope: 'likes' },
    ]);
    expect(changes.filter((change) => change.captureId === 'l2')).toMatchObject([{ type: 'unliked', itemKey: 'x:like:1' }]);
    expect(findTrackedItem(state, 'x:like:1')?.status).toBe('withdrawn');
    expect(deletionVerdicts(state)).toEqual([]);
  });

  it('a likes list that lost most of itself at once reports no wave of unlikes', () => {
    const likes = ['1', '2', '3', '4', '5'].map(like);
    const { changes } = run([
      { id: 'l1', minutes: 200, items: likes, scope: 'likes' },
      { id: 'l2', minutes: 300, items: [likes[0]!], scope: 'likes' },
    ]);
    expect(changes.filter((change) => change.captureId === 'l2')).toEqual([]);
  });

  it('a partial likes capture proves no unlike', () => {
    const { changes } = run([
      { id: 'l1', minutes: 200, items: [like('1'), like('2')], scope: 'likes' },
      { id: 'l2', minutes: 300, items: [like('2')], scope: 'likes', window: { reachedEnd: false, cutBy: 'page_limit' } },
    ]);
    expect(changes.filter((change) => change.captureId === 'l2')).toEqual([]);
  });

  it('a scope the platform does not expose is a gap, not an emptied list', () => {
    const { state, changes } = run([
      { id: 'l1', minutes: 200, items: [like('1')], scope: 'likes' },
      { id: 'l2', minutes: 300, items: [], scope: 'likes', status: 'unavailable' },
    ]);
    expect(changes.filter((change) => change.captureId === 'l2')).toEqual([]);
    expect(coverageOf(state).openGaps).toMatchObject([{ scope: 'likes', reason: 'unavailable' }]);
  });

  it('reports profile changes: bio, photo, handle', () => {
    const profile = (bio: string, photo: string): Item =>
      post('profile', 0, '', { kind: 'profile', createdAt: undefined, text: undefined, profile: { displayName: 'Budi', bio, photoSha256: blob(photo) } });
    const { changes } = run([
      { id: 'p1', minutes: 200, items: [profile('ASN di kantor kecamatan', 'a')], scope: 'profile' },
      { id: 'p2', minutes: 300, items: [profile('Relawan paslon 2', 'b')], scope: 'profile', handle: 'budi_relawan' },
    ]);
    expect(changes.map((change) => [change.type, change.fields])).toEqual([
      ['profile_changed', ['handle']],
      ['profile_changed', ['bio', 'photo']],
    ]);
    expect(changes[0]).toMatchObject({ valuesBefore: { handle: 'budi_contoh' }, valuesAfter: { handle: 'budi_relawan' } });
  });
});

describe('a capture read page by page', () => {
  /** Observe each capture both whole and in pages of `size` (with an empty page between), step by step. */
  function both(steps: Array<Parameters<typeof capture>[0]>, size: number, capabilities: DeletionCapabilities = X_CAPABILITIES, start = fresh()) {
    let whole = start;
    let paged = start;
    const results: Array<{ whole: unknown; paged: unknown }> = [];
    for (const step of steps) {
      const full = capture(step);
      const { items, ...header } = full;
      const pages: Item[][] = [];
      for (let index = 0; index < items.length; index += size) pages.push(items.slice(index, index + size), []);
      const fromWhole = observeCapture(whole, full, {}, capabilities);
      const fromPages = observeCapturePages(paged, header, pages, {}, capabilities);
      whole = fromWhole.state;
      paged = fromPages.state;
      results.push({ whole: JSON.stringify(fromWhole), paged: JSON.stringify(fromPages) });
    }
    return results;
  }

  const reply = post('80', 150, 'Maaf, yang tadi salah ketik', { kind: 'reply', target: { kind: 'post', id: '79', author: { id: '1001', handle: 'budi_contoh' }, unavailable: true } });
  const repost = (unavailable?: boolean): Item => post('50', 100, 'RT kabar kampanye', { kind: 'repost', target: { kind: 'post', id: '9000', author: { id: '777' }, ...(unavailable ? { unavailable } : {}) } });
  const first = post('70', 100, 'Ayo datang ke kampanye akbar', { editHistoryIds: ['70'] });
  const edited = post('71', 110, 'Ayo datang ke acara akbar', { editHistoryIds: ['70', '71'] });
  const steps: Array<Parameters<typeof capture>[0]> = [
    { id: 'c1', minutes: 200, items: [c, b, first, repost(), reply, a] },
    // Re-sightings, an X edit, a repost whose original went, and a post gone.
    { id: 'c2', minutes: 300, items: [b, edited, repost(true), reply, a] },
    // The gone post is back, edited in place; a window cut by pages.
    { id: 'c3', minutes: 400, items: [post('3', 180, 'Dukung paslon nomor 2 ya kawan!'), b, edited], window: { reachedEnd: false, cutBy: 'page_limit', oldest: { id: '71', at: edited.createdAt } } },
    { id: 'c4', minutes: 500, items: [] },
    { id: 'c5', minutes: 600, items: [b, a] },
  ];

  for (const size of [1, 2, 100]) {
    it(`gives the same changes, lookups and state as the whole capture (pages of ${size})`, () => {
      const results = both(steps, size);
      for (const result of results) expect(result.paged).toBe(result.whole);
      // The scenario did what it is there for: edits, an unavailable original, absences, a reference.
      const changes = results.flatMap((result) => (JSON.parse(result.whole as string) as { changes: Array<{ type: string }> }).changes.map((change) => change.type));
      expect(changes).toEqual(expect.arrayContaining(['added', 'edited', 'missing', 'reappeared']));
    });
  }

  it('gives the same result for a rotated id (matched on content and time) and for a profile', () => {
    const old = post('fbA', 100, 'Foto kegiatan posyandu', { platform: 'facebook' });
    const rotated = post('fbB', 100, 'Foto kegiatan posyandu', { platform: 'facebook' });
    const start = createAccountState({ accountKey: 'facebook:1001', platform: 'facebook', at: at(0) });
    const churn = both(
      [
        { id: 'f1', minutes: 200, items: [old], platform: 'facebook' },
        { id: 'f2', minutes: 300, items: [rotated], platform: 'facebook' },
      ],
      1,
      X_CAPABILITIES,
      start,
    );
    for (const result of churn) expect(result.paged).toBe(result.whole);
    expect(churn[1]!.whole).toContain('"idChanges"');
    const profile = (bio: string): Item => post('profile', 0, '', { kind: 'profile', createdAt: undefined, text: undefined, profile: { displayName: 'Budi', bio } });
    const profiles = both(
      [
        { id: 'p1', minutes: 200, items: [profile('ASN di kantor kecamatan')], scope: 'profile' },
        { id: 'p2', minutes: 300, items: [profile('Relawan paslon 2')], scope: 'profile' },
      ],
      1,
    );
    for (const result of profiles) expect(result.paged).toBe(result.whole);
    expect(profiles[1]!.whole).toContain('"profile_changed"');
  });

  it('reads the pages once, as they come', () => {
    const { items, ...header } = capture({ id: 'c1', minutes: 200, items: [c, b, a] });
    let pagesRead = 0;
    function* pages(): Generator<Item[]> {
      for (const item of items) {
        pagesRead++;
        yield [item];
      }
    }
    const result = observeCapturePages(fresh(), header, pages(), {}, X_CAPABILITIES);
    expect(pagesRead).toBe(3);
    expect(result.state.itemCount).toBe(3);
  });
});
