import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { parseJsonText } from '../validation/parse-json-text.js';
import type { RuleSetError } from './rule-set-error.js';
import type { Condition, RuleSet } from './rule-set-schema.js';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * One change an office makes to a rule it runs, without copying the rule set: switch the rule
 * off, or make it stricter. Thresholds only ever tighten: a value looser than the rule's own is
 * ignored, so an override cannot widen what a rule flags.
 */
export const RuleOverrideSchema = z
  .object({
    /** The rule id, e.g. "asn.medsos.sosialisasi_calon". */
    rule: z.string().regex(SLUG, { message: 'rule must be a rule id' }),
    /** The rule set holding it, when two rule sets use the same rule id. */
    ruleSet: z.string().regex(SLUG).optional(),
    /** Stop running the rule. */
    disabled: z.boolean().optional(),
    /** Every lexicon test of the rule needs at least this many distinct terms. */
    minTerms: z.number().int().min(1).max(20).optional(),
    /** Every "near" distance of the rule (nearCandidate, nearLexicon) is at most this many words. */
    maxDistance: z.number().int().min(0).max(50).optional(),
    /** Every classifier test of the rule needs at least this score. */
    minScore: z.number().min(0).max(1).optional(),
  })
  .refine((entry) => entry.disabled !== undefined || entry.minTerms !== undefined || entry.maxDistance !== undefined || entry.minScore !== undefined, {
    message: 'an override needs disabled, minTerms, maxDistance or minScore',
  });
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;

/** An office's override file: `{ "id", "version", "overrides": [...] }`, kept beside its rule sets. */
export const RuleSetOverrideSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(SLUG, { message: 'id must be a lowercase slug' }),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'version must be semver, e.g. 1.0.0' }),
  description: z.string().optional(),
  overrides: z.array(RuleOverrideSchema).min(1, { message: 'an override file needs at least one override' }),
});
export type RuleSetOverride = z.infer<typeof RuleSetOverrideSchema>;

/** Whether parsed JSON is an override file rather than a rule set (it has `overrides`, not `rules`). */
export function isRuleSetOverride(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'overrides' in json && !('rules' in json);
}

/** Parse and validate an override file. */
export function parseRuleSetOverride(text: string, source: string): Result<RuleSetOverride, InvalidInputError> {
  const json = parseJsonText(text, source);
  if (json.isErr()) return err(json.error);
  const parsed = RuleSetOverrideSchema.safeParse(json.value);
  return parsed.success ? ok(parsed.data) : err(invalidInputFromZod(source, parsed.error));
}

/**
 * Apply an override to rule sets and return new ones (the inputs are not changed). A disabled
 * rule is removed; a tightened rule gets its shared conditions (`ref`) copied in first, so the
 * change reaches only that rule. A rule set left without rules is dropped. An override naming
 * a rule none of the sets holds is an error: a typo must not pass silently as "no effect".
 */
export function applyRuleSetOverride(ruleSets: readonly RuleSet[], override: RuleSetOverride): Result<RuleSet[], RuleSetError> {
  const issues: ValidationIssue[] = [];
  const out = ruleSets.map((ruleSet) => ({ ...ruleSet, rules: [...ruleSet.rules] }));
  override.overrides.forEach((entry, index) => {
    let found = false;
    for (const ruleSet of out) {
      if (entry.ruleSet && ruleSet.id !== entry.ruleSet) continue;
      const at = ruleSet.rules.findIndex((rule) => rule.id === entry.rule);
      if (at < 0) continue;
      found = true;
      if (entry.disabled) {
        ruleSet.rules.splice(at, 1);
        continue;
      }
      const rule = ruleSet.rules[at]!;
      ruleSet.rules[at] = { ...rule, when: tighten(inlineRefs(rule.when, ruleSet.conditions, 0), entry) };
    }
    if (!found) issues.push({ path: `overrides.${index}.rule`, message: `no rule "${entry.rule}"${entry.ruleSet ? ` in rule set "${entry.ruleSet}"` : ''} to override` });
  });
  if (issues.length > 0) return err({ type: 'invalid_rule_set', source: override.id, message: `${issues[0]!.path}: ${issues[0]!.message}`, issues });
  return ok(out.filter((ruleSet) => ruleSet.rules.length > 0));
}

function inlineRefs(condition: Condition, conditions: RuleSet['conditions'], depth: number): Condition {
  // Compilation rejects cycles of refs; this only guards against looping on one here.
  if (depth > 32) return condition;
  if ('all' in condition) return { all: condition.all.map((child) => inlineRefs(child, conditions, depth + 1)) };
  if ('any' in condition) return { any: condition.any.map((child) => inlineRefs(child, conditions, depth + 1)) };
  if ('not' in condition) return { not: inlineRefs(condition.not, conditions, depth + 1) };
  if (condition.type === 'ref' && conditions[condition.name]) return inlineRefs(conditions[condition.name]!, conditions, depth + 1);
  return condition;
}

function tighten(condition: Condition, entry: RuleOverride): Condition {
  if ('all' in condition) return { all: condition.all.map((child) => tighten(child, entry)) };
  if ('any' in condition) return { any: condition.any.map((child) => tighten(child, entry)) };
  // Under a "not", a stricter test would flag more: leave it as it is.
  if ('not' in condition) return condition;
  if (condition.type === 'lexicon') {
    const near = (words: number) => (entry.maxDistance === undefined ? words : Math.min(words, entry.maxDistance));
    return {
      ...condition,
      minTerms: Math.max(condition.minTerms, entry.minTerms ?? 1),
      nearCandidate: condition.nearCandidate === undefined ? undefined : near(condition.nearCandidate),
      nearLexicon: condition.nearLexicon && { ...condition.nearLexicon, words: near(condition.nearLexicon.words) },
    };
  }
  if (condition.type === 'classifier' && entry.minScore !== undefined) return { ...condition, minScore: Math.max(condition.minScore, entry.minScore) };
  return condition;
}
