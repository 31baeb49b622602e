import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

const surface = (text: string): string => normalizeText(text).text;

// The disguises of issue 14: what the normaliser must see through, and what it must leave alone.
describe('normalizeText on disguised words', () => {
  it('reads Cyrillic and Greek look-alikes inside Latin words as Latin letters', () => {
    expect(surface('k\u0430fir B\u0430gus \u0440\u0456l\u0456h \u039ca\u0455 \u03bfr\u0430ng')).toBe('kafir bagus pilih mas orang');
  });

  it('joins words split by marks inside them, and reads ! @ $ between letters as i, a, s', () => {
    expect(surface('ka.fir pen*datang ba_smi C!na h@jar u$ir')).toBe('kafir pendatang basmi cina hajar usir');
  });

  it('keeps domains, sentence breaks and spelled-out letters as they were', () => {
    expect(surface('kpu.go.id Ayo dukung.Coblos besok p.i.l.i.h')).toBe('kpu go id ayo dukung coblos besok pilih');
  });

  it('folds leetspeak across the whole word, its ends included', () => {
    expect(surface('1n1 d1 p4pu4 53m0g4 y4 4ll4h')).toBe('ini di papua semoga ya allah');
  });

  it('leaves codes, amounts and ballot numbers that merely look like leetspeak', () => {
    expect(surface('rt05 covid19 100rb no1 3x')).toBe('rt 05 covid 19 100 ribu nomor 1 3x');
  });

  it('drops emoji outside the kept set, so a phrase reads through them', () => {
    const kept = new Set(['✌']);
    expect(normalizeText('istri 🔥 simpanan ✌ 2️⃣', { keepEmoji: kept }).text).toBe('istri simpanan ✌ 2\u20e3');
    expect(normalizeText('istri 🔥 simpanan').text).toBe('istri 🔥 simpanan');
  });

  it('maps a joined word back to the whole of what was written', () => {
    const normalized = normalizeText('dasar ka.fir!');
    const token = normalized.tokens[1]!;
    expect(normalized.original.slice(token.originalStart, token.originalEnd)).toBe('ka.fir');
  });
});
