import { describe, expect, it } from 'vitest';
import { ElectionContextSchema, type ElectionContextInput } from './election-context-schema.js';
import { phaseAt } from './phase-at.js';

const base: ElectionContextInput = {
  id: 'pilkada-contoh-2024',
  name: 'Pilkada Kabupaten Contoh 2024',
  region: 'Kabupaten Contoh',
  timeZone: 'WIB',
  candidatePairs: [{ number: 1, candidate: { name: 'Calon Satu' } }],
  schedule: [
    { phase: 'pre_campaign', start: '2024-05-05', end: '2024-09-24' },
    { phase: 'campaign', start: '2024-09-25', end: '2024-11-23' },
    { phase: 'quiet', start: '2024-11-24', end: '2024-11-26' },
    { phase: 'voting', start: '2024-11-27', end: '2024-11-27' },
    { phase: 'counting', start: '2024-11-28', end: '2024-12-16' },
    { phase: 'post', start: '2024-12-17', end: '2025-03-31' },
  ],
  milestones: { bakalCalonRegistration: '2024-08-27', penetapanPasanganCalon: '2024-09-22' },
};

function contextIn(timeZone: 'WIB' | 'WITA' | 'WIT') {
  return ElectionContextSchema.parse({ ...base, timeZone });
}

// Each boundary: the last second of one phase and the first second of the next, local time.
const boundaries: Array<[string, string, string]> = [
  ['2024-09-24', 'pre_campaign', 'campaign'],
  ['2024-11-23', 'campaign', 'quiet'],
  ['2024-11-26', 'quiet', 'voting'],
  ['2024-11-27', 'voting', 'counting'],
  ['2024-12-16', 'counting', 'post'],
];

describe('phaseAt', () => {
  for (const [zone, offset] of [['WIB', '+07:00'], ['WITA', '+08:00'], ['WIT', '+09:00']] as const) {
    const context = contextIn(zone);
    for (const [lastDay, before, after] of boundaries) {
      it(`switches from ${before} to ${after} at local midnight after ${lastDay} in ${zone}`, () => {
        expect(phaseAt(context, `${lastDay}T23:59:59${offset}`).phase).toBe(before);
        const next = new Date(Date.parse(`${lastDay}T23:59:59${offset}`) + 1000);
        expect(phaseAt(context, next).phase).toBe(after);
      });
    }
  }

  it('judges by the region clock, not UTC: 23:30 WIB on the last campaign day is still campaign', () => {
    const wib = contextIn('WIB');
    const instant = '2024-11-23T16:30:00Z'; // 23:30 WIB, 00:30 WITA, 01:30 WIT the next day
    expect(phaseAt(wib, instant)).toMatchObject({ phase: 'campaign', localDate: '2024-11-23' });
    expect(phaseAt(contextIn('WIT'), instant)).toMatchObject({ phase: 'quiet', localDate: '2024-11-24' });
  });

  it('is undefined outside the schedule and reports the milestones passed', () => {
    const context = contextIn('WIT');
    expect(phaseAt(context, '2024-05-04T14:59:59Z').phase).toBeUndefined(); // 23:59:59 WIT, the day before
    expect(phaseAt(context, '2024-05-04T15:00:00Z').phase).toBe('pre_campaign');
    expect(phaseAt(context, '2025-03-31T15:00:00Z').phase).toBeUndefined();
    expect(phaseAt(context, '2024-08-26T14:59:59Z')).toMatchObject({ afterBakalCalon: false, afterPenetapan: false });
    expect(phaseAt(context, '2024-08-26T15:00:00Z')).toMatchObject({ afterBakalCalon: true, afterPenetapan: false });
    expect(phaseAt(context, '2024-09-21T15:00:00Z')).toMatchObject({ afterBakalCalon: true, afterPenetapan: true });
  });
});
