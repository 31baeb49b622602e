import { describe, expect, it } from 'vitest';
import { seededRandom } from './__fixtures__/render-poster.js';
import { hammingDistance } from './hamming-distance.js';
import { HammingIndex } from './hamming-index.js';

function randomHex(random: () => number): string {
  let hex = '';
  for (let index = 0; index < 16; index++) hex += Math.floor(random() * 16).toString(16);
  return hex;
}

function flipBits(hex: string, count: number, random: () => number): string {
  const bits = BigInt(`0x${hex}`);
  const positions = new Set<number>();
  while (positions.size < count) positions.add(Math.floor(random() * 64));
  let flipped = bits;
  for (const position of positions) flipped ^= 1n << BigInt(position);
  return flipped.toString(16).padStart(16, '0');
}

describe('HammingIndex', () => {
  it('returns exactly what a linear scan returns, for every radius up to 15', () => {
    const random = seededRandom(42);
    const index = new HammingIndex<number>();
    const stored: string[] = [];
    for (let id = 0; id < 3000; id++) {
      // Half near a few centres, so the searched radii hold hits.
      const hex = id % 2 === 0 ? randomHex(random) : flipBits(stored[Math.floor(random() * Math.max(1, stored.length))] ?? randomHex(random), 1 + Math.floor(random() * 14), random);
      stored.push(hex);
      index.add(hex, id);
    }
    for (let query = 0; query < 60; query++) {
      const hex = flipBits(stored[Math.floor(random() * stored.length)]!, Math.floor(random() * 10), random);
      const radius = query % 16;
      const expected = stored.map((value, id) => ({ id, distance: hammingDistance(value, hex) })).filter((hit) => hit.distance <= radius);
      const found = index.search(hex, radius);
      expect(found.map((hit) => hit.value).sort((a, b) => a - b)).toEqual(expected.map((hit) => hit.id));
      for (const hit of found) expect(hit.distance).toBe(hammingDistance(stored[hit.value]!, hex));
    }
  });

  it('refuses hashes that are not 64 bits and radii it cannot guarantee', () => {
    const index = new HammingIndex<string>();
    expect(() => index.add('0'.repeat(8), 'x')).toThrow(/64-bit/);
    expect(() => index.search('0'.repeat(16), 16)).toThrow(/radius/);
  });
});
