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

/** Open addressing, linear probing; emptied at once when `limit` keys are held (like the stem caches). */
export class RangeMemo<T> {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: number[] = [];
  private readonly keys: string[] = [];
  private readonly values: T[] = [];

  constructor(readonly limit: number) {
    let size = 16;
    while (size < limit * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** How many keys are held. */
  get size(): number {
    return this.keys.length;
  }

  /** The value kept for `source[start, end)`, whose {@link rangeHash} is `hash`. */
  get(source: string, start: number, end: number, hash: number): T | undefined {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held === 0) return undefined;
      const entry = held - 1;
      if (this.hashes[entry] !== hash) continue;
      const key = this.keys[entry]!;
      if (key.length === length && source.startsWith(key, start)) return this.values[entry];
    }
  }

  /** Keep `value` for `source[start, end)` (not held yet), whose {@link rangeHash} is `hash`. */
  set(source: string, start: number, end: number, hash: number, value: T): void {
    if (this.keys.length >= this.limit) this.clear();
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.keys.push(source.slice(start, end));
    this.hashes.push(hash);
    this.values.push(value);
    this.slots[slot] = this.keys.length;
  }

  clear(): void {
    this.slots.fill(0);
    this.keys.length = 0;
    this.hashes.length = 0;
    this.values.length = 0;
  }
}
