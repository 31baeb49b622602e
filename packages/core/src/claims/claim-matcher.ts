import { normalizeText, type NormalizedText } from '../text/normalize-text.js';
import type { Claim } from './claim-schema.js';
import { termWeightFactor, textTerms } from './claim-terms.js';

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
  /** Distinct terms and their IDF weights. */
  terms: Map<string, number>;
  /** The same terms and weights as arrays, in the same order, for scoring. */
  termList: string[];
  termWeights: Float64Array;
  /** Indexes into `termList`, heaviest term first: the order misspellings are looked for in when bounding. */
  heaviestFirst: Int32Array;
  weight: number;
  bigrams: Set<string>;
  /** Weight of the terms too common to nominate candidates. */
  broadWeight: number;
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
  const wordings: Wording[] = [];
  const termsOf: string[][] = [];
  claims.forEach((claim, claimIndex) => {
    claim.wordings.forEach((text, index) => {
      const { keys } = textTerms(normalizeText(text));
      termsOf.push(keys);
      wordings.push({ claim: claimIndex, index, terms: new Map(), termList: [], termWeights: new Float64Array(0), heaviestFirst: new Int32Array(0), weight: 0, bigrams: new Set(), broadWeight: 0 });
    });
  });
  const documentFrequency = new Map<string, number>();
  for (const keys of termsOf) for (const key of new Set(keys)) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const total = Math.max(1, wordings.length);
  // Terms in more wordings than this are too common to nominate candidates (they still score):
  // a wording is then reached through its rarer terms, with its common terms' weight counted as
  // if present, so no wording that could pass the candidate share is missed.
  const broad = Math.max(MIN_BROAD_POSTING, Math.ceil(total * BROAD_SHARE));
  const postingLists = new Map<string, number[]>();
  wordings.forEach((wording, index) => {
    const keys = termsOf[index]!;
    for (const key of keys) {
      if (wording.terms.has(key)) continue;
      const frequency = documentFrequency.get(key)!;
      const weight = Math.log(1 + total / frequency) * termWeightFactor(key);
      wording.terms.set(key, weight);
      wording.weight += weight;
      if (frequency > broad) {
        wording.broadWeight += weight;
        continue;
      }
      const list = postingLists.get(key);
      if (list) list.push(index);
      else postingLists.set(key, [index]);
    }
    wording.termList = [...wording.terms.keys()];
    wording.termWeights = Float64Array.from(wording.terms.values());
    wording.heaviestFirst = Int32Array.from(wording.termList.keys()).sort((a, b) => wording.termWeights[b]! - wording.termWeights[a]! || a - b);
    for (let position = 1; position < keys.length; position++) wording.bigrams.add(`${keys[position - 1]} ${keys[position]}`);
  });
  // `post` marks the last match that read the list: a term said twice in a post counts once.
  const postings = new Map<string, { wordings: Int32Array; weights: Float64Array; post: number }>();
  for (const [key, list] of postingLists) postings.set(key, { wordings: Int32Array.from(list), weights: Float64Array.from(list, (index) => wordings[index]!.terms.get(key)!), post: 0 });
  let posts = 0;
  // Scratch space reused by every match: the weight each wording shares with the post.
  const shared = new Float64Array(wordings.length);
  const touched = new Int32Array(wordings.length);
  const trigramCache = new Map<string, Set<string>>();
  const gramsOf = (word: string): Set<string> => {
    let grams = trigramCache.get(word);
    if (!grams) {
      if (trigramCache.size > 100_000) trigramCache.clear();
      trigramCache.set(word, (grams = trigrams(word)));
    }
    return grams;
  };

  const match = (text: NormalizedText, options: ClaimMatchOptions = {}): ClaimMatch[] => {
    const minScore = options.minScore ?? 0.2;
    const limit = options.limit ?? 5;
    const { keys, tokens } = textTerms(text);
    if (keys.length === 0) return [];
    // Candidate retrieval: the weight each wording shares with the post, through its rarer terms.
    let count = 0;
    const post = ++posts;
    for (const key of keys) {
      const list = postings.get(key);
      if (!list || list.post === post) continue;
      list.post = post;
      const { wordings: hits, weights } = list;
      for (let at = 0; at < hits.length; at++) {
        const wordingIndex = hits[at]!;
        if (shared[wordingIndex] === 0) touched[count++] = wordingIndex;
        shared[wordingIndex] = shared[wordingIndex]! + weights[at]!;
      }
    }
    if (count === 0) return [];
    const best = new Map<number, ClaimMatch>();
    // What scoring needs of the post, built when the first candidate is scored.
    let terms: PostTerms | undefined;
    for (let at = 0; at < count; at++) {
      const wordingIndex = touched[at]!;
      const weight = shared[wordingIndex]!;
      shared[wordingIndex] = 0;
      const wording = wordings[wordingIndex]!;
      if (weight + wording.broadWeight < CANDIDATE_SHARE * wording.weight * TERM_WEIGHT) continue;
      terms ??= postTerms(keys);
      const scored = scoreWording(wording, terms, minScore, gramsOf);
      if (!scored || scored.score < minScore) continue;
      const previous = best.get(wording.claim);
      if (!previous || previous.score < scored.score) best.set(wording.claim, { claim: claims[wording.claim]!, wording: wording.index, score: scored.score, tokens: runsOf(keys, tokens, scored.matched) });
    }
    if (best.size === 0) return [];
    return [...best.values()].sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id)).slice(0, limit);
  };

  return {
    claims,
    wordings: wordings.length,
    match,
    matchText: (text, options) => match(normalizeText(text), options),
  };
}

/** A post's terms as every candidate wording's scoring reads them. */
interface PostTerms {
  keys: readonly string[];
  present: ReadonlySet<string>;
  /** The post's words of 4+ letters by first letter: a misspelt claim word is looked for only among these. */
  byInitial: Map<number, string[]>;
  /** {@link nearestTerm} per claim term, for this post: wordings of one claim share most terms. */
  near: Map<string, string | null>;
}

function postTerms(keys: readonly string[]): PostTerms {
  const present = new Set(keys);
  const byInitial = new Map<number, string[]>();
  for (const key of present) {
    if (key.length < 4) continue;
    const list = byInitial.get(key.charCodeAt(0));
    if (list) list.push(key);
    else byInitial.set(key.charCodeAt(0), [key]);
  }
  return { keys, present, byInitial, near: new Map() };
}

/** Float slack for comparing the score bound with `minScore`: the bound sums the same weights in another order. */
const BOUND_SLACK = 1e-9;

/**
 * The wording's score against the post, or undefined when it cannot reach `minScore`. Exact
 * terms and word pairs come first: with the most the post's misspelt words could add, they bound
 * the score, and each misspelt word looked for (heaviest first) and not found lowers the bound,
 * so most candidates are dropped after a few trigram comparisons. The score itself is then
 * summed in the wording's term order, as it always was (the same float to the last bit).
 */
function scoreWording(wording: Wording, post: PostTerms, minScore: number, gramsOf: (word: string) => Set<string>): { score: number; matched: Set<string> } | undefined {
  const { termList, termWeights } = wording;
  let exact = 0;
  let fuzzyMost = 0;
  for (let at = 0; at < termList.length; at++) {
    const term = termList[at]!;
    if (post.present.has(term)) exact += termWeights[at]!;
    else if (mayBeMisspelt(term, post.byInitial)) fuzzyMost += termWeights[at]! * FUZZY_CREDIT;
  }
  const pairs = pairsIn(wording, post.keys);
  if (scoreOf(wording, exact + fuzzyMost, pairs) < minScore - BOUND_SLACK) return undefined;
  if (fuzzyMost > 0) {
    for (const at of wording.heaviestFirst) {
      const term = termList[at]!;
      if (post.present.has(term) || !mayBeMisspelt(term, post.byInitial) || nearOf(term, post, gramsOf) !== null) continue;
      fuzzyMost -= termWeights[at]! * FUZZY_CREDIT;
      if (scoreOf(wording, exact + fuzzyMost, pairs) < minScore - BOUND_SLACK) return undefined;
    }
  }

  let found = 0;
  const matchedKeys = new Set<string>();
  for (let at = 0; at < termList.length; at++) {
    const term = termList[at]!;
    if (post.present.has(term)) {
      found += termWeights[at]!;
      matchedKeys.add(term);
      continue;
    }
    const near = nearOf(term, post, gramsOf);
    if (near !== null) {
      found += termWeights[at]! * FUZZY_CREDIT;
      matchedKeys.add(near);
    }
  }
  return { score: scoreOf(wording, found, pairs), matched: matchedKeys };
}

/** How many of the post's consecutive term pairs are word pairs of the wording (a pair said twice counts twice). */
function pairsIn(wording: Wording, keys: readonly string[]): number {
  if (wording.bigrams.size === 0) return 0;
  let pairs = 0;
  // Both words of a pair are terms of the wording: test that before building the pair's string.
  for (let position = 1; position < keys.length; position++) {
    const first = keys[position - 1]!;
    const second = keys[position]!;
    if (wording.terms.has(first) && wording.terms.has(second) && wording.bigrams.has(`${first} ${second}`)) pairs++;
  }
  return pairs;
}

/** IDF-weighted containment of the terms, with the share of word pairs in order. */
function scoreOf(wording: Wording, found: number, pairs: number): number {
  const termShare = wording.weight > 0 ? found / wording.weight : 0;
  const pairShare = wording.bigrams.size > 0 ? Math.min(1, pairs / wording.bigrams.size) : termShare;
  return Math.min(1, TERM_WEIGHT * termShare + BIGRAM_WEIGHT * pairShare);
}

/** {@link nearestTerm} for this post, or null, looked up once per term. */
function nearOf(term: string, post: PostTerms, gramsOf: (word: string) => Set<string>): string | null {
  let near = post.near.get(term);
  if (near === undefined) post.near.set(term, (near = nearestTerm(term, post.byInitial, gramsOf) ?? null));
  return near;
}

/** Whether {@link nearestTerm} could find a post word for `term`: the same first letter and a length within reach. */
function mayBeMisspelt(term: string, byInitial: ReadonlyMap<number, readonly string[]>): boolean {
  if (term.length < 5) return false;
  const sameInitial = byInitial.get(term.charCodeAt(0));
  if (!sameInitial) return false;
  for (const candidate of sameInitial) if (Math.abs(candidate.length - term.length) <= 3) return true;
  return false;
}

/** A post term spelt like `term` (character-trigram Dice ≥ 0.7, same first letter), for typos and odd spellings. */
function nearestTerm(term: string, byInitial: ReadonlyMap<number, readonly string[]>, gramsOf: (word: string) => Set<string>): string | undefined {
  if (term.length < 5) return undefined;
  const sameInitial = byInitial.get(term.charCodeAt(0));
  if (!sameInitial) return undefined;
  let grams: Set<string> | undefined;
  for (const candidate of sameInitial) {
    if (Math.abs(candidate.length - term.length) > 3) continue;
    grams ??= gramsOf(term);
    const other = gramsOf(candidate);
    const sizes = grams.size + other.size;
    // Leave as soon as the trigrams left to compare cannot lift the Dice to 0.7.
    let common = 0;
    let left = other.size;
    for (const gram of other) {
      if ((2 * (common + left)) / sizes < 0.7) break;
      if (grams.has(gram)) common++;
      left--;
    }
    if ((2 * common) / sizes >= 0.7) return candidate;
  }
  return undefined;
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const out = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) out.add(padded.slice(index, index + 3));
  return out;
}

/** Group the tokens of matched terms into runs; a lone matched word away from the others is left out when a run of two or more exists. */
function runsOf(keys: readonly string[], tokens: readonly number[], matched: ReadonlySet<string>): { first: number; last: number }[] {
  const runs: { first: number; last: number; count: number }[] = [];
  for (let position = 0; position < keys.length; position++) {
    if (!matched.has(keys[position]!)) continue;
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
