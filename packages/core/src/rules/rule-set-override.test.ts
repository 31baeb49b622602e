import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_SETS } from './builtin/builtin-rule-sets.js';
import { applyRuleSetOverride, isRuleSetOverride, parseRuleSetOverride } from './rule-set-override.js';
import type { Condition } from './rule-set-schema.js';

const override = (overrides: unknown[]) => parseRuleSetOverride(JSON.stringify({ id: 'kantor-lembah', version: '1.0.0', overrides }), 'override.json')._unsafeUnwrap();

function lexiconTests(condition: Condition): Condition[] {
  if ('all' in condition) return condition.all.flatMap(lexiconTests);
  if ('any' in condition) return condition.any.flatMap(lexiconTests);
  if ('not' in condition) return [];
  return condition.type === 'lexicon' ? [condition] : [];
}

describe('applyRuleSetOverride', () => {
  it('switches a rule off and leaves the other rules and the inputs as they were', () => {
    const before = BUILTIN_RULE_SETS.find((set) => set.id === 'neutrality')!.rules.length;
    const out = applyRuleSetOverride(BUILTIN_RULE_SETS, override([{ rule: 'asn.medsos.sosialisasi_calon', disabled: true }]))._unsafeUnwrap();
    const neutrality = out.find((set) => set.id === 'neutrality')!;
    expect(neutrality.rules.map((rule) => rule.id)).not.toContain('asn.medsos.sosialisasi_calon');
    expect(neutrality.rules).toHaveLength(before - 1);
    expect(BUILTIN_RULE_SETS.find((set) => set.id === 'neutrality')!.rules).toHaveLength(before);
  });

  it('tightens only the named rule, copying its shared conditions in, and never loosens', () => {
    const out = applyRuleSetOverride(BUILTIN_RULE_SETS, override([{ rule: 'kampanye.hasut_fitnah', minTerms: 2, maxDistance: 3 }]))._unsafeUnwrap();
    const set = out.find((entry) => entry.id === 'black_campaign')!;
    const tightened = lexiconTests(set.rules.find((rule) => rule.id === 'kampanye.hasut_fitnah')!.when);
    expect(tightened.length).toBeGreaterThan(0);
    for (const test of tightened) {
      if (!('type' in test) || test.type !== 'lexicon') continue;
      expect(test.minTerms).toBe(2);
      if (test.nearCandidate !== undefined) expect(test.nearCandidate).toBeLessThanOrEqual(3);
    }
    // The shared condition other rules use is untouched.
    expect(JSON.stringify(set.conditions)).toBe(JSON.stringify(BUILTIN_RULE_SETS.find((entry) => entry.id === 'black_campaign')!.conditions));
    const loose = applyRuleSetOverride(BUILTIN_RULE_SETS, override([{ rule: 'kampanye.hasut_fitnah', maxDistance: 40 }]))._unsafeUnwrap();
    const distances = lexiconTests(loose.find((entry) => entry.id === 'black_campaign')!.rules.find((rule) => rule.id === 'kampanye.hasut_fitnah')!.when).map((test) => ('nearCandidate' in test ? test.nearCandidate : undefined));
    expect(Math.max(...distances.filter((value): value is number => value !== undefined))).toBeLessThanOrEqual(8);
  });

  it('refuses an override of a rule that does not exist, and an override that changes nothing', () => {
    expect(applyRuleSetOverride(BUILTIN_RULE_SETS, override([{ rule: 'asn.tidak_ada', disabled: true }]))._unsafeUnwrapErr().message).toMatch(/no rule "asn.tidak_ada"/);
    expect(parseRuleSetOverride(JSON.stringify({ id: 'k', version: '1.0.0', overrides: [{ rule: 'asn.x' }] }), 'o.json')._unsafeUnwrapErr().message).toMatch(/disabled, minTerms, maxDistance or minScore/);
    expect(isRuleSetOverride({ id: 'k', overrides: [] })).toBe(true);
    expect(isRuleSetOverride(BUILTIN_RULE_SETS[0])).toBe(false);
  });
});
