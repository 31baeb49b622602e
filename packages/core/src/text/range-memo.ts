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
 * Open addressing, linear probing, each slot's hash beside it, so a miss reads one typed array.
 * The value holds its own key (the range as a string), so a hit reads one object and its key.
 * The table starts small and doubles while it is half full, so the few words a post repeats stay
 * close together in memory; at `limit` keys it is emptied at once (like the stem caches).
 */
export class RangeMemo<T extends { readonly key: string }> {
  private hashes: Int32Array;
  private entries: (T | undefined)[];
  private mask: number;
  private count = 0;

  constructor(readonly limit: number) {
    this.hashes = new Int32Array(1024);
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
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.entries[slot];
      if (entry === undefined) return undefined;
      if (this.hashes[slot] !== hash) continue;
      const key = entry.key;
      if (key.length === length && source.startsWith(key, start)) return entry;
    }
  }

  /** Keep `value` under its key (not held yet), whose {@link rangeHash} is `hash`. */
  set(hash: number, value: T): void {
    if (this.count >= this.limit) this.clear();
    else if (this.count * 2 >= this.entries.length) this.grow();
    this.place(value, hash);
    this.count++;
  }

  clear(): void {
    this.hashes.fill(0);
    this.entries.fill(undefined);
    this.count = 0;
  }

  private place(entry: T, hash: number): void {
    let slot = hash & this.mask;
    while (this.entries[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.entries[slot] = entry;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const { hashes, entries } = this;
    const size = entries.length * 2;
    this.hashes = new Int32Array(size);
    this.entries = new Array<T | undefined>(size).fill(undefined);
    this.mask = size - 1;
    for (let slot = 0; slot < entries.length; slot++) {
      const entry = entries[slot];
      if (entry !== undefined) this.place(entry, hashes[slot]!);
    }
  }
}
