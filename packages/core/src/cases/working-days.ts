import { z } from 'zod';
import { LocalDateSchema, localDateAt, startOfLocalDate, type IndonesianTimeZone } from '../election/time-zone.js';

/** How a legal time limit counts: every calendar day, or only working days (hari kerja). */
export const DayUnitSchema = z.enum(['calendar_days', 'working_days'], { error: () => 'unit must be calendar_days or working_days' });
export type DayUnit = z.infer<typeof DayUnitSchema>;

/** An office's calendar: its time zone, weekend days and public holidays (libur nasional, cuti bersama). */
export interface OfficeCalendar {
  timeZone: IndonesianTimeZone;
  /** Local dates `YYYY-MM-DD` that are not working days. */
  holidays: readonly string[];
  /** Days of the week that are not working days (0 = Sunday). @default [0, 6] */
  weekendDays?: readonly number[];
}

/** An office calendar as written in a file. */
export const OfficeCalendarSchema = z.object({
  timeZone: z.enum(['WIB', 'WITA', 'WIT']).default('WIB'),
  holidays: z.array(LocalDateSchema).default([]),
  weekendDays: z.array(z.number().int().min(0).max(6)).default([0, 6]),
});

const DAY_MS = 86_400_000;

/** The local date `days` after `date` (negative goes back). */
export function shiftLocalDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a local date is a working day in the office calendar. */
export function isWorkingDay(date: string, calendar: OfficeCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if ((calendar.weekendDays ?? [0, 6]).includes(weekday)) return false;
  return !calendar.holidays.includes(date);
}

/**
 * The last local date of a limit of `amount` days counted from the local date of `start`
 * ("paling lama N hari sejak …"): the day of the event does not count. Working days skip
 * weekends and the office's holidays; calendar days do not.
 */
export function dueLocalDate(start: Date, amount: number, unit: DayUnit, calendar: OfficeCalendar): string {
  let date = localDateAt(start, calendar.timeZone);
  if (unit === 'calendar_days') return shiftLocalDate(date, amount);
  let counted = 0;
  // A bound keeps a calendar where every day is a holiday from looping for ever.
  for (let guard = 0; counted < amount && guard < amount * 7 + 3660; guard++) {
    date = shiftLocalDate(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return date;
}

/** The instant a local due date ends: the first moment of the next local day. */
export function endOfLocalDate(date: string, timeZone: IndonesianTimeZone): Date {
  return startOfLocalDate(shiftLocalDate(date, 1), timeZone);
}

/** Whole days (calendar or working) from the local date of `from` to that of `to`; 0 when `to` is not later. */
export function daysBetween(from: Date, to: Date, unit: DayUnit, calendar: OfficeCalendar): number {
  const start = localDateAt(from, calendar.timeZone);
  const end = localDateAt(to, calendar.timeZone);
  if (end <= start) return 0;
  if (unit === 'calendar_days') return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
  let count = 0;
  for (let date = shiftLocalDate(start, 1); date <= end; date = shiftLocalDate(date, 1)) if (isWorkingDay(date, calendar)) count++;
  return count;
}
