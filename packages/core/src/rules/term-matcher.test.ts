import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTermMatcher, wordUnits, type TermHit } from './term-matcher.js';
import { stringForms } from '../text/__fixtures__/string-forms.js';

/** The reference: every term searched separately with indexOf, same boundary rule. */
function naiveFindAll(terms: readonly string[], text: string): TermHit[] {
  const words = wordUnits();
  const hits: TermHit[] = [];
  terms.forEach((term, index) => {
    if (term.length === 0) return;
    for (let start = text.indexOf(term); start >= 0; start = text.indexOf(term, start + 1)) {
      const end = start + term.length;
      const leftOk = words[term.charCodeAt(0)] !== 1 || start === 0 || words[text.charCodeAt(start - 1)] !== 1;
      const rightOk = words[term.charCodeAt(term.length - 1)] !== 1 || end === text.length || words[text.charCodeAt(end)] !== 1;
      if (leftOk && rightOk) hits.push({ term: index, start, end });
    }
  });
  return hits;
}

const key = (hit: TermHit): string => `${hit.start}:${hit.end}:${hit.term}`;
const sorted = (hits: TermHit[]): string[] => hits.map(key).sort();

// Pieces chosen to collide: shared prefixes and suffixes, emoji, combining marks, CRLF.
const PIECES = ['a', 'an', 'ang', 'dukung', 'du', 'kung', 'ng', 'pilih', 'pil', 'coblos', '02', '2', '0', ' ', ' ', '\r\n', '\n', '.', '#', 'é', 'e\u0301', '\u0301', '☝', '✌️', '1️⃣', '👍🏽', '🇮🇩', 'ñ', 'İ', 'ß', '中文', 'ي', '\u200b', 'x', 'menang', 'me', 'nang'];
const piece = fc.constantFrom(...PIECES);
const documentArb = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const termArb = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')).filter((term) => term.length > 0);

describe('compileTermMatcher', () => {
  it('finds whole words only, overlapping matches included', () => {
    const matcher = compileTermMatcher(['dukung', 'kung', 'ayo dukung', 'menang']);
    const hits = matcher.findAll('ayo dukung! mendukung menang');
    expect(hits.map((hit) => matcher.terms[hit.term])).toEqual(['ayo dukung', 'dukung', 'menang']);
  });

  it('reports duplicate terms under each index', () => {
    const matcher = compileTermMatcher(['pilih', 'pilih']);
    expect(sorted(matcher.findAll('ayo pilih'))).toEqual(['4:9:0', '4:9:1']);
  });

  it('matches emoji terms next to other emoji and letters', () => {
    const matcher = compileTermMatcher(['☝', '2⃣']);
    expect(matcher.findAll('ok☝☝ 2⃣ x').map(key)).toEqual(['2:3:0', '3:4:0', '5:7:1']);
  });

  it('finds the same hits in a text whatever its internal string form (sliced, concatenated, two bytes a character, flat)', () => {
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 1, maxLength: 10 }), documentArb, (terms, document) => {
        const matcher = compileTermMatcher(terms);
        const expected = sorted(naiveFindAll(terms, document));
        for (let round = 0; round < 3; round++) for (const form of stringForms(document)) expect(sorted(matcher.findAll(form))).toEqual(expected);
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('agrees with a naive per-term search on 10,000 random documents (0 mismatches)', () => {
    let mismatches = 0;
    let firstMismatch: unknown;
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 1, maxLength: 25 }), fc.array(documentArb, { minLength: 50, maxLength: 50 }), (terms, documents) => {
        const matcher = compileTermMatcher(terms);
        for (const document of documents) {
          const fast = sorted(matcher.findAll(document));
          const slow = sorted(naiveFindAll(terms, document));
          if (JSON.stringify(fast) !== JSON.stringify(slow)) {
            mismatches++;
            firstMismatch ??= { terms, document, fast, slow };
          }
        }
      }),
      { numRuns: 200, seed: 20241127 },
    );
    expect(firstMismatch).toBeUndefined();
    expect(mismatches).toBe(0);
  });

  it('costs one table lookup per character regardless of term count (state count is bounded by term length)', () => {
    const terms = Array.from({ length: 500 }, (_, index) => `istilah${index}`);
    const matcher = compileTermMatcher(terms);
    expect(matcher.stateCount).toBeLessThanOrEqual(terms.join('').length + 1);
    expect(matcher.findAll('ada istilah42 dan istilah499').map((hit) => terms[hit.term])).toEqual(['istilah42', 'istilah499']);
  });
});
