/**
 * `pnpm eval:rules`: precision and recall of the built-in rule sets per category on the
 * hand-written fixtures (packages/core/src/rules/__fixtures__). `--verbose` lists the mistakes.
 */
import { evaluateFixtures } from '../src/rules/__fixtures__/evaluate-fixtures.js';

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
process.exitCode = failing > 0 ? 1 : 0;
