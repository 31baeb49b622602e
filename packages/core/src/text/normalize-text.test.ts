import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan, type NormalizeOptions } from './normalize-text.js';
import { stringForms } from './__fixtures__/string-forms.js';

const surface = (text: string): string => normalizeText(text).text;
const roots = (text: string): string => normalizeText(text).rootText;

describe('normalizeText', () => {
  it('folds case, fancy letters and fullwidth forms', () => {
    expect(surface('𝐃𝐔𝐊𝐔𝐍𝐆 ＡＲＭＡＮ Ⓐrman 𝓹𝓲𝓵𝓲𝓱')).toBe('dukung arman arman pilih');
  });

  it('removes zero-width and bidi controls so they cannot split a word', () => {
    expect(surface('du\u200bkung \u202epilih\u202c co\u2060blos')).toBe('dukung pilih coblos');
  });

  it('squeezes letters repeated three or more times but keeps pairs', () => {
    expect(surface('menanggg menaaang maaf')).toBe('menang menang maaf');
  });

  it('folds leetspeak inside words but keeps standalone ballot numbers', () => {
    expect(surface('c0bl0s p1l1h 02 no 1 01')).toBe('coblos pilih 02 nomor 1 01');
  });

  it('keeps reduplication, times, dates and "3x" from reading as ballot numbers', () => {
    expect(surface('hati2 jam 01.00 tgl 27/11 3x')).toBe('hati hati jam 01.00 tgl 27/11 3x');
  });

  it('expands informal spellings and abbreviations', () => {
    expect(surface('yg gk dgn utk bgt sy tdk nmr 2')).toBe('yang tidak dengan untuk banget saya tidak nomor 2');
  });

  it('splits hashtags at camelCase and digits', () => {
    expect(surface('#ArmanRinaMenang #AyoCoblosNomor2 #Coblos2')).toBe('arman rina menang ayo coblos nomor 2 coblos 2');
  });

  it('keeps emoji as tokens, with keycaps and skin tones folded', () => {
    expect(surface('salam ☝️ ✌🏽 1️⃣2️⃣3️⃣')).toBe('salam ☝ ✌ 1\u20e3 2\u20e3 3\u20e3');
  });

  it('joins spelled-out letters', () => {
    expect(surface('ayo c o b l o s p.i.l.i.h')).toBe('ayo coblos pilih');
  });

  it('reduces affixed forms to their root', () => {
    expect(roots('dukung dukunglah mendukung didukung menangkan pemenangan memenangkan kemenangan mencoblos nyoblos pilihlah memilih')).toBe(
      'dukung dukung dukung dukung menang menang menang menang coblos coblos pilih pilih',
    );
  });

  it('leaves roots alone where stripping would break them', () => {
    expect(roots('menang pilih bagus')).toBe('menang pilih bagus');
  });

  it('maps every token back into the original text', () => {
    const original = 'Ayo #ArmanRinaMenang, 𝐃𝐔𝐊𝐔𝐍𝐆 no 1 ☝️!';
    const normalized = normalizeText(original);
    expect(normalized.tokens.map((token) => original.slice(token.originalStart, token.originalEnd))).toEqual(['Ayo', 'Arman', 'Rina', 'Menang', '𝐃𝐔𝐊𝐔𝐍𝐆', 'no', '1', '☝️']);
    const start = normalized.text.indexOf('dukung');
    expect(toOriginalSpan(normalized, start, start + 'dukung nomor 1'.length)).toEqual({ start: original.indexOf('𝐃'), end: original.indexOf(' ☝') });
  });
});

const PIECES = ['a', 'B', 'dukung', 'Menang', '0', '2', '02', ' ', ' ', '\r\n', '.', '#', '#Ayo', 'Coblos', 'e\u0301', '\u0301', '☝️', '✌🏽', '1️⃣', '\u200b', '\u202e', '𝐀', 'Ａ', 'Ⓐ', 'yg', 'hati2', 'c0bl0s', '中', 'ß', 'İ', '-', '/', ':', '🇮🇩', '\ufe0f', '\u200d'];
const textArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('normalizeText properties', () => {
  it('breaks words at a space exactly as at a tab, which takes the general path (the space shortcut changes nothing)', () => {
    let compared = 0;
    fc.assert(
      fc.property(textArb, (original) => {
        if (!original.includes(' ')) return;
        const tabbed = normalizeText(original.replaceAll(' ', '\t'));
        // Single letters are joined across spaces ("c o b l o s") but not across tabs: those texts differ on purpose.
        if (tabbed.tokens.some((token) => token.kind === 'word' && token.text.length === 1)) return;
        expect(normalizeText(original).tokens).toEqual(tabbed.tokens);
        compared++;
      }),
      { numRuns: 6000, seed: 7 },
    );
    expect(compared).toBeGreaterThan(150);
  });

  it('reads a run of ASCII letters and digits the same on its shortcut as through the general path', () => {
    // A zero-width space after the run sends it through the general path without changing a token.
    const slow = (text: string) => {
      const { text: surface, rootText, tokens } = normalizeText(`${text}\u200b`);
      return { surface, rootText, tokens };
    };
    const fast = (text: string) => {
      const { text: surface, rootText, tokens } = normalizeText(text);
      return { surface, rootText, tokens };
    };
    const samples = ['hati2', 'Org2', 'no2', 'a2', 'ibu2', 'rekan2', '27', '02', 'Menanggg2', 'yg2', 'gpp', 'rt05', '100rb', 'c0bl0s', 'Pilkada', 'KPU', 'coblos2x'];
    for (const sample of samples) expect(fast(sample), sample).toEqual(slow(sample));
    const run = fc.array(fc.constantFrom(...'aAbgknoprtyz0123456789'), { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(run, run.map((letters) => `${letters.replace(/\d/g, '')}2`)), (text) => {
        expect(fast(text)).toEqual(slow(text));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('reads a repeated ASCII run from the run memo exactly as the general path reads it, wherever it stands', () => {
    // A zero-width space after each run sends it through the general path (no memo); the offsets
    // are then mapped back to the text without those characters.
    const general = (words: readonly string[], options: NormalizeOptions) => {
      const slowOriginal = words.map((word) => `${word}\u200b`).join(' ');
      const back = (offset: number) => offset - (slowOriginal.slice(0, offset).match(/\u200b/g)?.length ?? 0);
      const normalized = normalizeText(slowOriginal, options);
      return { text: normalized.text, rootText: normalized.rootText, tokens: normalized.tokens.map((token) => ({ ...token, originalStart: back(token.originalStart), originalEnd: back(token.originalEnd) })) };
    };
    const memo = (words: readonly string[], options: NormalizeOptions) => {
      const { text, rootText, tokens } = normalizeText(words.join(' '), options);
      return { text, rootText, tokens };
    };
    const rootSets: NormalizeOptions[] = [{}, { roots: new Set(['menang', 'coblos']) }, { roots: new Set() }];
    const run = fc.array(fc.constantFrom(...'aAbgkmnoprtyzMK0123456789'), { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
    const word = fc.oneof(run, fc.constantFrom('Coblos2', 'memenangkan', 'Menangkan', 'no', '1', 'hati2', 'yg', 'c0bl0s', 'dll', 'gpp', '100rb'));
    const words = fc.array(fc.oneof(word, word.map((text) => `#${text}`)), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(words, fc.nat(rootSets.length - 1), (list, which) => {
        const options = rootSets[which]!;
        const first = memo(list, options);
        // The second reading of every run is a memo hit.
        expect(memo(list, options)).toEqual(first);
        expect(first).toEqual(general(list, options));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('reads a text the same in every internal string form it may arrive in (sliced, concatenated, two bytes a character, flat)', () => {
    const ascii = fc.array(fc.constantFrom('Hari', 'ini', 'rapat', 'KPU', 'hati2', 'no', '1', '27/11', 'c0bl0s', ' ', ', ', '#PilkadaDamai', '🙏', '1️⃣', 'yg'), { maxLength: 25 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(textArb, ascii), (original) => {
        const expected = JSON.stringify(normalizeText(original));
        for (let round = 0; round < 3; round++) for (const form of stringForms(original)) expect(JSON.stringify(normalizeText(form))).toBe(expected);
      }),
      { numRuns: 800, seed: 12 },
    );
  });

  it('reads runs of letters far longer than a word (a pasted code) as one token, in one- and two-byte texts, first and repeated', () => {
    for (const length of [64, 65, 300_000]) {
      const run = `a${'bc'.repeat(length >> 1)}`.slice(0, length);
      for (const original of [`x ${run} y`, `x ${run} \u{1f64f}`]) {
        for (let round = 0; round < 2; round++) {
          const { tokens, text } = normalizeText(original);
          expect(tokens.map((token) => [token.text, token.originalStart, token.originalEnd])).toEqual([['x', 0, 1], [run, 2, 2 + length], ...(original.endsWith('y') ? [['y', 3 + length, 4 + length]] : [['\u{1f64f}', 3 + length, 5 + length]])]);
          expect(text).toBe(original);
        }
      }
    }
  });

  it('keeps apart in its run memo what changes a run: a leading "#", its case, the roots set', () => {
    expect(normalizeText('#Coblos2').tokens.map((token) => [token.text, token.fromHashtag])).toEqual([['coblos', true], ['2', true]]);
    expect(normalizeText('Coblos2').tokens.map((token) => [token.text, token.fromHashtag])).toEqual([['coblos', false], ['2', false]]);
    expect(normalizeText('#ArmanRina').text).toBe('arman rina');
    expect(normalizeText('ArmanRina').text).toBe('armanrina');
    expect(normalizeText('#armanrina').text).toBe('armanrina');
    expect(normalizeText('memenangkan', { roots: new Set(['menang']) }).rootText).toBe('menang');
    expect(normalizeText('memenangkan', { roots: new Set(['pilih']) }).rootText).toBe('memenangkan');
    expect(normalizeText('memenangkan', { roots: new Set(['menang']) }).rootText).toBe('menang');
  });

  it('gives every token its fields in one order, so its JSON stays the same', () => {
    fc.assert(
      fc.property(textArb, (original) => {
        for (const token of normalizeText(original).tokens) expect(Object.keys(token)).toEqual(['text', 'root', 'kind', 'start', 'end', 'rootStart', 'rootEnd', 'originalStart', 'originalEnd', 'fromHashtag']);
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('every token points at a non-empty, in-order slice of the original', () => {
    fc.assert(
      fc.property(textArb, (original) => {
        const { tokens, text, rootText } = normalizeText(original);
        let previousStart = 0;
        for (const token of tokens) {
          expect(token.originalStart).toBeGreaterThanOrEqual(previousStart);
          expect(token.originalEnd).toBeGreaterThan(token.originalStart);
          expect(token.originalEnd).toBeLessThanOrEqual(original.length);
          expect(text.slice(token.start, token.end)).toBe(token.text);
          expect(rootText.slice(token.rootStart, token.rootEnd)).toBe(token.root);
          previousStart = token.originalStart;
        }
      }),
      { numRuns: 2000, seed: 6 },
    );
  });

  it('any span of the normalised text maps to a slice of the original inside the tokens it touches', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (original, a, b) => {
        const normalized = normalizeText(original);
        if (normalized.text.length === 0) return;
        const start = a % normalized.text.length;
        const end = start + 1 + (b % (normalized.text.length - start));
        const span = toOriginalSpan(normalized, start, end);
        if (!span) {
          expect(normalized.text.slice(start, end).trim()).toBe('');
          return;
        }
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(original.length);
      }),
      { numRuns: 6000, seed: 7 },
    );
  });

  it('a plain lower-case word maps back to the same letters in the original', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('dukung', 'pilih', 'paslon', 'rakyat', 'lembah'), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '\r\n', ', ', ' \u200b '), (words, separator) => {
        const original = words.join(separator);
        const normalized = normalizeText(original);
        for (const token of normalized.tokens) expect(original.slice(token.originalStart, token.originalEnd)).toBe(token.text);
      }),
    );
  });

  it('is unchanged by inserted zero-width characters between letters', () => {
    fc.assert(
      fc.property(fc.constantFrom('ayo dukung paslon nomor 2', 'coblos arman rina', 'pilih bagus sekar'), fc.nat(), (text, position) => {
        const at = position % (text.length + 1);
        expect(surface(text.slice(0, at) + '\u200b' + text.slice(at))).toBe(surface(text));
      }),
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(textArb, (original) => {
        const once = surface(original);
        // Spelled-out letters ("a b c") join on a second pass by design.
        fc.pre(!/(^| )\S( \S){2,}( |$)/u.test(once));
        expect(surface(once)).toBe(once);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });
});
