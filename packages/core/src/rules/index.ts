export { BUILTIN_LEXICONS } from './builtin/builtin-lexicons.js';
export { BUILTIN_RULE_SETS } from './builtin/builtin-rule-sets.js';
export { accountLookupKeys, candidateTerms, type CampaignAccountInfo, type CandidateTerm } from './candidate-terms.js';
export {
  compileRules,
  type CompileRulesOptions,
  type CompiledCondition,
  type CompiledLexicon,
  type CompiledRule,
  type CompiledRules,
  type TermMeaning,
} from './compile-rules.js';
export { ACT_TIME_NOTE, evaluateItem, REVIEW_NOTE, SENSITIVE_NOTE, UNVERIFIED_NOTE, type EvaluateItemInput } from './evaluate-item.js';
export { mediaSpanImage, mediaTextField, type ImageBox, type MediaText, type MediaTextWord } from './media-text.js';
export { parseRuleSet } from './parse-rule-set.js';
export { ruleSetProblems } from './rule-set-problems.js';
export type { RuleSetError } from './rule-set-error.js';
export {
  BilingualTextSchema,
  ConditionSchema,
  INTERACTION_VIA,
  LexiconSchema,
  MENTION_VIA,
  MentionViaSchema,
  PredicateSchema,
  RuleSchema,
  RuleSetSchema,
  TextScopeSchema,
  type BilingualText,
  type Condition,
  type Lexicon,
  type MentionVia,
  type Predicate,
  type Rule,
  type RuleSet,
  type RuleSetInput,
  type TextScope,
} from './rule-set-schema.js';
export { compileSafeRegex } from './safe-regex.js';
export { compileTermMatcher, type TermHit, type TermMatcher } from './term-matcher.js';
export type { ItemClassifierScores, LabelScores } from './classifier-scores.js';
export {
  applyRuleSetOverride,
  isRuleSetOverride,
  parseRuleSetOverride,
  RuleOverrideSchema,
  RuleSetOverrideSchema,
  type RuleOverride,
  type RuleSetOverride,
} from './rule-set-override.js';
