import { describe, expect, it } from 'vitest';
import { RangeMemo, rangeHash } from './range-memo.js';

interface Kept {
  key: string;
  hash: number;
  value: number;
}
const hashOf = (key: string) => rangeHash(key, 0, key.length);

describe('RangeMemo', () => {
  it('finds a kept key as a range of another string, by its characters', () => {
    const memo = new RangeMemo<Kept>(100);
    memo.set({ key: 'dukung', hash: rangeHash('ayo dukung', 4, 10), value: 1 });
    expect(memo.get('dukung', 0, 6, hashOf('dukung'))?.value).toBe(1);
    expect(memo.get('mendukung!', 3, 9, rangeHash('mendukung!', 3, 9))?.value).toBe(1);
    expect(memo.get('Dukung', 0, 6, hashOf('Dukung'))).toBeUndefined();
    expect(memo.get('dukun', 0, 5, hashOf('dukun'))).toBeUndefined();
  });

  it('tells apart keys whose hashes collide by comparing their characters', () => {
    const memo = new RangeMemo<Kept>(100);
    // The same hash for every key: every look-up walks the probe chain and compares characters.
    const words = ['pilih', 'pilihan', 'coblos', 'menang', 'pilih2', 'Pilih'];
    words.forEach((key, value) => memo.set({ key, hash: 7, value }));
    words.forEach((word, value) => expect(memo.get(` ${word} `, 1, word.length + 1, 7)?.value).toBe(value));
    expect(memo.get('pili', 0, 4, 7)).toBeUndefined();
    expect(memo.get('pilih', 0, 5, hashOf('pilih'))).toBeUndefined();
  });

  it('keeps every key while it grows, and empties itself at its limit', () => {
    const memo = new RangeMemo<Kept>(5000);
    const key = (index: number) => `w${index.toString(36)}`;
    for (let index = 0; index < 5000; index++) memo.set({ key: key(index), hash: hashOf(key(index)), value: index });
    expect(memo.size).toBe(5000);
    for (let index = 0; index < 5000; index++) expect(memo.get(key(index), 0, key(index).length, hashOf(key(index)))?.value).toBe(index);
    memo.set({ key: 'lagi', hash: hashOf('lagi'), value: -1 });
    expect(memo.size).toBe(1);
    expect(memo.get(key(1), 0, key(1).length, hashOf(key(1)))).toBeUndefined();
    expect(memo.get('lagi', 0, 4, hashOf('lagi'))?.value).toBe(-1);
  });
});
