import { foldCodePoint, isCombiningMark, isEmojiBase, isInvisible, isSkinTone, isUpperCase, isWordCodePoint } from './char-fold.js';
import { DEFAULT_ROOT_WORDS, MIN_ROOT, stemIndonesian } from './indonesian-stemmer.js';
import { INFORMAL_SPELLINGS } from './informal-spellings.js';
import { hashStep, packOfDigits, packStep, RangeMemo } from './range-memo.js';

/** What a normalised token is. */
export type NormalizedTokenKind = 'word' | 'number' | 'emoji';

/** One token of a normalised text, with where it came from in the original. */
export interface NormalizedToken {
  /** The normalised surface form (lower case, folded, informal spelling expanded). */
  text: string;
  /** The root after stripping Indonesian affixes (equals `text` when none was found). */
  root: string;
  kind: NormalizedTokenKind;
  /** Offsets of `text` in {@link NormalizedText.text} (end exclusive). */
  start: number;
  end: number;
  /** Offsets of `root` in {@link NormalizedText.rootText} (end exclusive). */
  rootStart: number;
  rootEnd: number;
  /** UTF-16 offsets into the original string (end exclusive) of the words the person wrote. */
  originalStart: number;
  originalEnd: number;
  /** The token came from splitting a `#hashtag`. */
  fromHashtag: boolean;
}

/**
 * A normalised text: tokens joined by single spaces, once in surface form (`text`) and once with
 * every word reduced to its root (`rootText`). Both have the same tokens in the same order, so a
 * match in either maps back to the original through {@link NormalizedText.tokens}.
 */
export interface NormalizedText {
  original: string;
  text: string;
  rootText: string;
  tokens: NormalizedToken[];
}

/** Options for {@link normalizeText}. */
export interface NormalizeOptions {
  /**
   * Known roots for affix stripping. Rule compilation passes the built-in roots plus the roots of
   * every root lexicon.
   * @default DEFAULT_ROOT_WORDS
   */
  roots?: ReadonlySet<string>;
  /**
   * Which emoji stay tokens. Given a set, every other emoji is dropped, so "usir 🔥 mereka"
   * reads like "usir mereka" for phrases and distances; keycaps (1⃣ 2⃣) always stay.
   * @default every emoji stays a token
   */
  keepEmoji?: ReadonlySet<string>;
}

/** Words after which a number is a ballot number ("no 1", "nmr 2", "coblos 3"). */
export const BALLOT_CUE_WORDS: ReadonlySet<string> = new Set(['no', 'nmr', 'nomer', 'nomor', 'nmor', 'nomo', 'urut', 'paslon', 'coblos', 'pilih', 'calon', 'pasangan', 'salam', 'nomr']);
const NUMBER_ABBREVIATIONS = new Set(['no', 'nmr', 'nomer', 'nmor', 'nomr', 'nomo']);

/** Leetspeak digits inside words (vocabulary §11): 4→a, 3→e, 1→i, 0→o, 5→s, 7→t, 9/6→g, 8→b. */
const LEET: Readonly<Record<string, string>> = { '4': 'a', '3': 'e', '1': 'i', '0': 'o', '5': 's', '7': 't', '9': 'g', '6': 'g', '8': 'b' };

/** Units written straight after an amount ("100rb", "5jt"); "x" (kali) is not one: "3x" stays whole. */
const UNIT_WORDS: Readonly<Record<string, string>> = { rb: 'ribu', rbu: 'ribu', ribu: 'ribu', k: 'ribu', jt: 'juta', juta: 'juta', m: 'miliar', kg: 'kg', l: 'liter', lt: 'liter', liter: 'liter', ton: 'ton', an: 'an', persen: 'persen' };

const DEFAULT_ROOTS: ReadonlySet<string> = new Set(DEFAULT_ROOT_WORDS);
/**
 * One roots set's stem cache, and a number naming it in the run memo: the memo keeps the
 * number, not the set, so a roots set no longer used (and its cache) can be collected.
 */
interface StemCache {
  readonly id: number;
  readonly byWord: Map<string, string>;
}
const stemCaches = new WeakMap<ReadonlySet<string>, StemCache>();
let stemCacheCount = 0;
const STEM_CACHE_LIMIT = 200_000;
/** Counts the clearings of any stem cache: a root remembered before one is looked up again. */
let stemEpoch = 0;

function stemCacheOf(roots: ReadonlySet<string>): StemCache {
  let cache = stemCaches.get(roots);
  if (!cache) {
    cache = { id: ++stemCacheCount, byWord: new Map() };
    stemCaches.set(roots, cache);
  }
  return cache;
}

/** A token's root: words of more than MIN_ROOT letters are stemmed (once per roots set, then cached). */
function rootOf(surface: string, kind: NormalizedTokenKind, roots: ReadonlySet<string>, cache: Map<string, string>): string {
  // Words of MIN_ROOT letters or fewer are their own root: no cache look-up (nor hashing).
  if (kind !== 'word' || surface.length <= MIN_ROOT) return surface;
  const cached = cache.get(surface);
  if (cached !== undefined) return cached;
  const root = stemIndonesian(surface, roots);
  if (cache.size >= STEM_CACHE_LIMIT) {
    cache.clear();
    stemEpoch++;
  }
  cache.set(surface, root);
  return root;
}

interface RawWord {
  chars: string[];
  starts: number[];
  ends: number[];
  upper: boolean[];
  hashtag: boolean;
}

/**
 * A token while the text is read: the final {@link NormalizedToken} object itself, whose root and
 * offsets {@link assemble} fills in, so each token costs one object and not two.
 */
type Piece = NormalizedToken;

/**
 * A new piece; the fields are written in the token's key order, so its JSON is the same. Its root
 * is `''` (never a real root) until {@link assemble} or the run memo fills it in.
 */
function newPiece(text: string, kind: NormalizedTokenKind, originalStart: number, originalEnd: number, fromHashtag: boolean, root = ''): Piece {
  return { text, root, kind, start: 0, end: 0, rootStart: 0, rootEnd: 0, originalStart, originalEnd, fromHashtag };
}

const ASCII_LOWER: readonly string[] = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code >= 0x41 && code <= 0x5a ? code + 32 : code));

/** What an ASCII letter or digit adds to a run's flags; 0 for every other code unit below 0x80. */
const RUN_LETTER = 1;
const RUN_UPPER = 2;
const RUN_DIGIT = 4;
const RUN_FLAGS = new Uint8Array(128);
for (let code = 0x30; code <= 0x39; code++) RUN_FLAGS[code] = RUN_DIGIT;
for (let code = 0x61; code <= 0x7a; code++) RUN_FLAGS[code] = RUN_LETTER;
for (let code = 0x41; code <= 0x5a; code++) RUN_FLAGS[code] = RUN_LETTER | RUN_UPPER;

/**
 * The same text, built anew by `String.fromCharCode`: a string of code units below 256 then takes
 * one byte a character. A slice of a post that holds an emoji takes two, even for plain ASCII
 * words, and the run memo hands its strings to every later post: each join of them, and each
 * comparison with them, would pay for the wider form. Only words are rebuilt: a longer run (a
 * pasted code, a long URL part) is rare, and its characters would be too many arguments for one call.
 */
function compactCopy(text: string): string {
  if (text.length > COMPACT_MAX) return text;
  const codes: number[] = [];
  for (let index = 0; index < text.length; index++) codes.push(text.charCodeAt(index));
  return String.fromCharCode(...codes);
}
const COMPACT_MAX = 64;

/** Whether a keycap sequence (optional VS16, then U+20E3) follows a digit at `next`. */
function isKeycapAt(original: string, next: number): boolean {
  const codeUnitAt = String.prototype.charCodeAt;
  const following = codeUnitAt.call(original, next);
  return following === 0x20e3 || (following === 0xfe0f && codeUnitAt.call(original, next + 1) === 0x20e3);
}

/**
 * One piece an ASCII run gives, with offsets relative to the run's start; the memo holds the
 * run's first piece, keyed by the run as written, and each piece links to the next.
 */
interface RunPart {
  /** The run as written, and its {@link rangeHash} (on the first piece; `''` and 0 on the others). */
  readonly key: string;
  readonly hash: number;
  readonly text: string;
  readonly kind: NormalizedTokenKind;
  readonly start: number;
  readonly end: number;
  readonly fromHashtag: boolean;
  /**
   * The root of `text` as {@link rootOf} gave it for the roots set whose stem cache is number
   * `rootsId` (0: none yet) while the stem caches were at `epoch`: the same answer that stem cache
   * still holds, so it is reused as is.
   */
  root: string;
  rootsId: number;
  epoch: number;
  readonly next: RunPart | undefined;
}
/**
 * The pieces of ASCII runs already read, by the run as written (case included): most words of
 * real posts repeat. A separate memo for runs after a "#" (split as hashtags). The pieces do not
 * depend on the roots set; each piece remembers its root for the last roots set it was asked
 * for, by that set's stem cache number, and asks the stem cache again for any other.
 */
const RUN_MEMO = new RangeMemo<RunPart>(50_000);
const TAG_RUN_MEMO = new RangeMemo<RunPart>(10_000);

const SCRATCH: RawWord = { chars: [], starts: [], ends: [], upper: [], hashtag: false };
/** Informal spellings with their expansions already split into words ("gpp" → ["tidak", "apa", "apa"]). */
const INFORMAL: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(INFORMAL_SPELLINGS).map(([key, expansion]) => [key, expansion.split(' ')]));
/**
 * 1 where some informal spelling starts and ends with these code units (low bytes): most words
 * pass no such pair, and need no look-up in {@link INFORMAL}.
 */
const INFORMAL_ENDS = new Uint8Array(65536);
for (const key of INFORMAL.keys()) if (key.length > 0) INFORMAL_ENDS[((key.charCodeAt(0) & 0xff) << 8) | (key.charCodeAt(key.length - 1) & 0xff)] = 1;

const isDigitChar = (char: string): boolean => char >= '0' && char <= '9';
const isLetterChar = (char: string): boolean => !isDigitChar(char);
const NUMBER_TOKEN = /^\d+(?:[.:/,-]\d+)*$/;
const ALL_DIGITS = /^[\d.:/,-]+$/;
const HAS_DIGIT = /\d/;

/**
 * The word {@link normalizeText} is collecting, as fields of one object rather than closures
 * over locals: no closures are allocated per call, and the hot loop reads plain fields.
 */
class WordCollector {
  word: RawWord | undefined = undefined;
  pendingHashtag = false;
  // A word made only of ASCII letters and digits is kept as a range of the original (no
  // per-character arrays) until something needs the arrays: most words of most posts.
  simple = false;
  runStart = 0;
  runEnd = 0;
  /** {@link RUN_FLAGS} of the run's characters, or-ed. */
  runFlags = 0;
  /** {@link rangeHash} of the run so far. */
  runHash = 0;
  /** {@link packStep} digits of the run so far (only read while the run is short enough to pack). */
  runPack = 0;

  constructor(
    readonly original: string,
    readonly pieces: Piece[],
    readonly roots: ReadonlySet<string>,
    readonly stemCache: StemCache,
  ) {}

  materialize(): void {
    const word = this.word;
    if (!word || !this.simple) return;
    for (let at = this.runStart; at < this.runEnd; at++) {
      const code = this.original.charCodeAt(at);
      word.chars.push(ASCII_LOWER[code]!);
      word.starts.push(at);
      word.ends.push(at + 1);
      word.upper.push(code >= 0x41 && code <= 0x5a);
    }
    this.simple = false;
  }

  flush(): void {
    const word = this.word;
    if (word && this.simple) this.emitRun(word);
    else if (word && word.chars.length > 0) emitWord(word, this.pieces);
    this.word = undefined;
    this.simple = false;
  }

  /**
   * Emit an ASCII run (letters and digits, nothing else in the word) from {@link RUN_MEMO}: its
   * pieces depend only on its characters and on whether it follows a "#", so a run seen before
   * costs one look-up and no string work. A new run takes the general path and is remembered.
   */
  emitRun(word: RawWord): void {
    const { original, runStart, pieces } = this;
    const { runEnd, runHash } = this;
    const memo = word.hashtag ? TAG_RUN_MEMO : RUN_MEMO;
    for (let part = memo.get(original, runStart, runEnd, runHash, packOfDigits(this.runPack, runEnd - runStart)); part !== undefined; part = part.next) {
      if (part.rootsId !== this.stemCache.id || part.epoch !== stemEpoch) {
        const root = rootOf(part.text, part.kind, this.roots, this.stemCache.byWord);
        // A root equal to the word is the word's own string: every later `root === text` (here,
        // in the matcher's single-pass check, in claims) is then a pointer comparison.
        part.root = root === part.text ? part.text : root;
        part.rootsId = this.stemCache.id;
        part.epoch = stemEpoch;
      }
      pieces.push(newPiece(part.text, part.kind, runStart + part.start, runStart + part.end, part.fromHashtag, part.root));
      if (part.next === undefined) return;
    }
    const from = pieces.length;
    if (word.hashtag || !this.emitSimple()) {
      this.materialize();
      emitWord(word, pieces);
    }
    if (pieces.length === from) return;
    // One object for the run and its first piece (most runs give one): a hit reads little memory.
    const key = compactCopy(original.slice(runStart, runEnd));
    let next: RunPart | undefined;
    for (let index = pieces.length - 1; index >= from; index--) {
      const piece = pieces[index]!;
      const text = piece.text === key ? key : compactCopy(piece.text);
      next = { key: index === from ? key : '', hash: index === from ? runHash : 0, text, kind: piece.kind, start: piece.originalStart - runStart, end: piece.originalEnd - runStart, fromHashtag: piece.fromHashtag, root: '', rootsId: 0, epoch: 0, next };
      // This first reading hands out the memo's string too: maps keyed by token texts (the stem
      // cache, the claim matcher's words) then hold the one string every later reading gives,
      // and find it by identity, not by comparing characters (nor keep this post alive).
      piece.text = text;
    }
    memo.set(next!);
  }

  /**
   * Emit the ASCII run straight from the original in the common cases, with the same pieces
   * {@link emitPlainWord} gives: letters only, digits only ("27"), and letters with the
   * reduplication "2" ("hati2"). False leaves the run to {@link emitPlainWord}.
   */
  emitSimple(): boolean {
    const { original, runStart, runEnd } = this;
    if ((this.runFlags & RUN_DIGIT) === 0) {
      const raw = original.slice(runStart, runEnd);
      pushWord(squeeze((this.runFlags & RUN_UPPER) !== 0 ? raw.toLowerCase() : raw), runStart, runEnd, false, this.pieces, false);
      return true;
    }
    if ((this.runFlags & RUN_LETTER) === 0) {
      this.pieces.push(newPiece(original.slice(runStart, runEnd), 'number', runStart, runEnd, false));
      return true;
    }
    const coreEnd = runEnd - 1;
    if (original.charCodeAt(coreEnd) !== 0x32 /* 2 */) return false;
    for (let at = runStart; at < coreEnd; at++) if (original.charCodeAt(at) <= 0x39) return false;
    const raw = original.slice(runStart, coreEnd);
    const core = squeeze((this.runFlags & RUN_UPPER) !== 0 ? raw.toLowerCase() : raw);
    if (core.length < 2 || BALLOT_CUE_WORDS.has(core)) return false;
    pushWord(core, runStart, coreEnd, false, this.pieces);
    pushWord(core, coreEnd, runEnd, false, this.pieces);
    return true;
  }

  /** One word is collected at a time and emitted at once, so its buffers are reused. */
  startWord(): RawWord {
    // Setting an array's length is a runtime call; most words never fill the buffers.
    if (SCRATCH.chars.length !== 0 || SCRATCH.starts.length !== 0) {
      SCRATCH.chars.length = 0;
      SCRATCH.starts.length = 0;
      SCRATCH.ends.length = 0;
      SCRATCH.upper.length = 0;
    }
    SCRATCH.hashtag = this.pendingHashtag;
    this.pendingHashtag = false;
    return SCRATCH;
  }
}

/**
 * Normalise Indonesian social-media text for matching: NFKC, case folding, zero-width and bidi
 * controls removed, fancy letters folded, repeated letters squeezed ("menanggg" → "menang"),
 * leetspeak folded inside words only (a standalone "02" stays a number), informal spellings
 * expanded ("yg" → "yang"), hashtags split ("#ArmanRinaMenang" → "arman rina menang"), emoji
 * kept as tokens (☝ ✌ and keycaps 1⃣ 2⃣ 3⃣), and each word's Indonesian root computed.
 */
export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
  const roots = options.roots ?? DEFAULT_ROOTS;
  const pieces: Piece[] = [];
  const c = new WordCollector(original, pieces, roots, stemCacheOf(roots));

  // Characters are read through `String.prototype.charCodeAt` held in a local constant, not with
  // `original.charCodeAt`: a method load is cached per site by the string's internal shape (flat,
  // sliced, concatenated, one or two bytes a character, ...), and a site that has met more than
  // four (any long-running process) looks the method up again for every character, about 2.5x
  // slower. The constant's call is inlined whatever the shape.
  const codeUnitAt = String.prototype.charCodeAt;
  const length = original.length;
  let index = 0;
  while (index < length) {
    let codePoint = codeUnitAt.call(original, index);
    // Fast path for ASCII letters and digits (most of every post): one table read a character.
    const runFlag = codePoint < 0x80 ? RUN_FLAGS[codePoint]! : 0;
    if (runFlag !== 0 && (runFlag !== RUN_DIGIT || !isKeycapAt(original, index + 1))) {
      if (!c.word) {
        c.word = c.startWord();
        c.simple = true;
        c.runStart = index;
        c.runFlags = 0;
        c.runHash = 0;
        c.runPack = 0;
      }
      if (c.simple) {
        // Take the rest of the ASCII run at once, in locals: the same steps as one character
        // per turn of the outer loop, without its checks.
        let flags = c.runFlags | runFlag;
        let hash = hashStep(c.runHash, codePoint);
        let pack = packStep(c.runPack, codePoint);
        let at = index + 1;
        while (at < length) {
          const code = codeUnitAt.call(original, at);
          const flag = code < 0x80 ? RUN_FLAGS[code]! : 0;
          if (flag === 0 || (flag === RUN_DIGIT && isKeycapAt(original, at + 1))) break;
          flags |= flag;
          hash = hashStep(hash, code);
          pack = packStep(pack, code);
          at++;
        }
        c.runEnd = at;
        c.runFlags = flags;
        c.runHash = hash;
        c.runPack = pack;
        index = at;
        continue;
      }
      c.word.chars.push(ASCII_LOWER[codePoint]!);
      c.word.starts.push(index);
      c.word.ends.push(index + 1);
      c.word.upper.push(codePoint >= 0x41 && codePoint <= 0x5a);
      index += 1;
      continue;
    }
    // charCodeAt with a manual surrogate join: the same value as codePointAt, but cheaper.
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < length) {
      const low = codeUnitAt.call(original, index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    const width = codePoint > 0xffff ? 2 : 1;

    if (codePoint === 0x20) {
      // A plain space, the commonest character after letters, reaches the final word break of
      // the checks below (none applies to it): go there straight away.
      c.flush();
      c.pendingHashtag = false;
      index += 1;
      continue;
    }
    if (codePoint === 0x23 /* # */) {
      c.flush();
      c.pendingHashtag = true;
      index += width;
      continue;
    }
    // Keycap emoji: digit, optional VS16, U+20E3.
    if ((codePoint >= 0x30 && codePoint <= 0x39) || codePoint === 0x2a) {
      let next = index + 1;
      if (codeUnitAt.call(original, next) === 0xfe0f) next++;
      if (codeUnitAt.call(original, next) === 0x20e3) {
        c.flush();
        pieces.push(newPiece(`${String.fromCharCode(codePoint)}\u20e3`, 'emoji', index, next + 1, false));
        c.pendingHashtag = false;
        index = next + 1;
        continue;
      }
    }
    // ASCII here is a space or punctuation (letters and digits were taken above): no emoji,
    // invisible character, mark or letter once folded, so those checks are skipped.
    const ascii = codePoint < 0x80;
    if (!ascii && isEmojiBase(codePoint)) {
      c.flush();
      c.pendingHashtag = false;
      let text = String.fromCodePoint(codePoint);
      let next = index + width;
      while (next < length) {
        const following = original.codePointAt(next)!;
        const followingWidth = following > 0xffff ? 2 : 1;
        if (following === 0xfe0f || following === 0xfe0e || isSkinTone(following)) {
          next += followingWidth;
        } else if (following === 0x200d) {
          const joined = original.codePointAt(next + 1);
          if (joined !== undefined && isEmojiBase(joined)) {
            text += `\u200d${String.fromCodePoint(joined)}`;
            next += 1 + (joined > 0xffff ? 2 : 1);
          } else {
            next += 1;
          }
        } else if (following >= 0x1f1e6 && following <= 0x1f1ff && codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff && text.length === 2) {
          text += String.fromCodePoint(following);
          next += followingWidth;
        } else if (following >= 0xe0020 && following <= 0xe007f) {
          next += followingWidth; // tag sequence (subdivision flags)
        } else break;
      }
      if (!options.keepEmoji || options.keepEmoji.has(text)) pieces.push(newPiece(text, 'emoji', index, next, false));
      index = next;
      continue;
    }
    if (!ascii && isInvisible(codePoint)) {
      c.materialize(); // the word goes on after the invisible character, without it
      index += width;
      continue;
    }
    if (codePoint >= 0x300 && isCombiningMark(codePoint)) {
      // A combining mark belongs to the letter before it: widen that letter's span.
      c.materialize();
      if (c.word && c.word.ends.length > 0 && c.word.ends[c.word.ends.length - 1] === index) c.word.ends[c.word.ends.length - 1] = index + width;
      index += width;
      continue;
    }
    const folded = ascii ? '' : foldCodePoint(codePoint);
    let wordish = folded.length > 0;
    for (let k = 0; k < folded.length && wordish; k++) wordish = isWordCodePoint(folded.charCodeAt(k));
    if (wordish) {
      c.materialize();
      c.word ??= c.startWord();
      const upper = isUpperCase(codePoint);
      for (const char of folded) {
        c.word.chars.push(char);
        c.word.starts.push(index);
        c.word.ends.push(index + width);
        c.word.upper.push(upper);
      }
      index += width;
      continue;
    }
    if (c.word && ascii && isInWordMark(codePoint) && wordLetterCount(c) > 0) {
      const joined = joinedAcross(original, index, codePoint, wordLetterCount(c));
      if (joined !== undefined) {
        // "ka.fir", "pen*datang", "b_asmi": a mark inside a word hides nothing; "C!na", "h@jar" are letters.
        c.materialize();
        if (joined.length > 0) {
          c.word.chars.push(joined);
          c.word.starts.push(index);
          c.word.ends.push(index + 1);
          c.word.upper.push(false);
        }
        index += 1;
        continue;
      }
    }
    // Keep digit groups such as 27/11, 01.00 and 100.000 as one number token.
    if (c.word && (codePoint === 0x2e || codePoint === 0x3a || codePoint === 0x2f || codePoint === 0x2c || codePoint === 0x2d) && (c.simple ? (c.runFlags & RUN_LETTER) === 0 : c.word.chars.every(isDigitChar))) {
      const next = codeUnitAt.call(original, index + 1);
      if (next >= 0x30 && next <= 0x39) {
        c.materialize();
        c.word.chars.push(String.fromCharCode(codePoint));
        c.word.starts.push(index);
        c.word.ends.push(index + 1);
        c.word.upper.push(false);
        index += 1;
        continue;
      }
    }
    c.flush();
    c.pendingHashtag = false;
    index += width;
  }
  c.flush();

  const joined = joinSpelledOutLetters(pieces, original);
  const contextual = expandNumberAbbreviations(joined);
  return assemble(original, contextual, roots, c.stemCache.byWord);
}

/** Marks that people put inside a word to hide it, or use for a letter ("!" for i, "@" for a, "$" for s). */
function isInWordMark(codePoint: number): boolean {
  return codePoint === 0x2e || codePoint === 0x2a || codePoint === 0x5f || codePoint === 0x21 || codePoint === 0x40 || codePoint === 0x24;
}

function wordLetterCount(c: WordCollector): number {
  if (c.simple) {
    if ((c.runFlags & RUN_LETTER) === 0) return 0;
    return (c.runFlags & RUN_DIGIT) === 0 ? c.runEnd - c.runStart : 1;
  }
  let letters = 0;
  for (const char of c.word!.chars) if (!isDigitChar(char)) letters++;
  return letters;
}

const MARK_LETTER: Readonly<Record<number, string>> = { 0x21: 'i', 0x40: 'a', 0x24: 's' };
/** Domain labels after a dot: "kpu.go.id", "bawaslu.go.id" stay apart. */
const DOMAIN_LABELS: ReadonlySet<string> = new Set(['go', 'id', 'co', 'com', 'net', 'org', 'or', 'ac', 'sch', 'web', 'info', 'ly', 'me', 'io', 'tv']);

/**
 * What a mark between letters stands for inside a word: `''` (dropped), a letter, or
 * `undefined` when it ends the word. A dot is a word break in "dukung.Coblos", "kpu.go.id" and
 * "dll.", so it joins only a short piece ("ka.fir", "pendat.ang") that is not a domain label.
 */
function joinedAcross(original: string, index: number, codePoint: number, before: number): string | undefined {
  let end = index + 1;
  while (end < original.length) {
    const code = original.charCodeAt(end);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a))) break;
    end++;
  }
  const after = end - index - 1;
  if (after === 0) return undefined;
  const letter = MARK_LETTER[codePoint];
  if (letter !== undefined) return letter;
  if (codePoint !== 0x2e) return '';
  // "p.i.l.i.h": single letters between dots are spelled out, joined later as a whole.
  if (before <= 1 && after <= 1) return undefined;
  const following = original.charCodeAt(end);
  if (following === 0x2e || following === 0x2f) return undefined;
  if (DOMAIN_LABELS.has(original.slice(index + 1, end).toLowerCase())) return undefined;
  return before <= 3 || after <= 3 ? '' : undefined;
}

function emitWord(word: RawWord, out: Piece[]): void {
  if (word.hashtag) {
    for (const part of splitHashtag(word)) emitPlainWord(part, true, out);
    return;
  }
  emitPlainWord(word, false, out);
}

/** Split a hashtag at camelCase and letter/digit boundaries: ArmanRinaMenang, Coblos2, AyoCoblosNomor2. */
function splitHashtag(word: RawWord): RawWord[] {
  const parts: RawWord[] = [];
  let current: RawWord = { chars: [], starts: [], ends: [], upper: [], hashtag: true };
  const n = word.chars.length;
  for (let k = 0; k < n; k++) {
    const char = word.chars[k]!;
    if (current.chars.length > 0) {
      const previous = word.chars[k - 1]!;
      const digitBoundary = isDigitChar(previous) !== isDigitChar(char);
      const lowerToUpper = word.upper[k]! && !word.upper[k - 1]! && isLetterChar(previous);
      const acronymEnd = word.upper[k]! && word.upper[k - 1]! && k + 1 < n && !word.upper[k + 1]! && isLetterChar(word.chars[k + 1]!) && !isDigitChar(word.chars[k + 1]!);
      if (digitBoundary || lowerToUpper || acronymEnd) {
        parts.push(current);
        current = { chars: [], starts: [], ends: [], upper: [], hashtag: true };
      }
    }
    current.chars.push(char);
    current.starts.push(word.starts[k]!);
    current.ends.push(word.ends[k]!);
    current.upper.push(word.upper[k]!);
  }
  if (current.chars.length > 0) parts.push(current);
  return parts;
}

function emitPlainWord(word: RawWord, fromHashtag: boolean, out: Piece[]): void {
  const chars = word.chars;
  const n = chars.length;
  const originalStart = word.starts[0]!;
  const originalEnd = word.ends[n - 1]!;
  const whole = chars.join('');
  if (ALL_DIGITS.test(whole)) {
    out.push(newPiece(whole, 'number', originalStart, originalEnd, fromHashtag));
    return;
  }
  if (!HAS_DIGIT.test(whole)) {
    pushWord(squeeze(whole), originalStart, originalEnd, fromHashtag, out, false);
    return;
  }
  // Mixed letters and digits: leetspeak only inside words; trailing numbers after a ballot cue
  // or the reduplication "2" (hati2) are kept apart.
  let letterEnd = n;
  while (letterEnd > 0 && isDigitChar(chars[letterEnd - 1]!)) letterEnd--;
  let letterStart = 0;
  while (letterStart < letterEnd && isDigitChar(chars[letterStart]!)) letterStart++;
  const core = chars.slice(letterStart, letterEnd).map((char, offset) => {
    if (!isDigitChar(char)) return char;
    return LEET[char] ?? char;
  });
  const trailing = chars.slice(letterEnd).join('');
  const leading = chars.slice(0, letterStart).join('');
  let coreText = squeeze(core.join(''));
  if (leading.length > 0 && trailing.length === 0 && UNIT_WORDS[coreText] !== undefined) {
    // "100rb", "5jt", "2kg": an amount and its unit.
    out.push(newPiece(leading, 'number', originalStart, word.ends[letterStart - 1]!, fromHashtag));
    pushWord(UNIT_WORDS[coreText]!, word.starts[letterStart]!, originalEnd, fromHashtag, out);
    return;
  }
  if (!fromHashtag && isWholeWordLeet(chars, leading, trailing, coreText, chars.slice(letterStart, letterEnd).some(isDigitChar))) {
    // "1n1", "d1", "p4pu4", "m0ny3t": leetspeak across the whole word, digits at its ends too.
    pushWord(squeeze(chars.map((char) => (isDigitChar(char) ? LEET[char]! : char)).join('')), originalStart, originalEnd, fromHashtag, out);
    return;
  }
  if (leading.length > 0) {
    if (coreText.length >= 2 && [...leading].every((char) => LEET[char] !== undefined) && leading.length <= 2) {
      coreText = squeeze([...leading].map((char) => LEET[char]!).join('') + coreText);
    } else {
      // "3x" (tiga kali) and "2periode" stay one token so they never read as a ballot number.
      pushWord(`${leading}${coreText}${trailing}`, originalStart, originalEnd, fromHashtag, out);
      return;
    }
  }
  if (trailing.length === 0) {
    pushWord(coreText, originalStart, originalEnd, fromHashtag, out);
    return;
  }
  const coreEnd = word.ends[letterEnd - 1]!;
  const trailingStart = word.starts[letterEnd]!;
  if (BALLOT_CUE_WORDS.has(coreText) || fromHashtag) {
    pushWord(coreText, originalStart, coreEnd, fromHashtag, out);
    out.push(newPiece(trailing, 'number', trailingStart, originalEnd, fromHashtag));
    return;
  }
  if (trailing === '2' && coreText.length >= 2) {
    // Reduplication: hati2 → hati hati, org2 → orang orang.
    pushWord(coreText, originalStart, coreEnd, fromHashtag, out);
    pushWord(coreText, trailingStart, originalEnd, fromHashtag, out);
    return;
  }
  if (trailing.length === 1 && LEET[trailing] !== undefined && coreText.length >= 3) {
    pushWord(squeeze(coreText + LEET[trailing]!), originalStart, originalEnd, fromHashtag, out);
    return;
  }
  pushWord(coreText, originalStart, coreEnd, fromHashtag, out);
  out.push(newPiece(trailing, 'number', trailingStart, originalEnd, fromHashtag));
}

/**
 * Whether a word of letters and digits is leetspeak as a whole: every digit stands for a letter,
 * at most two at each end, and the word is not a unit ("100rb"), a ballot cue ("no1") or an
 * address or code ("rt05": two trailing digits count only when the core itself holds one).
 */
function isWholeWordLeet(chars: readonly string[], leading: string, trailing: string, coreText: string, coreHasDigit: boolean): boolean {
  if (leading.length === 0 && trailing.length === 0) return false;
  if (leading.length > 2 || trailing.length > 2 || chars.length < 2) return false;
  if (trailing.length === 2 && !coreHasDigit) return false;
  if (BALLOT_CUE_WORDS.has(coreText) || UNIT_WORDS[coreText] !== undefined) return false;
  for (const char of chars) if (isDigitChar(char) && LEET[char] === undefined) return false;
  // Two characters need a letter first ("d1", "k3"): "4x" or "3d" stay as written.
  if (chars.length === 2) return !isDigitChar(chars[0]!) && trailing.length === 1;
  return leading.length === 0 || coreText.length >= 1;
}

function pushWord(text: string, originalStart: number, originalEnd: number, fromHashtag: boolean, out: Piece[], maybeNumber = true): void {
  const expansion = text.length > 0 && INFORMAL_ENDS[((text.charCodeAt(0) & 0xff) << 8) | (text.charCodeAt(text.length - 1) & 0xff)] === 1 ? INFORMAL.get(text) : undefined;
  if (expansion === undefined) {
    out.push(newPiece(text, maybeNumber && NUMBER_TOKEN.test(text) ? 'number' : 'word', originalStart, originalEnd, fromHashtag));
    return;
  }
  for (const part of expansion) out.push(newPiece(part, 'word', originalStart, originalEnd, fromHashtag));
}

/** Squeeze runs of three or more identical letters to one ("menanggg" → "menang"); pairs stay ("maaf"). */
function squeeze(text: string): string {
  if (text.length < 3) return text;
  let repeated = false;
  for (let index = 2; index < text.length && !repeated; index++) {
    const code = text.charCodeAt(index);
    repeated = code === text.charCodeAt(index - 1) && code === text.charCodeAt(index - 2);
  }
  if (!repeated) return text;
  let out = '';
  let runChar = '';
  let run = 0;
  for (const char of text) {
    if (char === runChar) {
      run++;
    } else {
      out += flushRun(runChar, run);
      runChar = char;
      run = 1;
    }
  }
  return out + flushRun(runChar, run);
}

function flushRun(char: string, run: number): string {
  if (run === 0) return '';
  if (run >= 3) return char;
  return run === 2 ? char + char : char;
}

/** "c o b l o s" and "p.i.l.i.h": three or more single letters, one separator apart, are one word. */
function joinSpelledOutLetters(pieces: Piece[], original: string): Piece[] {
  // A join needs three single letters: without them the pieces pass through as they are.
  let singles = 0;
  for (let index = 0; index < pieces.length && singles < 3; index++) if (isSingleLetter(pieces[index]!)) singles++;
  if (singles < 3) return pieces;
  const out: Piece[] = [];
  let index = 0;
  while (index < pieces.length) {
    const first = pieces[index]!;
    let end = index;
    if (isSingleLetter(first) && index + 1 < pieces.length) {
      const separator = original.charCodeAt(first.originalEnd);
      while (end + 1 < pieces.length && isSingleLetter(pieces[end + 1]!) && isLetterSeparator(original, pieces[end]!.originalEnd, pieces[end + 1]!.originalStart, separator)) {
        // "c o b l o s p.i.l.i.h": the "p" opens a run with another separator; leave it to that run.
        const after = pieces[end + 2];
        const next = pieces[end + 1]!;
        const nextSeparator = original.charCodeAt(next.originalEnd);
        if (after && nextSeparator !== separator && isSingleLetter(after) && isLetterSeparator(original, next.originalEnd, after.originalStart, nextSeparator)) break;
        end++;
      }
    }
    if (end - index + 1 >= 3) {
      const letters = pieces.slice(index, end + 1);
      const text = squeeze(letters.map((piece) => piece.text).join(''));
      const expansion = INFORMAL_SPELLINGS[text];
      for (const part of (expansion ?? text).split(' ')) out.push(newPiece(part, 'word', first.originalStart, pieces[end]!.originalEnd, false));
      index = end + 1;
    } else {
      out.push(first);
      index++;
    }
  }
  return out;
}

function isSingleLetter(piece: Piece): boolean {
  return piece.kind === 'word' && !piece.fromHashtag && piece.text.length === 1 && piece.originalEnd - piece.originalStart <= 2;
}

function isLetterSeparator(original: string, from: number, to: number, expected: number): boolean {
  if (to - from !== 1) return false;
  const char = original.charCodeAt(from);
  if (char !== expected) return false;
  return char === 0x20 || char === 0x2e || char === 0x2d || char === 0x5f || char === 0x2a;
}

/** "no 1", "nmr 2" → "nomor 1": the abbreviation means "nomor" only before a number. */
function expandNumberAbbreviations(pieces: Piece[]): Piece[] {
  for (let index = 0; index + 1 < pieces.length; index++) {
    const piece = pieces[index]!;
    if (piece.kind === 'word' && pieces[index + 1]!.kind === 'number' && NUMBER_ABBREVIATIONS.has(piece.text)) {
      pieces[index] = newPiece('nomor', piece.kind, piece.originalStart, piece.originalEnd, piece.fromHashtag);
    }
  }
  return pieces;
}

function assemble(original: string, pieces: Piece[], roots: ReadonlySet<string>, cache: Map<string, string>): NormalizedText {
  // The pieces become the tokens in place: empty ones are dropped by compacting the array.
  const tokens: NormalizedToken[] = pieces;
  let kept = 0;
  // The text is joined once at the end: a flat string, cheaper to scan than one built by
  // concatenation. The root text is the text with the few words whose root differs replaced.
  const surfaces: string[] = [];
  let cut = 0;
  let at = 0;
  let rootAt = 0;
  for (let index = 0; index < pieces.length; index++) {
    const token = pieces[index]!;
    const surface = token.text;
    if (surface.length === 0) continue;
    // The run memo has filled in most roots already.
    let root = token.root === '' ? rootOf(surface, token.kind, roots, cache) : token.root;
    if (root !== surface) cut++;
    else root = surface; // the same string, as in the run memo
    surfaces.push(surface);
    token.root = root;
    token.start = at;
    token.end = at + surface.length;
    token.rootStart = rootAt;
    token.rootEnd = rootAt + root.length;
    at = token.end + 1;
    rootAt = token.rootEnd + 1;
    tokens[kept++] = token;
  }
  // Setting the length is a runtime call; only texts with empty pieces need it.
  if (kept !== tokens.length) tokens.length = kept;
  const text = surfaces.join(' ');
  return { original, text, rootText: cut === 0 ? text : withRoots(text, tokens), tokens };
}

/** The text with each token whose root differs from its surface form replaced by the root. */
function withRoots(text: string, tokens: readonly NormalizedToken[]): string {
  let rootText = '';
  let from = 0;
  for (const token of tokens) {
    if (token.root === token.text) continue;
    rootText += text.slice(from, token.start) + token.root;
    from = token.end;
  }
  return rootText + text.slice(from);
}

/**
 * Map a span of the normalised text (or of its root text) back to the original: from the start
 * of the first token it touches to the end of the last. `undefined` when it touches no token.
 */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number, on: 'text' | 'root' = 'text'): { start: number; end: number } | undefined {
  const range = tokenRange(normalized, start, end, on);
  if (!range) return undefined;
  let originalStart = Number.POSITIVE_INFINITY;
  let originalEnd = 0;
  for (let index = range.first; index <= range.last; index++) {
    const token = normalized.tokens[index]!;
    originalStart = Math.min(originalStart, token.originalStart);
    originalEnd = Math.max(originalEnd, token.originalEnd);
  }
  return { start: originalStart, end: originalEnd };
}

/** The indexes of the first and last token a normalised span touches. */
export function tokenRange(normalized: NormalizedText, start: number, end: number, on: 'text' | 'root' = 'text'): { first: number; last: number } | undefined {
  const tokens = normalized.tokens;
  const startOf = on === 'text' ? (token: NormalizedToken) => token.start : (token: NormalizedToken) => token.rootStart;
  const endOf = on === 'text' ? (token: NormalizedToken) => token.end : (token: NormalizedToken) => token.rootEnd;
  let low = 0;
  let high = tokens.length - 1;
  let first = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (endOf(tokens[middle]!) > start) {
      first = middle;
      high = middle - 1;
    } else low = middle + 1;
  }
  if (first < 0 || startOf(tokens[first]!) >= end) return undefined;
  let last = first;
  while (last + 1 < tokens.length && startOf(tokens[last + 1]!) < end) last++;
  return { first, last };
}
