/**
 * A seeded, deterministic generator of the spellings people use to slip words past filters:
 * leetspeak across whole words, spaced or repeated letters, homoglyphs from other scripts,
 * punctuation inside words and emoji between words. Used to measure how much recall the rules
 * lose on disguised posts (`pnpm eval:rules`); not part of matching.
 */

/** The ways {@link obfuscateText} disguises a text. */
export const OBFUSCATIONS = ['leet', 'spaced', 'repeated', 'homoglyph', 'punctuation', 'emoji'] as const;
export type Obfuscation = (typeof OBFUSCATIONS)[number];

/** Options for {@link obfuscateText}. */
export interface ObfuscateOptions {
  /** Seed of the pseudo-random choices: the same seed and text give the same output. */
  seed: number;
  /** Share of the eligible words disguised. @default 0.5 */
  rate?: number;
}

/** The leet people write in Indonesian posts: vowels and s (a word of digits alone reads as a number to anyone). */
const LEET: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5' };
/** Cyrillic and Greek letters drawn like Latin ones. */
const HOMOGLYPHS: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430', '\u03b1'], e: ['\u0435'], o: ['\u043e', '\u03bf'], p: ['\u0440', '\u03c1'], c: ['\u0441'], x: ['\u0445', '\u03c7'], y: ['\u0443'], i: ['\u0456', '\u03b9'],
  k: ['\u043a', '\u03ba'], s: ['\u0455'], j: ['\u0458'], h: ['\u04bb'], n: ['\u03b7'], u: ['\u03c5'], m: ['\u043c'], t: ['\u0442', '\u03c4'], b: ['\u044c'],
  A: ['\u0410', '\u0391'], B: ['\u0412', '\u0392'], E: ['\u0415', '\u0395'], K: ['\u041a', '\u039a'], M: ['\u041c', '\u039c'], H: ['\u041d', '\u0397'], O: ['\u041e', '\u039f'], P: ['\u0420', '\u03a1'], C: ['\u0421'], T: ['\u0422', '\u03a4'], X: ['\u0425', '\u03a7'], I: ['\u0406', '\u0399'],
};
/** Marks put inside a word; not "-", which Indonesian writes inside words anyway (hati-hati, arak-arakan). */
const PUNCTUATION = ['.', '*', '_'];
const EMOJI = ['🔥', '😡', '🙏', '💯', '👉', '😂', '🤬', '❤️', '👇', '💪'];
const WORD = /[A-Za-z]+/g;

/** mulberry32: small, fast and good enough to spread choices evenly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Disguise `text` one way. Only words of three or more letters are touched; `spaced` never
 * spaces two neighbouring words (that would read as one word to anyone).
 */
export function obfuscateText(text: string, how: Obfuscation, options: ObfuscateOptions): string {
  const next = random(options.seed);
  const rate = options.rate ?? 0.5;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  if (how === 'emoji') {
    return text.replace(/ +/g, (space) => (next() < rate ? ` ${pick(EMOJI)} ` : space));
  }
  let lastSpacedEnd = -2;
  return text.replace(WORD, (word, offset: number) => {
    if (word.length < 3 || next() >= rate) return word;
    switch (how) {
      case 'leet':
        return [...word].map((char) => LEET[char.toLowerCase()] ?? char).join('');
      case 'spaced': {
        if (offset <= lastSpacedEnd + 1) return word;
        lastSpacedEnd = offset + word.length;
        return [...word].join(' ');
      }
      case 'repeated':
        return word + word[word.length - 1]!.repeat(2 + Math.floor(next() * 3));
      case 'homoglyph':
        return [...word].map((char) => (HOMOGLYPHS[char] && next() < 0.6 ? pick(HOMOGLYPHS[char]!) : char)).join('');
      case 'punctuation': {
        const at = 1 + Math.floor(next() * (word.length - 1));
        return `${word.slice(0, at)}${pick(PUNCTUATION)}${word.slice(at)}`;
      }
    }
  });
}
