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
      wordings.push({ claim: claimIndex, index, terms: new Map(), weight: 0, bigrams: new Set(), broadWeight: 0 });
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
    for (let position = 1; position < keys.length; position++) wording.bigrams.add(`${keys[position - 1]} ${keys[position]}`);
  });
  const postings = new Map<string, { wordings: Int32Array; weights: Float64Array }>();
  for (const [key, list] of postingLists) postings.set(key, { wordings: Int32Array.from(list), weights: Float64Array.from(list, (index) => wordings[index]!.terms.get(key)!) });
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
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      const list = postings.get(key);
      if (!list) continue;
      const { wordings: hits, weights } = list;
      for (let at = 0; at < hits.length; at++) {
        const wordingIndex = hits[at]!;
        if (shared[wordingIndex] === 0) touched[count++] = wordingIndex;
        shared[wordingIndex] = shared[wordingIndex]! + weights[at]!;
      }
    }
    if (count === 0) return [];
    const best = new Map<number, ClaimMatch>();
    // The post's words by first letter, built when the first candidate is scored: a misspelt
    // claim word is looked for only among post words with the same first letter.
    let byInitial: Map<number, string[]> | undefined;
    for (let at = 0; at < count; at++) {
      const wordingIndex = touched[at]!;
      const weight = shared[wordingIndex]!;
      shared[wordingIndex] = 0;
      const wording = wordings[wordingIndex]!;
      if (weight + wording.broadWeight < CANDIDATE_SHARE * wording.weight * TERM_WEIGHT) continue;
      if (!byInitial) {
        byInitial = new Map();
        for (const key of seen) {
          if (key.length < 4) continue;
          const list = byInitial.get(key.charCodeAt(0));
          if (list) list.push(key);
          else byInitial.set(key.charCodeAt(0), [key]);
        }
      }
      const scored = scoreWording(wording, keys, seen, byInitial, gramsOf);
      if (scored.score < minScore) continue;
      const previous = best.get(wording.claim);
      if (!previous || previous.score < scored.score) best.set(wording.claim, { claim: claims[wording.claim]!, wording: wording.index, score: scored.score, tokens: runsOf(keys, tokens, scored.matched) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id)).slice(0, limit);
  };

  return {
    claims,
    wordings: wordings.length,
    match,
    matchText: (text, options) => match(normalizeText(text), options),
  };
}

function scoreWording(wording: Wording, keys: readonly string[], present: ReadonlySet<string>, byInitial: ReadonlyMap<number, readonly string[]>, gramsOf: (word: string) => Set<string>): { score: number; matched: Set<string> } {
  let found = 0;
  const matchedKeys = new Set<string>();
  for (const [term, weight] of wording.terms) {
    if (present.has(term)) {
      found += weight;
      matchedKeys.add(term);
      continue;
    }
    const near = nearestTerm(term, byInitial, gramsOf);
    if (near) {
      found += weight * FUZZY_CREDIT;
      matchedKeys.add(near);
    }
  }
  let pairs = 0;
  if (wording.bigrams.size > 0) {
    for (let position = 1; position < keys.length; position++) if (wording.bigrams.has(`${keys[position - 1]} ${keys[position]}`)) pairs++;
  }
  const termShare = wording.weight > 0 ? found / wording.weight : 0;
  const pairShare = wording.bigrams.size > 0 ? Math.min(1, pairs / wording.bigrams.size) : termShare;
  const score = Math.min(1, TERM_WEIGHT * termShare + BIGRAM_WEIGHT * pairShare);
  return { score, matched: matchedKeys };
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
    let common = 0;
    for (const gram of other) if (grams.has(gram)) common++;
    if ((2 * common) / (grams.size + other.size) >= 0.7) return candidate;
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
