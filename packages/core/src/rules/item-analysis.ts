import type { Item } from '../capture/item-schema.js';
import { BALLOT_CUE_WORDS, normalizeText, type NormalizedText, type NormalizedToken } from '../text/normalize-text.js';
import type { CompiledRules } from './compile-rules.js';
import { wordUnits } from './term-matcher.js';
import { mediaTextField, type MediaText } from './media-text.js';
import type { MentionVia } from './rule-set-schema.js';

/** A run of tokens in one field that something matched. */
export interface TokenHit {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  /** The normalised term or cue. */
  term: string;
}

/** A candidate reference in a field. */
export interface MentionHit extends TokenHit {
  pair: number;
  via: MentionVia;
}

/** A ballot gesture in a field. */
export interface GestureHit extends TokenHit {
  pair: number;
  kind: 'emoji' | 'keycap' | 'words';
}

/** One text field of an item, normalised and matched once for all rules. */
export interface FieldAnalysis {
  /** `text`, `hashtags.0`, `media.1.altText`, `media_text.1` (read from the image), `profile.bio`, `profile.displayName`, `target.text`. */
  field: string;
  /** The field's original value. */
  value: string;
  /** Offset to add to token offsets (hashtags are normalised with a leading "#"). */
  offsetShift: number;
  scope: 'own' | 'target';
  normalized: NormalizedText;
  /**
   * Hits by lexicon (its index in the rule set's lexicons), undefined where none: an array read,
   * not a map look-up, for every hit recorded and every lexicon a rule asks about.
   */
  lexiconHits: (TokenHit[] | undefined)[];
  /** The lexicons with hits, in the order of their first hit: what the field holds, without a walk over every lexicon. */
  hitLexicons: number[];
  mentions: MentionHit[];
  gestures: GestureHit[];
}

const GESTURE_EMOJI: Readonly<Record<string, number>> = { '☝': 1, '👆': 1, '✌': 2, '🤟': 3, '🖖': 4 };
/** Only gesture emoji stay tokens: "usir 🔥 mereka" must read like "usir mereka". */
const KEEP_EMOJI: ReadonlySet<string> = new Set(Object.keys(GESTURE_EMOJI));
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({ satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10, siji: 1, loro: 2, telu: 3, hiji: 1, tilu: 3 }));

/** The text fields of an item, by scope; text read from its images counts as its own. */
export function itemFields(item: Item, mediaTexts: readonly MediaText[] = []): { field: string; value: string; scope: 'own' | 'target'; hashtag?: boolean }[] {
  const fields: { field: string; value: string; scope: 'own' | 'target'; hashtag?: boolean }[] = [];
  if (item.text) fields.push({ field: 'text', value: item.text, scope: 'own' });
  // Loops, not forEach: most items carry no hashtag or media, and a callback is made per call.
  for (let index = 0; index < item.hashtags.length; index++) fields.push({ field: `hashtags.${index}`, value: item.hashtags[index]!, scope: 'own', hashtag: true });
  for (let index = 0; index < item.media.length; index++) {
    const altText = item.media[index]!.altText;
    if (altText) fields.push({ field: `media.${index}.altText`, value: altText, scope: 'own' });
  }
  for (const mediaText of mediaTexts) if (mediaText.text) fields.push({ field: mediaTextField(mediaText.mediaIndex), value: mediaText.text, scope: 'own' });
  if (item.profile?.displayName) fields.push({ field: 'profile.displayName', value: item.profile.displayName, scope: 'own' });
  if (item.profile?.bio) fields.push({ field: 'profile.bio', value: item.profile.bio, scope: 'own' });
  if (item.target?.text) fields.push({ field: 'target.text', value: item.target.text, scope: 'target' });
  return fields;
}

/**
 * Normalise one field and run the shared matcher over it (surface and, when needed, root text).
 * `scans: 'both'` always scans the root text apart when some word was cut to its root (the
 * tests compare it with the single pass taken when it finds the same).
 */
export function analyzeField(compiled: CompiledRules, field: { field: string; value: string; scope: 'own' | 'target'; hashtag?: boolean }, scans: 'fewest' | 'both' = 'fewest'): FieldAnalysis {
  const source = field.hashtag ? `#${field.value.replace(/^#/, '')}` : field.value;
  const offsetShift = field.hashtag && !field.value.startsWith('#') ? -1 : 0;
  const normalized = normalizeText(source, { roots: compiled.roots, keepEmoji: KEEP_EMOJI });
  const analysis: FieldAnalysis = { field: field.field, value: field.value, offsetShift, scope: field.scope, normalized, lexiconHits: new Array<TokenHit[] | undefined>(compiled.lexicons.length), hitLexicons: [], mentions: [], gestures: [] };
  const tokens = normalized.tokens;
  if (tokens.length === 0) return analysis;

  if (compiled.usesRoots && sameRoots(normalized)) {
    // No word had an affix: one pass serves surface and root terms alike.
    compiled.matcher.scan(normalized.text, (term, start) => recordHit(compiled, analysis, compiled.terms[term]!.on, term, start));
  } else if (compiled.usesRoots && scans === 'fewest' && rootsMeetNoTerm(compiled, tokens)) {
    // No root phrase can match over a word cut to its root: the root text's hits all lie in
    // words kept whole, where the surface pass sees them too. They are recorded after the
    // surface hits, in the order a pass over the root text would give.
    const rootHits: number[] = [];
    compiled.matcher.scan(normalized.text, (term, start) => {
      if (compiled.terms[term]!.on === 'text') recordHit(compiled, analysis, 'text', term, start);
      else heldRootHit(compiled, normalized, term, start, rootHits);
    });
    for (let at = 0; at < rootHits.length; at += 3) addHit(compiled, analysis, rootHits[at]!, rootHits[at + 1]!, rootHits[at + 2]!);
  } else {
    compiled.matcher.scan(normalized.text, (term, start) => recordHit(compiled, analysis, 'text', term, start));
    if (compiled.usesRoots) compiled.matcher.scan(normalized.rootText, (term, start) => recordHit(compiled, analysis, 'root', term, start));
  }

  findNumbersAndGestures(compiled, normalized, analysis);
  return analysis;
}

/**
 * Whether every token's root is its surface form, i.e. `rootText === text` (tokens hold no
 * spaces and are joined the same way in both). The normaliser then gives the text itself as the
 * root text, so the check is one comparison of a string with itself.
 */
function sameRoots(normalized: NormalizedText): boolean {
  return normalized.rootText === normalized.text;
}

/** A root term holding a word, and where in the term the word stands. */
interface RootTermPlace {
  words: readonly string[];
  at: number;
}

/**
 * The root lexicons' terms by each of their words, or null when some term holds more than words
 * (letters, digits, marks) and single spaces: such a term may match inside a token, and the
 * single pass of {@link rootsMeetNoTerm} is not tried.
 */
const rootTermPlacesOf = new WeakMap<CompiledRules, ReadonlyMap<string, readonly RootTermPlace[]> | null>();
function rootTermPlaces(compiled: CompiledRules): ReadonlyMap<string, readonly RootTermPlace[]> | null {
  const known = rootTermPlacesOf.get(compiled);
  if (known !== undefined) return known;
  const units = wordUnits();
  let places: Map<string, RootTermPlace[]> | null = new Map();
  for (let index = 0; index < compiled.terms.length && places; index++) {
    if (compiled.terms[index]!.on !== 'root') continue;
    const words = compiled.matcher.terms[index]!.split(' ');
    if (!words.every((word) => isAllWord(word, units))) places = null;
    else words.forEach((word, at) => (places!.get(word) ?? places!.set(word, []).get(word)!).push({ words, at }));
  }
  rootTermPlacesOf.set(compiled, places);
  return places;
}

function isAllWord(text: string, units: Uint8Array): boolean {
  if (text.length === 0) return false;
  // Not `text.charCodeAt`: see normalizeText on method loads from strings of many shapes.
  const codeUnitAt = String.prototype.charCodeAt;
  const length = text.length;
  for (let index = 0; index < length; index++) if (units[codeUnitAt.call(text, index)] !== 1) return false;
  return true;
}

/**
 * Whether no root term can match over a word cut to its root. A root term matches whole words
 * joined by single spaces, so a match over a cut word lines up with the roots of the tokens
 * around it; any token in the way that holds more than word characters (a number such as 27/11)
 * answers no, to be safe.
 */
function rootsMeetNoTerm(compiled: CompiledRules, tokens: readonly NormalizedToken[]): boolean {
  const places = rootTermPlaces(compiled);
  if (!places) return false;
  const units = wordUnits();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.root === token.text) continue;
    if (!isAllWord(token.root, units)) return false;
    for (const place of places.get(token.root) ?? []) if (mayLineUp(tokens, index, place, units)) return false;
  }
  return true;
}

/** Whether `place`'s term may match with its word `place.at` on token `index`: walking out from it, every token's root is the term's word. */
function mayLineUp(tokens: readonly NormalizedToken[], index: number, place: RootTermPlace, units: Uint8Array): boolean {
  const first = index - place.at;
  if (first < 0 || first + place.words.length > tokens.length) return false;
  for (let word = place.at - 1; word >= 0; word--) {
    const root = tokens[first + word]!.root;
    if (!isAllWord(root, units)) return true;
    if (root !== place.words[word]) return false;
  }
  for (let word = place.at + 1; word < place.words.length; word++) {
    const root = tokens[first + word]!.root;
    if (!isAllWord(root, units)) return true;
    if (root !== place.words[word]) return false;
  }
  return true;
}

/** Keep a root term's hit on the surface text as (term, first, last) when it covers only words kept whole. */
function heldRootHit(compiled: CompiledRules, normalized: NormalizedText, termIndex: number, start: number, out: number[]): void {
  const first = tokenAt(normalized, start, 'text');
  if (first < 0) return;
  const tokens = normalized.tokens;
  const last = lastToken(tokens, first, start + compiled.matcher.terms[termIndex]!.length, 'text');
  for (let index = first; index <= last; index++) if (tokens[index]!.root !== tokens[index]!.text) return;
  out.push(termIndex, first, last);
}

/** The last token a hit from token `first` to offset `end` (exclusive) of the `on` text covers. */
function lastToken(tokens: readonly NormalizedToken[], first: number, end: number, on: 'text' | 'root'): number {
  let last = first;
  if (on === 'text') while (last + 1 < tokens.length && tokens[last]!.end < end) last++;
  else while (last + 1 < tokens.length && tokens[last]!.rootEnd < end) last++;
  return last;
}

/** Record one matcher hit at `start` of the `on` text as lexicon hits and candidate mentions. */
function recordHit(compiled: CompiledRules, analysis: FieldAnalysis, on: 'text' | 'root', termIndex: number, start: number): void {
  const meaning = compiled.terms[termIndex]!;
  if (meaning.on !== on) return;
  const normalized = analysis.normalized;
  const first = tokenAt(normalized, start, on);
  if (first < 0) return;
  addHit(compiled, analysis, termIndex, first, lastToken(normalized.tokens, first, start + compiled.matcher.terms[termIndex]!.length, on));
}

/** Record a hit of a term over tokens `first` to `last` as lexicon hits and candidate mentions. */
function addHit(compiled: CompiledRules, analysis: FieldAnalysis, termIndex: number, first: number, last: number): void {
  const meaning = compiled.terms[termIndex]!;
  const term = compiled.matcher.terms[termIndex]!;
  for (const lexicon of meaning.lexicons) {
    let list = analysis.lexiconHits[lexicon];
    if (!list) {
      analysis.lexiconHits[lexicon] = list = [];
      analysis.hitLexicons.push(lexicon);
    }
    list.push({ first, last, term });
  }
  for (const mention of meaning.mentions) analysis.mentions.push({ first, last, term, pair: mention.pair, via: mention.via });
}

function tokenAt(normalized: NormalizedText, offset: number, on: 'text' | 'root'): number {
  const tokens = normalized.tokens;
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = on === 'text' ? tokens[middle]!.start : tokens[middle]!.rootStart;
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Ballot numbers count only in context: after a cue word ("nomor", "coblos", "paslon", ...), or
 * written zero-padded ("02"). A bare "2" (hati2, 2 jam) is not a candidate mention.
 */
function findNumbersAndGestures(compiled: CompiledRules, normalized: NormalizedText, analysis: FieldAnalysis): void {
  const tokens = normalized.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'number' && token.text.length <= 2) {
      const value = Number(token.text);
      if (!compiled.pairNumbers.has(value)) continue;
      const previous = tokens[index - 1];
      const beforePrevious = tokens[index - 2];
      const cued = (previous !== undefined && (BALLOT_CUE_WORDS.has(previous.root) || BALLOT_CUE_WORDS.has(previous.text))) || (previous?.text === 'urut' && beforePrevious !== undefined);
      const padded = token.text.length === 2 && token.text.startsWith('0');
      const fingers = tokens[index + 1]?.text === 'jari';
      if (cued || padded) analysis.mentions.push({ first: cued && previous ? index - 1 : index, last: index, term: cued && previous ? `${previous.text} ${token.text}` : token.text, pair: value, via: 'number' });
      if (fingers) analysis.gestures.push({ first: previous?.text === 'salam' ? index - 1 : index, last: index + 1, term: `${token.text} jari`, pair: value, kind: 'words' });
      continue;
    }
    if (token.kind === 'emoji') {
      const keycap = /^(\d)\u20e3$/.exec(token.text);
      if (keycap) {
        const value = Number(keycap[1]);
        if (compiled.pairNumbers.has(value)) {
          analysis.gestures.push({ first: index, last: index, term: token.text, pair: value, kind: 'keycap' });
          analysis.mentions.push({ first: index, last: index, term: token.text, pair: value, via: 'number' });
        }
        continue;
      }
      const fingers = GESTURE_EMOJI[token.text];
      if (fingers !== undefined && compiled.pairNumbers.has(fingers)) analysis.gestures.push({ first: index, last: index, term: token.text, pair: fingers, kind: 'emoji' });
      continue;
    }
    if (tokens[index + 1]?.text !== 'jari') continue;
    const numberWord = NUMBER_WORDS.get(token.text);
    if (numberWord !== undefined && compiled.pairNumbers.has(numberWord)) {
      const salam = tokens[index - 1]?.text === 'salam';
      analysis.gestures.push({ first: salam ? index - 1 : index, last: index + 1, term: `${salam ? 'salam ' : ''}${token.text} jari`, pair: numberWord, kind: 'words' });
    }
  }
}
