import { err, ok, type Result } from 'neverthrow';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { parseJsonText } from '../validation/parse-json-text.js';
import { RuleSetSchema, type RuleSet } from './rule-set-schema.js';

/** Parse and validate a rule-set file; errors name the field and the expected form. */
export function parseRuleSet(text: string, source: string): Result<RuleSet, InvalidInputError> {
  const json = parseJsonText(text, source);
  if (json.isErr()) return err(json.error);
  const parsed = RuleSetSchema.safeParse(json.value);
  return parsed.success ? ok(parsed.data) : err(invalidInputFromZod(source, parsed.error));
}
