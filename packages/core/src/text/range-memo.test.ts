import { describe, expect, it } from 'vitest';
import { RangeMemo, rangeHash } from './range-memo.js';

describe('RangeMemo', () => {
  it('finds a range of another string by its characters, not by where it was kept from', () => {
    const memo = new RangeMemo<string>(100);
    memo.set('ayo dukung', 4, 10, rangeHash('ayo dukung', 4, 10), 'kept');
    expect(memo.get('dukung', 0, 6, rangeHash('dukung', 0, 6))).toBe('kept');
    expect(memo.get('mendukung!', 3, 9, rangeHash('mendukung!', 3, 9))).toBe('kept');
    expect(memo.get('Dukung', 0, 6, rangeHash('Dukung', 0, 6))).toBeUndefined();
    expect(memo.get('dukun', 0, 5, rangeHash('dukun', 0, 5))).toBeUndefined();
  });

  it('tells apart keys whose hashes collide by comparing their characters', () => {
    const memo = new RangeMemo<number>(100);
    // The same hash for every key: every look-up walks the probe chain and compares characters.
    const words = ['pilih', 'pilihan', 'coblos', 'menang', 'pilih2', 'Pilih'];
    words.forEach((word, index) => memo.set(word, 0, word.length, 7, index));
    words.forEach((word, index) => expect(memo.get(word, 0, word.length, 7)).toBe(index));
    expect(memo.get('pili', 0, 4, 7)).toBeUndefined();
    expect(memo.get('pilih', 0, 5, rangeHash('pilih', 0, 5))).toBeUndefined();
  });

  it('keeps every key while it grows, and empties itself at its limit', () => {
    const memo = new RangeMemo<number>(5000);
    const key = (index: number) => `w${index.toString(36)}`;
    for (let index = 0; index < 5000; index++) memo.set(key(index), 0, key(index).length, rangeHash(key(index), 0, key(index).length), index);
    expect(memo.size).toBe(5000);
    for (let index = 0; index < 5000; index++) expect(memo.get(key(index), 0, key(index).length, rangeHash(key(index), 0, key(index).length))).toBe(index);
    memo.set('lagi', 0, 4, rangeHash('lagi', 0, 4), -1);
    expect(memo.size).toBe(1);
    expect(memo.get(key(1), 0, key(1).length, rangeHash(key(1), 0, key(1).length))).toBeUndefined();
    expect(memo.get('lagi', 0, 4, rangeHash('lagi', 0, 4))).toBe(-1);
  });
});
