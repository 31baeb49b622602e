import type { CaptureScope } from '../capture/capture-schema.js';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of an ISO instant, or undefined when absent or unreadable. */
export function instantMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Thousands of items share one capture's time string: remember the last one parsed.
  if (value === lastInstant) return lastInstantMs;
  const parsed = Date.parse(value);
  const ms = Number.isNaN(parsed) ? undefined : parsed;
  lastInstant = value;
  lastInstantMs = ms;
  return ms;
}
let lastInstant: string | undefined;
let lastInstantMs: number | undefined;

// Formatting a day is the hot spot of locating items; days repeat, so remember them.
const dayNames = new Map<number, string>();

/** The UTC day (`YYYY-MM-DD`) of a time in milliseconds. */
function dayOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 100_000) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

/**
 * The bucket an item is filed in: `<scope>/<UTC day of creation>`, `<scope>/undated` for acts
 * without a time (many likes and follows), `<scope>/referenced` for items known only from a
 * reference. Day buckets keep a capture's work proportional to its own time range.
 */
export function bucketFor(scope: CaptureScope, createdAtMs: number | undefined): string {
  if (createdAtMs === undefined) return `${scope}/undated`;
  // One string per scope and day: a fresh concatenation per item would be hashed on every lookup.
  let names = bucketNames.get(scope);
  if (!names) bucketNames.set(scope, (names = new Map()));
  const day = Math.floor(createdAtMs / DAY_MS);
  let name = names.get(day);
  if (name === undefined) {
    if (names.size > 100_000) names.clear();
    name = `${scope}/${dayOf(createdAtMs)}`;
    names.set(day, name);
  }
  return name;
}
const bucketNames = new Map<string, Map<number, string>>();

/** The bucket of items known only from a reply or quote, whose time is unknown. */
export function referencedBucket(scope: CaptureScope): string {
  return `${scope}/referenced`;
}

/** Day buckets of a scope within [fromMs, toMs] that exist among `bucketKeys` (any order). */
export function dayBucketsBetween(bucketKeys: Iterable<string>, scope: CaptureScope, fromMs: number, toMs: number): string[] {
  if (Number.isFinite(fromMs) && Number.isFinite(toMs) && toMs - fromMs <= 31 * DAY_MS) {
    // A short range: name its days instead of scanning every bucket.
    const days: string[] = [];
    for (let day = Math.floor(fromMs / DAY_MS); day <= Math.floor(toMs / DAY_MS); day++) days.push(`${scope}/${dayOf(day * DAY_MS)}`);
    const existing = bucketKeys instanceof Set ? bucketKeys : undefined;
    return existing ? days.filter((day) => existing.has(day)) : days;
  }
  const prefix = `${scope}/`;
  const from = Number.isFinite(fromMs) ? dayOf(fromMs) : '0000-00-00';
  const to = Number.isFinite(toMs) ? dayOf(toMs) : '9999-99-99';
  const found: string[] = [];
  for (const key of bucketKeys) {
    if (!key.startsWith(prefix)) continue;
    const day = key.slice(prefix.length);
    if (day.length === 10 && day >= from && day <= to) found.push(key);
  }
  return found;
}

/** The day buckets of a scope around a time (the day before, of, and after), for lookups. */
export function neighbourBuckets(scope: CaptureScope, ms: number): string[] {
  return [bucketFor(scope, ms), bucketFor(scope, ms - DAY_MS), bucketFor(scope, ms + DAY_MS)];
}

/** The start (ms, UTC midnight) of a day bucket, or undefined for `undated` / `referenced`. */
export function dayStartOf(bucket: string): number | undefined {
  const day = bucket.slice(bucket.indexOf('/') + 1);
  if (day.length !== 10) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
