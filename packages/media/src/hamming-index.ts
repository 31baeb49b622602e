import { hexToWords, popcount32 } from './hamming-distance.js';

/** One hit of a Hamming search. */
export interface HammingHit<T> {
  value: T;
  distance: number;
}

const CHUNKS = 4;
const CHUNK_BITS = 16;

/** Every 16-bit value within `radius` bits of `value`, `value` first. */
function neighbours(value: number, radius: number, visit: (neighbour: number) => void): void {
  visit(value);
  if (radius >= 1) for (let a = 0; a < CHUNK_BITS; a++) {
    const one = value ^ (1 << a);
    visit(one);
    if (radius >= 2) for (let b = a + 1; b < CHUNK_BITS; b++) {
      const two = one ^ (1 << b);
      visit(two);
      if (radius >= 3) for (let c = b + 1; c < CHUNK_BITS; c++) visit(two ^ (1 << c));
    }
  }
}

/**
 * A multi-index hash (Norouzi, Punjani & Fleet 2012) over 64-bit hashes: each hash is filed
 * under its four 16-bit chunks. Two hashes within distance r agree within ⌊r/4⌋ bits on at least
 * one chunk, so a search probes only the chunk values that close to the query's and checks the
 * few hashes filed there. The probes do not depend on the index size; the candidates grow with
 * it at a small fraction (≈ 0.8 % of random hashes for r ≤ 11), so a search costs far less than
 * a scan. Radius up to 15 bits.
 */
export class HammingIndex<T> {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private values: T[] = [];
  private readonly tables: Array<Map<number, number[]>> = Array.from({ length: CHUNKS }, () => new Map());
  private seen = new Uint32Array(1024);
  private stamp = 0;

  /** Number of hashes filed. */
  get size(): number {
    return this.values.length;
  }

  /** File a 64-bit hash (16 hex digits) with the value it stands for. */
  add(hex: string, value: T): void {
    const words = hexToWords(hex);
    if (words.length !== 2) throw new RangeError(`the index holds 64-bit hashes (16 hex digits), got ${hex.length * 4} bits`);
    this.addWords(words[0]!, words[1]!, value);
  }

  /** File a hash given as two 32-bit words (high, low); for bulk loading. */
  addWords(high: number, low: number, value: T): void {
    const id = this.values.length;
    if (id === this.high.length) this.grow();
    this.high[id] = high >>> 0;
    this.low[id] = low >>> 0;
    this.values.push(value);
    const chunks = chunksOf(high, low);
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const table = this.tables[chunk]!;
      const bucket = table.get(chunks[chunk]!);
      if (bucket) bucket.push(id);
      else table.set(chunks[chunk]!, [id]);
    }
  }

  /** Every filed hash within `radius` bits of the query, nearest first. */
  search(hex: string, radius: number): Array<HammingHit<T>> {
    const words = hexToWords(hex);
    if (words.length !== 2) throw new RangeError(`the index holds 64-bit hashes (16 hex digits), got ${hex.length * 4} bits`);
    return this.searchWords(words[0]!, words[1]!, radius);
  }

  searchWords(high: number, low: number, radius: number): Array<HammingHit<T>> {
    if (!Number.isInteger(radius) || radius < 0 || radius > 15) throw new RangeError(`radius must be a whole number from 0 to 15, got ${radius}`);
    const hits: Array<HammingHit<T>> = [];
    const stamp = this.nextStamp();
    const queryChunks = chunksOf(high, low);
    const chunkRadius = Math.floor(radius / CHUNKS);
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const table = this.tables[chunk]!;
      neighbours(queryChunks[chunk]!, chunkRadius, (probe) => {
        const bucket = table.get(probe);
        if (!bucket) return;
        for (const id of bucket) {
          if (this.seen[id] === stamp) continue;
          this.seen[id] = stamp;
          const distance = popcount32((this.high[id]! ^ high) >>> 0) + popcount32((this.low[id]! ^ low) >>> 0);
          if (distance <= radius) hits.push({ value: this.values[id]!, distance });
        }
      });
    }
    return hits.sort((left, right) => left.distance - right.distance);
  }

  private nextStamp(): number {
    if (this.seen.length < this.values.length) {
      const seen = new Uint32Array(this.high.length);
      this.seen = seen;
      this.stamp = 0;
    }
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  private grow(): void {
    const high = new Uint32Array(this.high.length * 2);
    high.set(this.high);
    this.high = high;
    const low = new Uint32Array(this.low.length * 2);
    low.set(this.low);
    this.low = low;
  }
}

function chunksOf(high: number, low: number): [number, number, number, number] {
  return [(high >>> 16) & 0xffff, high & 0xffff, (low >>> 16) & 0xffff, low & 0xffff];
}
