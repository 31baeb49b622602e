/**
 * A bounded memo keyed by a range of a string, looked up without slicing it: the caller hashes
 * the range's code units while it reads them anyway (see {@link hashStep}), and a hit compares
 * the characters in place (a short ASCII range as one number, see {@link rangePack}). The normaliser keeps the pieces of every ASCII word it has read here,
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

/** Ranges of at most this many ASCII code units are also told apart by one number, {@link rangePack}. */
export const PACK_MAX = 7;
/** 128 ** PACK_MAX: the length is packed above the code units. */
const PACK_LENGTH_UNIT = 2 ** 49;

/** One step of a range's pack: append the next ASCII code unit (7 bits) to `digits` (start from 0). */
export function packStep(digits: number, code: number): number {
  return digits * 128 + code;
}

/** The pack of an ASCII range of `length` code units whose {@link packStep} digits are `digits`: -1 past PACK_MAX. */
export function packOfDigits(digits: number, length: number): number {
  return length <= PACK_MAX ? digits + length * PACK_LENGTH_UNIT : -1;
}

/**
 * `source[start, end)` as one number no other range shares: its length, then its code units in
 * base 128 (below 2^52, exact in a double); -1 when it is longer than PACK_MAX or holds a code
 * unit of 128 or more. Two ranges with packs of 0 or more are equal exactly when their packs are.
 */
export function rangePack(source: string, start: number, end: number): number {
  if (end - start > PACK_MAX) return -1;
  let digits = 0;
  for (let at = start; at < end; at++) {
    const code = source.charCodeAt(at);
    if (code >= 128) return -1;
    digits = packStep(digits, code);
  }
  return packOfDigits(digits, end - start);
}

/** The hash {@link RangeMemo} expects for `source[start, end)`. */
export function rangeHash(source: string, start: number, end: number): number {
  let hash = 0;
  for (let at = start; at < end; at++) hash = hashStep(hash, source.charCodeAt(at));
  return hash;
}

/**
 * Open addressing, linear probing. The value holds its own key (the range as a string) and that
 * key's hash; each slot's hash and pack are also kept in typed arrays beside the entries, so a
 * look-up of a short word reads a few array slots and no key (most posts' words are far apart
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
  /**
   * Each slot's key hash and {@link rangePack}, beside the entries: a probe reads these, not
   * the entry and its key, and a short key is compared as one number, not by characters.
   */
  private hashes: Int32Array;
  private packs: Float64Array;
  private mask: number;
  private count = 0;

  constructor(readonly limit: number) {
    this.entries = new Array<T | undefined>(1024).fill(undefined);
    this.hashes = new Int32Array(1024);
    this.packs = new Float64Array(1024);
    this.mask = 1023;
  }

  /** How many keys are held. */
  get size(): number {
    return this.count;
  }

  /**
   * The value kept for `source[start, end)`, whose {@link rangeHash} is `hash` and whose
   * {@link rangePack} is `pack` (a caller that reads the range anyway can build it with
   * {@link packStep} and {@link packOfDigits}).
   */
  get(source: string, start: number, end: number, hash: number, pack = rangePack(source, start, end)): T | undefined {
    const length = end - start;
    const { entries, hashes, packs, mask } = this;
    // Not `source.startsWith`: see normalizeText on method loads from strings of many shapes.
    const startsWith = String.prototype.startsWith;
    for (let probe = 0, slot = homeSlot(hash, mask); probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
      const entry = entries[slot];
      if (entry === undefined) return undefined;
      if (hashes[slot] !== hash) continue;
      // A short ASCII range equals the key exactly when their packs are equal.
      if (pack >= 0) {
        if (packs[slot] === pack) return entry;
        continue;
      }
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
        this.hashes[slot] = entry.hash;
        this.packs[slot] = rangePack(entry.key, 0, entry.key.length);
        return true;
      }
    }
    return false;
  }

  private grow(): void {
    const entries = this.entries;
    this.entries = new Array<T | undefined>(entries.length * 2).fill(undefined);
    this.hashes = new Int32Array(this.entries.length);
    this.packs = new Float64Array(this.entries.length);
    this.mask = this.entries.length - 1;
    this.count = 0;
    for (const entry of entries) if (entry !== undefined && this.place(entry)) this.count++;
  }
}
