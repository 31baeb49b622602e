import { readFile } from 'node:fs/promises';
import { type ElectionContext } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules, parseRuleSet, type CompiledRules, type RuleSet } from '@sipansos/core/rules';
import { loadClaims } from '../claims/office-claims.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from './runtime-error.js';

/**
 * The built-in rule sets plus the office's own files (`rules` in the config); a file's rule set
 * replaces a built-in one with the same id. Compiled against the election context, with the
 * built-in claim registry and the office's `claims.json` over it for `claim` predicates.
 */
export async function loadRules(config: LoadedConfig, context: ElectionContext): Promise<{ rules: CompiledRules; ruleSets: RuleSet[] } | { problem: BilingualLine }> {
  const byId = new Map<string, RuleSet>(BUILTIN_RULE_SETS.map((ruleSet) => [ruleSet.id, ruleSet]));
  for (const relative of config.config.rules) {
    const file = config.resolve(relative);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { problem: { id: `berkas set aturan ${file} tidak terbaca (${code})`, en: `cannot read rule-set file ${file} (${code})` } };
    }
    const parsed = parseRuleSet(text, file);
    if (parsed.isErr()) return { problem: { id: `set aturan ${file} tidak sah: ${parsed.error.message}`, en: `invalid rule set ${file}: ${parsed.error.message}` } };
    byId.set(parsed.value.id, parsed.value);
  }
  const ruleSets = [...byId.values()];
  const claims = await loadClaims(config);
  if ('problem' in claims) return { problem: claims.problem };
  const compiled = compileRules(ruleSets, context, { claims: claims.claims });
  if (compiled.isErr()) return { problem: { id: `set aturan tidak dapat dikompilasi: ${compiled.error.message}`, en: `rule sets do not compile: ${compiled.error.message}` } };
  return { rules: compiled.value, ruleSets };
}
