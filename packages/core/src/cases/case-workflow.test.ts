import { describe, expect, it } from 'vitest';
import { auditEntriesForCase } from '../case-store/case-audit.js';
import { CASE_STATES, type Case, type CaseState } from './case-schema.js';
import { CASE_TRANSITIONS, isAllowedTransition } from './case-transitions.js';
import { addCaseNote, moveCase, openCase, recordAuthorityResponse, recordReminder, type MoveCaseInput } from './case-workflow.js';

const referral = {
  routeCode: 'R-ASN' as const,
  entryId: 'R-ASN.bkn',
  tableId: 'sipansos-default',
  tableVersion: '2024.2',
  kind: 'rekomendasi' as const,
  recipients: [{ title: { id: 'Kepala BKN', en: 'Head of BKN' } }],
  actAt: '2024-10-01T03:00:00Z',
  preparedAt: '2024-10-10T03:00:00Z',
};

function opened(): Case {
  const result = openCase({ id: 'K-2024-001', title: 'Unggahan dukungan oleh guru', subjectId: 'asn-001', findingIds: ['f-1'], actor: 'petugas-a', at: '2024-10-02T01:00:00Z', reason: 'temuan patroli siber' });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

/** What each target state needs, so a legal move can be made from any state. */
function extras(to: CaseState): Partial<MoveCaseInput> {
  if (to === 'pelanggaran') return { violationType: 'peraturan_lainnya' };
  if (to === 'rekomendasi') return { referral };
  return {};
}

/** A case brought to `state` along legal moves only. */
function caseIn(state: CaseState): Case {
  const paths: Record<CaseState, CaseState[]> = {
    temuan: [],
    kajian_awal: ['kajian_awal'],
    tidak_diregistrasi: ['kajian_awal', 'tidak_diregistrasi'],
    registrasi: ['kajian_awal', 'registrasi'],
    klarifikasi: ['kajian_awal', 'registrasi', 'klarifikasi'],
    kajian: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian'],
    bukan_pelanggaran: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian', 'bukan_pelanggaran'],
    pelanggaran: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian', 'pelanggaran'],
    rekomendasi: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian', 'pelanggaran', 'rekomendasi'],
    tindak_lanjut: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian', 'pelanggaran', 'rekomendasi', 'tindak_lanjut'],
    selesai: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian', 'bukan_pelanggaran', 'selesai'],
  };
  let value = opened();
  paths[state].forEach((to, index) => {
    const result = moveCase(value, { to, actor: 'petugas-a', at: `2024-10-0${3 + Math.floor(index / 3)}T0${index % 3}:00:00Z`, reason: `langkah ${to}`, ...extras(to) });
    if (result.isErr()) throw new Error(result.error.message);
    value = result.value;
  });
  return value;
}

const AT = '2024-10-20T02:00:00Z';

describe('case workflow', () => {
  it('opens a case in temuan with the opening recorded as its first transition', () => {
    const value = opened();
    expect(value.state).toBe('temuan');
    expect(value.version).toBe(1);
    expect(value.transitions).toEqual([{ from: null, to: 'temuan', at: '2024-10-02T01:00:00Z', actor: 'petugas-a', reason: 'temuan patroli siber' }]);
  });

  it('refuses to open a case resting on nothing', () => {
    const result = openCase({ id: 'K-1', title: 't', subjectId: 's', actor: 'a', at: AT, reason: 'r' });
    expect(result.isErr() && result.error.type).toBe('invalid_input');
  });

  const pairs = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => [from, to] as const));
  const legal = pairs.filter(([from, to]) => isAllowedTransition(from, to));
  const illegal = pairs.filter(([from, to]) => !isAllowedTransition(from, to));

  it('the table has the procedure’s 12 moves', () => {
    expect(legal.map(([from, to]) => `${from}>${to}`)).toEqual([
      'temuan>kajian_awal',
      'kajian_awal>tidak_diregistrasi',
      'kajian_awal>registrasi',
      'tidak_diregistrasi>selesai',
      'registrasi>klarifikasi',
      'klarifikasi>kajian',
      'kajian>bukan_pelanggaran',
      'kajian>pelanggaran',
      'bukan_pelanggaran>selesai',
      'pelanggaran>rekomendasi',
      'rekomendasi>tindak_lanjut',
      'tindak_lanjut>selesai',
    ]);
  });

  it.each(legal)('allows %s → %s and records actor, time and reason', (from, to) => {
    let start = caseIn(from);
    if (from === 'tindak_lanjut') {
      start = recordAuthorityResponse(start, { outcome: 'sanction_imposed', at: AT, actor: 'petugas-b', recordedAt: AT, sanction: 'hukuman disiplin sedang' })._unsafeUnwrap();
    }
    const result = moveCase(start, { to, actor: 'petugas-b', at: '2024-10-21T02:00:00Z', reason: `alasan ${to}`, ...extras(to) });
    expect(result.isOk()).toBe(true);
    const moved = result._unsafeUnwrap();
    expect(moved.state).toBe(to);
    expect(moved.version).toBe(start.version + 1);
    expect(moved.transitions.at(-1)).toEqual({ from, to, at: '2024-10-21T02:00:00Z', actor: 'petugas-b', reason: `alasan ${to}` });
    const audit = auditEntriesForCase(moved).filter((entry) => entry.action === 'case.transition').at(-1);
    expect(audit).toMatchObject({ actor: 'petugas-b', at: '2024-10-21T02:00:00Z', target: { kind: 'case', id: 'K-2024-001' }, details: { from, to, reason: `alasan ${to}` } });
  });

  it.each(illegal)('refuses %s → %s with a typed illegal_transition error', (from, to) => {
    const start = caseIn(from);
    const result = moveCase(start, { to, actor: 'petugas-b', at: '2024-10-21T02:00:00Z', reason: 'coba', ...extras(to) });
    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'illegal_transition', caseId: 'K-2024-001', from, to, allowed: [...CASE_TRANSITIONS[from]] });
  });

  it('a violation decision needs its type, a recommendation its referral', () => {
    expect(moveCase(caseIn('kajian'), { to: 'pelanggaran', actor: 'a', at: AT, reason: 'r' })._unsafeUnwrapErr()).toMatchObject({ type: 'missing_field', field: 'violationType' });
    expect(moveCase(caseIn('pelanggaran'), { to: 'rekomendasi', actor: 'a', at: AT, reason: 'r' })._unsafeUnwrapErr()).toMatchObject({ type: 'missing_field', field: 'referral' });
  });

  it('every move needs a reason', () => {
    expect(moveCase(caseIn('temuan'), { to: 'kajian_awal', actor: 'a', at: AT, reason: '  ' })._unsafeUnwrapErr().type).toBe('invalid_input');
  });

  it('a followed-up case closes only after the authority’s answer is recorded', () => {
    const sent = caseIn('tindak_lanjut');
    expect(sent.referral?.sentAt).toBeDefined();
    expect(moveCase(sent, { to: 'selesai', actor: 'a', at: AT, reason: 'r' })._unsafeUnwrapErr().type).toBe('precondition_failed');
    const inProcess = recordAuthorityResponse(sent, { outcome: 'in_process', at: AT, actor: 'a', recordedAt: AT })._unsafeUnwrap();
    expect(moveCase(inProcess, { to: 'selesai', actor: 'a', at: AT, reason: 'r' }).isErr()).toBe(true);
    const silent = recordAuthorityResponse(inProcess, { outcome: 'no_answer', at: AT, actor: 'a', recordedAt: AT, summary: 'tidak dijawab 30 hari' })._unsafeUnwrap();
    expect(moveCase(silent, { to: 'selesai', actor: 'a', at: AT, reason: 'ditutup tanpa jawaban' })._unsafeUnwrap().state).toBe('selesai');
  });

  it('records authority responses and reminders only while following up', () => {
    expect(recordAuthorityResponse(caseIn('rekomendasi'), { outcome: 'refused', at: AT, actor: 'a', recordedAt: AT })._unsafeUnwrapErr().type).toBe('precondition_failed');
    expect(recordReminder(caseIn('kajian'), { actor: 'a', at: AT })._unsafeUnwrapErr().type).toBe('precondition_failed');
    const reminded = recordReminder(caseIn('tindak_lanjut'), { actor: 'a', at: AT, note: 'surat pengingat 1' })._unsafeUnwrap();
    expect(reminded.reminders).toEqual([{ actor: 'a', at: AT, note: 'surat pengingat 1' }]);
    expect(auditEntriesForCase(reminded).some((entry) => entry.action === 'case.reminder')).toBe(true);
  });

  it('refuses a stale version and a time before the last step', () => {
    const value = caseIn('kajian_awal');
    expect(moveCase(value, { to: 'registrasi', actor: 'a', at: AT, reason: 'r', expectedVersion: 1 })._unsafeUnwrapErr()).toMatchObject({ type: 'version_conflict', expected: 1, found: 2 });
    expect(moveCase(value, { to: 'registrasi', actor: 'a', at: '2024-10-01T00:00:00Z', reason: 'r' })._unsafeUnwrapErr().type).toBe('precondition_failed');
  });

  it('notes can be added in any state, closed included', () => {
    const noted = addCaseNote(caseIn('selesai'), { actor: 'a', at: AT, text: 'salinan putusan diterima' })._unsafeUnwrap();
    expect(noted.notes).toHaveLength(1);
    expect(noted.state).toBe('selesai');
  });

  it('audit entries are derived deterministically from the snapshot', () => {
    const value = caseIn('pelanggaran');
    expect(auditEntriesForCase(value)).toEqual(auditEntriesForCase(structuredClone(value)));
    expect(new Set(auditEntriesForCase(value).map((entry) => entry.id)).size).toBe(auditEntriesForCase(value).length);
  });
});
