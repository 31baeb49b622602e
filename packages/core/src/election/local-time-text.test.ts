import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatLocalTimestamp, indonesianTimeZoneOf } from './local-time-text.js';

describe('times in the election zone', () => {
  it('writes an instant in WIB, WITA and WIT with the zone named', () => {
    expect(formatLocalDateTime('2024-10-01T02:15:00Z', 'WIB')).toBe('1 Oktober 2024 pukul 09.15 WIB');
    expect(formatLocalDateTime('2024-10-01T02:15:07Z', 'WITA', { seconds: true })).toBe('1 Oktober 2024 pukul 10.15.07 WITA');
    expect(formatLocalDateTime('2024-10-31T15:30:00Z', 'WIT')).toBe('1 November 2024 pukul 00.30 WIT');
    expect(formatLocalTimestamp('2024-12-31T17:05:00Z', 'WIB')).toBe('2025-01-01 00:05 WIB');
  });

  it('leaves text that is not a time as it is', () => {
    expect(formatLocalDateTime('kemarin', 'WIB')).toBe('kemarin');
    expect(formatLocalTimestamp('', 'WIB')).toBe('');
  });

  it('names the zone of an IANA name', () => {
    expect(indonesianTimeZoneOf('Asia/Jakarta')).toBe('WIB');
    expect(indonesianTimeZoneOf('Asia/Pontianak')).toBe('WIB');
    expect(indonesianTimeZoneOf('Asia/Makassar')).toBe('WITA');
    expect(indonesianTimeZoneOf('Asia/Jayapura')).toBe('WIT');
    expect(indonesianTimeZoneOf('WITA')).toBe('WITA');
    expect(indonesianTimeZoneOf('Europe/Paris')).toBeUndefined();
  });
});
