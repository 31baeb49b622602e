import { err, ok, type Result } from 'neverthrow';
import { sha256Hex, SHA256_HEX_PATTERN } from '../hashing/sha256.js';
import { storedRecordLine } from '../store-kit/record-chain.js';
import type { CaseEvidence } from '../report/case-evidence.js';
import type { InclusionProofV1, SignedCheckpointV1, StoredRecordV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';
import { BUNDLE_FILES, BUNDLE_FORMAT, blobFileName, isSafeBundlePath, proofFileName, recordFileName, type BundleRecordKind } from './bundle-layout.js';
import { bundleTimestampFiles, type BundleTimestamp } from './bundle-timestamps.js';
import { verifyGuide } from './verify-guide.js';

/** A bundle as file name → bytes; the CLI writes it to a directory. */
export type BundleFiles = Map<string, Uint8Array>;

/** What a bundle is made of. */
export interface CreateBundleInput {
  evidence: CaseEvidence;
  /** Blob bytes by sha256 (every hash in `evidence.blobHashes` that the store holds). */
  blobs: ReadonlyMap<string, Uint8Array>;
  /** The latest signed checkpoint, when the store keeps a Merkle log. */
  checkpoint?: SignedCheckpointV1;
  /** The office public key (SPKI PEM). */
  publicKeyPem?: string;
  /** Inclusion proofs of the captures. */
  proofs?: readonly InclusionProofV1[];
  /** The evidence report to put beside the raw evidence. */
  reportHtml?: string;
  /** RFC 3161 tokens over the checkpoint(s) of the bundle, with their bytes. */
  timestamps?: readonly BundleTimestamp[];
  /** The TSA roots (PEM) the office trusts, carried so the tokens can be checked. */
  tsaTrustAnchors?: readonly string[];
  office: string;
  createdAt: string;
  createdBy: string;
  storeId?: string;
  includePersonalData: boolean;
}

/** Why a bundle could not be made. */
export interface BundleCreateError {
  type: 'bundle_invalid';
  message: string;
}

/** One file in the manifest. */
export interface BundleManifestFile {
  path: string;
  sha256: string;
  size: number;
}

/** `manifest.json`. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  caseId: string;
  caseVersion: number;
  office: string;
  createdAt: string;
  createdBy: string;
  storeId?: string;
  keyId?: string;
  checkpoint?: { treeSize: number; rootHash: string; at: string };
  includePersonalData: boolean;
  counts: { findings: number; captures: number; blobs: number; proofs: number; auditEntries: number; timestamps?: number };
  /** Blobs the evidence names but the store did not hold (e.g. media never fetched). */
  missingBlobs: string[];
  files: BundleManifestFile[];
}

const encoder = new TextEncoder();

function jsonl(entries: ReadonlyArray<StoredRecordV1<unknown>>): Uint8Array {
  return encoder.encode(entries.map((entry) => `${storedRecordLine(entry)}\n`).join(''));
}

/**
 * Build an offline verification bundle for one case: raw blobs, the case's records as stored
 * (with their chain fields), the checkpoint and its signature, the office public key, inclusion
 * proofs, a manifest, `SHA256SUMS` and `VERIFY.md`. Pure: the caller reads the store and writes
 * the files.
 */
export function createBundle(input: CreateBundleInput): Result<BundleFiles, BundleCreateError> {
  const files: BundleFiles = new Map();
  const { evidence } = input;
  const put = (path: string, bytes: Uint8Array | string): void => {
    files.set(path, typeof bytes === 'string' ? encoder.encode(bytes) : bytes);
  };
  const records: Record<BundleRecordKind, ReadonlyArray<StoredRecordV1<unknown>>> = {
    case: evidence.caseVersions.length > 0 ? evidence.caseVersions : [evidence.case],
    finding: evidence.findings,
    capture: evidence.captures,
    audit: evidence.audit,
  };
  for (const [kind, entries] of Object.entries(records) as Array<[BundleRecordKind, ReadonlyArray<StoredRecordV1<unknown>>]>) {
    if (entries.length > 0) put(recordFileName(kind), jsonl([...entries].sort((a, b) => a.seq - b.seq)));
  }
  const missingBlobs: string[] = [];
  for (const hash of evidence.blobHashes) {
    if (!SHA256_HEX_PATTERN.test(hash)) return err({ type: 'bundle_invalid', message: `blob name ${hash} is not a sha256` });
    const bytes = input.blobs.get(hash);
    if (!bytes) {
      missingBlobs.push(hash);
      continue;
    }
    if (sha256Hex(bytes) !== hash) return err({ type: 'bundle_invalid', message: `blob ${hash} does not match its bytes; run sipansos verify on the store` });
    put(blobFileName(hash), bytes);
  }
  for (const proof of input.proofs ?? []) put(proofFileName(proof.captureId), `${JSON.stringify(proof, null, 2)}\n`);
  if (input.checkpoint) put(BUNDLE_FILES.checkpoint, `${JSON.stringify(input.checkpoint, null, 2)}\n`);
  if (input.publicKeyPem) put(BUNDLE_FILES.publicKey, input.publicKeyPem.endsWith('\n') ? input.publicKeyPem : `${input.publicKeyPem}\n`);
  if (input.reportHtml) put(BUNDLE_FILES.report, input.reportHtml);
  const timestamps = input.timestamps ?? [];
  for (const [path, bytes] of bundleTimestampFiles(timestamps, input.tsaTrustAnchors ?? [])) put(path, bytes);
  put(BUNDLE_FILES.verifyGuide, verifyGuide({ caseId: evidence.case.record.id, office: input.office, createdAt: input.createdAt, includePersonalData: input.includePersonalData, ...(input.checkpoint ? { keyId: input.checkpoint.keyId } : {}), timestamps: timestamps.map(({ details }) => ({ tokenSha256: details.tokenSha256, tsaUrl: details.tsaUrl, genTime: details.genTime })) }));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    caseId: evidence.case.record.id,
    caseVersion: evidence.case.record.version,
    office: input.office,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    ...(input.storeId ? { storeId: input.storeId } : {}),
    ...(input.checkpoint ? { keyId: input.checkpoint.keyId, checkpoint: { treeSize: input.checkpoint.treeSize, rootHash: input.checkpoint.rootHash, at: input.checkpoint.at } } : {}),
    includePersonalData: input.includePersonalData,
    counts: { findings: evidence.findings.length, captures: evidence.captures.length, blobs: evidence.blobHashes.length - missingBlobs.length, proofs: input.proofs?.length ?? 0, auditEntries: evidence.audit.length, ...(timestamps.length > 0 ? { timestamps: timestamps.length } : {}) },
    missingBlobs,
    files: [...files.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.byteLength })),
  };
  put(BUNDLE_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  const sums = [...files.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([path, bytes]) => `${sha256Hex(bytes)}  ${path}`)
    .join('\n');
  put(BUNDLE_FILES.sums, `${sums}\n`);
  for (const path of files.keys()) if (!isSafeBundlePath(path)) return err({ type: 'bundle_invalid', message: `unsafe file name in bundle: ${path}` });
  return ok(files);
}
