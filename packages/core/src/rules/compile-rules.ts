import { err, ok, type Result } from 'neverthrow';
import { BUILTIN_CLAIMS } from '../claims/builtin-claims.js';
import { compileClaimMatcher, DEFAULT_CLAIM_MIN_SCORE, type ClaimMatcher } from '../claims/claim-matcher.js';
import type { Claim } from '../claims/claim-schema.js';
import type { ElectionContext } from '../election/election-context-schema.js';
import { DEFAULT_ROOT_WORDS } from '../text/indonesian-stemmer.js';
import { normalizeText } from '../text/normalize-text.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { BUILTIN_LEXICONS } from './builtin/builtin-lexicons.js';
import { campaignAccounts, candidateTerms, type CampaignAccountInfo } from './candidate-terms.js';
import type { RuleSetError } from './rule-set-error.js';
import type { Condition, Lexicon, MentionVia, Predicate, Rule, RuleSet, TextScope } from './rule-set-schema.js';
import { compileSafeRegex } from './safe-regex.js';
import { compileTermMatcher, type TermMatcher } from './term-matcher.js';

/** A lexicon after compilation, addressed by its index in {@link CompiledRules.lexicons}. */
export interface CompiledLexicon {
  /** `ruleSetId/lexiconId`, or `builtin/lexiconId`. */
  key: string;
  sensitive: boolean;
}

/** What a matcher term stands for. */
export interface TermMeaning {
  /** Match on the surface text or on the root text. */
  on: 'text' | 'root';
  lexicons: number[];
  mentions: { pair: number; via: MentionVia }[];
}

/** A compiled predicate or condition tree. */
export type CompiledCondition =
  | { kind: 'all'; children: CompiledCondition[] }
  | { kind: 'any'; children: CompiledCondition[] }
  | { kind: 'not'; child: CompiledCondition }
  | { kind: 'mentions'; pairs?: ReadonlySet<number>; via: ReadonlySet<MentionVia>; scope: TextScope; maxPairs?: number }
  | { kind: 'lexicon'; lexicon: number; scope: TextScope; nearCandidate?: number; nearLexicon?: { lexicon: number; words: number }; unlessAfter?: { lexicon: number; words: number }; minTerms: number; name: string }
  | { kind: 'hashtag'; tags?: ReadonlySet<string>; candidate: boolean }
  | { kind: 'gesture'; pairs?: ReadonlySet<number>; kinds: ReadonlySet<'emoji' | 'keycap' | 'words'>; scope: TextScope }
  | { kind: 'interacts'; via?: ReadonlySet<string>; accounts: ReadonlySet<'official' | 'known'> }
  | { kind: 'authorCategory'; categories: ReadonlySet<string> }
  | { kind: 'regex'; regex: RegExp; scope: TextScope; on: 'text' | 'root'; source: string }
  | { kind: 'authorAccount'; registered: boolean }
  | { kind: 'media'; types?: ReadonlySet<string> }
  | { kind: 'claim'; minScore: number; topics?: ReadonlySet<string>; scope: TextScope }
  | { kind: 'classifier'; id: string; label: string; minScore: number; scope: TextScope };

/** One rule ready to run. */
export interface CompiledRule {
  ruleSet: RuleSet;
  rule: Rule;
  condition: CompiledCondition;
}

/** Every rule of every rule set, with one term matcher for all their literal terms. */
export interface CompiledRules {
  context: ElectionContext;
  rules: CompiledRule[];
  /** Rule indexes by `subjectCategory|itemKind`, so an item only meets the rules that can apply. */
  rulesByTarget: ReadonlyMap<string, readonly number[]>;
  matcher: TermMatcher;
  terms: readonly TermMeaning[];
  lexicons: readonly CompiledLexicon[];
  /** Roots the normaliser strips affixes towards. */
  roots: ReadonlySet<string>;
  /** Lower-cased hashtags of each pair. */
  candidateHashtags: ReadonlyMap<string, number>;
  accounts: ReadonlyMap<string, CampaignAccountInfo>;
  pairNumbers: ReadonlySet<number>;
  /** Whether any rule needs the root text (otherwise matching skips it). */
  usesRoots: boolean;
  /** The claim registry compiled for matching, when a rule has a `claim` predicate. */
  claims?: ClaimMatcher;
  /** The lowest `minScore` of any `claim` predicate: matches below it are never looked at. */
  claimFloor?: number;
  /** Ids of the classifiers the rules read: the pre-pass scores items with these only. */
  classifierIds: ReadonlySet<string>;
}

/** Options for {@link compileRules}. */
export interface CompileRulesOptions {
  /**
   * Extra lexicons (e.g. a third-party list the user loads from their own path), resolved by id
   * after a rule set's own lexicons and before the built-in ones.
   */
  lexicons?: Record<string, Lexicon>;
  /**
   * The known false claims `claim` predicates match against (e.g. the built-in registry merged
   * with the office's `claims.json` by `mergeClaims`).
   * @default BUILTIN_CLAIMS
   */
  claims?: readonly Claim[];
}

const ALL_VIA: MentionVia[] = ['name', 'alias', 'pair_name', 'slogan', 'hashtag', 'account', 'number'];

/**
 * Compile rule sets against an election context: candidate names, numbers, hashtags and
 * accounts come from the context; every literal term of every rule goes into one matcher.
 */
export function compileRules(ruleSets: readonly RuleSet[], context: ElectionContext, options: CompileRulesOptions = {}): Result<CompiledRules, RuleSetError> {
  const issues: ValidationIssue[] = [];
  const lexicons: CompiledLexicon[] = [];
  const lexiconIndex = new Map<string, number>();
  const rootWords = new Set<string>(DEFAULT_ROOT_WORDS);
  const pendingTerms: { term: string; on: 'text' | 'root'; lexicon?: number; mention?: { pair: number; via: MentionVia } }[] = [];
  let usesRoots = false;
  let usesClaims = false;
  let claimFloor = 1;
  const classifierIds = new Set<string>();

  const resolveLexicon = (ruleSet: RuleSet, id: string, path: string): number | undefined => {
    const local = ruleSet.lexicons[id];
    const extra = options.lexicons?.[id];
    const builtin = BUILTIN_LEXICONS[id];
    const [key, lexicon] = local ? [`${ruleSet.id}/${id}`, local] : extra ? [`user/${id}`, extra] : builtin ? [`builtin/${id}`, builtin] : [undefined, undefined];
    if (!key || !lexicon) {
      issues.push({ path, message: `unknown lexicon "${id}": define it under "lexicons" or use a built-in one (${Object.keys(BUILTIN_LEXICONS).join(', ')})` });
      return undefined;
    }
    const known = lexiconIndex.get(key);
    if (known !== undefined) return known;
    const index = lexicons.length;
    lexicons.push({ key, sensitive: lexicon.sensitive });
    lexiconIndex.set(key, index);
    if (lexicon.match === 'root') usesRoots = true;
    for (const term of lexicon.terms) {
      const normalized = normalizeText(term);
      if (normalized.tokens.length === 0) {
        issues.push({ path, message: `lexicon "${id}" term "${term}" is empty after normalisation` });
        continue;
      }
      // A one-word term of a root lexicon is a root; words inside phrases are stemmed below.
      const only = normalized.tokens[0]!;
      if (lexicon.match === 'root' && normalized.tokens.length === 1 && only.kind === 'word') rootWords.add(only.text);
      pendingTerms.push({ term: lexicon.match === 'root' ? term : normalized.text, on: lexicon.match === 'root' ? 'root' : 'text', lexicon: index });
    }
    return index;
  };

  const rules: CompiledRule[] = [];
  ruleSets.forEach((ruleSet, setIndex) => {
    const refs = new Map<string, CompiledCondition | null>();
    const compile = (condition: Condition, path: string, stack: string[]): CompiledCondition | undefined => {
      if ('all' in condition) return group('all', condition.all, path, stack);
      if ('any' in condition) return group('any', condition.any, path, stack);
      if ('not' in condition) {
        const child = compile(condition.not, `${path}.not`, stack);
        return child && { kind: 'not', child };
      }
      return predicate(condition, path, stack);
    };
    const group = (kind: 'all' | 'any', children: Condition[], path: string, stack: string[]): CompiledCondition | undefined => {
      const compiled = children.map((child, index) => compile(child, `${path}.${kind}.${index}`, stack));
      return compiled.every((child) => child !== undefined) ? { kind, children: compiled as CompiledCondition[] } : undefined;
    };
    const predicate = (predicate: Predicate, path: string, stack: string[]): CompiledCondition | undefined => {
      switch (predicate.type) {
        case 'mentionsCandidate':
          return { kind: 'mentions', pairs: predicate.pairs && new Set(predicate.pairs), via: new Set(predicate.via ?? ALL_VIA), scope: predicate.scope, maxPairs: predicate.maxPairs };
        case 'lexicon': {
          const lexicon = resolveLexicon(ruleSet, predicate.lexicon, `${path}.lexicon`);
          const unless = predicate.unlessAfter ? resolveLexicon(ruleSet, predicate.unlessAfter.lexicon, `${path}.unlessAfter.lexicon`) : undefined;
          const near = predicate.nearLexicon ? resolveLexicon(ruleSet, predicate.nearLexicon.lexicon, `${path}.nearLexicon.lexicon`) : undefined;
          if (lexicon === undefined || (predicate.unlessAfter && unless === undefined) || (predicate.nearLexicon && near === undefined)) return undefined;
          return {
            kind: 'lexicon',
            lexicon,
            scope: predicate.scope,
            nearCandidate: predicate.nearCandidate,
            nearLexicon: predicate.nearLexicon && near !== undefined ? { lexicon: near, words: predicate.nearLexicon.words } : undefined,
            unlessAfter: predicate.unlessAfter && unless !== undefined ? { lexicon: unless, words: predicate.unlessAfter.words } : undefined,
            minTerms: predicate.minTerms,
            name: predicate.lexicon,
          };
        }
        case 'hashtag':
          return { kind: 'hashtag', tags: predicate.tags && new Set(predicate.tags.map((tag) => tag.replace(/^#/, '').toLowerCase())), candidate: predicate.candidate ?? !predicate.tags };
        case 'ballotGesture':
          return { kind: 'gesture', pairs: predicate.pairs && new Set(predicate.pairs), kinds: new Set(predicate.kinds ?? ['emoji', 'keycap', 'words']), scope: predicate.scope };
        case 'interactsWithCandidateAccount':
          return { kind: 'interacts', via: predicate.via && new Set(predicate.via), accounts: new Set(predicate.accounts ?? ['official', 'known']) };
        case 'authorCategory':
          return { kind: 'authorCategory', categories: new Set(predicate.categories) };
        case 'regex': {
          const compiled = compileSafeRegex(predicate.pattern, predicate.flags);
          if (compiled.isErr()) {
            issues.push({ path: `${path}.pattern`, message: compiled.error });
            return undefined;
          }
          if (predicate.on === 'root') usesRoots = true;
          return { kind: 'regex', regex: compiled.value, scope: predicate.scope, on: predicate.on, source: predicate.pattern };
        }
        case 'authorAccount':
          return { kind: 'authorAccount', registered: predicate.registered };
        case 'media':
          return { kind: 'media', types: predicate.types && new Set(predicate.types) };
        case 'claim':
          usesClaims = true;
          claimFloor = Math.min(claimFloor, predicate.minScore ?? DEFAULT_CLAIM_MIN_SCORE);
          return { kind: 'claim', minScore: predicate.minScore ?? DEFAULT_CLAIM_MIN_SCORE, topics: predicate.topics && new Set(predicate.topics), scope: predicate.scope };
        case 'classifier':
          classifierIds.add(predicate.id);
          return { kind: 'classifier', id: predicate.id, label: predicate.label, minScore: predicate.minScore, scope: predicate.scope };
        case 'ref': {
          if (stack.includes(predicate.name)) {
            issues.push({ path, message: `condition "${predicate.name}" refers to itself (${[...stack, predicate.name].join(' → ')})` });
            return undefined;
          }
          const known = refs.get(predicate.name);
          if (known) return known;
          const definition = ruleSet.conditions[predicate.name];
          if (!definition) {
            issues.push({ path, message: `unknown condition "${predicate.name}": define it under "conditions"` });
            return undefined;
          }
          const compiled = compile(definition, `conditions.${predicate.name}`, [...stack, predicate.name]);
          refs.set(predicate.name, compiled ?? null);
          return compiled;
        }
      }
    };
    ruleSet.rules.forEach((rule, ruleIndex) => {
      const condition = compile(rule.when, `ruleSets.${setIndex}(${ruleSet.id}).rules.${ruleIndex}(${rule.id}).when`, []);
      if (condition) rules.push({ ruleSet, rule, condition });
    });
  });

  for (const term of candidateTerms(context)) {
    const normalized = normalizeText(term.hashtag ? term.phrase : term.phrase.replace(/#/g, ' '));
    if (normalized.tokens.length === 0) continue;
    pendingTerms.push({ term: normalized.text, on: 'text', mention: { pair: term.pair, via: term.via } });
  }

  if (issues.length > 0) {
    const first = issues[0]!;
    return err({ type: 'invalid_rule_set', source: ruleSets.map((set) => set.id).join(', '), message: `${first.path}: ${first.message}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`, issues });
  }

  // Words of root phrases that do not reduce to a known root are roots themselves ("darah" in
  // "halal darah"), so "darahnya" in a post reduces to it; "dukungan" in "surat dukungan" is not.
  for (const pending of pendingTerms) {
    if (pending.on !== 'root') continue;
    for (const token of normalizeText(pending.term, { roots: rootWords }).tokens) if (token.kind === 'word' && token.root === token.text) rootWords.add(token.text);
  }
  for (const pending of pendingTerms) if (pending.on === 'root') pending.term = normalizeText(pending.term, { roots: rootWords }).rootText;

  const termIndex = new Map<string, number>();
  const termList: string[] = [];
  const meanings: TermMeaning[] = [];
  for (const pending of pendingTerms) {
    const key = `${pending.on}\u0000${pending.term}`;
    let index = termIndex.get(key);
    if (index === undefined) {
      index = termList.length;
      termIndex.set(key, index);
      termList.push(pending.term);
      meanings.push({ on: pending.on, lexicons: [], mentions: [] });
    }
    const meaning = meanings[index]!;
    if (pending.lexicon !== undefined && !meaning.lexicons.includes(pending.lexicon)) meaning.lexicons.push(pending.lexicon);
    if (pending.mention && !meaning.mentions.some((mention) => mention.pair === pending.mention!.pair && mention.via === pending.mention!.via)) meaning.mentions.push(pending.mention);
  }

  const rulesByTarget = new Map<string, number[]>();
  rules.forEach((compiled, index) => {
    for (const category of compiled.rule.subjectCategories) {
      for (const kind of compiled.rule.itemKinds) {
        const key = `${category}|${kind}`;
        const list = rulesByTarget.get(key) ?? [];
        list.push(index);
        rulesByTarget.set(key, list);
      }
    }
  });

  const candidateHashtags = new Map<string, number>();
  for (const pair of context.candidatePairs) for (const tag of pair.hashtags) candidateHashtags.set(tag.toLowerCase(), pair.number);

  return ok({
    context,
    rules,
    rulesByTarget,
    matcher: compileTermMatcher(termList),
    terms: meanings,
    lexicons,
    roots: rootWords,
    candidateHashtags,
    accounts: campaignAccounts(context),
    pairNumbers: new Set(context.candidatePairs.map((pair) => pair.number)),
    usesRoots,
    claims: usesClaims ? claimMatcherFor(options.claims ?? BUILTIN_CLAIMS) : undefined,
    claimFloor: usesClaims ? claimFloor : undefined,
    classifierIds,
  });
}

/** Compiled registries by list identity: re-compiling rules (a cycle, a test) reuses the index. */
const claimMatchers = new WeakMap<readonly Claim[], ClaimMatcher>();
function claimMatcherFor(claims: readonly Claim[]): ClaimMatcher {
  let matcher = claimMatchers.get(claims);
  if (!matcher) claimMatchers.set(claims, (matcher = compileClaimMatcher(claims)));
  return matcher;
}
