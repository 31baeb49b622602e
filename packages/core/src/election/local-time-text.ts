import { TIME_ZONE_OFFSET_MINUTES, type IndonesianTimeZone } from './time-zone.js';

/** Month names as Indonesian letters and reports write them. */
export const INDONESIAN_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

/**
 * IANA zone names of Indonesia by the zone Indonesians name. Asia/Pontianak (West Kalimantan)
 * keeps WIB although it lies east of the 7h line.
 */
const IANA_ZONES: Readonly<Record<string, IndonesianTimeZone>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** `Asia/Makassar` → `WITA`; `WIB`/`WITA`/`WIT` pass through; anything else is `undefined`. */
export function indonesianTimeZoneOf(name: string): IndonesianTimeZone | undefined {
  const trimmed = name.trim();
  if (trimmed === 'WIB' || trimmed === 'WITA' || trimmed === 'WIT') return trimmed;
  return IANA_ZONES[trimmed];
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hours: string;
  minutes: string;
  seconds: string;
}

function localParts(instant: Date | string, timeZone: IndonesianTimeZone): LocalParts | undefined {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const shifted = new Date(ms + TIME_ZONE_OFFSET_MINUTES[timeZone] * 60_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: pad(shifted.getUTCHours()),
    minutes: pad(shifted.getUTCMinutes()),
    seconds: pad(shifted.getUTCSeconds()),
  };
}

/**
 * An instant as Indonesian prose writes it, in the given zone with the zone named:
 * `2024-10-01T02:15:00Z`, WIB → `1 Oktober 2024 pukul 09.15 WIB` (with `seconds`: `09.15.00`).
 * Text that is not a time comes back unchanged, so nothing is hidden.
 */
export function formatLocalDateTime(instant: Date | string, timeZone: IndonesianTimeZone, options: { seconds?: boolean } = {}): string {
  const parts = localParts(instant, timeZone);
  if (!parts) return String(instant);
  return `${parts.day} ${INDONESIAN_MONTHS[parts.month - 1]} ${parts.year} pukul ${parts.hours}.${parts.minutes}${options.seconds ? `.${parts.seconds}` : ''} ${timeZone}`;
}

/**
 * An instant for a terminal column, in the given zone with the zone named:
 * `2024-10-01T02:15:00Z`, WITA → `2024-10-01 10:15 WITA`. Text that is not a time comes back unchanged.
 */
export function formatLocalTimestamp(instant: Date | string, timeZone: IndonesianTimeZone): string {
  const parts = localParts(instant, timeZone);
  if (!parts) return String(instant);
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')} ${parts.hours}:${parts.minutes} ${timeZone}`;
}
