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
export { RecordLogIndex, RecordQuerySchema, parseRecordQuery, type IndexedEntry } from './record-index.js';
export { planAppend, type AppendPlan, type AppendPlanContext, type ExistingEntryRef, type PlannedEntry, type PlannedOutcome } from './append-plan.js';
