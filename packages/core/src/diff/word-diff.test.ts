import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeWords, wordDiff, wordSimilarity } from './word-diff.js';

const join = (segments: ReturnType<typeof wordDiff>, keep: 'insert' | 'delete'): string =>
  segments
    .filter((segment) => segment.op === 'equal' || segment.op === keep)
    .map((segment) => segment.text)
    .join('');

// Texts built from a small vocabulary so generated pairs share words and the diff has work to do.
const word = fc.constantFrom('dukung', 'paslon', 'nomor', '02', 'Pilkada', 'Belitung', 'Timur', 'ASN', '😀', 'saya');
const space = fc.constantFrom(' ', '  ', '\n', '\t ');
const text = fc.array(fc.tuple(word, space), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('word-level text diff', () => {
  it('reproduces the text before and after from its segments', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), fc.oneof(text, fc.string({ unit: 'grapheme' })), (before, after) => {
        const segments = wordDiff(before, after);
        expect(join(segments, 'delete')).toBe(before);
        expect(join(segments, 'insert')).toBe(after);
      }),
      { numRuns: 1000 },
    );
  });

  it('still reproduces both texts when the edit distance cap forces the coarse fallback', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = wordDiff(before, after, { maxEditDistance: 1 });
        expect(join(segments, 'delete')).toBe(before);
        expect(join(segments, 'insert')).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('marks only the changed word of a typo fix', () => {
    expect(wordDiff('Dukung paslon nomor 2 ya', 'Dukung paslon nomor 02 ya')).toEqual([
      { op: 'equal', text: 'Dukung paslon nomor ' },
      { op: 'delete', text: '2' },
      { op: 'insert', text: '02' },
      { op: 'equal', text: ' ya' },
    ]);
  });

  it('finds a shortest script: one inserted word costs one insert', () => {
    const segments = wordDiff('a b c d', 'a b x c d');
    expect(segments.filter((segment) => segment.op !== 'equal')).toEqual([{ op: 'insert', text: 'x ' }]);
  });

  it('keeps line breaks and repeated spaces as tokens', () => {
    expect(tokenizeWords('satu  dua\ntiga')).toEqual(['satu', '  ', 'dua', '\n', 'tiga']);
  });

  it('rates similar texts near 1 and unrelated texts near 0', () => {
    expect(wordSimilarity('Ayo pilih nomor 2 besok', 'Ayo pilih nomor 02 besok')).toBeGreaterThan(0.7);
    expect(wordSimilarity('Ayo pilih nomor 2', 'Rapat dinas pagi ini')).toBe(0);
    expect(wordSimilarity('', '')).toBe(1);
  });
});
