import type { KeyObject } from 'node:crypto';
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import type { InclusionProofV1, SignedCheckpointV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import { SignedCheckpointSchema, verifyCheckpoint, type EvidenceProofError } from './checkpoint-signature.js';
import { captureLeafHash, merkleRootFromInclusionPath } from './merkle-tree.js';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a lowercase hex sha256' });

/** Shape of {@link InclusionProofV1}, for proofs read from files or bundles. */
export const InclusionProofSchema = z.object({
  captureId: z.string().min(1),
  leafIndex: z.number().int().nonnegative(),
  leafHash: hex64,
  treeSize: z.number().int().positive(),
  path: z.array(hex64).max(64),
  checkpoint: SignedCheckpointSchema,
});

/** Options of {@link verifyInclusionProof}. */
export interface VerifyInclusionProofOptions {
  /**
   * The capture's entry hash from its log (or bundle). When given, the proof's leaf hash must
   * be the RFC 9162 leaf hash of it, tying the proof to that very record.
   */
  entryHash?: string;
}

/**
 * Check an inclusion proof offline: its shape, the checkpoint's signature by this public key,
 * that the audit path leads from the leaf to the signed root, and (optionally) that the leaf is
 * the given capture entry. Returns the checkpoint the capture is proven to be under.
 */
export function verifyInclusionProof(proof: unknown, publicKeyPem: string | KeyObject, options: VerifyInclusionProofOptions = {}): Result<SignedCheckpointV1, EvidenceProofError> {
  const parsed = InclusionProofSchema.safeParse(proof);
  if (!parsed.success) return err({ type: 'invalid_proof', message: `inclusion proof: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}` });
  const value: InclusionProofV1 = parsed.data;
  const checkpoint = verifyCheckpoint(value.checkpoint, publicKeyPem);
  if (checkpoint.isErr()) return err(checkpoint.error);
  if (value.treeSize !== value.checkpoint.treeSize) {
    return err({ type: 'invalid_proof', message: `proof is for tree size ${value.treeSize} but its checkpoint signs tree size ${value.checkpoint.treeSize}` });
  }
  if (options.entryHash !== undefined) {
    const expected = captureLeafHash(options.entryHash);
    if (expected !== value.leafHash) return err({ type: 'leaf_mismatch', message: `leaf hash ${value.leafHash} is not the leaf of entry hash ${options.entryHash} (expected ${expected})` });
  }
  const root = merkleRootFromInclusionPath(
    Buffer.from(value.leafHash, 'hex'),
    value.leafIndex,
    value.treeSize,
    value.path.map((hash) => Buffer.from(hash, 'hex')),
  );
  if (!root) return err({ type: 'invalid_proof', message: `an audit path of ${value.path.length} hashes cannot place leaf ${value.leafIndex} in a tree of ${value.treeSize}` });
  const found = Buffer.from(root).toString('hex');
  if (found !== value.checkpoint.rootHash) return err({ type: 'root_mismatch', message: `the audit path leads to root ${found}, but the checkpoint signs ${value.checkpoint.rootHash}` });
  return ok(checkpoint.value);
}
