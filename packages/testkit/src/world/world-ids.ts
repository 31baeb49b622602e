// Platform-shaped ids. X ids are snowflakes (time in the high bits), so ordering by id is ordering
// by time, as the real `since_id`/`until_id` parameters assume. Graph ids exceed 2^53: BigInt.

const X_EPOCH_MS = 1288834974657n;

/** An X snowflake id for an instant and a per-world sequence number. */
export function xSnowflakeId(atIso: string, sequence: number): string {
  const milliseconds = BigInt(Date.parse(atIso)) - X_EPOCH_MS;
  return ((milliseconds << 22n) | BigInt(sequence & 0x3fffff)).toString();
}

/** Compares two numeric id strings; negative when `a` is older. */
export function compareNumericIds(a: string, b: string): number {
  const left = BigInt(a);
  const right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** An X user id. */
export function xUserId(index: number): string {
  return (1_402_000_000n + BigInt(index) * 7_919n).toString();
}

/** A Facebook page id (15 digits). */
export function facebookPageId(index: number): string {
  return (100_064_000_000_000n + BigInt(index) * 9_973n).toString();
}

/** A Facebook page post id: `{page id}_{post id}`. */
export function facebookPostId(pageId: string, sequence: number): string {
  return `${pageId}_${(122_100_000_000_000_000n + BigInt(sequence) * 31n).toString()}`;
}

/** An Instagram professional account id (17 digits, starting 1784 like real ones). */
export function instagramUserId(index: number): string {
  return (17_841_400_000_000_000n + BigInt(index) * 1_009n).toString();
}

/** An Instagram media id. */
export function instagramMediaId(sequence: number): string {
  return (18_040_000_000_000_000n + BigInt(sequence) * 17n).toString();
}
