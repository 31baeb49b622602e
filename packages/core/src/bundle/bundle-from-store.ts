import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import { collectCaseEvidence, type CaseEvidenceError } from '../report/case-evidence.js';
import type { EvidenceStoreV1, InclusionProofV1, SignedCheckpointV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import { checkpointTimestamps } from '../timestamp/checkpoint-timestamps.js';
import { coversSameTree, type BundleTimestamp } from './bundle-timestamps.js';
import { createBundle, type BundleCreateError, type BundleFiles } from './create-bundle.js';

/** Settings of {@link bundleFromStore}. */
export interface BundleFromStoreOptions {
  caseId: string;
  office: string;
  createdAt: string;
  createdBy: string;
  includePersonalData: boolean;
  /** The evidence report to include (render it with the same masking choice). */
  reportHtml?: string;
  /**
   * Sign a new checkpoint when the latest one does not cover a capture of the case.
   * @default true
   */
  checkpointIfNeeded?: boolean;
  /**
   * The TSA roots (PEM) the office trusts. Given, the bundle carries them and every RFC 3161
   * token over a checkpoint that signs the bundle's capture tree.
   */
  tsaTrustAnchors?: readonly string[];
}

/** Why a bundle could not be made from a store. */
export type BundleFromStoreError = CaseEvidenceError | BundleCreateError;

/**
 * Read a case's evidence, blobs, checkpoint, public key and inclusion proofs from a store and
 * build its bundle. A store without Merkle proofs gives a bundle bound by hashes only (the
 * bundle's VERIFY.md and verify-bundle say so).
 */
export function bundleFromStore(store: EvidenceStoreV1, options: BundleFromStoreOptions): ResultAsync<BundleFiles, BundleFromStoreError> {
  return collectCaseEvidence(store, options.caseId).andThen((evidence) => {
    const blobs = ResultAsync.combine(
      evidence.blobHashes.map((hash) =>
        store
          .getBlob(hash)
          .map((bytes): [string, Uint8Array] | undefined => [hash, bytes])
          .orElse((error) => (error.type === 'not_found' ? okAsync(undefined) : errAsync(error))),
      ),
    ).map((entries) => new Map(entries.filter((entry): entry is [string, Uint8Array] => entry !== undefined)));
    const proofs = store.proofs ? proofsFor(store, evidence.captures.map((entry) => entry.id), options.checkpointIfNeeded ?? true) : okAsync(undefined);
    const stamps = proofs.andThen((proofData) => (proofData && options.tsaTrustAnchors && options.tsaTrustAnchors.length > 0 ? timestampsFor(store, [proofData.checkpoint, ...proofData.proofs.map((proof) => proof.checkpoint)]) : okAsync([])));
    return ResultAsync.combine([blobs, proofs, stamps] as const).andThen(([blobMap, proofData, timestamps]) => {
      const created = createBundle({
        evidence,
        blobs: blobMap,
        office: options.office,
        createdAt: options.createdAt,
        createdBy: options.createdBy,
        storeId: store.storeId,
        includePersonalData: options.includePersonalData,
        ...(options.reportHtml ? { reportHtml: options.reportHtml } : {}),
        ...(timestamps.length > 0 ? { timestamps, tsaTrustAnchors: options.tsaTrustAnchors ?? [] } : {}),
        ...(proofData ? { checkpoint: proofData.checkpoint, publicKeyPem: proofData.publicKeyPem, proofs: proofData.proofs } : {}),
      });
      return created.isOk() ? okAsync(created.value) : errAsync<BundleFiles, BundleFromStoreError>(created.error);
    });
  });
}

/**
 * Make sure the latest signed checkpoint covers these captures, signing a new one when it does
 * not. Resolves to whether a checkpoint was signed. A store without Merkle proofs does nothing.
 */
export function ensureCheckpointCovers(store: EvidenceStoreV1, captureIds: readonly string[]): ResultAsync<boolean, StoreErrorV1> {
  const proofs = store.proofs;
  if (!proofs || captureIds.length === 0) return okAsync(false);
  return ResultAsync.combine(captureIds.map((id) => proofs.inclusionProof(id).map(() => true).orElse((error) => (error.type === 'not_found' ? okAsync(false) : errAsync(error))))).andThen((covered) =>
    covered.every(Boolean) ? okAsync(false) : proofs.createCheckpoint().map(() => true),
  );
}

function proofsFor(store: EvidenceStoreV1, captureIds: string[], checkpointIfNeeded: boolean): ResultAsync<{ checkpoint: SignedCheckpointV1; publicKeyPem: string; proofs: InclusionProofV1[] } | undefined, StoreErrorV1> {
  const proofs = store.proofs;
  if (!proofs) return okAsync(undefined);
  const allProofs = (): ResultAsync<InclusionProofV1[], StoreErrorV1> => ResultAsync.combine(captureIds.map((id) => proofs.inclusionProof(id)));
  const withRetry = allProofs().orElse((error) => (checkpointIfNeeded && error.type === 'not_found' ? proofs.createCheckpoint().andThen(() => allProofs()) : errAsync(error)));
  return withRetry.andThen((list) =>
    ResultAsync.combine([proofs.latestCheckpoint(), proofs.publicKeyPem()] as const).andThen(([checkpoint, publicKeyPem]) => {
      const latest = checkpoint ?? list[0]?.checkpoint;
      if (!latest) return okAsync(undefined);
      return okAsync({ checkpoint: latest, publicKeyPem, proofs: list });
    }),
  );
}

// The tokens over any checkpoint that signs the same capture tree as the bundle's checkpoints.
function timestampsFor(store: EvidenceStoreV1, checkpoints: readonly SignedCheckpointV1[]): ResultAsync<BundleTimestamp[], StoreErrorV1> {
  return checkpointTimestamps(store).andThen((all) => {
    const wanted = all.filter((details) => checkpoints.some((checkpoint) => coversSameTree(details, checkpoint)));
    return ResultAsync.combine(wanted.map((details) => store.getBlob(details.tokenSha256).map((token): BundleTimestamp => ({ details, token }))));
  });
}
