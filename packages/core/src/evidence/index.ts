export {
  EMPTY_TREE_ROOT,
  captureLeafHash,
  merkleInclusionPath,
  merkleLeafHash,
  merkleNodeHash,
  merkleRoot,
  merkleRootFromInclusionPath,
} from './merkle-tree.js';
export {
  SignedCheckpointSchema,
  checkpointSigningPayload,
  keyIdOf,
  publicKeyPemOf,
  signCheckpoint,
  verifyCheckpoint,
  type CheckpointInput,
  type EvidenceProofError,
} from './checkpoint-signature.js';
export { InclusionProofSchema, verifyInclusionProof, type VerifyInclusionProofOptions } from './inclusion-proof.js';
export { compareLogHeads, logHeadsOf, type LogHeadMismatch, type LogHeadSource } from './log-heads.js';
