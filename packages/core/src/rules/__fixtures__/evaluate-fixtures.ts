import { ItemSchema } from '../../capture/item-schema.js';
import { FINDING_CATEGORIES, type FindingCategory } from '../../findings/finding-schema.js';
import { SubjectSchema, type Subject, type SubjectCategory } from '../../subject/subject-schema.js';
import { BUILTIN_RULE_SETS } from '../builtin/builtin-rule-sets.js';
import type { RuleSet } from '../rule-set-schema.js';
import { compileRules } from '../compile-rules.js';
import { evaluateItem } from '../evaluate-item.js';
import { ALL_FIXTURES } from './all-fixtures.js';
import { EXAMPLE_ELECTION, PHASE_TIMES } from './example-election.js';
import type { RuleFixture } from './rule-fixture.js';

/** Precision and recall of one category on its own fixtures. */
export interface CategoryScore {
  category: FindingCategory;
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** The fixtures the rules got wrong, for the report. */
  mistakes: { expected: boolean; text: string; line?: number }[];
}

/** The subject each fixture's category stands for; candidates and teams belong to pair 2. */
function subjectFor(category: SubjectCategory): Subject {
  const accounts: Record<string, { platform: string; handle: string }[]> = {
    candidate: [{ platform: 'x', handle: 'baskara_resmi' }, { platform: 'x', handle: 'bagus_wiratmaja' }],
    tim_kampanye: [{ platform: 'x', handle: 'baskara_resmi' }, { platform: 'x', handle: 'timbaskara_sukamaju' }],
  };
  return SubjectSchema.parse({
    id: `fixture-${category}`,
    name: `Subjek contoh ${category}`,
    category,
    candidatePairNumber: category === 'candidate' || category === 'tim_kampanye' || category === 'relawan' ? 2 : undefined,
    accounts: accounts[category] ?? [{ platform: 'x', handle: `contoh_${category}` }],
  });
}

/**
 * Run the built-in rule sets over every fixture and score each category on its own fixtures: a
 * positive counts as found when any rule of its category flags it; a negative is a false
 * positive when any rule of its category flags it.
 */
export function evaluateFixtures(fixtures: readonly RuleFixture[] = ALL_FIXTURES, ruleSets: readonly RuleSet[] = BUILTIN_RULE_SETS): CategoryScore[] {
  const compiled = compileRules(ruleSets, EXAMPLE_ELECTION);
  if (compiled.isErr()) throw new Error(compiled.error.message);
  const scores = new Map<FindingCategory, CategoryScore>();
  for (const category of FINDING_CATEGORIES) {
    scores.set(category, { category, positives: 0, negatives: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, mistakes: [] });
  }
  fixtures.forEach((fixture, index) => {
    const subject = subjectFor(fixture.subject);
    const item = ItemSchema.parse({
      platform: 'x',
      id: `fx-${index}`,
      kind: 'post',
      author: { handle: subject.accounts[0]?.handle ?? 'anon' },
      createdAt: PHASE_TIMES[fixture.phase],
      ...fixture.item,
    });
    const findings = evaluateItem(compiled.value, { item, subject, evidence: { captureId: 'fixtures', rawBlobs: [] }, now: PHASE_TIMES[fixture.phase] });
    const flagged = findings.some((finding) => finding.category === fixture.category);
    const score = scores.get(fixture.category)!;
    if (fixture.expected) {
      score.positives++;
      if (flagged) score.truePositives++;
      else score.falseNegatives++;
    } else {
      score.negatives++;
      if (flagged) score.falsePositives++;
    }
    if (flagged !== fixture.expected) score.mistakes.push({ expected: fixture.expected, text: item.text ?? `${item.kind} ${item.target?.author?.handle ?? item.target?.id ?? ''}`, line: fixture.line });
  });
  for (const score of scores.values()) {
    score.precision = score.truePositives + score.falsePositives === 0 ? 1 : score.truePositives / (score.truePositives + score.falsePositives);
    score.recall = score.positives === 0 ? 1 : score.truePositives / score.positives;
  }
  return [...scores.values()];
}
