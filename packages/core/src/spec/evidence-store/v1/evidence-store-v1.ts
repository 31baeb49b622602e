import type { ResultAsync } from 'neverthrow';
import type { RecordKind, RecordOf } from '../../../records/record-kinds.js';
import type { StoreErrorV1 } from './store-error-v1.js';

/** What a store can do beyond the required methods. */
export interface EvidenceStoreCapabilitiesV1 {
  /** An acknowledged write survives a crash or power loss (fsync of file and directory). */
  durable: boolean;
  /** Captures form a Merkle tree with signed checkpoints and inclusion proofs (`proofs`). */
  merkleProofs: boolean;
  /** Several processes may read while one writes. */
  concurrentReaders: boolean;
}

/** A blob's address: the sha256 of its bytes. */
export interface BlobRefV1 {
  sha256: string;
  size: number;
}

/** A record as stored: its place in the kind's hash chain. */
export interface StoredRecordV1<T> {
  kind: RecordKind;
  /** Position in the kind's log, from 1, without gaps. */
  seq: number;
  /**
   * The record's id (for snapshot kinds, shared by every version). Not under `entryHash`:
   * `verify` checks it equals the id the record itself gives (`recordIndexKeys`).
   */
  id: string;
  /** sha256 of the record's canonical JSON (RFC 8785). */
  recordHash: string;
  /** `entryHash` of the previous entry in the kind's log (64 zeros for the first). */
  prevHash: string;
  /** sha256 over `{ seq, kind, appendedAt, recordHash, prevHash }` canonical JSON: the chain link. */
  entryHash: string;
  /** When the store acknowledged it (ISO). */
  appendedAt: string;
  record: T;
}

/** A read over one record kind. Every field narrows; all are optional. */
export interface RecordQueryV1 {
  accountKey?: string;
  itemKey?: string;
  subjectId?: string;
  /** Finding category, change type or audit target kind. */
  category?: string;
  /** Case state (latest version). */
  state?: string;
  /** Index time at or after (ISO). Compared as instants, so any offset may be used. */
  from?: string;
  /** Index time before (ISO, exclusive). Compared as instants. */
  to?: string;
  /** Only entries with `seq` greater than this (paging, incremental readers). */
  afterSeq?: number;
  /** At most this many entries, in `seq` order. */
  limit?: number;
  /** For snapshot kinds: return every version instead of the latest per id. @default false */
  allVersions?: boolean;
}

/** What opening a store found. Nothing is repaired silently. */
export interface StoreOpenReportV1 {
  readOnly: boolean;
  /**
   * Torn tails (an incomplete last line) cut back to the last good record, and, when an
   * operator repairs the store, what the repair cut or accepted. Stores record each in the
   * audit log.
   */
  recovered: Array<{ file: string; droppedBytes: number; lastGoodSeq: number; message: string }>;
  /**
   * Damage (a complete line whose hash or chain is wrong, or a log that no longer holds what
   * the latest checkpoint signed): the store opened read-only.
   */
  damaged: Array<{ file: string; seq?: number; message: string }>;
  /** A stale lock from a dead process that was taken over. */
  staleLockTakenOver?: { pid: number; host: string; since: string };
}

/** One problem `verify` found. */
export interface VerifyProblemV1 {
  type: 'blob_hash' | 'missing_blob' | 'record_hash' | 'chain' | 'sequence' | 'merkle_root' | 'checkpoint_signature' | 'unreadable';
  /** File (relative to the store) or object where it was found. */
  file?: string;
  seq?: number;
  expected?: string;
  found?: string;
  message: string;
}

/** Result of a full integrity check. */
export interface VerifyReportV1 {
  ok: boolean;
  checked: { blobs: number; records: number; checkpoints: number; bytes: number };
  problems: VerifyProblemV1[];
}

/** The head of one record log: its last entry's sequence number and entry hash (0 and 64 zeros when empty). */
export interface LogHeadV1 {
  seq: number;
  entryHash: string;
}

/** The head of every record log, by kind. */
export type CheckpointLogHeadsV1 = Record<RecordKind, LogHeadV1>;

/**
 * A signed statement of the store at a moment: the capture log's Merkle tree at a size
 * (RFC 9162 tree head) and, since checkpoints also cover findings, cases and the audit log,
 * the head of every log. Checkpoints without `logs` (written before) stay verifiable.
 */
export interface SignedCheckpointV1 {
  /** Number of captures in the tree. */
  treeSize: number;
  /** RFC 9162 root hash, hex. */
  rootHash: string;
  /** ISO time of signing. */
  at: string;
  /** Office key id: sha256 of the Ed25519 public key (SPKI DER), hex. */
  keyId: string;
  /**
   * The head of every log when the checkpoint was signed (`logs.capture.seq` equals
   * `treeSize`). Absent in checkpoints written before heads were signed.
   */
  logs?: CheckpointLogHeadsV1;
  /**
   * Ed25519 signature, base64, over the canonical JSON of `{ at, keyId, logs, rootHash, treeSize }`
   * (without `logs` for a checkpoint that has none).
   */
  signature: string;
}

/** A proof that one capture is in the tree a checkpoint signs. */
export interface InclusionProofV1 {
  captureId: string;
  /** 0-based leaf index in the capture log. */
  leafIndex: number;
  /**
   * RFC 9162 leaf hash, hex: sha256(0x00 ‖ leaf data), where the leaf data is the 32 raw bytes
   * of the capture's `entryHash` in its log (`captureLeafHash` in core).
   */
  leafHash: string;
  treeSize: number;
  /** Audit path, hex hashes, leaf to root. */
  path: string[];
  checkpoint: SignedCheckpointV1;
}

/** Merkle checkpoints and proofs (present when `capabilities.merkleProofs`). */
export interface EvidenceProofsV1 {
  /**
   * Sign a checkpoint over every capture appended so far and the head of every log. Without
   * the office signing key this is an `unsupported` error; the rest of the store works.
   */
  createCheckpoint(): ResultAsync<SignedCheckpointV1, StoreErrorV1>;
  latestCheckpoint(): ResultAsync<SignedCheckpointV1 | undefined, StoreErrorV1>;
  /** Proof for one capture against the latest checkpoint that includes it. */
  inclusionProof(captureId: string): ResultAsync<InclusionProofV1, StoreErrorV1>;
  /** The office public key (PEM, SPKI) that signs checkpoints. */
  publicKeyPem(): ResultAsync<string, StoreErrorV1>;
}

/**
 * An evidence store, contract version 1. Blobs are content-addressed; records are append-only
 * logs, each chained by hashes so `verify()` detects any change. An acknowledged write is
 * durable when `capabilities.durable`. Two writers never corrupt a store silently: the second
 * gets a `locked` error.
 */
export interface EvidenceStoreV1 {
  /** Always `'v1'`; core rejects other values with a typed error. */
  readonly specificationVersion: 'v1';
  /** Names the implementation, e.g. `fs`, `memory`, `postgres`. */
  readonly storeId: string;
  readonly capabilities: EvidenceStoreCapabilitiesV1;
  /**
   * Open (idempotent): lock, recover, index. Every other method opens on first use if needed;
   * after `close()` they return a `closed` error until `open()` is called again.
   */
  open(): ResultAsync<StoreOpenReportV1, StoreErrorV1>;
  /** Flush, release the lock, free resources. */
  close(): ResultAsync<void, StoreErrorV1>;
  /** Store bytes; returns their sha256. Storing the same bytes twice is a no-op. */
  putBlob(bytes: Uint8Array): ResultAsync<BlobRefV1, StoreErrorV1>;
  /** Read a blob; `not_found` when absent. The bytes are re-hashed before they are returned. */
  getBlob(sha256: string): ResultAsync<Uint8Array, StoreErrorV1>;
  hasBlob(sha256: string): ResultAsync<boolean, StoreErrorV1>;
  /**
   * Append records of one kind, durably, in order. For append-only kinds an id that already
   * exists with identical content returns the stored entry (so a resumed cycle does not
   * duplicate evidence); with different content it is a `conflict`. For snapshot kinds every
   * append is a new version.
   */
  append<K extends RecordKind>(kind: K, records: ReadonlyArray<RecordOf<K>>): ResultAsync<Array<StoredRecordV1<RecordOf<K>>>, StoreErrorV1>;
  /** The record with this id (the latest version for snapshot kinds), or `undefined`. */
  get<K extends RecordKind>(kind: K, id: string): ResultAsync<StoredRecordV1<RecordOf<K>> | undefined, StoreErrorV1>;
  /** Records of a kind matching the query, in `seq` order. */
  query<K extends RecordKind>(kind: K, query?: RecordQueryV1): ResultAsync<Array<StoredRecordV1<RecordOf<K>>>, StoreErrorV1>;
  /** Re-hash every blob and record, check chains, Merkle roots and signatures. */
  verify(): ResultAsync<VerifyReportV1, StoreErrorV1>;
  /** Present when `capabilities.merkleProofs`. */
  readonly proofs?: EvidenceProofsV1;
}
