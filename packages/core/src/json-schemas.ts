import { z } from 'zod';
import { CaptureSchema } from './capture/capture-schema.js';
import { ItemSchema } from './capture/item-schema.js';
import { ElectionContextSchema } from './election/election-context-schema.js';
import { FindingSchema } from './findings/finding-schema.js';
import { SubjectListSchema, SubjectSchema } from './subject/subject-schema.js';

/**
 * The schemas published as JSON Schema files under `packages/core/schemas/`, for people who
 * write subjects, contexts or rule sets by hand (and their editors). File name → zod schema.
 * Other folders add theirs (e.g. the rule set) through {@link registerJsonSchema}.
 */
const registry = new Map<string, z.ZodType>([
  ['subject', SubjectSchema],
  ['subjects', SubjectListSchema],
  ['election-context', ElectionContextSchema],
  ['item', ItemSchema],
  ['capture', CaptureSchema],
  ['finding', FindingSchema],
]);

/** Add a schema to the published set (done at module load by the owning folder). */
export function registerJsonSchema(name: string, schema: z.ZodType): void {
  registry.set(name, schema);
}

/** Every published schema rendered as JSON Schema (draft 2020-12), by file base name. */
export function renderJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of [...registry.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    // "input": the shape a person writes, before defaults and transforms are applied.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    out.set(name, `${JSON.stringify({ $id: `https://sipansos.invalid/schemas/${name}.schema.json`, title: name, ...json }, null, 2)}\n`);
  }
  return out;
}
