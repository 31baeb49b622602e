import { registerJsonSchema } from '../json-schemas.js';
import { RuleSetSchema } from './rule-set-schema.js';

// Published as packages/core/schemas/rule-set.schema.json by `pnpm schemas`.
registerJsonSchema('rule-set', RuleSetSchema);
