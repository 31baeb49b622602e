import { registerJsonSchema } from '../json-schemas.js';
import { RoutingOverrideSchema, RoutingTableSchema } from './routing-table-schema.js';

// Offices write routing.json by hand; publish its shape (and the full table's) for their editors.
registerJsonSchema('routing-table', RoutingTableSchema);
registerJsonSchema('routing-override', RoutingOverrideSchema);
