import { registerJsonSchema } from '../json-schemas.js';
import { LetterTemplateSchema } from './letter-template.js';

// Offices edit letter templates by hand; publish their shape for their editors.
registerJsonSchema('letter-template', LetterTemplateSchema);
