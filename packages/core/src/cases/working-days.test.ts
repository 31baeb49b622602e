import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, dueLocalDate, endOfLocalDate, isWorkingDay, shiftLocalDate, type OfficeCalendar } from './working-days.js';

const wib: OfficeCalendar = { timeZone: 'WIB', holidays: ['2024-12-25', '2024-12-26'] };

describe('working days', () => {
  it('counts calendar days straight through weekends and holidays', () => {
    // Friday 20 Dec 2024 10:00 WIB + 7 days = Friday 27 Dec.
    expect(dueLocalDate(new Date('2024-12-20T03:00:00Z'), 7, 'calendar_days', wib)).toBe('2024-12-27');
  });

  it('skips the weekend for working days', () => {
    // Friday + 1 working day = Monday.
    expect(dueLocalDate(new Date('2024-12-20T03:00:00Z'), 1, 'working_days', wib)).toBe('2024-12-23');
  });

  it('skips office holidays for working days', () => {
    // Mon 23 Dec + 3 working days: Tue 24, (25, 26 holidays), Fri 27, Mon 30.
    expect(dueLocalDate(new Date('2024-12-23T03:00:00Z'), 3, 'working_days', wib)).toBe('2024-12-30');
  });

  it('takes the local date in the office time zone, not UTC', () => {
    // 2024-12-20T18:00Z is already Saturday 21 Dec 01:00 WIB: + 1 working day = Monday 23.
    expect(dueLocalDate(new Date('2024-12-20T18:00:00Z'), 1, 'working_days', wib)).toBe('2024-12-23');
    // In UTC terms that instant is Friday; a WIT office sees Saturday too.
    expect(dueLocalDate(new Date('2024-12-20T18:00:00Z'), 2, 'calendar_days', { timeZone: 'WIT', holidays: [] })).toBe('2024-12-23');
  });

  it('a due date ends at local midnight', () => {
    expect(endOfLocalDate('2024-12-27', 'WIB').toISOString()).toBe('2024-12-27T17:00:00.000Z');
    expect(endOfLocalDate('2024-12-27', 'WITA').toISOString()).toBe('2024-12-27T16:00:00.000Z');
  });

  it('a working-day deadline always lands on a working day at or after the calendar one', () => {
    const holidays = ['2024-01-01', '2024-02-08', '2024-02-10', '2024-03-11', '2024-03-29', '2024-04-10', '2024-04-11', '2024-05-01', '2024-05-09', '2024-05-23', '2024-06-17', '2024-08-17', '2024-09-16', '2024-11-27', '2024-12-25'];
    const calendar: OfficeCalendar = { timeZone: 'WIB', holidays };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 20 }), (offset, amount) => {
        const start = new Date(Date.parse('2024-01-01T03:00:00Z') + offset * 86_400_000);
        const due = dueLocalDate(start, amount, 'working_days', calendar);
        expect(isWorkingDay(due, calendar)).toBe(true);
        expect(due >= dueLocalDate(start, amount, 'calendar_days', calendar)).toBe(true);
        expect(daysBetween(start, new Date(`${due}T03:00:00Z`), 'working_days', calendar)).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('shifts dates across month and year ends', () => {
    expect(shiftLocalDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(shiftLocalDate('2024-03-01', -1)).toBe('2024-02-29');
  });
});
