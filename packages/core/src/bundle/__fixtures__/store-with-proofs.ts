import { generateKeyPairSync } from 'node:crypto';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import { logHeadsOf } from '../../evidence/log-heads.js';
import { RECORD_KINDS } from '../../records/record-kinds.js';
import { publicKeyPemOf, signCheckpoint } from '../../evidence/checkpoint-signature.js';
import { captureLeafHash, merkleInclusionPath, merkleRoot } from '../../evidence/merkle-tree.js';
import type { EvidenceProofsV1, EvidenceStoreV1, InclusionProofV1, SignedCheckpointV1 } from '../../spec/evidence-store/v1/evidence-store-v1.js';

/** A fresh Ed25519 office key pair (PEM). */
export function testOfficeKey(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem: publicKeyPemOf(privateKeyPem)._unsafeUnwrap() };
}

/**
 * Give a store Merkle checkpoints and proofs built with core's evidence functions, so bundle
 * tests run on the in-memory store as they would on store-fs.
 */
export function withTestProofs(store: EvidenceStoreV1, privateKeyPem: string, now: () => Date = () => new Date(), format: 'log-heads' | 'capture-only' = 'log-heads'): EvidenceStoreV1 {
  let checkpoint: SignedCheckpointV1 | undefined;
  let leaves: Uint8Array[] = [];
  let ids: string[] = [];
  const proofs: EvidenceProofsV1 = {
    createCheckpoint() {
      return ResultAsync.combine(RECORD_KINDS.map((kind) => store.query(kind, { allVersions: true }))).andThen((all) => {
        const entries = all[0]!;
        ids = entries.map((entry) => entry.id);
        leaves = entries.map((entry) => Buffer.from(captureLeafHash(entry.entryHash), 'hex'));
        // 'capture-only': a checkpoint as stores wrote them before log heads were signed.
        const logs = format === 'log-heads' ? { logs: logHeadsOf((kind) => all[RECORD_KINDS.indexOf(kind)]!.at(-1)) } : {};
        const signed = signCheckpoint({ treeSize: leaves.length, rootHash: Buffer.from(merkleRoot(leaves)).toString('hex'), at: now().toISOString(), ...logs }, privateKeyPem);
        if (signed.isErr()) return errAsync({ type: 'invalid_input' as const, message: signed.error.message, issues: [] });
        checkpoint = signed.value;
        return okAsync(signed.value);
      });
    },
    latestCheckpoint: () => okAsync(checkpoint),
    inclusionProof(captureId) {
      const index = ids.indexOf(captureId);
      if (!checkpoint || index < 0) return errAsync({ type: 'not_found' as const, what: 'inclusion proof', id: captureId, message: `no checkpoint covers ${captureId}` });
      const proof: InclusionProofV1 = {
        captureId,
        leafIndex: index,
        leafHash: Buffer.from(leaves[index]!).toString('hex'),
        treeSize: checkpoint.treeSize,
        path: merkleInclusionPath(leaves, index, checkpoint.treeSize).map((hash) => Buffer.from(hash).toString('hex')),
        checkpoint,
      };
      return okAsync(proof);
    },
    publicKeyPem: () => okAsync(publicKeyPemOf(privateKeyPem)._unsafeUnwrap()),
  };
  return Object.assign(Object.create(null) as object, store, { capabilities: { ...store.capabilities, merkleProofs: true }, proofs }) as EvidenceStoreV1;
}
