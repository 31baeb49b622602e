import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { OBFUSCATIONS, obfuscateText } from './obfuscate-text.js';

const TEXT = 'Semoga Bapak Arman menang dan usir semua pendatang dari kampung kita';

describe('obfuscateText', () => {
  it('gives the same output for the same seed and another for another seed', () => {
    for (const how of OBFUSCATIONS) {
      expect(obfuscateText(TEXT, how, { seed: 7 })).toBe(obfuscateText(TEXT, how, { seed: 7 }));
    }
    expect(OBFUSCATIONS.some((how) => obfuscateText(TEXT, how, { seed: 7 }) !== obfuscateText(TEXT, how, { seed: 8 }))).toBe(true);
  });

  it('changes the text every way, and only words of three letters or more', () => {
    for (const how of OBFUSCATIONS) {
      const out = obfuscateText(TEXT, how, { seed: 3, rate: 1 });
      expect(out, how).not.toBe(TEXT);
      if (how !== 'emoji' && how !== 'spaced') expect(out.split(/\s+/).length, how).toBe(TEXT.split(/\s+/).length);
    }
    expect(obfuscateText('di ke ya', 'leet', { seed: 1, rate: 1 })).toBe('di ke ya');
  });

  it('never spaces two neighbouring words', () => {
    const out = obfuscateText('usir semua pendatang', 'spaced', { seed: 1, rate: 1 });
    expect(out).toBe('u s i r semua p e n d a t a n g');
  });

  it('produces disguises the normaliser reads back (leet, homoglyph, repeated, punctuation, emoji)', () => {
    for (const how of ['leet', 'homoglyph', 'repeated', 'punctuation'] as const) {
      expect(normalizeText(obfuscateText('usir pendatang', how, { seed: 5, rate: 1 })).text, how).toBe('usir pendatang');
    }
    expect(normalizeText(obfuscateText('usir pendatang', 'emoji', { seed: 5, rate: 1 }), { keepEmoji: new Set() }).text).toBe('usir pendatang');
  });
});
