import { ItemSchema } from '../../capture/item-schema.js';
import { SubjectSchema } from '../../subject/subject-schema.js';
import { BUILTIN_RULE_SETS } from '../builtin/builtin-rule-sets.js';
import { compileRules } from '../compile-rules.js';
import { evaluateItem } from '../evaluate-item.js';
import type { Condition, RuleSet } from '../rule-set-schema.js';
import { EXAMPLE_ELECTION, PHASE_TIMES } from './example-election.js';
import type { RuleFixture } from './rule-fixture.js';

/** The built-in hoax rules that rest on a claim match: one alone, one with a call to spread. */
export const CLAIM_RULES = { strong: 'umum.hoaks_klaim_terbantah', spread: 'umum.hoaks_klaim_terbantah_disebar' } as const;

/** The two claim thresholds of the built-in hoax rule set. */
export interface ClaimThresholds {
  /** A claim match alone (and no debunk words). */
  strong: number;
  /** A claim match beside a call to spread it ("viralkan", "info orang dalam"). */
  spread: number;
}

/** What one fixture scored: the best claim score each claim rule saw, and whether another hoax rule flagged it. */
interface FixtureScore {
  expected: boolean;
  strong: number;
  spread: number;
  other: boolean;
}

/** Precision and recall of the hoax category at given thresholds. */
export interface ClaimScore {
  thresholds: ClaimThresholds;
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

function withMinScores(condition: Condition, minScore: number): Condition {
  if ('all' in condition) return { all: condition.all.map((child) => withMinScores(child, minScore)) };
  if ('any' in condition) return { any: condition.any.map((child) => withMinScores(child, minScore)) };
  if ('not' in condition) return { not: withMinScores(condition.not, minScore) };
  return condition.type === 'claim' ? { ...condition, minScore } : condition;
}

/** The thresholds the built-in hoax rule set carries. */
export function configuredClaimThresholds(): ClaimThresholds {
  const hoax = BUILTIN_RULE_SETS.find((set) => set.id === 'hoax')!;
  const minScoreOf = (name: string): number => {
    const found: number[] = [];
    const walk = (condition: Condition): void => {
      if ('all' in condition) condition.all.forEach(walk);
      else if ('any' in condition) condition.any.forEach(walk);
      else if ('not' in condition) walk(condition.not);
      else if (condition.type === 'claim' && condition.minScore !== undefined) found.push(condition.minScore);
    };
    walk(hoax.conditions[name]!);
    return found[0]!;
  };
  return { strong: minScoreOf('known_claim'), spread: minScoreOf('known_claim_spread') };
}

/**
 * Run the built-in rule sets with every claim threshold at 0 and record, per fixture, the best
 * claim score each claim rule reached: any pair of thresholds can then be judged without running
 * the rules again.
 */
function scoreFixtures(fixtures: readonly RuleFixture[]): FixtureScore[] {
  const ruleSets: RuleSet[] = BUILTIN_RULE_SETS.map((set) =>
    set.id === 'hoax' ? { ...set, conditions: Object.fromEntries(Object.entries(set.conditions).map(([name, condition]) => [name, withMinScores(condition, 0)])) } : set,
  );
  const compiled = compileRules(ruleSets, EXAMPLE_ELECTION);
  if (compiled.isErr()) throw new Error(compiled.error.message);
  return fixtures.map((fixture, index) => {
    const subject = SubjectSchema.parse({ id: `claims-${fixture.subject}`, name: 'Subjek contoh', category: fixture.subject, accounts: [{ platform: 'x', handle: `contoh_${fixture.subject}` }] });
    const item = ItemSchema.parse({ platform: 'x', id: `claim-fx-${index}`, kind: 'post', author: { handle: `contoh_${fixture.subject}` }, createdAt: PHASE_TIMES[fixture.phase], ...fixture.item });
    const findings = evaluateItem(compiled.value, { item, subject, evidence: { captureId: 'fixtures', rawBlobs: [] }, now: PHASE_TIMES[fixture.phase] }).filter((finding) => finding.category === 'hoax');
    const best = (ruleId: string): number => Math.max(-1, ...findings.filter((finding) => finding.ruleId === ruleId).flatMap((finding) => (finding.claims ?? []).map((known) => known.score)));
    return {
      expected: fixture.expected,
      strong: best(CLAIM_RULES.strong),
      spread: best(CLAIM_RULES.spread),
      other: findings.some((finding) => finding.ruleId !== CLAIM_RULES.strong && finding.ruleId !== CLAIM_RULES.spread),
    };
  });
}

function judge(scores: readonly FixtureScore[], thresholds: ClaimThresholds): ClaimScore {
  let truePositives = 0;
  let falsePositives = 0;
  let positives = 0;
  for (const score of scores) {
    const flagged = score.other || score.strong >= thresholds.strong || score.spread >= thresholds.spread;
    if (score.expected) {
      positives++;
      if (flagged) truePositives++;
    } else if (flagged) falsePositives++;
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = positives === 0 ? 1 : truePositives / positives;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { thresholds, positives, negatives: scores.length - positives, truePositives, falsePositives, precision, recall, f1 };
}

/**
 * Choose the two thresholds on `fixtures` (the tune half): the pair with the best F1, ties
 * going to higher precision and then to the higher (more cautious) thresholds. Thresholds move
 * in steps of 0.01; the spread threshold never exceeds the strong one.
 */
export function tuneClaimThresholds(fixtures: readonly RuleFixture[]): ClaimScore {
  const scores = scoreFixtures(fixtures);
  let best: ClaimScore | undefined;
  for (let strong = 100; strong >= 20; strong--) {
    for (let spread = strong; spread >= 15; spread--) {
      const candidate = judge(scores, { strong: strong / 100, spread: spread / 100 });
      if (!best || candidate.f1 > best.f1 + 1e-9 || (Math.abs(candidate.f1 - best.f1) <= 1e-9 && candidate.precision > best.precision + 1e-9)) best = candidate;
    }
  }
  return best!;
}

/** Precision and recall of the hoax category on `fixtures` at the given thresholds (default: the configured ones). */
export function scoreClaimFixtures(fixtures: readonly RuleFixture[], thresholds: ClaimThresholds = configuredClaimThresholds()): ClaimScore {
  return judge(scoreFixtures(fixtures), thresholds);
}

/** The fixtures the hoax category gets wrong at the given thresholds, with the claim scores they reached. */
export function claimFixtureMisses(fixtures: readonly RuleFixture[], thresholds: ClaimThresholds = configuredClaimThresholds()): { text: string; expected: boolean; strong: number; spread: number; other: boolean }[] {
  return scoreFixtures(fixtures).flatMap((score, index) => {
    const flagged = score.other || score.strong >= thresholds.strong || score.spread >= thresholds.spread;
    return flagged === score.expected ? [] : [{ text: fixtures[index]!.item.text ?? '', ...score }];
  });
}
