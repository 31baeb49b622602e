/**
 * Per-character folding for the normaliser: what a code point becomes (NFKC, lower case,
 * diacritics stripped) and which code points vanish (zero-width, bidi controls, variation
 * selectors). Results for non-ASCII code points are cached because `String#normalize` is the
 * slowest step of normalising a post.
 */

const foldCache = new Map<number, string>();
// Caches are keyed by code point; a post full of rare characters must not grow them forever.
const CACHE_LIMIT = 20_000;
function remember<T>(cache: Map<number, T>, key: number, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK = /\p{M}/gu;

/**
 * Zero-width characters, bidi controls, soft hyphen and variation selectors: removed before
 * matching so "du\u200Bkung" and "\u202Edukung" cannot hide a word.
 */
export function isInvisible(codePoint: number): boolean {
  return (
    codePoint === 0x00ad ||
    codePoint === 0x034f ||
    codePoint === 0x061c ||
    codePoint === 0x180e ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** Whether a code point is a combining mark (it belongs to the letter before it). */
export function isCombiningMark(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  let mark = markCache.get(codePoint);
  if (mark === undefined) {
    mark = remember(markCache, codePoint, /^\p{M}$/u.test(String.fromCodePoint(codePoint)));
  }
  return mark;
}

const markCache = new Map<number, boolean>();
const upperCache = new Map<number, boolean>();

/**
 * The folded form of one code point: NFKC (mathematical bold, fullwidth and circled letters
 * become plain letters), lower case, diacritics removed. May be empty or longer than one char.
 */
export function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x80) {
    return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 32) : String.fromCharCode(codePoint);
  }
  const cached = foldCache.get(codePoint);
  if (cached !== undefined) return cached;
  const folded = String.fromCodePoint(codePoint).normalize('NFKC').toLowerCase().normalize('NFD').replace(MARK, '').normalize('NFC');
  return remember(foldCache, codePoint, folded);
}

/** Whether the folded code point starts with an upper-case letter (used to split camelCase hashtags). */
export function isUpperCase(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a;
  let upper = upperCache.get(codePoint);
  if (upper === undefined) {
    const text = String.fromCodePoint(codePoint).normalize('NFKC');
    upper = remember(upperCache, codePoint, text !== text.toLowerCase());
  }
  return upper;
}

const wordCharCache = new Map<number, boolean>();

/** Whether a (folded) code unit or code point is a letter or digit. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a);
  }
  const cached = wordCharCache.get(codePoint);
  if (cached !== undefined) return cached;
  return remember(wordCharCache, codePoint, WORD_CHAR.test(String.fromCodePoint(codePoint)));
}

/** Pictographic emoji (☝ ✌ 🤟 👍 ...), regional indicators for flags included. */
export function isEmojiBase(codePoint: number): boolean {
  if (codePoint < 0xa9) return false;
  if (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) return true;
  // Every non-ASCII character of a post is asked this first: remember the answers.
  const cached = emojiCache.get(codePoint);
  if (cached !== undefined) return cached;
  return remember(emojiCache, codePoint, EMOJI_BASE.test(String.fromCodePoint(codePoint)));
}

const emojiCache = new Map<number, boolean>();
const EMOJI_BASE = /^\p{Extended_Pictographic}$/u;

/** Skin-tone modifiers: dropped from an emoji token so ✌🏽 and ✌ are the same gesture. */
export function isSkinTone(codePoint: number): boolean {
  return codePoint >= 0x1f3fb && codePoint <= 0x1f3ff;
}
