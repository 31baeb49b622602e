/**
 * A bounded memo keyed by a range of a string, looked up without slicing it: the caller hashes
 * the range's code units while it reads them anyway (see {@link hashStep}), and a hit compares
 * the characters in place. The normaliser keeps the pieces of every ASCII word it has read here,
 * so a repeated word costs no string allocation at all.
 */

/**
 * One step of the range hash: fold the next code unit into `hash` (start from 0). The hash is
 * kept to 30 bits, a small integer to V8: objects and fields holding it store it in place, where
 * a wider one is boxed as a heap number, one more memory read at every look-up.
 */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

/** The hash {@link RangeMemo} expects for `source[start, end)`. */
export function rangeHash(source: string, start: number, end: number): number {
  let hash = 0;
  for (let at = start; at < end; at++) hash = hashStep(hash, source.charCodeAt(at));
  return hash;
}

/**
 * Open addressing, linear probing. The value holds its own key (the range as a string) and that
 * key's hash, so a look-up reads one array slot and one object (most posts' words are far apart
 * in memory by the time they come again, and each memory read may miss the cache).
 * The table starts small and doubles while it is half full; at `limit` keys it is emptied at
 * once (like the stem caches). A key that would sit more than {@link MAX_PROBES} slots from its
 * home is not kept: the hash is public, so a hostile post full of colliding words must not turn
 * every later look-up into a long walk.
 */
const MAX_PROBES = 64;

/** The slot a hash starts from: its bits mixed first, since `31·h + c` leaves the low bits of similar words close together. */
function homeSlot(hash: number, mask: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (mixed ^ (mixed >>> 16)) & mask;
}

export class RangeMemo<T extends { readonly key: string; readonly hash: number }> {
  private entries: (T | undefined)[];
  private mask: number;
  private count = 0;

  constructor(readonly limit: number) {
    this.entries = new Array<T | undefined>(1024).fill(undefined);
    this.mask = 1023;
  }

  /** How many keys are held. */
  get size(): number {
    return this.count;
  }

  /** The value kept for `source[start, end)`, whose {@link rangeHash} is `hash`. */
  get(source: string, start: number, end: number, hash: number): T | undefined {
    const length = end - start;
    const mask = this.mask;
    // Not `source.startsWith`: see normalizeText on method loads from strings of many shapes.
    const startsWith = String.prototype.startsWith;
    for (let probe = 0, slot = homeSlot(hash, mask); probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = this.entries[slot];
      if (entry === undefined) return undefined;
      if (entry.hash !== hash) continue;
      const key = entry.key;
      if (key.length === length && startsWith.call(source, key, start)) return entry;
    }
    return undefined;
  }

  /**
   * Keep `value` under its key (not held yet); `value.hash` is the key's {@link rangeHash}. A key
   * too far from its home slot is not kept (the caller computes it again next time).
   */
  set(value: T): void {
    if (this.count >= this.limit) this.clear();
    else if (this.count * 2 >= this.entries.length) this.grow();
    if (this.place(value)) this.count++;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.count = 0;
  }

  private place(entry: T): boolean {
    for (let probe = 0, slot = homeSlot(entry.hash, this.mask); probe < MAX_PROBES; probe++, slot = (slot + 1) & this.mask) {
      if (this.entries[slot] === undefined) {
        this.entries[slot] = entry;
        return true;
      }
    }
    return false;
  }

  private grow(): void {
    const entries = this.entries;
    this.entries = new Array<T | undefined>(entries.length * 2).fill(undefined);
    this.mask = this.entries.length - 1;
    this.count = 0;
    for (const entry of entries) if (entry !== undefined && this.place(entry)) this.count++;
  }
}
