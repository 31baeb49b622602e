/**
 * @sipansos/core/rules — rule sets as data: their schema, the built-in rule sets and lexicons,
 * compiling them against an election context, evaluating items, and the text normalisation they use.
 *
 * @packageDocumentation
 */
export {
  accountLookupKeys,
  type BilingualText,
  BilingualTextSchema,
  BUILTIN_LEXICONS,
  BUILTIN_RULE_SETS,
  type CampaignAccountInfo,
  type CandidateTerm,
  candidateTerms,
  type CompiledRule,
  type CompiledRules,
  compileRules,
  type CompileRulesOptions,
  type Condition,
  ConditionSchema,
  evaluateItem,
  type EvaluateItemInput,
  type Lexicon,
  LexiconSchema,
  type MentionVia,
  MentionViaSchema,
  parseRuleSet,
  type Predicate,
  PredicateSchema,
  type Rule,
  RuleSchema,
  type RuleSet,
  type RuleSetError,
  type RuleSetInput,
  ruleSetProblems,
  RuleSetSchema,
  type TextScope,
  TextScopeSchema,
} from '../rules/index.js';
export {
  type NormalizedText,
  type NormalizedToken,
  type NormalizedTokenKind,
  type NormalizeOptions,
  normalizeText,
  toOriginalSpan,
} from '../text/index.js';
