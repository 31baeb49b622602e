/**
 * `pnpm eval:rules`: precision and recall of the built-in rule sets per category.
 * - in-sample: the hand-written fixtures the rules were written beside (regression guard);
 * - held-out test: the issue-14 fixtures that were not read while tuning (the honest figure);
 * - obfuscated: every positive held-out test fixture disguised six ways (leet, spaced, repeated,
 *   homoglyph, punctuation, emoji), recall beside the clean recall; the gap must stay < 5 points.
 * `--verbose` lists the mistakes of the in-sample and tune sets (never of the test set);
 * `--tune` prints the tune set's scores too.
 * Then the claim matching of the hoax rules: the thresholds chosen on the "tune" split of the
 * claim fixtures, the ones the built-in rule set carries, and precision/recall on the held-out
 * "test" split only.
 */
import { evaluateFixtures, type CategoryScore } from '../src/rules/__fixtures__/evaluate-fixtures.js';
import { HELD_OUT_FIXTURES } from '../src/rules/__fixtures__/held-out-fixtures.js';
import { perturbFixtures } from '../src/rules/__fixtures__/perturb-fixtures.js';
import { OBFUSCATIONS } from '../src/text/obfuscate-text.js';
import { BUILTIN_CLAIMS } from '../src/claims/builtin-claims.js';
import { CLAIM_RULES, claimFixtureMisses, configuredClaimThresholds, scoreClaimFixtures, tuneClaimThresholds } from '../src/rules/__fixtures__/claim-thresholds.js';
import { HOAX_CLAIM_TEST_FIXTURES, HOAX_CLAIM_TUNE_FIXTURES } from '../src/rules/__fixtures__/hoax-claims.fixtures.js';

const verbose = process.argv.includes('--verbose');
const pad = (text: string, width: number) => text.padEnd(width);

function table(title: string, scores: CategoryScore[], showMistakes: boolean, goal = true): number {
  process.stdout.write(`\n${title}\n${pad('category', 32)}${pad('pos', 6)}${pad('neg', 6)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('precision', 11)}recall\n`);
  let failing = 0;
  for (const score of scores) {
    if (score.positives + score.negatives === 0) continue;
    const ok = !goal || (score.precision >= 0.9 && score.recall >= 0.85);
    if (!ok) failing++;
    process.stdout.write(
      `${pad(score.category, 32)}${pad(String(score.positives), 6)}${pad(String(score.negatives), 6)}${pad(String(score.truePositives), 5)}${pad(String(score.falsePositives), 5)}${pad(String(score.falseNegatives), 5)}${pad(score.precision.toFixed(3), 11)}${score.recall.toFixed(3)}${ok ? '' : '  < goal (P ≥ 0.90, R ≥ 0.85)'}\n`,
    );
    if (showMistakes) for (const mistake of score.mistakes) process.stdout.write(`    ${mistake.expected ? 'missed' : 'false+'} line ${mistake.line}: ${mistake.text}\n`);
  }
  return failing;
}

let failing = table('In-sample (fixtures written beside the rules)', evaluateFixtures(), verbose);
const tune = HELD_OUT_FIXTURES.filter((fixture) => fixture.set === 'tune');
const test = HELD_OUT_FIXTURES.filter((fixture) => fixture.set === 'test');
if (process.argv.includes('--tune') || verbose) table('Held-out, tune part (read while tuning)', evaluateFixtures(tune), verbose, false);
const clean = evaluateFixtures(test);
table('Held-out, test part (not used to choose lexicons or distances)', clean, false, false);

const perturbed = perturbFixtures(test);
const disguised = evaluateFixtures(perturbed);
process.stdout.write(`\nObfuscated held-out test positives (${OBFUSCATIONS.join(', ')}; one copy each)\n${pad('category', 32)}${pad('clean R', 10)}${pad('obfusc. R', 11)}${pad('gap', 8)}${OBFUSCATIONS.map((name) => pad(name, 12)).join('')}\n`);
let gapFailing = 0;
for (const score of disguised) {
  if (score.positives === 0) continue;
  const base = clean.find((entry) => entry.category === score.category)!;
  const gap = (base.recall - score.recall) * 100;
  if (gap >= 5) gapFailing++;
  const byKind = OBFUSCATIONS.map((name) => {
    const own = perturbed.filter((fixture) => fixture.obfuscation === name && fixture.category === score.category);
    return pad(evaluateFixtures(own).find((entry) => entry.category === score.category)!.recall.toFixed(3), 12);
  });
  process.stdout.write(`${pad(score.category, 32)}${pad(base.recall.toFixed(3), 10)}${pad(score.recall.toFixed(3), 11)}${pad(gap.toFixed(1), 8)}${byKind.join('')}${gap >= 5 ? '  < gap ≥ 5 points' : ''}\n`);
}

const tuned = tuneClaimThresholds(HOAX_CLAIM_TUNE_FIXTURES);
const configured = configuredClaimThresholds();
const claimTest = scoreClaimFixtures(HOAX_CLAIM_TEST_FIXTURES, configured);
const pair = (thresholds: { strong: number; spread: number }) => `claim alone ≥ ${thresholds.strong.toFixed(2)}, claim + call to spread ≥ ${thresholds.spread.toFixed(2)}`;
const same = Math.abs(tuned.thresholds.strong - configured.strong) < 1e-9 && Math.abs(tuned.thresholds.spread - configured.spread) < 1e-9;
const testOk = claimTest.precision >= 0.9 && claimTest.recall >= 0.85;
if (!same || !testOk) failing++;
process.stdout.write(`\nclaim matching (${CLAIM_RULES.strong}, ${CLAIM_RULES.spread}; ${BUILTIN_CLAIMS.length} built-in claims)\n`);
process.stdout.write(`  chosen on tune (${tuned.positives} pos / ${tuned.negatives} neg, F1 ${tuned.f1.toFixed(3)}): ${pair(tuned.thresholds)}\n`);
process.stdout.write(`  configured in hoax.json:                ${pair(configured)}${same ? '' : '  < differs from the tuned pair'}\n`);
process.stdout.write(
  `  test only (${claimTest.positives} pos / ${claimTest.negatives} neg): TP ${claimTest.truePositives}  FP ${claimTest.falsePositives}  FN ${claimTest.positives - claimTest.truePositives}  precision ${claimTest.precision.toFixed(3)}  recall ${claimTest.recall.toFixed(3)}${testOk ? '' : '  < goal (P ≥ 0.90, R ≥ 0.85)'}\n`,
);
if (verbose) for (const miss of claimFixtureMisses(HOAX_CLAIM_TEST_FIXTURES, configured)) process.stdout.write(`    ${miss.expected ? 'missed' : 'false+'} (claim score ${Math.max(miss.strong, miss.spread).toFixed(2)}): ${miss.text}\n`);
process.exitCode = failing + gapFailing > 0 ? 1 : 0;
