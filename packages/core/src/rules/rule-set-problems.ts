import { ElectionContextSchema, type ElectionContext } from '../election/election-context-schema.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { compileRules } from './compile-rules.js';
import type { RuleSet } from './rule-set-schema.js';

// A placeholder election: enough for a rule set to compile without the office's own context.
const PLACEHOLDER_CONTEXT: ElectionContext = ElectionContextSchema.parse({
  id: 'placeholder',
  name: 'placeholder',
  region: 'placeholder',
  timeZone: 'WIB',
  candidatePairs: [{ number: 1, candidate: { name: 'Placeholder' } }],
  schedule: [{ phase: 'pre_campaign', start: '2024-01-01', end: '2024-12-31' }],
  milestones: { bakalCalonRegistration: '2024-01-01', penetapanPasanganCalon: '2024-01-02' },
});

/**
 * What a well-formed rule set still gets wrong when compiled: an unknown lexicon or condition,
 * a regex that can backtrack catastrophically, a condition that refers to itself. Empty when it
 * compiles. Used by `sipansos validate`.
 */
export function ruleSetProblems(ruleSet: RuleSet): ValidationIssue[] {
  const compiled = compileRules([ruleSet], PLACEHOLDER_CONTEXT);
  return compiled.isErr() ? compiled.error.issues : [];
}
