import { compareCodeUnits } from '../hashing/code-unit-order.js';
import { normalizeText, type NormalizedText } from '../text/normalize-text.js';
import type { Claim } from './claim-schema.js';
import { numberTermKey, termWeightFactor, textTerms, wordTermKey } from './claim-terms.js';

/**
 * The least score of a claim predicate that names no `minScore`: a cautious value for office
 * rules. The built-in hoax rules carry lower thresholds of their own, chosen on the held-out
 * "tune" fixtures (`pnpm eval:rules` prints them), because they also exclude posts that use
 * debunk words.
 */
export const DEFAULT_CLAIM_MIN_SCORE = 0.55;

/** A post that re-states a known claim. */
export interface ClaimMatch {
  claim: Claim;
  /** Which of the claim's wordings it resembles most. */
  wording: number;
  /**
   * 0–1: the share of the wording's content (IDF-weighted terms, 80 %; word pairs in order,
   * 20 %) found in the post. Typos count 0.8 of a term.
   */
  score: number;
  /** Runs of the post's tokens (indexes into `NormalizedText.tokens`, inclusive) that carry the matched terms. */
  tokens: { first: number; last: number }[];
}

/** Options for {@link ClaimMatcher.match}. */
export interface ClaimMatchOptions {
  /**
   * Matches below this score are dropped.
   * @default 0.2
   */
  minScore?: number;
  /**
   * At most this many matches, best first.
   * @default 5
   */
  limit?: number;
}

/** Known claims compiled for matching: an inverted index of their terms. */
export interface ClaimMatcher {
  readonly claims: readonly Claim[];
  /** How many wordings the index holds. */
  readonly wordings: number;
  /** Claims the text re-states, best first. */
  match(text: NormalizedText, options?: ClaimMatchOptions): ClaimMatch[];
  /** {@link match} on raw text (normalised here). */
  matchText(text: string, options?: ClaimMatchOptions): ClaimMatch[];
}

interface Wording {
  claim: number;
  index: number;
  /** Distinct terms, in the order the wording first says them. */
  termList: string[];
  /** Where its terms start in the {@link WordingTerms} arrays (in the same order). */
  first: number;
  /** Indexes into `termList`, heaviest term first: the order misspellings are looked for in when bounding. */
  heaviestFirst: Int32Array;
  weight: number;
  /** Consecutive term pairs, each as `first's index in termList * termList.length + second's index` (small numbers, whatever the vocabulary's size). */
  bigrams: Set<number>;
  /** Weight of the terms too common to nominate candidates. */
  broadWeight: number;
}

/** The terms of every wording end to end, so scoring reads flat arrays rather than an object per wording. */
interface WordingTerms {
  /** Vocabulary ids. */
  ids: Int32Array;
  /** IDF weights. */
  weights: Float64Array;
  /** The length bits of post words that could be a misspelling of each (see {@link misspellingMask}); 0 when none can. */
  misspellings: Int32Array;
  /** The bucket of each one's first letter (see {@link INITIAL_BUCKETS}). */
  initials: Int32Array;
}

/** What the matcher knows of one term key a post may hold, built once per distinct key. */
interface PostTerm {
  key: string;
  /** Its vocabulary id, or -1 when no wording holds it. */
  id: number;
  /** The wordings it nominates (when it is a wording term that is not too common): `postingWordings[from..to)`. */
  from: number;
  to: number;
  /** Its first letter's code and bucket; the bit of its length, or 0 when it is too short to stand for a misspelt term. */
  initial: number;
  bucket: number;
  lengthBit: number;
  /** The last post that listed it among its distinct terms of 4+ letters. */
  listed: number;
  /** Whether it is spelt like a claim term (by vocabulary id), as {@link spelledLike} found, filled as asked. */
  like: Map<number, boolean> | undefined;
}

/** Share of a wording's weight the shared terms must reach before it is scored. */
const CANDIDATE_SHARE = 0.25;
const TERM_WEIGHT = 0.8;
const BIGRAM_WEIGHT = 0.2;
const FUZZY_CREDIT = 0.8;
/** Terms in more than this share of the wordings (and more than MIN_BROAD_POSTING) do not nominate candidates; they still score. */
const BROAD_SHARE = 0.02;
const MIN_BROAD_POSTING = 50;
/** Tokens further apart than this start a new matched run. */
const RUN_GAP = 3;
/** Distinct post words and terms remembered per matcher before the memo starts afresh. */
const MEMO_LIMIT = 50_000;

/**
 * Compile claims for matching. Each wording becomes a set of content terms (stemmed, function
 * words left out, digits read as number words) weighted by inverse document frequency, and its
 * consecutive term pairs. A post is first looked up term by term in an inverted index: a post
 * sharing no term with any claim costs one map look-up per word. Wordings that share enough
 * weight are then scored by IDF-weighted containment (how much of the claim the post says), with
 * a bonus for word pairs in the same order and partial credit for misspelt terms (character
 * trigrams).
 */
export function compileClaimMatcher(claims: readonly Claim[]): ClaimMatcher {
  const termsOf: string[][] = [];
  const origins: { claim: number; index: number }[] = [];
  claims.forEach((claim, claimIndex) => {
    claim.wordings.forEach((text, index) => {
      termsOf.push(textTerms(normalizeText(text)).keys);
      origins.push({ claim: claimIndex, index });
    });
  });
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const keys of termsOf) {
    for (const key of new Set(keys)) {
      const id = vocabulary.get(key);
      if (id === undefined) {
        vocabulary.set(key, documentFrequency.length);
        documentFrequency.push(1);
      } else documentFrequency[id]!++;
    }
  }
  const total = Math.max(1, termsOf.length);
  // Terms in more wordings than this are too common to nominate candidates (they still score):
  // a wording is then reached through its rarer terms, with its common terms' weight counted as
  // if present, so no wording that could pass the candidate share is missed.
  const broad = Math.max(MIN_BROAD_POSTING, Math.ceil(total * BROAD_SHARE));
  const postingLists = new Map<number, { wordings: number[]; weights: number[] }>();
  const allTerms: string[] = [];
  const allWeights: number[] = [];
  const wordings: Wording[] = termsOf.map((keys, index) => {
    const terms = new Map<string, number>();
    let weight = 0;
    let broadWeight = 0;
    for (const key of keys) {
      if (terms.has(key)) continue;
      const id = vocabulary.get(key)!;
      const frequency = documentFrequency[id]!;
      const termWeight = Math.log(1 + total / frequency) * termWeightFactor(key);
      terms.set(key, termWeight);
      weight += termWeight;
      if (frequency > broad) {
        broadWeight += termWeight;
        continue;
      }
      const list = postingLists.get(id);
      if (list) {
        list.wordings.push(index);
        list.weights.push(termWeight);
      } else postingLists.set(id, { wordings: [index], weights: [termWeight] });
    }
    const termList = [...terms.keys()];
    const termWeights = [...terms.values()];
    const first = allTerms.length;
    allTerms.push(...termList);
    allWeights.push(...termWeights);
    const bigrams = new Set<number>();
    const local = (key: string) => termList.indexOf(key);
    for (let position = 1; position < keys.length; position++) bigrams.add(local(keys[position - 1]!) * termList.length + local(keys[position]!));
    // Every field written out in one literal, not spread in from `origins`: spread objects each
    // get a map of their own, and scoring's reads of a wording's fields then go megamorphic.
    const { claim, index: wordingIndex } = origins[index]!;
    return {
      claim,
      index: wordingIndex,
      termList,
      first,
      heaviestFirst: Int32Array.from(termList.keys()).sort((a, b) => termWeights[b]! - termWeights[a]! || a - b),
      weight,
      bigrams,
      broadWeight,
    };
  });
  const wordingTerms: WordingTerms = {
    ids: Int32Array.from(allTerms, (key) => vocabulary.get(key)!),
    weights: Float64Array.from(allWeights),
    misspellings: Int32Array.from(allTerms, misspellingMask),
    initials: Int32Array.from(allTerms, (key) => key.charCodeAt(0) & (INITIAL_BUCKETS - 1)),
  };
  // All posting lists end to end, each term's wordings with the term's weight in each.
  const postingWordings = Int32Array.from([...postingLists.values()].flatMap((list) => list.wordings));
  const postingWeights = Float64Array.from([...postingLists.values()].flatMap((list) => list.weights));
  const postingFrom = new Int32Array(vocabulary.size);
  const postingTo = new Int32Array(vocabulary.size);
  let end = 0;
  for (const [id, list] of postingLists) {
    postingFrom[id] = end;
    postingTo[id] = end += list.wordings.length;
  }

  // Post words and their terms, remembered per matcher: a word costs one look-up for its key,
  // its vocabulary id and its posting list together.
  const termOfKey = new Map<string, PostTerm>();
  const termOfWord = new Map<string, PostTerm | null>();
  const termOfNumber = new Map<string, PostTerm>();
  const postTerm = (key: string): PostTerm => {
    let term = termOfKey.get(key);
    if (!term) {
      const id = vocabulary.get(key) ?? -1;
      const initial = key.charCodeAt(0);
      term = { key, id, from: id >= 0 ? postingFrom[id]! : 0, to: id >= 0 ? postingTo[id]! : 0, initial, bucket: initial & (INITIAL_BUCKETS - 1), lengthBit: key.length >= 4 ? lengthBit(key.length) : 0, listed: 0, like: undefined };
      termOfKey.set(key, term);
    }
    return term;
  };
  const state = new PostState(vocabulary.size);
  // The candidate test's two sides per wording, as the test always computed them, in flat arrays.
  const broadWeights = Float64Array.from(wordings, (wording) => wording.broadWeight);
  const candidateWeights = Float64Array.from(wordings, (wording) => CANDIDATE_SHARE * wording.weight * TERM_WEIGHT);
  const shared = new Float64Array(wordings.length);
  const touched = new Int32Array(wordings.length);

  const match = (text: NormalizedText, options: ClaimMatchOptions = {}): ClaimMatch[] => {
    const minScore = options.minScore ?? 0.2;
    const limit = options.limit ?? 5;
    // Start the memos afresh between posts only, so a post never holds two objects for one term.
    if (termOfKey.size >= MEMO_LIMIT || termOfWord.size >= MEMO_LIMIT || termOfNumber.size >= MEMO_LIMIT || state.post === 0x7fff_ffff) {
      termOfKey.clear();
      termOfWord.clear();
      termOfNumber.clear();
      state.restart();
    }
    const post = state.begin(text.tokens.length);
    const { seen, words, tokens: wordTokens } = state;
    // The post's terms (as `textTerms` gives them) and candidate retrieval in one pass: the
    // weight each wording shares with the post, through its rarer terms.
    const tokens = text.tokens;
    let size = 0;
    let count = 0;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      let term: PostTerm | null | undefined;
      if (token.kind === 'word') {
        term = termOfWord.get(token.text);
        if (term === undefined) {
          const key = wordTermKey(token.text);
          termOfWord.set(token.text, (term = key === null ? null : postTerm(key)));
        }
        if (term === null) continue;
      } else if (token.kind === 'number') {
        term = termOfNumber.get(token.text);
        if (term === undefined) termOfNumber.set(token.text, (term = postTerm(numberTermKey(token.text))));
      } else continue;
      words[size] = term;
      wordTokens[size++] = index;
      const id = term.id;
      if (id < 0 || seen[id] === post) continue;
      seen[id] = post;
      for (let at = term.from; at < term.to; at++) {
        const wordingIndex = postingWordings[at]!;
        if (shared[wordingIndex] === 0) touched[count++] = wordingIndex;
        shared[wordingIndex] = shared[wordingIndex]! + postingWeights[at]!;
      }
    }
    state.size = size;
    if (count === 0) return [];
    let best: Map<number, ClaimMatch> | undefined;
    let prepared = false;
    for (let at = 0; at < count; at++) {
      const wordingIndex = touched[at]!;
      const weight = shared[wordingIndex]!;
      shared[wordingIndex] = 0;
      if (weight + broadWeights[wordingIndex]! < candidateWeights[wordingIndex]!) continue;
      const wording = wordings[wordingIndex]!;
      if (!prepared) {
        state.prepare();
        prepared = true;
      }
      const scored = scoreWording(wording, wordingTerms, state, minScore);
      if (!scored || scored.score < minScore) continue;
      best ??= new Map();
      const previous = best.get(wording.claim);
      if (!previous || previous.score < scored.score) best.set(wording.claim, { claim: claims[wording.claim]!, wording: wording.index, score: scored.score, tokens: runsOf(state, scored.matched) });
    }
    if (!best) return [];
    return [...best.values()].sort((a, b) => b.score - a.score || compareCodeUnits(a.claim.id, b.claim.id)).slice(0, limit);
  };

  return {
    claims,
    wordings: wordings.length,
    match,
    matchText: (text, options) => match(normalizeText(text), options),
  };
}

/**
 * First letters fall in this many buckets, and post-word lengths in 32 bits (lengths of 31 and
 * more share the last bit). A term may be misspelt by a post word only if the word's bucket and
 * length bit meet the term's; sharing buckets and the last bit lets more through, never fewer,
 * so the test can only over-estimate what misspellings could add.
 */
const INITIAL_BUCKETS = 128;

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/** The length bits of post words that {@link nearOf} could take for `term`: within 3 letters of its length; 0 for terms it never looks up. */
function misspellingMask(term: string): number {
  if (term.length < 5) return 0;
  let mask = 0;
  for (let length = term.length - 3; length <= term.length + 3; length++) mask |= lengthBit(length);
  return mask;
}

/**
 * The current post as every candidate wording's scoring reads it, in buffers reused from post
 * to post. Per-term marks hold the post's number, so nothing is cleared between posts.
 */
class PostState {
  /** The current post's number. */
  post = 0;
  /** `seen[id] === post` for the vocabulary ids of the post's terms. */
  readonly seen: Int32Array;
  /** The post's terms, in order (`words[0..size)`), and the index of each one's token. */
  words: PostTerm[] = [];
  tokens = new Int32Array(64);
  size = 0;
  /** The post's consecutive pairs of wording terms, by vocabulary id (a pair said twice is here twice). */
  pairFirsts = new Int32Array(64);
  pairSeconds = new Int32Array(64);
  pairCount = 0;
  /** 1 + the index in a wording's term list of each of its terms' ids while its pairs are counted, else 0. */
  readonly localIndex: Int32Array;
  /** The post's distinct terms of 4+ letters, in order: a misspelt claim word is looked for only among these. */
  fuzzy: PostTerm[] = [];
  fuzzyCount = 0;
  /** Length bits of those terms, by first-letter bucket. */
  readonly lengthsByInitial = new Int32Array(INITIAL_BUCKETS);
  /** The post term spelt like each claim term (by id), or null, when `nearMark[id] === post`: wordings of one claim share most terms. */
  readonly nearMark: Int32Array;
  readonly near: (PostTerm | null)[];

  constructor(vocabularySize: number) {
    this.seen = new Int32Array(vocabularySize);
    this.nearMark = new Int32Array(vocabularySize);
    this.localIndex = new Int32Array(vocabularySize);
    this.near = new Array<PostTerm | null>(vocabularySize).fill(null);
  }

  begin(tokens: number): number {
    if (this.tokens.length < tokens) {
      this.tokens = new Int32Array(tokens * 2);
      this.pairFirsts = new Int32Array(tokens * 2);
      this.pairSeconds = new Int32Array(tokens * 2);
    }
    this.size = 0;
    return ++this.post;
  }

  restart(): void {
    this.seen.fill(0);
    this.nearMark.fill(0);
    this.post = 0;
  }

  /** What scoring reads beyond the terms: the word pairs and the words a misspelling may hide in. */
  prepare(): void {
    const { words, size, lengthsByInitial, pairFirsts, pairSeconds, fuzzy, post } = this;
    lengthsByInitial.fill(0);
    let pairCount = 0;
    let fuzzyCount = 0;
    for (let position = 0; position < size; position++) {
      const term = words[position]!;
      if (term.lengthBit !== 0) {
        lengthsByInitial[term.bucket] = lengthsByInitial[term.bucket]! | term.lengthBit;
        if (term.listed !== post) {
          term.listed = post;
          fuzzy[fuzzyCount++] = term;
        }
      }
      if (position > 0 && term.id >= 0) {
        const previous = words[position - 1]!.id;
        if (previous >= 0) {
          pairFirsts[pairCount] = previous;
          pairSeconds[pairCount++] = term.id;
        }
      }
    }
    this.pairCount = pairCount;
    this.fuzzyCount = fuzzyCount;
  }
}

/** Float slack for comparing the score bound with `minScore`: the bound sums the same weights in another order. */
const BOUND_SLACK = 1e-9;

/**
 * The wording's score against the post, or undefined when it cannot reach `minScore`. Exact
 * terms come first: with the most the post's misspelt words and word pairs could add, they
 * bound the score; then the pairs are counted, and each misspelt word looked for (heaviest
 * first) and not found lowers the bound, so most candidates are dropped after a few trigram
 * comparisons. The score itself is then summed in the wording's term order, as it always was
 * (the same float to the last bit).
 */
function scoreWording(wording: Wording, terms: WordingTerms, post: PostState, minScore: number): { score: number; matched: Set<string> } | undefined {
  const { ids: termIds, weights: termWeights, misspellings, initials } = terms;
  const { termList, first } = wording;
  const last = first + termList.length;
  const { seen, lengthsByInitial } = post;
  const stamp = post.post;
  let exact = 0;
  let fuzzyMost = 0;
  for (let at = first; at < last; at++) {
    if (seen[termIds[at]!] === stamp) exact += termWeights[at]!;
    else if ((misspellings[at]! & lengthsByInitial[initials[at]!]!) !== 0) fuzzyMost += termWeights[at]! * FUZZY_CREDIT;
  }
  if (scoreOf(wording, exact + fuzzyMost, wording.bigrams.size) < minScore - BOUND_SLACK) return undefined;
  const pairs = pairsIn(wording, terms, post);
  if (scoreOf(wording, exact + fuzzyMost, pairs) < minScore - BOUND_SLACK) return undefined;
  if (fuzzyMost > 0) {
    for (const local of wording.heaviestFirst) {
      const at = first + local;
      if (seen[termIds[at]!] === stamp || (misspellings[at]! & lengthsByInitial[initials[at]!]!) === 0 || nearOf(termIds[at]!, termList[local]!, post) !== null) continue;
      fuzzyMost -= termWeights[at]! * FUZZY_CREDIT;
      if (scoreOf(wording, exact + fuzzyMost, pairs) < minScore - BOUND_SLACK) return undefined;
    }
  }

  let found = 0;
  const matchedKeys = new Set<string>();
  for (let at = first; at < last; at++) {
    const term = termList[at - first]!;
    if (seen[termIds[at]!] === stamp) {
      found += termWeights[at]!;
      matchedKeys.add(term);
      continue;
    }
    // No post word can be a misspelling of a term outside the mask: skip the look-up.
    if ((misspellings[at]! & lengthsByInitial[initials[at]!]!) === 0) continue;
    const near = nearOf(termIds[at]!, term, post);
    if (near !== null) {
      found += termWeights[at]! * FUZZY_CREDIT;
      matchedKeys.add(near.key);
    }
  }
  return { score: scoreOf(wording, found, pairs), matched: matchedKeys };
}

/** How many of the post's consecutive term pairs are word pairs of the wording (a pair said twice counts twice). */
function pairsIn(wording: Wording, terms: WordingTerms, post: PostState): number {
  const { bigrams, first, termList } = wording;
  if (bigrams.size === 0) return 0;
  const { pairFirsts, pairSeconds, pairCount, localIndex } = post;
  const { ids } = terms;
  const last = first + termList.length;
  for (let at = first; at < last; at++) localIndex[ids[at]!] = at - first + 1;
  let count = 0;
  // Only a pair of two of the wording's terms can be one of its pairs.
  for (let at = 0; at < pairCount; at++) {
    const one = localIndex[pairFirsts[at]!]!;
    const two = localIndex[pairSeconds[at]!]!;
    if (one !== 0 && two !== 0 && bigrams.has((one - 1) * termList.length + two - 1)) count++;
  }
  for (let at = first; at < last; at++) localIndex[ids[at]!] = 0;
  return count;
}

/** IDF-weighted containment of the terms, with the share of word pairs in order. */
function scoreOf(wording: Wording, found: number, pairs: number): number {
  const termShare = wording.weight > 0 ? found / wording.weight : 0;
  const pairShare = wording.bigrams.size > 0 ? Math.min(1, pairs / wording.bigrams.size) : termShare;
  return Math.min(1, TERM_WEIGHT * termShare + BIGRAM_WEIGHT * pairShare);
}

/**
 * The first of the post's distinct terms spelt like the claim term `term` (vocabulary id `id`),
 * or null: same first letter, length within 3 and character-trigram Dice ≥ 0.7, for typos and
 * odd spellings. Looked up once per term and post.
 */
function nearOf(id: number, term: string, post: PostState): PostTerm | null {
  if (post.nearMark[id] === post.post) return post.near[id]!;
  let near: PostTerm | null = null;
  if (term.length >= 5) {
    const initial = term.charCodeAt(0);
    const { fuzzy, fuzzyCount } = post;
    for (let at = 0; at < fuzzyCount; at++) {
      const candidate = fuzzy[at]!;
      if (candidate.initial !== initial || Math.abs(candidate.key.length - term.length) > 3) continue;
      if (spelledLike(candidate, id, term)) {
        near = candidate;
        break;
      }
    }
  }
  post.nearMark[id] = post.post;
  post.near[id] = near;
  return near;
}

/** Whether the post term's trigrams meet the claim term's with a Dice of 0.7 or more; remembered on the post term. */
function spelledLike(candidate: PostTerm, id: number, term: string): boolean {
  const like = candidate.like?.get(id);
  if (like !== undefined) return like;
  const grams = gramsOf(term);
  const other = gramsOf(candidate.key);
  const sizes = grams.size + other.size;
  // Leave as soon as the trigrams left to compare cannot lift the Dice to 0.7.
  let common = 0;
  let left = other.size;
  for (const gram of other) {
    if ((2 * (common + left)) / sizes < 0.7) break;
    if (grams.has(gram)) common++;
    left--;
  }
  const result = (2 * common) / sizes >= 0.7;
  (candidate.like ??= new Map()).set(id, result);
  return result;
}

const trigramCache = new Map<string, Set<string>>();
function gramsOf(word: string): Set<string> {
  let grams = trigramCache.get(word);
  if (!grams) {
    if (trigramCache.size > 100_000) trigramCache.clear();
    trigramCache.set(word, (grams = trigrams(word)));
  }
  return grams;
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const out = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) out.add(padded.slice(index, index + 3));
  return out;
}

/** Group the tokens of matched terms into runs; a lone matched word away from the others is left out when a run of two or more exists. */
function runsOf(post: PostState, matched: ReadonlySet<string>): { first: number; last: number }[] {
  const { words, tokens, size } = post;
  const runs: { first: number; last: number; count: number }[] = [];
  for (let position = 0; position < size; position++) {
    if (!matched.has(words[position]!.key)) continue;
    const token = tokens[position]!;
    const last = runs[runs.length - 1];
    if (last && token - last.last <= RUN_GAP) {
      last.last = token;
      last.count++;
    } else runs.push({ first: token, last: token, count: 1 });
  }
  const strong = runs.filter((run) => run.count >= 2);
  return (strong.length > 0 ? strong : runs).map(({ first, last }) => ({ first, last }));
}
