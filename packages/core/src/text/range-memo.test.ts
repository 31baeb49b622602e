import { describe, expect, it } from 'vitest';
import { packOfDigits, packStep, RangeMemo, rangeHash, rangePack } from './range-memo.js';

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

  it('packs a short ASCII range into a number no other range shares, and nothing else', () => {
    const ranges = ['', 'a', 'ab', 'ba', 'ab\0', '\0ab', 'a\0b', 'abcdefg', 'zzzzzzz', '0000000', '\0\0\0\0\0\0\0'];
    const packs = ranges.map((range) => rangePack(` ${range} `, 1, range.length + 1));
    expect(new Set(packs).size).toBe(ranges.length);
    for (const pack of packs) expect(pack >= 0 && pack < 2 ** 52 && Number.isInteger(pack)).toBe(true);
    // What a reader builds step by step is the same number.
    for (const range of ranges) expect(packOfDigits([...range].reduce((digits, char) => packStep(digits, char.charCodeAt(0)), 0), range.length)).toBe(rangePack(range, 0, range.length));
    expect(rangePack('abcdefgh', 0, 8)).toBe(-1);
    expect(rangePack('café', 0, 4)).toBe(-1);
    expect(packOfDigits(0, 8)).toBe(-1);
  });

  it('finds short keys by their pack and the others by their characters, whatever their hashes', () => {
    const memo = new RangeMemo<Kept>(100);
    const keys = ['ab', 'ab\0', '\0ab', 'abcdefg', 'abcdefgh', 'abcdefgi', 'café', 'cafe', 'Cafe'];
    keys.forEach((key, value) => memo.set({ key, hash: 7, value }));
    keys.forEach((key, value) => expect(memo.get(`#${key}!`, 1, key.length + 1, 7)?.value).toBe(value));
    for (const absent of ['a', 'abcdefj', 'abcdefgj', 'caf', 'cafè', 'CAFE']) expect(memo.get(absent, 0, absent.length, 7)).toBeUndefined();
    // For a short key the pack decides: a look-up given another range's pack finds nothing.
    expect(memo.get('ab', 0, 2, 7, rangePack('ba', 0, 2))).toBeUndefined();
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

  it('keeps no key beyond a short walk from its home slot, so colliding words cannot slow every look-up', () => {
    const memo = new RangeMemo<Kept>(50_000);
    // "Aa" and "BB" hash alike under the range hash; 2^12 words built from them all share one hash.
    const words = Array.from({ length: 4096 }, (_, index) => Array.from({ length: 12 }, (__, bit) => ((index >> bit) & 1 ? 'Aa' : 'BB')).join(''));
    expect(new Set(words.map(hashOf)).size).toBe(1);
    words.forEach((key, value) => memo.set({ key, hash: hashOf(key), value }));
    expect(memo.size).toBe(64);
    words.slice(0, 64).forEach((word, value) => expect(memo.get(word, 0, word.length, hashOf(word))?.value).toBe(value));
    expect(memo.get(words[4095]!, 0, 24, hashOf(words[4095]!))).toBeUndefined();
  });
});
