import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicySchema, caseDeadlines, casesNeedingReminder, listOverdueCases } from './case-deadlines.js';
import type { Case } from './case-schema.js';
import { moveCase, openCase, recordAuthorityResponse, recordReminder } from './case-workflow.js';

function opened(kind: 'pilkada' | 'pemilu', at: string, discoveredAt?: string): Case {
  return openCase({ id: `K-${kind}`, title: 't', subjectId: 's', findingIds: ['f'], actor: 'a', at, reason: 'r', electionKind: kind, ...(discoveredAt ? { discoveredAt } : {}) })._unsafeUnwrap();
}
const step = (value: Case, to: Case['state'], at: string, extra: object = {}): Case => moveCase(value, { to, actor: 'a', at, reason: 'r', ...extra })._unsafeUnwrap();

const referral = {
  routeCode: 'R-KPU' as const,
  entryId: 'R-KPU',
  tableId: 't',
  tableVersion: '1',
  kind: 'rekomendasi' as const,
  recipients: [{ title: { id: 'KPU', en: 'KPU' } }],
  actAt: '2024-10-01T00:00:00Z',
  preparedAt: '2024-10-01T00:00:00Z',
};

describe('case deadlines', () => {
  it('a temuan must be set within 7 days of discovery', () => {
    const value = opened('pemilu', '2024-10-05T03:00:00Z', '2024-10-04T03:00:00Z');
    const [deadline] = caseDeadlines(value, DEFAULT_DEADLINE_POLICY, new Date('2024-10-11T16:59:59Z'));
    expect(deadline).toMatchObject({ ruleId: 'temuan.penetapan.pemilu', dueDate: '2024-10-11', overdue: false, verified: true });
    expect(caseDeadlines(value, DEFAULT_DEADLINE_POLICY, new Date('2024-10-11T17:00:00Z'))[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
  });

  it('Pilkada rules resting on unverified provisions say so', () => {
    const value = opened('pilkada', '2024-10-05T03:00:00Z');
    expect(caseDeadlines(value, DEFAULT_DEADLINE_POLICY, new Date('2024-10-05T04:00:00Z'))).toEqual([expect.objectContaining({ ruleId: 'temuan.penetapan.pilkada', verified: false })]);
  });

  it('working-day limits run across weekends and office holidays', () => {
    const policy = DeadlinePolicySchema.parse({
      ...DEFAULT_DEADLINE_POLICY,
      holidays: ['2024-12-25', '2024-12-26'],
      rules: [{ id: 'putusan.14hk', label: { id: '14 hari kerja', en: '14 working days' }, whileIn: ['registrasi', 'klarifikasi', 'kajian'], from: 'registrasi', amount: 14, unit: 'working_days', basis: 'UU 7/2017 Ps 454' }],
    });
    let value = opened('pemilu', '2024-12-16T02:00:00Z');
    value = step(value, 'kajian_awal', '2024-12-17T02:00:00Z');
    // Registered Wednesday 18 Dec: 14 working days skip 2 weekends and 2 holidays → Thursday 9 Jan 2025.
    value = step(value, 'registrasi', '2024-12-18T02:00:00Z');
    const [deadline] = caseDeadlines(value, policy, new Date('2024-12-20T00:00:00Z'));
    expect(deadline).toMatchObject({ dueDate: '2025-01-09', overdue: false, unit: 'working_days' });
    value = step(value, 'klarifikasi', '2024-12-19T02:00:00Z');
    expect(caseDeadlines(value, policy, new Date('2025-01-09T16:00:00Z'))[0]?.overdue).toBe(false);
    // Friday 10 Jan 2025 (WIB) is past it; Monday 13 Jan is 2 working days past.
    expect(caseDeadlines(value, policy, new Date('2025-01-10T01:00:00Z'))[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(caseDeadlines(value, policy, new Date('2025-01-13T01:00:00Z'))[0]).toMatchObject({ overdue: true, daysOverdue: 2 });
  });

  it('the Pilkada decision limit (3 + 2 days) runs from receipt through the kajian', () => {
    let value = step(opened('pilkada', '2024-10-01T02:00:00Z'), 'kajian_awal', '2024-10-01T03:00:00Z');
    value = step(step(value, 'registrasi', '2024-10-02T03:00:00Z'), 'klarifikasi', '2024-10-03T03:00:00Z');
    const deadline = caseDeadlines(value, DEFAULT_DEADLINE_POLICY, new Date('2024-10-06T00:00:00Z')).find((entry) => entry.ruleId === 'putusan.pilkada');
    expect(deadline).toMatchObject({ dueDate: '2024-10-06', overdue: false });
  });

  it('lists overdue cases, most overdue first, and never a closed one', () => {
    const late = opened('pemilu', '2024-10-01T03:00:00Z');
    const later = { ...opened('pemilu', '2024-10-03T03:00:00Z'), id: 'K-later' };
    const closed = step(step(step(opened('pemilu', '2024-10-01T03:00:00Z'), 'kajian_awal', '2024-10-01T04:00:00Z'), 'tidak_diregistrasi', '2024-10-01T05:00:00Z'), 'selesai', '2024-10-01T06:00:00Z');
    const listed = listOverdueCases([later, closed, late], DEFAULT_DEADLINE_POLICY, new Date('2024-11-01T00:00:00Z'));
    expect(listed.map((entry) => entry.case.id)).toEqual(['K-pemilu', 'K-later']);
  });

  it('an election crime must be forwarded within a day of the decision', () => {
    let value = step(opened('pilkada', '2024-10-01T02:00:00Z'), 'kajian_awal', '2024-10-01T03:00:00Z');
    for (const to of ['registrasi', 'klarifikasi', 'kajian'] as const) value = step(value, to, '2024-10-02T03:00:00Z');
    value = step(value, 'pelanggaran', '2024-10-03T03:00:00Z', { violationType: 'pidana' });
    const deadline = caseDeadlines(value, DEFAULT_DEADLINE_POLICY, new Date('2024-10-04T18:00:00Z')).find((entry) => entry.ruleId === 'pidana.penerusan');
    expect(deadline).toMatchObject({ dueDate: '2024-10-04', overdue: true });
  });

  describe('reminders', () => {
    function sent(at: string): Case {
      let value = step(opened('pilkada', '2024-10-01T02:00:00Z'), 'kajian_awal', '2024-10-01T03:00:00Z');
      for (const to of ['registrasi', 'klarifikasi', 'kajian'] as const) value = step(value, to, '2024-10-02T03:00:00Z');
      value = step(value, 'pelanggaran', '2024-10-03T03:00:00Z', { violationType: 'administrasi' });
      value = step(value, 'rekomendasi', '2024-10-03T04:00:00Z', { referral });
      return step(value, 'tindak_lanjut', at, { letterNumber: '001/PM.01/K.XX/10/2024' });
    }

    it('flags a case with no answer after the set time, counted from the letter', () => {
      const value = sent('2024-10-04T03:00:00Z');
      expect(casesNeedingReminder([value], DEFAULT_DEADLINE_POLICY, new Date('2024-10-18T16:00:00Z'))).toEqual([]);
      const [due] = casesNeedingReminder([value], DEFAULT_DEADLINE_POLICY, new Date('2024-10-18T17:00:00Z'));
      expect(due).toMatchObject({ sentAt: '2024-10-04T03:00:00Z', daysWaiting: 15, reminderCount: 0 });
      // The KPU's own 7-day limit shows as the authority's overdue deadline.
      expect(caseDeadlines(value, DEFAULT_DEADLINE_POLICY, new Date('2024-10-12T00:00:00Z'))).toEqual([expect.objectContaining({ ruleId: 'kpu.tindak_lanjut', party: 'authority', overdue: true })]);
    });

    it('a reminder restarts the wait; an answer ends it; in_process does not', () => {
      const value = sent('2024-10-04T03:00:00Z');
      const reminded = recordReminder(value, { actor: 'a', at: '2024-10-20T03:00:00Z' })._unsafeUnwrap();
      expect(casesNeedingReminder([reminded], DEFAULT_DEADLINE_POLICY, new Date('2024-10-25T00:00:00Z'))).toEqual([]);
      expect(casesNeedingReminder([reminded], DEFAULT_DEADLINE_POLICY, new Date('2024-11-04T00:00:00Z'))[0]?.reminderCount).toBe(1);
      const inProcess = recordAuthorityResponse(value, { outcome: 'in_process', at: '2024-10-05T00:00:00Z', actor: 'a', recordedAt: '2024-10-05T00:00:00Z' })._unsafeUnwrap();
      expect(casesNeedingReminder([inProcess], DEFAULT_DEADLINE_POLICY, new Date('2024-11-04T00:00:00Z'))).toHaveLength(1);
      const refused = recordAuthorityResponse(value, { outcome: 'refused', at: '2024-10-05T00:00:00Z', actor: 'a', recordedAt: '2024-10-05T00:00:00Z' })._unsafeUnwrap();
      expect(casesNeedingReminder([refused], DEFAULT_DEADLINE_POLICY, new Date('2024-11-04T00:00:00Z'))).toEqual([]);
    });

    it('the reminder period can count working days', () => {
      const policy = DeadlinePolicySchema.parse({ ...DEFAULT_DEADLINE_POLICY, reminderAfter: { amount: 5, unit: 'working_days' }, holidays: ['2024-10-09'] });
      // Sent Friday 4 Oct; 5 working days skip the weekends and Wed 9 Oct → Monday 14 Oct.
      const value = sent('2024-10-04T03:00:00Z');
      expect(casesNeedingReminder([value], policy, new Date('2024-10-12T10:00:00Z'))).toEqual([]);
      expect(casesNeedingReminder([value], policy, new Date('2024-10-14T16:59:00Z'))).toEqual([]);
      expect(casesNeedingReminder([value], policy, new Date('2024-10-14T17:00:00Z'))).toHaveLength(1);
    });
  });
});
