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
 * Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, the subset seen in
 * disguised posts): "kаfir" with a Cyrillic "а" must read as "kafir". Indonesian posts do not
 * use these scripts for their own words, so folding them costs nothing in meaning.
 */
const LOOKALIKES: ReadonlyMap<number, string> = new Map(
  Object.entries({
    a: '\u0430\u0410\u03b1\u0391', b: '\u0412\u0392\u044c\u0432', c: '\u0441\u0421\u03f2', e: '\u0435\u0415\u0395\u0451\u0401', h: '\u04bb\u041d\u0397\u043d', i: '\u0456\u0406\u03b9\u0399\u0457',
    j: '\u0458\u0408', k: '\u043a\u041a\u03ba\u039a', m: '\u043c\u041c\u039c', n: '\u03b7\u039d\u043f', o: '\u043e\u041e\u03bf\u039f\u03c3', p: '\u0440\u0420\u03c1\u03a1', s: '\u0455\u0405',
    t: '\u0442\u0422\u03c4\u03a4', u: '\u03c5', v: '\u03bd\u0475', x: '\u0445\u0425\u03c7\u03a7', y: '\u0443\u0423\u03a5\u04af', z: '\u0396', w: '\u0448\u03c9', r: '\u0433', g: '\u0261', d: '\u0501', l: '\u04cf',
  }).flatMap(([latin, lookalikes]) => [...lookalikes].map((char) => [char.codePointAt(0)!, latin] as const)),
);

/**
 * The folded form of one code point: NFKC (mathematical bold, fullwidth and circled letters
 * become plain letters), lower case, diacritics removed, Cyrillic and Greek look-alikes of
 * Latin letters made Latin. May be empty or longer than one char.
 */
export function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x80) {
    return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 32) : String.fromCharCode(codePoint);
  }
  const cached = foldCache.get(codePoint);
  if (cached !== undefined) return cached;
  // Upper and lower case of a look-alike may look like different Latin letters (Greek Ν, ν).
  const direct = LOOKALIKES.get(codePoint);
  if (direct !== undefined) return remember(foldCache, codePoint, direct);
  let folded = String.fromCodePoint(codePoint).normalize('NFKC').toLowerCase().normalize('NFD').replace(MARK, '').normalize('NFC');
  // After NFKC: a compatibility form may itself become a look-alike (U+1E030 → Cyrillic "а").
  if (codePoint >= 0x370) folded = [...folded].map((char) => LOOKALIKES.get(char.codePointAt(0)!) ?? char).join('');
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
