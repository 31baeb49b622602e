import { readFile } from 'node:fs/promises';
import { type ElectionContext } from '@sipansos/core';
import { parseJsonText } from '@sipansos/core';
import { applyRuleSetOverride, BUILTIN_RULE_SETS, compileRules, isRuleSetOverride, parseRuleSet, parseRuleSetOverride, type CompiledRules, type RuleSet, type RuleSetOverride } from '@sipansos/core/rules';
import { loadClaims } from '../claims/office-claims.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from './runtime-error.js';

/**
 * The built-in rule sets plus the office's own files (`rules` in the config); a file's rule set
 * replaces a built-in one with the same id, and an override file (`{"overrides": [...]}`)
 * switches rules off or tightens them, applied after every rule set. Compiled against the
 * election context, with the built-in claim registry and the office's `claims.json` over it for
 * `claim` predicates.
 */
export async function loadRules(config: LoadedConfig, context: ElectionContext): Promise<{ rules: CompiledRules; ruleSets: RuleSet[] } | { problem: BilingualLine }> {
  const byId = new Map<string, RuleSet>(BUILTIN_RULE_SETS.map((ruleSet) => [ruleSet.id, ruleSet]));
  const overrides: RuleSetOverride[] = [];
  for (const relative of config.config.rules) {
    const file = config.resolve(relative);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { problem: { id: `berkas set aturan ${file} tidak terbaca (${code})`, en: `cannot read rule-set file ${file} (${code})` } };
    }
    const json = parseJsonText(text, file);
    if (json.isOk() && isRuleSetOverride(json.value)) {
      const override = parseRuleSetOverride(text, file);
      if (override.isErr()) return { problem: { id: `override ${file} tidak sah: ${override.error.message}`, en: `invalid override ${file}: ${override.error.message}` } };
      overrides.push(override.value);
      continue;
    }
    const parsed = parseRuleSet(text, file);
    if (parsed.isErr()) return { problem: { id: `set aturan ${file} tidak sah: ${parsed.error.message}`, en: `invalid rule set ${file}: ${parsed.error.message}` } };
    byId.set(parsed.value.id, parsed.value);
  }
  let ruleSets = [...byId.values()];
  for (const override of overrides) {
    const applied = applyRuleSetOverride(ruleSets, override);
    if (applied.isErr()) return { problem: { id: `override ${override.id} tidak dapat diterapkan: ${applied.error.message}`, en: `override ${override.id} cannot be applied: ${applied.error.message}` } };
    ruleSets = applied.value;
  }
  const claims = await loadClaims(config);
  if ('problem' in claims) return { problem: claims.problem };
  const compiled = compileRules(ruleSets, context, { claims: claims.claims });
  if (compiled.isErr()) return { problem: { id: `set aturan tidak dapat dikompilasi: ${compiled.error.message}`, en: `rule sets do not compile: ${compiled.error.message}` } };
  return { rules: compiled.value, ruleSets };
}
