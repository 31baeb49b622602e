import { describe, expect, it } from 'vitest';
import { buildCaseFixture } from '../report/__fixtures__/case-fixture.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import { createCaseWorkflow } from './case-workflow-store.js';

async function setup(clock: { now: Date }) {
  const fixture = buildCaseFixture();
  const store = createMemoryStore({ now: () => clock.now });
  (await store.append('capture', fixture.captures))._unsafeUnwrap();
  (await store.append('finding', fixture.findings))._unsafeUnwrap();
  const workflow = createCaseWorkflow({ store, now: () => clock.now });
  return { store, workflow, fixture };
}

describe('case workflow over a store', () => {
  it('stores each change as a new version and appends actor, time and reason to the audit log', async () => {
    const clock = { now: new Date('2024-10-02T01:00:00Z') };
    const { store, workflow } = await setup(clock);
    (await workflow.open({ id: 'K-1', title: 'Dukungan paslon', subjectId: 'asn-001', findingIds: ['fnd-0001'], actor: 'petugas-a', reason: 'temuan patroli' }))._unsafeUnwrap();
    clock.now = new Date('2024-10-02T05:00:00Z');
    (await workflow.move('K-1', { to: 'kajian_awal', actor: 'petugas-b', reason: 'bukti awal cukup' }))._unsafeUnwrap();
    const illegal = await workflow.move('K-1', { to: 'selesai', actor: 'petugas-b', reason: 'x' });
    expect(illegal._unsafeUnwrapErr()).toMatchObject({ type: 'illegal_transition', from: 'kajian_awal', to: 'selesai' });
    expect((await workflow.get('K-1'))._unsafeUnwrap()).toMatchObject({ state: 'kajian_awal', version: 2 });
    expect((await workflow.history('K-1'))._unsafeUnwrap().map((value) => value.version)).toEqual([1, 2]);
    const audit = (await store.query('audit'))._unsafeUnwrap().map((entry) => entry.record);
    expect(audit.map((entry) => [entry.action, entry.actor, entry.at, entry.details.reason])).toEqual([
      ['case.open', 'petugas-a', '2024-10-02T01:00:00.000Z', 'temuan patroli'],
      ['case.transition', 'petugas-b', '2024-10-02T05:00:00.000Z', 'bukti awal cukup'],
    ]);
    expect((await workflow.open({ id: 'K-1', title: 't', subjectId: 's', findingIds: ['f'], actor: 'a', reason: 'r' }))._unsafeUnwrapErr().type).toBe('already_exists');
    expect((await workflow.get('K-404'))._unsafeUnwrapErr().type).toBe('not_found');
  });

  it('resolves the referral from the findings when the case moves to rekomendasi', async () => {
    const clock = { now: new Date('2024-10-02T01:00:00Z') };
    const { workflow } = await setup(clock);
    (await workflow.open({ id: 'K-2', title: 't', subjectId: 'asn-001', findingIds: ['fnd-0001'], actor: 'a', reason: 'r' }))._unsafeUnwrap();
    for (const to of ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian'] as const) (await workflow.move('K-2', { to, actor: 'a', reason: 'r' }))._unsafeUnwrap();
    (await workflow.move('K-2', { to: 'pelanggaran', actor: 'a', reason: 'r', violationType: 'peraturan_lainnya' }))._unsafeUnwrap();
    const moved = (await workflow.move('K-2', { to: 'rekomendasi', actor: 'a', reason: 'rekomendasi ke BKN' }))._unsafeUnwrap();
    expect(moved.referral).toMatchObject({ routeCode: 'R-ASN', entryId: 'R-ASN.bkn', actAt: '2024-10-01T02:15:00Z', kind: 'rekomendasi' });
    clock.now = new Date('2024-10-03T01:00:00Z');
    (await workflow.move('K-2', { to: 'tindak_lanjut', actor: 'a', reason: 'surat dikirim', letterNumber: '001/2024' }))._unsafeUnwrap();
    clock.now = new Date('2024-10-20T01:00:00Z');
    expect((await workflow.remindersDue())._unsafeUnwrap().map((entry) => entry.case.id)).toEqual(['K-2']);
    (await workflow.recordResponse('K-2', { outcome: 'sanction_imposed', at: '2024-10-19T00:00:00Z', actor: 'a', sanction: 'hukuman disiplin sedang' }))._unsafeUnwrap();
    expect((await workflow.remindersDue())._unsafeUnwrap()).toEqual([]);
    expect((await workflow.move('K-2', { to: 'selesai', actor: 'a', reason: 'sanksi dijatuhkan' }))._unsafeUnwrap().state).toBe('selesai');
  });

  it('lists overdue cases', async () => {
    const clock = { now: new Date('2024-10-02T01:00:00Z') };
    const { workflow } = await setup(clock);
    (await workflow.open({ id: 'K-3', title: 't', subjectId: 'asn-001', findingIds: ['fnd-0001'], actor: 'a', reason: 'r', electionKind: 'pemilu' }))._unsafeUnwrap();
    clock.now = new Date('2024-10-20T01:00:00Z');
    expect((await workflow.overdue())._unsafeUnwrap().map((entry) => [entry.case.id, entry.overdue[0]?.ruleId])).toEqual([['K-3', 'temuan.penetapan.pemilu']]);
  });
});
