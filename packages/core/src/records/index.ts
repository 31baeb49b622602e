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
export { AccountStateEnvelopeSchema, RECORD_SCHEMAS, parseRecord, type ParsedRecord } from './record-validation.js';
