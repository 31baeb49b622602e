import { z } from 'zod';
import { DeadlinePolicyOverrideSchema } from './cases/deadline-policy-override.js';
import { CaptureSchema } from './capture/capture-schema.js';
import { ClaimRegistrySchema } from './claims/claim-schema.js';
import { ItemSchema } from './capture/item-schema.js';
import { ElectionContextSchema } from './election/election-context-schema.js';
import { FindingSchema } from './findings/finding-schema.js';
import { RoutingOverrideSchema, RoutingTableSchema } from './referral/routing-table-schema.js';
import { LetterTemplateSchema } from './report/letter-template.js';
import { RuleSetSchema } from './rules/rule-set-schema.js';
import { SubjectListSchema, SubjectSchema } from './subject/subject-schema.js';
import { compareCodeUnits } from './hashing/code-unit-order.js';

/**
 * The schemas published as JSON Schema files under `packages/core/schemas/`, for people who
 * write subjects, contexts, rule sets, routing or deadline overrides and letter templates by hand
 * (and their editors). File base name → zod schema.
 *
 * An explicit list, not a registry filled by side-effect imports: the package is
 * `sideEffects: false`, so a bundler may drop a module that only registers itself.
 */
const PUBLISHED_SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['capture', CaptureSchema],
  ['claim-registry', ClaimRegistrySchema],
  ['deadline-override', DeadlinePolicyOverrideSchema],
  ['election-context', ElectionContextSchema],
  ['finding', FindingSchema],
  ['item', ItemSchema],
  ['letter-template', LetterTemplateSchema],
  ['routing-override', RoutingOverrideSchema],
  ['routing-table', RoutingTableSchema],
  ['rule-set', RuleSetSchema],
  ['subject', SubjectSchema],
  ['subjects', SubjectListSchema],
];

/** Every published schema rendered as JSON Schema (draft 2020-12), by file base name. */
export function renderJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of [...PUBLISHED_SCHEMAS].sort(([a], [b]) => compareCodeUnits(a, b))) {
    // "input": the shape a person writes, before defaults and transforms are applied.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    out.set(name, `${JSON.stringify({ $id: `https://sipansos.invalid/schemas/${name}.schema.json`, title: name, ...json }, null, 2)}\n`);
  }
  return out;
}
