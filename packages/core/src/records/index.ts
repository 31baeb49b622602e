export { AuditEntrySchema, type AuditEntry } from './audit-entry-schema.js';
export type { AccountStateEnvelope } from './account-state-envelope.js';
export {
  RECORD_KINDS,
  SNAPSHOT_KINDS,
  recordIndexKeys,
  type RecordIndexKeys,
  type RecordKind,
  type RecordOf,
  type RecordTypes,
} from './record-kinds.js';
export {
  GENESIS_HASH,
  buildStoredRecord,
  checkRecordChain,
  checkStoredRecord,
  computeEntryHash,
  isHashHex,
  storedRecordLine,
  type BuildStoredRecordInput,
  type ChainCheckContext,
  type ChainTip,
  type EntryHashInput,
} from './record-chain.js';
export { AccountStateEnvelopeSchema, RECORD_SCHEMAS, parseRecord, type ParsedRecord } from './record-validation.js';
export { RecordLogIndex, RecordQuerySchema, parseRecordQuery, type IndexedEntry } from './record-index.js';
export { planAppend, type AppendPlan, type AppendPlanContext, type ExistingEntryRef, type PlannedEntry, type PlannedOutcome } from './append-plan.js';
