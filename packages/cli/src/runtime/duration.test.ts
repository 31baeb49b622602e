import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads hours, minutes and seconds', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
  });

  it('refuses empty, zero, negative and unit-less durations', () => {
    for (const text of ['', '0m', '-5m', '30', 'm', '1d', '5 m']) expect(parseDuration(text), text).toBeUndefined();
  });

  it('reads back any positive h/m/s combination', () => {
    fc.assert(
      fc.property(fc.nat(48), fc.nat(59), fc.nat(59), (h, m, s) => {
        fc.pre(h + m + s > 0);
        expect(parseDuration(`${h}h${m}m${s}s`)).toBe(((h * 60 + m) * 60 + s) * 1000);
      }),
    );
  });
});

describe('formatDuration', () => {
  it('writes days, hours and minutes for long spans and seconds for short ones', () => {
    expect(formatDuration(90_000)).toBe('1m 30s');
    expect(formatDuration(26 * 3_600_000 + 5 * 60_000)).toBe('1d 2h 5m');
    expect(formatDuration(0)).toBe('0s');
  });
});
