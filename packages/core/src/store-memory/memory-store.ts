import { errAsync, okAsync } from 'neverthrow';
import { publicKeyPemOf, signCheckpoint, verifyCheckpoint } from '../evidence/checkpoint-signature.js';
import { captureLeafHash, merkleInclusionPath, merkleRoot } from '../evidence/merkle-tree.js';
import { sha256Hex, SHA256_HEX_PATTERN } from '../hashing/sha256.js';
import { planAppend } from '../store-kit/append-plan.js';
import { checkStoredRecord, GENESIS_HASH, type ChainTip } from '../store-kit/record-chain.js';
import { parseRecordQuery, RecordLogIndex, type IndexedEntry } from '../store-kit/record-index.js';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../records/record-kinds.js';
import type {
  BlobRefV1,
  EvidenceProofsV1,
  EvidenceStoreV1,
  InclusionProofV1,
  SignedCheckpointV1,
  StoredRecordV1,
  StoreOpenReportV1,
  VerifyProblemV1,
  VerifyReportV1,
} from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';

/** Settings of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Clock for `appendedAt` and checkpoint times. @default () => new Date() */
  now?: () => Date;
  /**
   * An Ed25519 private key (PKCS#8 PEM) to sign checkpoints with. With it the store offers
   * `proofs` (`capabilities.merkleProofs`); without it, it has none.
   */
  signingKeyPem?: string;
}

/**
 * An {@link EvidenceStoreV1} that keeps everything in memory, for tests and examples. Records
 * are held as their canonical log lines (as `store-fs` writes them) and parsed on every read,
 * so a caller that mutates a returned record cannot change the evidence.
 */
export interface MemoryEvidenceStore extends EvidenceStoreV1 {
  readonly storeId: 'memory';
  /**
   * For tests of tamper detection only: change one byte of a stored entry's line, as an
   * attacker editing a log file would. `verify()` must then report it.
   * @param byteIndex which byte of the line to change. @default the middle of the record
   */
  corruptEntryForTesting(kind: RecordKind, seq: number, byteIndex?: number): void;
  /** For tests: change one byte of a stored blob. */
  corruptBlobForTesting(sha256: string): void;
}

/**
 * Create an in-memory evidence store. It follows the same chain, idempotence, conflict and
 * query rules as `store-fs` (they live in core's `records/`), but nothing survives the
 * process: `capabilities.durable` is false. `close()` then `open()` keeps the data, so the
 * conformance suite's reopen test runs against it too.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryEvidenceStore {
  const now = options.now ?? (() => new Date());
  const blobs = new Map<string, Uint8Array>();
  const logs = new Map<RecordKind, { index: RecordLogIndex<string>; tip: ChainTip }>(
    RECORD_KINDS.map((kind) => [kind, { index: new RecordLogIndex<string>(kind), tip: { seq: 0, entryHash: GENESIS_HASH } }]),
  );
  let state: 'new' | 'open' | 'closed' = 'new';
  // Leaf hashes of the capture log, in order, and the checkpoints signed over it.
  const captureLeaves: Uint8Array[] = [];
  const checkpoints: SignedCheckpointV1[] = [];

  const usable = (): StoreErrorV1 | undefined => {
    if (state === 'closed') return { type: 'closed', message: 'the memory store was closed; call open() again first' };
    state = 'open';
    return undefined;
  };
  const logOf = (kind: RecordKind) => {
    const log = logs.get(kind);
    if (!log) throw new Error(`unknown record kind ${String(kind)}`);
    return log;
  };
  const unknownKind = (kind: unknown): StoreErrorV1 | undefined =>
    (RECORD_KINDS as readonly unknown[]).includes(kind)
      ? undefined
      : { type: 'invalid_input', message: `unknown record kind "${String(kind)}"; use one of ${RECORD_KINDS.join(', ')}`, issues: [{ path: 'kind', message: 'unknown record kind' }] };
  const read = <K extends RecordKind>(entry: IndexedEntry<string>): StoredRecordV1<RecordOf<K>> => JSON.parse(entry.payload) as StoredRecordV1<RecordOf<K>>;

  const signingPublicKey = options.signingKeyPem ? publicKeyPemOf(options.signingKeyPem).unwrapOr(undefined) : undefined;
  const proofs: EvidenceProofsV1 = {
    createCheckpoint() {
      const problem = usable();
      if (problem) return errAsync(problem);
      if (!options.signingKeyPem) return errAsync({ type: 'unsupported', message: 'no signing key: pass signingKeyPem to createMemoryStore to sign checkpoints' });
      const treeSize = captureLeaves.length;
      const signed = signCheckpoint({ treeSize, rootHash: Buffer.from(merkleRoot(captureLeaves, treeSize)).toString('hex'), at: now().toISOString() }, options.signingKeyPem);
      if (signed.isErr()) return errAsync({ type: 'invalid_input', message: `signingKeyPem: ${signed.error.message}`, issues: [{ path: 'signingKeyPem', message: signed.error.message }] });
      checkpoints.push(signed.value);
      return okAsync(signed.value);
    },
    latestCheckpoint() {
      const problem = usable();
      return problem ? errAsync(problem) : okAsync(checkpoints.at(-1));
    },
    inclusionProof(captureId) {
      const problem = usable();
      if (problem) return errAsync(problem);
      const entry = logOf('capture').index.latest(captureId);
      if (!entry) return errAsync({ type: 'not_found', what: 'capture', id: captureId, message: `no capture "${captureId}" in the store` });
      const checkpoint = checkpoints.at(-1);
      if (!checkpoint || checkpoint.treeSize < entry.seq) {
        return errAsync({ type: 'not_found', what: 'checkpoint', id: captureId, message: `capture "${captureId}" is not yet under a signed checkpoint; create one first (proofs.createCheckpoint)` });
      }
      const proof: InclusionProofV1 = {
        captureId,
        leafIndex: entry.seq - 1,
        leafHash: captureLeafHash(entry.entryHash),
        treeSize: checkpoint.treeSize,
        path: merkleInclusionPath(captureLeaves, entry.seq - 1, checkpoint.treeSize).map((node) => Buffer.from(node).toString('hex')),
        checkpoint,
      };
      return okAsync(proof);
    },
    publicKeyPem() {
      const problem = usable();
      if (problem) return errAsync(problem);
      return signingPublicKey ? okAsync(signingPublicKey) : errAsync({ type: 'unsupported', message: 'no signing key was given to createMemoryStore' });
    },
  };

  const store: MemoryEvidenceStore = {
    specificationVersion: 'v1',
    storeId: 'memory',
    capabilities: { durable: false, merkleProofs: options.signingKeyPem !== undefined, concurrentReaders: false },
    ...(options.signingKeyPem !== undefined ? { proofs } : {}),

    open() {
      state = 'open';
      const report: StoreOpenReportV1 = { readOnly: false, recovered: [], damaged: [] };
      return okAsync(report);
    },

    close() {
      state = 'closed';
      return okAsync(undefined);
    },

    putBlob(bytes) {
      const problem = usable();
      if (problem) return errAsync(problem);
      if (!(bytes instanceof Uint8Array)) return errAsync({ type: 'invalid_input', message: 'putBlob expects a Uint8Array', issues: [{ path: '(root)', message: 'expected bytes' }] });
      const sha256 = sha256Hex(bytes);
      if (!blobs.has(sha256)) blobs.set(sha256, Uint8Array.from(bytes));
      const ref: BlobRefV1 = { sha256, size: bytes.byteLength };
      return okAsync(ref);
    },

    getBlob(sha256) {
      const problem = usable() ?? badHash(sha256);
      if (problem) return errAsync(problem);
      const bytes = blobs.get(sha256);
      if (!bytes) return errAsync({ type: 'not_found', what: 'blob', id: sha256, message: `no blob ${sha256}` });
      const found = sha256Hex(bytes);
      if (found !== sha256) return errAsync({ type: 'corrupt', message: `blob ${sha256} no longer matches its hash`, file: `blobs/${sha256}`, expected: sha256, found });
      return okAsync(Uint8Array.from(bytes));
    },

    hasBlob(sha256) {
      const problem = usable() ?? badHash(sha256);
      if (problem) return errAsync(problem);
      return okAsync(blobs.has(sha256));
    },

    append<K extends RecordKind>(kind: K, records: ReadonlyArray<RecordOf<K>>) {
      const problem = usable() ?? unknownKind(kind);
      if (problem) return errAsync(problem);
      const log = logOf(kind);
      const plan = planAppend(kind, records, {
        tip: log.tip,
        appendedAt: now().toISOString(),
        findExisting: (id) => {
          const entry = log.index.latest(id);
          return entry ? { seq: entry.seq, recordHash: entry.recordHash } : undefined;
        },
      });
      if (plan.isErr()) return errAsync(plan.error);
      for (const planned of plan.value.entries) {
        log.index.add({ seq: planned.stored.seq, id: planned.stored.id, entryHash: planned.stored.entryHash, recordHash: planned.stored.recordHash, keys: planned.keys, payload: planned.line });
      }
      log.tip = plan.value.tip;
      if (kind === 'capture') for (const planned of plan.value.entries) captureLeaves.push(Buffer.from(captureLeafHash(planned.stored.entryHash), 'hex'));
      const out = plan.value.outcomes.map((outcome) => {
        if (outcome.type === 'new') return read<K>(log.index.entries[plan.value.entries[outcome.index]!.stored.seq - 1]!);
        return read<K>(log.index.entries[outcome.seq - 1]!);
      });
      return okAsync(out);
    },

    get<K extends RecordKind>(kind: K, id: string) {
      const problem = usable() ?? unknownKind(kind);
      if (problem) return errAsync(problem);
      const entry = logOf(kind).index.latest(id);
      return okAsync(entry ? read<K>(entry) : undefined);
    },

    query<K extends RecordKind>(kind: K, query?: Parameters<EvidenceStoreV1['query']>[1]) {
      const problem = usable() ?? unknownKind(kind);
      if (problem) return errAsync(problem);
      const parsed = parseRecordQuery(query);
      if (parsed.isErr()) return errAsync({ type: 'invalid_input', message: parsed.error.message, issues: parsed.error.issues } satisfies StoreErrorV1);
      return okAsync(logOf(kind).index.query(parsed.value).map((entry) => read<K>(entry)));
    },

    verify() {
      const problem = usable();
      if (problem) return errAsync(problem);
      const problems: VerifyProblemV1[] = [];
      let records = 0;
      let bytes = 0;
      for (const [sha256, blob] of blobs) {
        bytes += blob.byteLength;
        const found = sha256Hex(blob);
        if (found !== sha256) problems.push({ type: 'blob_hash', file: `blobs/${sha256}`, expected: sha256, found, message: `blob ${sha256} does not match its hash` });
      }
      for (const kind of RECORD_KINDS) {
        let previous: ChainTip = { seq: 0, entryHash: GENESIS_HASH };
        for (const entry of logOf(kind).index.entries) {
          records++;
          bytes += entry.payload.length;
          const file = `logs/${kind}`;
          let stored: StoredRecordV1<unknown>;
          try {
            stored = JSON.parse(entry.payload) as StoredRecordV1<unknown>;
          } catch (error) {
            problems.push({ type: 'unreadable', file, seq: entry.seq, message: `entry ${entry.seq} is not JSON: ${(error as Error).message}` });
            previous = { seq: entry.seq, entryHash: entry.entryHash };
            continue;
          }
          problems.push(...checkStoredRecord(stored, previous, { kind, file }, entry.payload));
          previous = { seq: stored.seq, entryHash: String(stored.entryHash) };
        }
      }
      const leaves = logOf('capture').index.entries.map((entry) => Buffer.from(captureLeafHash(entry.entryHash), 'hex'));
      checkpoints.forEach((checkpoint, index) => {
        const where = { file: 'checkpoints', seq: index + 1 };
        if (signingPublicKey) {
          const signature = verifyCheckpoint(checkpoint, signingPublicKey);
          if (signature.isErr()) problems.push({ type: 'checkpoint_signature', ...where, message: `checkpoint ${index + 1}: ${signature.error.message}` });
        }
        const root = checkpoint.treeSize <= leaves.length ? Buffer.from(merkleRoot(leaves, checkpoint.treeSize)).toString('hex') : undefined;
        if (root !== checkpoint.rootHash) problems.push({ type: 'merkle_root', ...where, expected: checkpoint.rootHash, found: root ?? `${leaves.length} captures`, message: `checkpoint ${index + 1}: the capture log no longer gives the signed root` });
      });
      const report: VerifyReportV1 = { ok: problems.length === 0, checked: { blobs: blobs.size, records, checkpoints: checkpoints.length, bytes }, problems };
      return okAsync(report);
    },

    corruptEntryForTesting(kind, seq, byteIndex) {
      const entry = logOf(kind).index.entries[seq - 1];
      if (!entry) throw new Error(`no ${kind} entry ${seq}`);
      const at = byteIndex ?? entry.payload.indexOf('"record":') + 12;
      const code = entry.payload.charCodeAt(at);
      // Flip the lowest bit; stay printable so the line still parses where it can.
      entry.payload = entry.payload.slice(0, at) + String.fromCharCode(code ^ 1) + entry.payload.slice(at + 1);
    },

    corruptBlobForTesting(sha256) {
      const blob = blobs.get(sha256);
      if (!blob || blob.byteLength === 0) throw new Error(`no non-empty blob ${sha256}`);
      blob[0] = blob[0]! ^ 1;
    },
  };
  return store;
}

function badHash(sha256: unknown): StoreErrorV1 | undefined {
  if (typeof sha256 === 'string' && SHA256_HEX_PATTERN.test(sha256)) return undefined;
  return { type: 'invalid_input', message: `"${String(sha256).slice(0, 80)}" is not a lowercase hex sha256`, issues: [{ path: 'sha256', message: 'expected 64 lowercase hex characters' }] };
}

