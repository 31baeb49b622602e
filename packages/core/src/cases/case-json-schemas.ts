import { registerJsonSchema } from '../json-schemas.js';
import { DeadlinePolicyOverrideSchema } from './deadline-policy-override.js';

// Offices write deadlines.json by hand; publish its shape for their editors.
registerJsonSchema('deadline-override', DeadlinePolicyOverrideSchema);
