import type { ValidationIssue } from '../validation/validation-issue.js';

/** A rule set that parses but cannot be compiled: an unknown lexicon, an unsafe regex, a cycle of refs. */
export interface RuleSetError {
  type: 'invalid_rule_set';
  /** The rule set id (or the file it came from). */
  source: string;
  message: string;
  issues: ValidationIssue[];
}
