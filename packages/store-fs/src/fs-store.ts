import { hostname } from 'node:os';
import { mkdir, open, readdir, readFile, stat, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, ResultAsync, type Result } from 'neverthrow';
import {
  captureLeafHash,
  GENESIS_HASH,
  hashRecord,
  keyIdOf,
  merkleInclusionPath,
  merkleRoot,
  parseRecordQuery,
  planAppend,
  publicKeyPemOf,
  RECORD_KINDS,
  recordIndexKeys,
  RecordLogIndex,
  sha256Hex,
  SHA256_HEX_PATTERN,
  signCheckpoint,
  type ChainTip,
  type IndexedEntry,
  type PlannedEntry,
  type RecordIndexKeys,
  type RecordKind,
  type RecordOf,
} from '@sipansos/core/evidence';
import {
  type BlobRefV1,
  type EvidenceProofsV1,
  type EvidenceStoreV1,
  type InclusionProofV1,
  type RecordQueryV1,
  type SignedCheckpointV1,
  type StoredRecordV1,
  type StoreErrorV1,
  type StoreOpenReportV1,
  type VerifyReportV1,
} from '@sipansos/core/spec';
import { BlobFiles } from './blob-files.js';
import { checkpointLine, scanCheckpoints } from './checkpoint-file.js';
import { defaultFsync, fsyncDirectory, ioError, writeFileDurably, writeFully, type FsyncFunction } from './durable-io.js';
import { checkFsStoreOptions, type FsStoreOptions } from './fs-store-options.js';
import { verifyFsStore } from './fs-verify.js';
import { scanLog } from './log-scan.js';
import { DIR_MODE, FILE_MODE, STORE_MARKER_CONTENT, storeLayout, type StoreLayout } from './store-layout.js';
import { acquireWriterLock, type AcquiredLock } from './writer-lock.js';

/** A commit batch's byte buffer starts this large (about 60 typical lines) and doubles. */
const INITIAL_BATCH_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/** Where an entry's line sits in its log file. */
interface LinePosition {
  offset: number;
  length: number;
}

/**
 * New entries of one log in one commit batch. Each line is encoded into `bytes` as it is
 * enqueued, so a batch holds bytes (outside the JS heap) rather than thousands of strings
 * that the garbage collector would copy while the fsync runs, and is written as it is.
 */
interface LogBatch {
  /** `seq` of the first entry; the others follow without gaps. */
  firstSeq: number;
  stored: Array<StoredRecordV1<unknown>>;
  keys: RecordIndexKeys[];
  /** Where each entry's line ends in `bytes` (just before its newline). */
  lineEnds: number[];
  bytes: Buffer;
  used: number;
  /** Settles when the batch is durable (or is refused). */
  durable: Promise<void>;
}

interface KindLog {
  kind: RecordKind;
  file: string;
  index: RecordLogIndex<LinePosition>;
  /** Bytes known durable (everything acknowledged). */
  committedBytes: number;
  /** Tip including entries handed to the committer but not yet durable. */
  reservedTip: ChainTip;
  /** Append-only ids handed to the committer and not yet durable (the stored entry has seq and recordHash). */
  pendingIds: Map<string, { readonly seq: number; readonly recordHash: string }>;
  /** Batches of this log handed to the committer and not yet durable, in `seq` order. */
  pending: LogBatch[];
  appendHandle?: FileHandle;
  /** A promise, so concurrent first reads share one handle. */
  readHandle?: Promise<FileHandle>;
}

interface CommitBatch {
  logs: Map<KindLog, LogBatch>;
  promise: Promise<void>;
  resolve(): void;
  reject(error: StoreErrorV1): void;
}

/** The store `createFsStore` returns: {@link EvidenceStoreV1} with Merkle proofs. */
export interface FsEvidenceStore extends EvidenceStoreV1 {
  readonly storeId: 'fs';
  readonly proofs: EvidenceProofsV1;
  /** The absolute store directory. */
  readonly dir: string;
}

/**
 * Create the embedded evidence store on the local file system. Nothing touches the disk
 * until `open()` (or the first call that needs it). See the package README for the on-disk
 * layout, which an auditor can check with `sha256sum` and `jq`.
 *
 * Throws a `TypeError` naming the setting when the settings are malformed (a programming
 * error); everything else is reported through `ResultAsync` errors.
 */
export function createFsStore(options: FsStoreOptions): FsEvidenceStore {
  const checked = checkFsStoreOptions(options);
  if (checked.isErr()) throw new TypeError(checked.error.message);
  const settings = checked.value;
  const layout = storeLayout(settings.dir);
  const now = settings.now ?? (() => new Date());
  const fsync: FsyncFunction = settings.fsync ?? defaultFsync;
  const actor = settings.actor ?? 'sipansos-store';
  const blobs = new BlobFiles(layout, fsync);
  const signingKey = settings.signingKeyPem;

  let state: 'new' | 'opening' | 'open' | 'closed' = 'new';
  let opening: Promise<Result<StoreOpenReportV1, StoreErrorV1>> | undefined;
  let openReport: StoreOpenReportV1 | undefined;
  let readOnly = settings.readOnly === true;
  let failure: StoreErrorV1 | undefined;
  let lock: AcquiredLock | undefined;
  const logs = new Map<RecordKind, KindLog>();
  const captureLeaves: Buffer[] = [];
  let checkpoints: SignedCheckpointV1[] = [];
  let checkpointHandle: FileHandle | undefined;
  let checkpointBytes = 0;
  let checkpointChain: Promise<unknown> = Promise.resolve();
  let batch: CommitBatch | undefined;
  let flushing: Promise<void> | undefined;

  const logOf = (kind: RecordKind): KindLog => {
    const log = logs.get(kind);
    if (!log) throw new Error(`unknown record kind ${String(kind)}`);
    return log;
  };

  // ---- opening -------------------------------------------------------------------------

  async function initialise(): Promise<void> {
    for (const dir of [layout.logsDir, layout.blobsDir, layout.blobsShaDir, layout.blobsTmpDir, layout.checkpointKeysDir]) {
      await mkdir(dir, { recursive: true, mode: DIR_MODE });
    }
    for (const kind of RECORD_KINDS) {
      const handle = await open(layout.log(kind), 'a', FILE_MODE);
      await fsync(handle, layout.log(kind));
      await handle.close();
    }
    const checkpointFile = await open(layout.checkpoints, 'a', FILE_MODE);
    await fsync(checkpointFile, layout.checkpoints);
    await checkpointFile.close();
    for (const dir of [layout.logsDir, layout.blobsDir, layout.blobsShaDir]) await fsyncDirectory(dir, fsync);
    // The marker goes last: a store without it is an unfinished initialisation.
    await writeFileDurably(layout.marker, STORE_MARKER_CONTENT, layout.blobsTmpDir, fsync);
    await fsyncDirectory(layout.root, fsync);
  }

  async function saveTail(file: string, offset: number, bytes: number): Promise<string> {
    await mkdir(layout.recoveredDir, { recursive: true, mode: DIR_MODE });
    const handle = await open(file, 'r');
    const data = Buffer.alloc(bytes);
    try {
      await handle.read(data, 0, bytes, offset);
    } finally {
      await handle.close();
    }
    const target = path.join(layout.recoveredDir, `${path.basename(file)}.${now().toISOString().replace(/[:.]/g, '-')}.at-${offset}.tail`);
    await writeFileDurably(target, data, layout.blobsTmpDir, fsync);
    return target;
  }

  async function cutTail(file: string, goodBytes: number): Promise<void> {
    await truncate(file, goodBytes);
    const handle = await open(file, 'r+');
    try {
      await fsync(handle, file);
    } finally {
      await handle.close();
    }
  }

  async function doOpen(): Promise<Result<StoreOpenReportV1, StoreErrorV1>> {
    const report: StoreOpenReportV1 = { readOnly, recovered: [], damaged: [] };
    failure = undefined;
    try {
      if (readOnly) {
        const marker = await readFile(layout.marker, 'utf8').catch(() => undefined);
        if (marker === undefined) return err({ type: 'not_found', what: 'store', id: layout.root, message: `no SIPANSOS store at ${layout.root} (STORE.json missing)` });
      } else {
        await mkdir(layout.root, { recursive: true, mode: DIR_MODE });
        const acquired = await acquireWriterLock(layout.lock, now);
        if (acquired.isErr()) return err(acquired.error);
        lock = acquired.value;
        if (lock.staleTakenOver) report.staleLockTakenOver = lock.staleTakenOver;
        const marker = await readFile(layout.marker, 'utf8').catch(() => undefined);
        if (marker === undefined) {
          const entries = (await readdir(layout.root)).filter((name) => name !== 'LOCK' && !name.startsWith('LOCK.stale-') && !['logs', 'blobs', 'checkpoint-keys', 'checkpoints.jsonl'].includes(name));
          if (entries.length > 0) {
            await lock.release();
            lock = undefined;
            return err({ type: 'invalid_input', message: `${layout.root} is not empty and is not a SIPANSOS store (no STORE.json); choose an empty or new directory`, issues: [{ path: 'dir', message: 'not a store directory' }] });
          }
          await initialise();
        }
      }
      const marker = await readFile(layout.marker, 'utf8');
      if (marker !== STORE_MARKER_CONTENT) {
        report.damaged.push({ file: 'STORE.json', message: 'STORE.json is not the expected format marker; the store may be of another version or changed' });
      }
      if (!readOnly) await blobs.cleanTemporary();

      captureLeaves.length = 0;
      const scans = await Promise.all(
        RECORD_KINDS.map(async (kind) => {
          const file = layout.log(kind);
          const exists = await stat(file).then(() => true, () => false);
          return { kind, file, scan: exists ? await scanLog(file, { kind, name: layout.relative(file) }) : undefined };
        }),
      );
      for (const { kind, file, scan } of scans) {
        const name = layout.relative(file);
        const log: KindLog = {
          kind,
          file,
          index: new RecordLogIndex<LinePosition>(kind),
          committedBytes: 0,
          reservedTip: { seq: 0, entryHash: GENESIS_HASH },
          pendingIds: new Map(),
          pending: [],
        };
        logs.set(kind, log);
        if (!scan) {
          report.damaged.push({ file: name, message: `${name} is missing` });
          continue;
        }
        for (const entry of scan.sound) {
          log.index.add({
            seq: entry.stored.seq,
            id: entry.stored.id,
            entryHash: entry.stored.entryHash,
            recordHash: entry.stored.recordHash,
            keys: recordIndexKeys(kind, entry.stored.record as RecordOf<typeof kind>),
            payload: { offset: entry.offset, length: entry.length },
          });
          if (kind === 'capture') captureLeaves.push(Buffer.from(captureLeafHash(entry.stored.entryHash), 'hex'));
        }
        log.reservedTip = scan.tip;
        log.committedBytes = scan.goodBytes;
        if (scan.damage) {
          report.damaged.push({ file: name, seq: scan.damage.seq, message: `${name} entry ${scan.damage.seq} is damaged and entries after it exist: ${scan.damage.message}` });
        } else if (scan.tail) {
          if (readOnly) {
            report.recovered.push({ file: name, droppedBytes: scan.tail.bytes, lastGoodSeq: scan.tip.seq, message: `ignored ${scan.tail.bytes} bytes after entry ${scan.tip.seq} (opened read-only; a write in progress or a torn write the writer cuts on its next open): ${scan.tail.reason}` });
          } else {
            const saved = await saveTail(file, scan.tail.offset, scan.tail.bytes);
            await cutTail(file, scan.goodBytes);
            report.recovered.push({ file: name, droppedBytes: scan.tail.bytes, lastGoodSeq: scan.tip.seq, message: `cut ${scan.tail.bytes} bytes after entry ${scan.tip.seq} (${scan.tail.reason}); the cut bytes are kept in ${layout.relative(saved)}` });
          }
        }
      }

      const checkpointScan = await scanCheckpoints(layout.checkpoints, 'checkpoints.jsonl');
      checkpoints = checkpointScan.checkpoints.map((entry) => entry.checkpoint);
      checkpointBytes = checkpointScan.goodBytes;
      if (checkpointScan.damage) {
        report.damaged.push({ file: 'checkpoints.jsonl', seq: checkpointScan.damage.line, message: `checkpoints.jsonl line ${checkpointScan.damage.line} is damaged: ${checkpointScan.damage.message}` });
      } else if (checkpointScan.tail && readOnly) {
        report.recovered.push({ file: 'checkpoints.jsonl', droppedBytes: checkpointScan.tail.bytes, lastGoodSeq: checkpoints.length, message: `ignored ${checkpointScan.tail.bytes} bytes after checkpoint ${checkpoints.length} (opened read-only): ${checkpointScan.tail.reason}` });
      } else if (checkpointScan.tail) {
        const saved = await saveTail(layout.checkpoints, checkpointScan.tail.offset, checkpointScan.tail.bytes);
        await cutTail(layout.checkpoints, checkpointScan.goodBytes);
        report.recovered.push({ file: 'checkpoints.jsonl', droppedBytes: checkpointScan.tail.bytes, lastGoodSeq: checkpoints.length, message: `cut ${checkpointScan.tail.bytes} bytes after checkpoint ${checkpoints.length} (${checkpointScan.tail.reason}); kept in ${layout.relative(saved)}` });
      }

      if (report.damaged.length > 0) readOnly = true;
      report.readOnly = readOnly;
      // Log handles open on first use: a short-lived reader (sipansos verify) needs none.
      state = 'open';
      openReport = report;
      if (report.staleLockTakenOver && !readOnly) {
        const stale = report.staleLockTakenOver;
        const at = now().toISOString();
        const logged = await appendInternal('audit', [
          { id: `store.lock_taken_over:${at}:${stale.pid}`, at, actor, action: 'store.lock_taken_over', target: { kind: 'store', id: 'LOCK' }, details: { pid: stale.pid, host: stale.host, since: stale.since, by: { pid: process.pid, host: hostname() } } },
        ]);
        if (logged.isErr()) return err(logged.error);
      }
      return ok(report);
    } catch (error) {
      await closeHandles();
      if (lock) await lock.release();
      lock = undefined;
      return err(ioError('open the store', error));
    }
  }

  function ensureOpen(): Promise<Result<StoreOpenReportV1, StoreErrorV1>> {
    if (state === 'open' && openReport) return Promise.resolve(ok(openReport));
    if (state === 'closed') return Promise.resolve(err({ type: 'closed', message: 'the store was closed; call open() again first' }));
    if (!opening) {
      state = 'opening';
      opening = doOpen().then((result) => {
        if (result.isErr()) state = 'new';
        opening = undefined;
        return result;
      });
    }
    return opening;
  }

  async function ensureWritable(): Promise<Result<void, StoreErrorV1>> {
    const opened = await ensureOpen();
    if (opened.isErr()) return err(opened.error);
    if (failure) return err(failure);
    if (readOnly) {
      const reason = openReport && openReport.damaged.length > 0 ? `damage was found on open: ${openReport.damaged[0]!.message}` : 'it was opened with readOnly: true';
      return err({ type: 'read_only', message: `the store is read-only: ${reason}` });
    }
    return ok(undefined);
  }

  // ---- group commit --------------------------------------------------------------------

  function newBatch(): CommitBatch {
    let resolve!: () => void;
    let reject!: (error: StoreErrorV1) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Each appender awaits the promise; this keeps an unobserved failure from crashing Node.
    promise.catch(() => undefined);
    return { logs: new Map(), promise, resolve, reject };
  }

  function enqueue(log: KindLog, entries: ReadonlyArray<PlannedEntry<RecordKind>>): LogBatch {
    batch ??= newBatch();
    let pending = batch.logs.get(log);
    if (!pending) {
      pending = { firstSeq: entries[0]!.stored.seq, stored: [], keys: [], lineEnds: [], bytes: Buffer.allocUnsafe(INITIAL_BATCH_BYTES), used: 0, durable: batch.promise };
      batch.logs.set(log, pending);
      log.pending.push(pending);
    }
    for (const entry of entries) {
      // UTF-8 needs at most 3 bytes per UTF-16 code unit, so the line always fits whole.
      const room = pending.used + entry.line.length * 3 + 1;
      if (room > pending.bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(room, pending.bytes.length * 2));
        pending.bytes.copy(grown, 0, 0, pending.used);
        pending.bytes = grown;
      }
      pending.used += pending.bytes.write(entry.line, pending.used);
      pending.lineEnds.push(pending.used);
      pending.bytes[pending.used++] = NEWLINE;
      pending.stored.push(entry.stored);
      pending.keys.push(entry.keys);
    }
    // Appends issued while a write and fsync run join the next batch: one fsync for all.
    flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flushLoop);
    return pending;
  }

  /** The stored form of a not yet durable entry, with the batch it waits for. */
  function pendingEntry(log: KindLog, seq: number): { stored: StoredRecordV1<unknown>; durable: Promise<void> } | undefined {
    for (const pending of log.pending) {
      const stored = pending.stored[seq - pending.firstSeq];
      if (stored) return { stored, durable: pending.durable };
    }
    return undefined;
  }

  async function flushLoop(): Promise<void> {
    for (;;) {
      const current = batch;
      if (!current) {
        // Cleared synchronously, so an append arriving from now on starts a new flush.
        flushing = undefined;
        return;
      }
      batch = undefined;
      if (failure) {
        current.reject(failure);
        continue;
      }
      try {
        await commitBatch(current.logs);
        current.resolve();
      } catch (error) {
        failure = {
          type: 'not_durable',
          message: `a write could not be made durable; nothing in it was acknowledged and the store refuses writes until it is reopened: ${(error as Error).message}`,
          cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        };
        await rollBack(current.logs);
        current.reject(failure);
      }
    }
  }

  async function commitBatch(logBatches: Map<KindLog, LogBatch>): Promise<void> {
    for (const [log, pending] of logBatches) {
      log.appendHandle ??= await open(log.file, 'a', FILE_MODE);
      await writeFully(log.appendHandle, pending.bytes.subarray(0, pending.used));
    }
    await Promise.all([...logBatches.keys()].map((log) => fsync(log.appendHandle!, log.file)));
    // Durable: now the entries become visible to readers, in sequence order.
    for (const [log, pending] of logBatches) {
      const base = log.committedBytes;
      let offset = 0;
      for (let index = 0; index < pending.stored.length; index++) {
        const stored = pending.stored[index]!;
        const end = pending.lineEnds[index]!;
        log.index.add({ seq: stored.seq, id: stored.id, entryHash: stored.entryHash, recordHash: stored.recordHash, keys: pending.keys[index]!, payload: { offset: base + offset, length: end - offset } });
        offset = end + 1;
        if (!log.index.snapshot && log.pendingIds.get(stored.id)?.seq === stored.seq) log.pendingIds.delete(stored.id);
        if (log.kind === 'capture') captureLeaves.push(Buffer.from(captureLeafHash(stored.entryHash), 'hex'));
      }
      log.committedBytes = base + pending.used;
      if (log.pending[0] === pending) log.pending.shift();
    }
  }

  async function rollBack(logBatches: Map<KindLog, LogBatch>): Promise<void> {
    // Best effort: bytes of an unacknowledged batch should not reappear on the next open.
    for (const log of logBatches.keys()) {
      await log.appendHandle?.truncate(log.committedBytes).catch(() => undefined);
      await log.appendHandle?.sync().catch(() => undefined);
    }
  }

  // ---- records --------------------------------------------------------------------------

  async function readStored<T>(log: KindLog, entry: IndexedEntry<LinePosition>): Promise<StoredRecordV1<T>> {
    const buffer = Buffer.allocUnsafe(entry.payload.length);
    log.readHandle ??= open(log.file, 'r');
    const { bytesRead } = await (await log.readHandle).read(buffer, 0, entry.payload.length, entry.payload.offset);
    const text = buffer.toString('utf8', 0, bytesRead);
    const stored = JSON.parse(text) as StoredRecordV1<T>;
    if (stored.entryHash !== entry.entryHash || stored.seq !== entry.seq) {
      throw Object.assign(new Error(`${layout.relative(log.file)} entry ${entry.seq} changed on disk since the store was opened`), { corrupt: true, seq: entry.seq, file: layout.relative(log.file), expected: entry.entryHash, found: String(stored.entryHash) });
    }
    // Evidence is re-hashed on every read, as blobs are: a record changed on disk is never served.
    const recordHash = hashRecord(stored.record);
    if (recordHash !== entry.recordHash || stored.id !== entry.id) {
      throw Object.assign(new Error(`${layout.relative(log.file)} entry ${entry.seq}: the record no longer matches its hash; run verify`), { corrupt: true, seq: entry.seq, file: layout.relative(log.file), expected: entry.recordHash, found: recordHash });
    }
    return stored;
  }

  function readError(error: unknown, operation: string): StoreErrorV1 {
    const value = error as { corrupt?: boolean; seq?: number; file?: string; expected?: string; found?: string; message?: string };
    if (value?.corrupt) return { type: 'corrupt', message: String(value.message), file: value.file, seq: value.seq, expected: value.expected, found: value.found };
    if (error instanceof SyntaxError) return { type: 'corrupt', message: `${operation}: a stored line is no longer JSON: ${error.message}; run verify` };
    return ioError(operation, error);
  }

  async function appendInternal<K extends RecordKind>(kind: K, records: ReadonlyArray<unknown>): Promise<Result<Array<StoredRecordV1<RecordOf<K>>>, StoreErrorV1>> {
    // The common case, an open writable store, is checked without awaiting anything.
    if (state !== 'open' || !openReport || failure || readOnly) {
      const writable = await ensureWritable();
      if (writable.isErr()) return err(writable.error);
    }
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) return err(unknownKind(kind));
    const log = logOf(kind);
    const planned = planAndEnqueue(log, kind, records);
    if (planned.isErr()) return err(planned.error);
    const { out, existing, waits } = planned.value;
    try {
      await (waits.length === 1 ? waits[0] : Promise.all(waits));
    } catch (error) {
      return err(error as StoreErrorV1);
    }
    if (existing.length === 0) return ok(out as Array<StoredRecordV1<RecordOf<K>>>);
    try {
      for (const { position, seq } of existing) {
        const committed = log.index.entries[seq - 1];
        out[position] = committed ? await readStored<RecordOf<K>>(log, committed) : pendingEntry(log, seq)!.stored;
      }
      return ok(out as Array<StoredRecordV1<RecordOf<K>>>);
    } catch (error) {
      return err(readError(error, `read back ${kind}`));
    }
  }

  /**
   * Plan an append and hand its new entries to the committer, synchronously, so no other
   * append can take the same sequence numbers. Answers what to wait for; the planned lines
   * are not kept past this call.
   */
  function planAndEnqueue(log: KindLog, kind: RecordKind, records: ReadonlyArray<unknown>): Result<{ out: Array<StoredRecordV1<unknown> | undefined>; existing: Array<{ position: number; seq: number }>; waits: Array<Promise<void>> }, StoreErrorV1> {
    const plan = planAppend(kind, records, {
      tip: log.reservedTip,
      appendedAt: now().toISOString(),
      findExisting: (id) => {
        const committed = log.index.latest(id);
        return committed ? { seq: committed.seq, recordHash: committed.recordHash } : log.pendingIds.get(id);
      },
    });
    if (plan.isErr()) return err(plan.error);
    const { entries, outcomes } = plan.value;
    const waits: Array<Promise<void>> = [];
    if (entries.length > 0) {
      log.reservedTip = plan.value.tip;
      waits.push(enqueue(log, entries as Array<PlannedEntry<RecordKind>>).durable);
      if (!log.index.snapshot) {
        for (const entry of entries) log.pendingIds.set(entry.stored.id, entry.stored);
      }
    }
    const out: Array<StoredRecordV1<unknown> | undefined> = [];
    const existing: Array<{ position: number; seq: number }> = [];
    for (const outcome of outcomes) {
      if (outcome.type === 'new') {
        out.push(entries[outcome.index]!.stored);
      } else {
        existing.push({ position: out.length, seq: outcome.seq });
        out.push(undefined);
        const pending = pendingEntry(log, outcome.seq);
        if (pending) waits.push(pending.durable);
      }
    }
    return ok({ out, existing, waits });
  }

  function unknownKind(kind: unknown): StoreErrorV1 {
    return { type: 'invalid_input', message: `unknown record kind "${String(kind)}"; use one of ${RECORD_KINDS.join(', ')}`, issues: [{ path: 'kind', message: 'unknown record kind' }] };
  }

  async function readable(kind?: unknown): Promise<Result<void, StoreErrorV1>> {
    const opened = await ensureOpen();
    if (opened.isErr()) return err(opened.error);
    if (kind !== undefined && !(RECORD_KINDS as readonly unknown[]).includes(kind)) return err(unknownKind(kind));
    return ok(undefined);
  }

  function badHash(sha256: unknown): StoreErrorV1 | undefined {
    if (typeof sha256 === 'string' && SHA256_HEX_PATTERN.test(sha256)) return undefined;
    return { type: 'invalid_input', message: `"${String(sha256).slice(0, 80)}" is not a lowercase hex sha256`, issues: [{ path: 'sha256', message: 'expected 64 lowercase hex characters' }] };
  }

  // ---- checkpoints ----------------------------------------------------------------------

  async function drain(): Promise<void> {
    while (flushing) await flushing;
  }

  async function createCheckpoint(): Promise<Result<SignedCheckpointV1, StoreErrorV1>> {
    const writable = await ensureWritable();
    if (writable.isErr()) return err(writable.error);
    if (!signingKey) return err({ type: 'unsupported', message: 'no signing key: pass signingKeyPem (the office key from "sipansos init", keys/office-ed25519.pem) to sign checkpoints' });
    await drain();
    const treeSize = captureLeaves.length;
    const rootHash = Buffer.from(merkleRoot(captureLeaves, treeSize)).toString('hex');
    const signed = signCheckpoint({ treeSize, rootHash, at: now().toISOString() }, signingKey);
    if (signed.isErr()) return err({ type: 'invalid_input', message: `signingKeyPem: ${signed.error.message}`, issues: [{ path: 'signingKeyPem', message: signed.error.message }] });
    const checkpoint = signed.value;
    try {
      const keyFile = layout.checkpointKey(checkpoint.keyId);
      const hasKey = await stat(keyFile).then(() => true, () => false);
      if (!hasKey) {
        const publicPem = publicKeyPemOf(signingKey);
        if (publicPem.isErr()) return err({ type: 'invalid_input', message: publicPem.error.message, issues: [{ path: 'signingKeyPem', message: publicPem.error.message }] });
        await writeFileDurably(keyFile, publicPem.value, layout.blobsTmpDir, fsync);
      }
      const line = `${checkpointLine(checkpoint)}\n`;
      checkpointHandle ??= await open(layout.checkpoints, 'a', FILE_MODE);
      await writeFully(checkpointHandle, Buffer.from(line));
      await fsync(checkpointHandle, layout.checkpoints);
      checkpointBytes += Buffer.byteLength(line);
      checkpoints.push(checkpoint);
      return ok(checkpoint);
    } catch (error) {
      failure = { type: 'not_durable', message: `the checkpoint could not be made durable; the store refuses writes until reopened: ${(error as Error).message}`, cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
      await checkpointHandle?.truncate(checkpointBytes).catch(() => undefined);
      return err(failure);
    }
  }

  async function inclusionProof(captureId: string): Promise<Result<InclusionProofV1, StoreErrorV1>> {
    const opened = await readable();
    if (opened.isErr()) return err(opened.error);
    if (typeof captureId !== 'string' || captureId.length === 0) return err({ type: 'invalid_input', message: 'captureId must be a non-empty string', issues: [{ path: 'captureId', message: 'required' }] });
    const entry = logOf('capture').index.latest(captureId);
    if (!entry) return err({ type: 'not_found', what: 'capture', id: captureId, message: `no capture "${captureId}" in the store` });
    const leafIndex = entry.seq - 1;
    const checkpoint = checkpoints.at(-1);
    if (!checkpoint || checkpoint.treeSize <= leafIndex) {
      return err({ type: 'not_found', what: 'checkpoint', id: captureId, message: `capture "${captureId}" is not yet under a signed checkpoint; create one first (proofs.createCheckpoint)` });
    }
    const path = merkleInclusionPath(captureLeaves, leafIndex, checkpoint.treeSize).map((node) => Buffer.from(node).toString('hex'));
    return ok({ captureId, leafIndex, leafHash: captureLeafHash(entry.entryHash), treeSize: checkpoint.treeSize, path, checkpoint });
  }

  async function publicKeyPem(): Promise<Result<string, StoreErrorV1>> {
    const opened = await readable();
    if (opened.isErr()) return err(opened.error);
    if (signingKey) {
      const pem = publicKeyPemOf(signingKey);
      return pem.isErr() ? err({ type: 'invalid_input', message: pem.error.message, issues: [{ path: 'signingKeyPem', message: pem.error.message }] }) : ok(pem.value);
    }
    const latest = checkpoints.at(-1);
    if (!latest) return err({ type: 'unsupported', message: 'no signing key was given and the store holds no checkpoint yet' });
    try {
      const pem = await readFile(layout.checkpointKey(latest.keyId), 'utf8');
      if (keyIdOf(pem) !== latest.keyId) return err({ type: 'corrupt', message: `checkpoint key file for ${latest.keyId} does not hold that key`, file: layout.relative(layout.checkpointKey(latest.keyId)) });
      return ok(pem);
    } catch (error) {
      return err(ioError('read the checkpoint key', error));
    }
  }

  // ---- closing --------------------------------------------------------------------------

  async function closeHandles(): Promise<void> {
    for (const log of logs.values()) {
      await log.appendHandle?.close().catch(() => undefined);
      await log.readHandle?.then((handle) => handle.close()).catch(() => undefined);
      log.appendHandle = undefined;
      log.readHandle = undefined;
    }
    await checkpointHandle?.close().catch(() => undefined);
    checkpointHandle = undefined;
  }

  const wrap = <T>(promise: Promise<Result<T, StoreErrorV1>>): ResultAsync<T, StoreErrorV1> =>
    new ResultAsync(promise.catch((error: unknown) => err<T, StoreErrorV1>(ioError('store operation', error))));

  const proofs: EvidenceProofsV1 = {
    createCheckpoint: () => wrap((checkpointChain = checkpointChain.then(createCheckpoint, createCheckpoint)) as Promise<Result<SignedCheckpointV1, StoreErrorV1>>),
    latestCheckpoint: () => wrap(readable().then((opened) => opened.map(() => checkpoints.at(-1)))),
    inclusionProof: (captureId) => wrap(inclusionProof(captureId)),
    publicKeyPem: () => wrap(publicKeyPem()),
  };

  const store: FsEvidenceStore = {
    specificationVersion: 'v1',
    storeId: 'fs',
    capabilities: { durable: true, merkleProofs: true, concurrentReaders: true },
    dir: layout.root,
    proofs,

    open() {
      if (state === 'closed') {
        state = 'new';
        readOnly = settings.readOnly === true;
        openReport = undefined;
      }
      return wrap(ensureOpen());
    },

    close() {
      return wrap(
        (async (): Promise<Result<void, StoreErrorV1>> => {
          if (opening) await opening;
          await drain();
          await checkpointChain.catch(() => undefined);
          await closeHandles();
          await lock?.release();
          lock = undefined;
          state = 'closed';
          return ok(undefined);
        })(),
      );
    },

    putBlob(bytes) {
      return wrap(
        (async (): Promise<Result<BlobRefV1, StoreErrorV1>> => {
          if (!(bytes instanceof Uint8Array)) return err({ type: 'invalid_input', message: 'putBlob expects a Uint8Array', issues: [{ path: '(root)', message: 'expected bytes' }] });
          const writable = await ensureWritable();
          if (writable.isErr()) return err(writable.error);
          try {
            const sha256 = await blobs.put(bytes);
            return ok({ sha256, size: bytes.byteLength });
          } catch (error) {
            failure = { type: 'not_durable', message: `the blob could not be stored durably; the store refuses writes until reopened: ${(error as Error).message}`, cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
            return err(failure);
          }
        })(),
      );
    },

    getBlob(sha256) {
      return wrap(
        (async (): Promise<Result<Uint8Array, StoreErrorV1>> => {
          const problem = badHash(sha256);
          if (problem) return err(problem);
          const opened = await readable();
          if (opened.isErr()) return err(opened.error);
          const bytes = await blobs.read(sha256);
          if (!bytes) return err({ type: 'not_found', what: 'blob', id: sha256, message: `no blob ${sha256}` });
          const found = sha256Hex(bytes);
          if (found !== sha256) return err({ type: 'corrupt', message: `blob ${sha256} no longer matches its hash`, file: layout.relative(layout.blob(sha256)), expected: sha256, found });
          return ok(bytes);
        })(),
      );
    },

    hasBlob(sha256) {
      return wrap(
        (async (): Promise<Result<boolean, StoreErrorV1>> => {
          const problem = badHash(sha256);
          if (problem) return err(problem);
          const opened = await readable();
          if (opened.isErr()) return err(opened.error);
          return ok(await blobs.has(sha256));
        })(),
      );
    },

    append<K extends RecordKind>(kind: K, records: ReadonlyArray<RecordOf<K>>) {
      return wrap(appendInternal(kind, records));
    },

    get<K extends RecordKind>(kind: K, id: string) {
      return wrap(
        (async (): Promise<Result<StoredRecordV1<RecordOf<K>> | undefined, StoreErrorV1>> => {
          const opened = await readable(kind);
          if (opened.isErr()) return err(opened.error);
          const log = logOf(kind);
          const entry = log.index.latest(id);
          if (!entry) return ok(undefined);
          try {
            return ok(await readStored<RecordOf<K>>(log, entry));
          } catch (error) {
            return err(readError(error, `read ${kind} ${id}`));
          }
        })(),
      );
    },

    query<K extends RecordKind>(kind: K, query?: RecordQueryV1) {
      return wrap(
        (async (): Promise<Result<Array<StoredRecordV1<RecordOf<K>>>, StoreErrorV1>> => {
          const opened = await readable(kind);
          if (opened.isErr()) return err(opened.error);
          const parsed = parseRecordQuery(query);
          if (parsed.isErr()) return err({ type: 'invalid_input', message: parsed.error.message, issues: parsed.error.issues });
          const log = logOf(kind);
          try {
            const out: Array<StoredRecordV1<RecordOf<K>>> = [];
            for (const entry of log.index.query(parsed.value)) out.push(await readStored<RecordOf<K>>(log, entry));
            return ok(out);
          } catch (error) {
            return err(readError(error, `query ${kind}`));
          }
        })(),
      );
    },

    verify() {
      return wrap(
        (async (): Promise<Result<VerifyReportV1, StoreErrorV1>> => {
          const opened = await readable();
          if (opened.isErr()) return err(opened.error);
          await drain();
          // The writer checks what it has acknowledged; appends racing with verify are not damage.
          const durableBytes = readOnly ? undefined : new Map<string, number>([...[...logs.values()].map((log): [string, number] => [layout.relative(log.file), log.committedBytes]), ['checkpoints.jsonl', checkpointBytes]]);
          return ok(
            await verifyFsStore(layout, {
              ...(signingKey ? { signingKeyPem: signingKey } : {}),
              ...(durableBytes ? { durableBytes } : {}),
              tolerateTornTail: readOnly && (await writerElsewhere(layout)),
            }),
          );
        })(),
      );
    },
  };
  return store;
}

/** True when another live process holds the writer lock (its last line may be in flight). */
async function writerElsewhere(layout: StoreLayout): Promise<boolean> {
  try {
    const holder = JSON.parse(await readFile(layout.lock, 'utf8')) as { pid?: number; host?: string };
    if (holder.host !== hostname() || typeof holder.pid !== 'number') return holder.host !== undefined;
    process.kill(holder.pid, 0);
    return true;
  } catch {
    return false;
  }
}
