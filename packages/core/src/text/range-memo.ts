/**
 * A bounded memo keyed by a range of a string, looked up without slicing it: the caller hashes
 * the range's code units while it reads them anyway (see {@link hashStep}), and a hit compares
 * the characters in place. The normaliser keeps the pieces of every ASCII word it has read here,
 * so a repeated word costs no string allocation at all.
 */

/** One step of the range hash: fold the next code unit into `hash` (start from 0). */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
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
 * once (like the stem caches).
 */
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
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.entries[slot];
      if (entry === undefined) return undefined;
      if (entry.hash !== hash) continue;
      const key = entry.key;
      if (key.length === length && startsWith.call(source, key, start)) return entry;
    }
  }

  /** Keep `value` under its key (not held yet); `value.hash` is the key's {@link rangeHash}. */
  set(value: T): void {
    if (this.count >= this.limit) this.clear();
    else if (this.count * 2 >= this.entries.length) this.grow();
    this.place(value);
    this.count++;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.count = 0;
  }

  private place(entry: T): void {
    let slot = entry.hash & this.mask;
    while (this.entries[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.entries[slot] = entry;
  }

  private grow(): void {
    const entries = this.entries;
    this.entries = new Array<T | undefined>(entries.length * 2).fill(undefined);
    this.mask = this.entries.length - 1;
    for (const entry of entries) if (entry !== undefined) this.place(entry);
  }
}
