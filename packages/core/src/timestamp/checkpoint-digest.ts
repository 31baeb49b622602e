import { createHash } from 'node:crypto';
import { canonicalJsonOrThrow } from '../hashing/canonical-json.js';
import type { SignedCheckpointV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';

/**
 * The exact bytes a TSA timestamps for a checkpoint: the RFC 8785 canonical JSON of the whole
 * signed checkpoint, signature included (`jq -cS . checkpoint.json | tr -d '\n'` gives the same
 * bytes). Timestamping the signed form proves the office's signature existed at the TSA's time,
 * so the office cannot have signed later and back-dated `at`.
 */
export function checkpointTimestampBytes(checkpoint: SignedCheckpointV1): Uint8Array {
  const { treeSize, rootHash, at, keyId, logs, signature } = checkpoint;
  return new TextEncoder().encode(canonicalJsonOrThrow({ treeSize, rootHash, at, keyId, ...(logs ? { logs } : {}), signature }));
}

/** sha256 of {@link checkpointTimestampBytes}, hex: the checkpoint's hash and a token's message imprint. */
export function checkpointHash(checkpoint: SignedCheckpointV1): string {
  return createHash('sha256').update(checkpointTimestampBytes(checkpoint)).digest('hex');
}
