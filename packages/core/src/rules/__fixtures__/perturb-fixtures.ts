import { OBFUSCATIONS, obfuscateText, type Obfuscation } from '../../text/obfuscate-text.js';
import type { RuleFixture } from './rule-fixture.js';

/** A disguised copy of a positive fixture, and how it was disguised. */
export interface PerturbedFixture extends RuleFixture {
  obfuscation: Obfuscation;
}

/**
 * One disguised copy of every positive fixture per obfuscation (text and shared text alike),
 * seeded by the fixture's position so the set is the same on every run.
 */
export function perturbFixtures(fixtures: readonly RuleFixture[], seed = 14): PerturbedFixture[] {
  const out: PerturbedFixture[] = [];
  fixtures.forEach((fixture, index) => {
    if (!fixture.expected) return;
    OBFUSCATIONS.forEach((obfuscation, kind) => {
      const options = { seed: seed * 1_000_003 + index * 31 + kind };
      const item = { ...fixture.item };
      if (item.text) item.text = obfuscateText(item.text, obfuscation, options);
      if (item.target?.text) item.target = { ...item.target, text: obfuscateText(item.target.text, obfuscation, { seed: options.seed + 1 }) };
      out.push({ ...fixture, item, obfuscation });
    });
  });
  return out;
}
