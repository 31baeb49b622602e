/**
 * `pnpm eval:rules`: precision and recall of the built-in rule sets per category on the
 * hand-written fixtures (packages/core/src/rules/__fixtures__). `--verbose` lists the mistakes.
 * Then the claim matching of the hoax rules: the thresholds chosen on the "tune" split of the
 * claim fixtures, the ones the built-in rule set carries, and precision/recall on the held-out
 * "test" split only.
 */
import { BUILTIN_CLAIMS } from '../src/claims/builtin-claims.js';
import { CLAIM_RULES, claimFixtureMisses, configuredClaimThresholds, scoreClaimFixtures, tuneClaimThresholds } from '../src/rules/__fixtures__/claim-thresholds.js';
import { evaluateFixtures } from '../src/rules/__fixtures__/evaluate-fixtures.js';
import { HOAX_CLAIM_TEST_FIXTURES, HOAX_CLAIM_TUNE_FIXTURES } from '../src/rules/__fixtures__/hoax-claims.fixtures.js';

const verbose = process.argv.includes('--verbose');
const scores = evaluateFixtures();
const pad = (text: string, width: number) => text.padEnd(width);
process.stdout.write(`${pad('category', 32)}${pad('pos', 6)}${pad('neg', 6)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('precision', 11)}recall\n`);
let failing = 0;
for (const score of scores) {
  const ok = score.precision >= 0.9 && score.recall >= 0.85;
  if (!ok) failing++;
  process.stdout.write(
    `${pad(score.category, 32)}${pad(String(score.positives), 6)}${pad(String(score.negatives), 6)}${pad(String(score.truePositives), 5)}${pad(String(score.falsePositives), 5)}${pad(String(score.falseNegatives), 5)}${pad(score.precision.toFixed(3), 11)}${score.recall.toFixed(3)}${ok ? '' : '  < goal (P ≥ 0.90, R ≥ 0.85)'}\n`,
  );
  if (verbose) for (const mistake of score.mistakes) process.stdout.write(`    ${mistake.expected ? 'missed' : 'false+'} line ${mistake.line}: ${mistake.text}\n`);
}

const tuned = tuneClaimThresholds(HOAX_CLAIM_TUNE_FIXTURES);
const configured = configuredClaimThresholds();
const test = scoreClaimFixtures(HOAX_CLAIM_TEST_FIXTURES, configured);
const pair = (thresholds: { strong: number; spread: number }) => `claim alone ≥ ${thresholds.strong.toFixed(2)}, claim + call to spread ≥ ${thresholds.spread.toFixed(2)}`;
const same = Math.abs(tuned.thresholds.strong - configured.strong) < 1e-9 && Math.abs(tuned.thresholds.spread - configured.spread) < 1e-9;
const testOk = test.precision >= 0.9 && test.recall >= 0.85;
if (!same || !testOk) failing++;
process.stdout.write(`\nclaim matching (${CLAIM_RULES.strong}, ${CLAIM_RULES.spread}; ${BUILTIN_CLAIMS.length} built-in claims)\n`);
process.stdout.write(`  chosen on tune (${tuned.positives} pos / ${tuned.negatives} neg, F1 ${tuned.f1.toFixed(3)}): ${pair(tuned.thresholds)}\n`);
process.stdout.write(`  configured in hoax.json:                ${pair(configured)}${same ? '' : '  < differs from the tuned pair'}\n`);
process.stdout.write(
  `  test only (${test.positives} pos / ${test.negatives} neg): TP ${test.truePositives}  FP ${test.falsePositives}  FN ${test.positives - test.truePositives}  precision ${test.precision.toFixed(3)}  recall ${test.recall.toFixed(3)}${testOk ? '' : '  < goal (P ≥ 0.90, R ≥ 0.85)'}\n`,
);
if (verbose) for (const miss of claimFixtureMisses(HOAX_CLAIM_TEST_FIXTURES, configured)) process.stdout.write(`    ${miss.expected ? 'missed' : 'false+'} (claim score ${Math.max(miss.strong, miss.spread).toFixed(2)}): ${miss.text}\n`);
process.exitCode = failing > 0 ? 1 : 0;
