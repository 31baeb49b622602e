export type {
  BlobRefV1,
  CheckpointLogHeadsV1,
  EvidenceProofsV1,
  EvidenceStoreCapabilitiesV1,
  EvidenceStoreV1,
  InclusionProofV1,
  LogHeadV1,
  RecordQueryV1,
  SignedCheckpointV1,
  StoredRecordV1,
  StoreOpenReportV1,
  VerifyProblemV1,
  VerifyReportV1,
} from './evidence-store-v1.js';
export type { StoreErrorTypeV1, StoreErrorV1 } from './store-error-v1.js';
