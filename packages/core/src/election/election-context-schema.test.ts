import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../validation/validation-issue.js';
import { ElectionContextSchema, type ElectionContextInput } from './election-context-schema.js';

const valid: ElectionContextInput = {
  id: 'pilkada-contoh-2024',
  name: 'Pilkada Kabupaten Contoh 2024',
  region: 'Kabupaten Contoh',
  timeZone: 'WITA',
  candidatePairs: [
    { number: 1, candidate: { name: 'Calon Satu' }, hashtags: ['#SatuMenang'] },
    { number: 2, candidate: { name: 'Calon Dua' } },
  ],
  schedule: [
    { phase: 'pre_campaign', start: '2024-05-05', end: '2024-09-24' },
    { phase: 'campaign', start: '2024-09-25', end: '2024-11-23' },
  ],
  milestones: { bakalCalonRegistration: '2024-08-27', penetapanPasanganCalon: '2024-09-22' },
};

function problems(input: unknown): Array<{ path: string; message: string }> {
  const result = ElectionContextSchema.safeParse(input);
  return result.success ? [] : issuesFromZod(result.error);
}

describe('ElectionContextSchema', () => {
  it('accepts a valid context and strips # from hashtags', () => {
    const parsed = ElectionContextSchema.parse(valid);
    expect(parsed.candidatePairs[0]!.hashtags).toEqual(['SatuMenang']);
    expect(parsed.officialAccountLimitPerPlatform).toBe(20);
  });

  it('rejects a phase whose end precedes its start, naming the field', () => {
    const input = { ...valid, schedule: [{ phase: 'pre_campaign', start: '2024-09-24', end: '2024-05-05' }] };
    expect(problems(input)).toContainEqual(expect.objectContaining({ path: 'schedule.0.end', message: expect.stringContaining('must not be before start') }));
  });

  it('rejects two candidate pairs with the same ballot number', () => {
    const input = { ...valid, candidatePairs: [valid.candidatePairs[0], { number: 1, candidate: { name: 'Calon Lain' } }] };
    expect(problems(input)).toContainEqual(expect.objectContaining({ path: 'candidatePairs.1.number', message: expect.stringContaining('ballot number 1') }));
  });

  it('rejects overlapping phases, an impossible date and an unknown time zone', () => {
    const overlapping = { ...valid, schedule: [valid.schedule[0], { phase: 'campaign', start: '2024-09-20', end: '2024-11-23' }] };
    expect(problems(overlapping)).toContainEqual(expect.objectContaining({ path: 'schedule.1.start', message: expect.stringContaining('must not overlap') }));
    expect(problems({ ...valid, schedule: [{ phase: 'campaign', start: '2024-02-30', end: '2024-03-01' }] })).toContainEqual(
      expect.objectContaining({ path: 'schedule.0.start', message: expect.stringContaining('YYYY-MM-DD') }),
    );
    expect(problems({ ...valid, timeZone: 'UTC+7' })).toContainEqual(expect.objectContaining({ path: 'timeZone', message: expect.stringContaining('WIB') }));
  });

  it('rejects milestones outside the pre-campaign phase or out of order', () => {
    expect(problems({ ...valid, milestones: { bakalCalonRegistration: '2024-09-23', penetapanPasanganCalon: '2024-09-22' } })).toContainEqual(
      expect.objectContaining({ path: 'milestones.penetapanPasanganCalon' }),
    );
    expect(problems({ ...valid, milestones: { bakalCalonRegistration: '2024-08-27', penetapanPasanganCalon: '2024-10-01' } })).toContainEqual(
      expect.objectContaining({ path: 'milestones.penetapanPasanganCalon', message: expect.stringContaining('outside the pre_campaign phase') }),
    );
  });
});
