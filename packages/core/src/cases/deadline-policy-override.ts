import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { LocalDateSchema } from '../election/time-zone.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { DeadlinePolicySchema, DeadlineRuleSchema, type DeadlinePolicy } from './case-deadlines.js';
import { DayUnitSchema } from './working-days.js';

/**
 * An office's changes to the deadline policy (`deadlines.json` beside the CLI config): its
 * holidays (libur nasional, cuti bersama), time zone, weekend, when to remind a silent
 * authority, and rules that replace built-in ones by id or add new ones.
 */
export const DeadlinePolicyOverrideSchema = z.object({
  holidays: z.array(LocalDateSchema).optional(),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']).optional(),
  weekendDays: z.array(z.number().int().min(0).max(6)).optional(),
  reminderAfter: z.object({ amount: z.number().int().positive(), unit: DayUnitSchema }).optional(),
  /** Rules replacing built-in rules with the same id, or added. */
  rules: z.array(DeadlineRuleSchema).default([]),
  /** Built-in rule ids to drop. */
  remove: z.array(z.string()).default([]),
});
export type DeadlinePolicyOverride = z.input<typeof DeadlinePolicyOverrideSchema>;

/** Apply an office override to a deadline policy. */
export function applyDeadlineOverride(policy: DeadlinePolicy, override: DeadlinePolicyOverride, source = 'deadline override'): Result<DeadlinePolicy, InvalidInputError> {
  const parsed = DeadlinePolicyOverrideSchema.safeParse(override);
  if (!parsed.success) return err(invalidInputFromZod(source, parsed.error));
  const { rules, remove, ...rest } = parsed.data;
  const replaced = new Set([...rules.map((rule) => rule.id), ...remove]);
  const merged = DeadlinePolicySchema.safeParse({
    ...policy,
    ...rest,
    version: `${policy.version}+office`,
    rules: [...policy.rules.filter((rule) => !replaced.has(rule.id)), ...rules],
  });
  if (!merged.success) return err(invalidInputFromZod(source, merged.error));
  return ok(merged.data);
}
