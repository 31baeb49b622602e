export { DEFAULT_ROUTING_TABLE, KASN_TO_BKN_DATE } from './default-routing-table.js';
export { mergeRoutingTable, withAsnSuccessor, type AsnSuccessor } from './merge-routing-table.js';
export {
  entryCoversDate,
  resolveReferral,
  routeForDecision,
  toCaseReferral,
  type ReferralError,
  type ReferralResolution,
  type ResolveReferralInput,
} from './resolve-referral.js';
export {
  RoutingEntrySchema,
  RoutingOverrideSchema,
  RoutingTableSchema,
  type RoutingEntry,
  type RoutingEntryInput,
  type RoutingOverride,
  type RoutingTable,
  type RoutingTableInput,
} from './routing-table-schema.js';
