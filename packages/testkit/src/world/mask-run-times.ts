/**
 * A record with the marks of when a run happened masked, so two runs over the same world can be
 * compared record by record: times of the real clock (2025 on) become `<time>` (the world's own
 * times are in 2024 and stay), a lookup batch label (a hash over its time) becomes
 * `lookup:<time>`, and `durationMs` fields are dropped.
 */
export function maskRunTimes(value: unknown): unknown {
  if (typeof value === 'string') {
    if (/^20(2[5-9]|[3-9]\d)-\d\d-\d\dT/.test(value)) return '<time>';
    return /^lookup:[0-9a-f]{32}$/.test(value) ? 'lookup:<time>' : value;
  }
  if (Array.isArray(value)) return value.map(maskRunTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'durationMs').map(([key, inner]) => [key, maskRunTimes(inner)]));
  }
  return value;
}
