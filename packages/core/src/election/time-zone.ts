import { z } from 'zod';

/**
 * Indonesia's three time zones. None observes daylight saving, so each is a fixed UTC offset.
 * WIB (UTC+7): Sumatra, Java, West/Central Kalimantan, and Bangka Belitung.
 * WITA (UTC+8): Bali, Nusa Tenggara, Sulawesi, East/South/North Kalimantan.
 * WIT (UTC+9): Maluku, Papua.
 */
export const TIME_ZONE_OFFSET_MINUTES = { WIB: 7 * 60, WITA: 8 * 60, WIT: 9 * 60 } as const;
export const IndonesianTimeZoneSchema = z.enum(['WIB', 'WITA', 'WIT'], {
  error: () => 'timeZone must be WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9)',
});
export type IndonesianTimeZone = z.infer<typeof IndonesianTimeZoneSchema>;

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export const LocalDateSchema = z.string().refine(isValidLocalDate, {
  message: 'expected a date written YYYY-MM-DD, e.g. 2024-11-27',
});

export function isValidLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in the given zone. */
export function localDateAt(instant: Date, timeZone: IndonesianTimeZone): string {
  const shifted = new Date(instant.getTime() + TIME_ZONE_OFFSET_MINUTES[timeZone] * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** The instant at which a local date begins (00:00 local) in the given zone. */
export function startOfLocalDate(date: string, timeZone: IndonesianTimeZone): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - TIME_ZONE_OFFSET_MINUTES[timeZone] * 60_000);
}
