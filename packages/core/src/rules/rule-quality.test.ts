import { describe, expect, it } from 'vitest';
import { FINDING_CATEGORIES } from '../findings/finding-schema.js';
import { ALL_FIXTURES } from './__fixtures__/all-fixtures.js';
import { evaluateFixtures } from './__fixtures__/evaluate-fixtures.js';

const scores = evaluateFixtures();

describe('built-in rule sets on the hand-written fixtures', () => {
  it('have at least 50 positive and 50 negative fixtures per category', () => {
    for (const category of FINDING_CATEGORIES) {
      const own = ALL_FIXTURES.filter((fixture) => fixture.category === category);
      expect({ category, positives: own.filter((fixture) => fixture.expected).length >= 50, negatives: own.filter((fixture) => !fixture.expected).length >= 50 }).toEqual({ category, positives: true, negatives: true });
    }
  });

  it.each(FINDING_CATEGORIES)('%s keeps precision ≥ 0.90 and recall ≥ 0.85', (category) => {
    const score = scores.find((entry) => entry.category === category)!;
    const detail = score.mistakes.map((mistake) => `${mistake.expected ? 'missed' : 'false positive'} (line ${mistake.line}): ${mistake.text}`).join('\n');
    expect(score.precision, `precision of ${category}\n${detail}`).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, `recall of ${category}\n${detail}`).toBeGreaterThanOrEqual(0.85);
  });
});
