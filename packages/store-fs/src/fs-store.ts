import { hostname } from 'node:os';
import { err, ok, ResultAsync, type Result } from 'neverthrow';
import {
  captureLeafHash,
  logHeadsOf,
  parseRecordQuery,
  planAppend,
  RECORD_KINDS,
  sha256Hex,
  SHA256_HEX_PATTERN,
  type AuditEntry,
  type PlannedEntry,
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
import { CheckpointLog } from './checkpoint-log.js';
import { defaultFsync, ioError, type FsyncFunction } from './durable-io.js';
import { checkFsStoreOptions, type FsStoreOptions } from './fs-store-options.js';
import { verifyFsStore } from './fs-verify.js';
import { GroupCommitWriter } from './group-commit.js';
import { readError, readStored, type KindLog } from './kind-log.js';
import { RecordStaging } from './record-staging.js';
import { openStoreFiles } from './store-open.js';
import { storeLayout } from './store-layout.js';
import { writerAlive, type AcquiredLock } from './writer-lock.js';

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
  let lock: AcquiredLock | undefined;
  let logs = new Map<RecordKind, KindLog>();
  let captureLeaves: Buffer[] = [];
  const checkpointLog = new CheckpointLog(layout, fsync, signingKey, now);
  let checkpointChain: Promise<unknown> = Promise.resolve();
  let writer = newWriter();
  let lastAppendedMs = Number.NaN;
  let lastAppendedAt = '';
  const staging = new RecordStaging();

  function newWriter(): GroupCommitWriter {
    return new GroupCommitWriter(fsync, (log, stored) => {
      if (log.kind === 'capture') captureLeaves.push(Buffer.from(captureLeafHash(stored.entryHash), 'hex'));
    });
  }

  const logOf = (kind: RecordKind): KindLog => {
    const log = logs.get(kind);
    if (!log) throw new Error(`unknown record kind ${String(kind)}`);
    return log;
  };

  // ---- opening -------------------------------------------------------------------------

  async function doOpen(): Promise<Result<StoreOpenReportV1, StoreErrorV1>> {
    writer = newWriter();
    const opened = await openStoreFiles({ layout, fsync, now, readOnly, blobs, repair: settings.repair === true });
    if (opened.isErr()) return err(opened.error);
    const { report } = opened.value;
    lock = opened.value.lock;
    logs = opened.value.logs;
    captureLeaves = opened.value.captureLeaves;
    checkpointLog.load(opened.value.checkpoints, opened.value.checkpointBytes);
    readOnly = report.readOnly;
    // Log handles open on first use: a short-lived reader (sipansos verify) needs none.
    state = 'open';
    openReport = report;
    try {
      if (readOnly) return ok(report);
      // Nothing the store changes on its own goes unrecorded: lock takeover, cut tails, repairs.
      const at = now().toISOString();
      const entries: AuditEntry[] = [];
      const stale = report.staleLockTakenOver;
      if (stale) {
        entries.push({ id: `store.lock_taken_over:${at}:${stale.pid}`, at, actor, action: 'store.lock_taken_over', target: { kind: 'store', id: 'LOCK' }, details: { pid: stale.pid, host: stale.host, since: stale.since, by: { pid: process.pid, host: hostname() } } });
      }
      for (const cut of opened.value.tailCuts) {
        entries.push({ id: `store.tail_recovered:${at}:${cut.file}`, at, actor, action: 'store.tail_recovered', target: { kind: 'store', id: cut.file }, details: { file: cut.file, droppedBytes: cut.droppedBytes, lastGoodSeq: cut.lastGoodSeq, keptIn: cut.keptIn, reason: 'incomplete last line (the shape a crash leaves)' } });
      }
      for (const [index, repair] of opened.value.repairs.entries()) {
        entries.push({ id: `store.repaired:${at}:${index + 1}`, at, actor, action: 'store.repaired', target: { kind: 'store', id: repair.file }, details: { ...repair } });
      }
      if (entries.length > 0) {
        const logged = await appendInternal('audit', entries);
        if (logged.isErr()) return err(logged.error);
      }
      if (opened.value.repairs.length > 0) {
        const signed = await createCheckpoint();
        if (signed.isErr()) return err(signed.error);
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
    if (writer.failure) return err(writer.failure);
    if (readOnly) {
      const reason = openReport && openReport.damaged.length > 0 ? `damage was found on open: ${openReport.damaged[0]!.message}` : 'it was opened with readOnly: true';
      return err({ type: 'read_only', message: `the store is read-only: ${reason}` });
    }
    return ok(undefined);
  }

  // ---- records --------------------------------------------------------------------------

  /** Never rejects (a throw becomes an `io` error), so `append` needs no `.catch` per call. */
  async function appendInternal<K extends RecordKind>(kind: K, records: ReadonlyArray<unknown>): Promise<Result<Array<StoredRecordV1<RecordOf<K>>>, StoreErrorV1>> {
    try {
      // The common case, an open writable store, is checked without awaiting anything.
      if (state !== 'open' || !openReport || writer.failure || readOnly) {
        const writable = await ensureWritable();
        if (writable.isErr()) return err(writable.error);
      }
      // Every record kind has a log once the store is open.
      const log = logs.get(kind);
      if (log === undefined) return err(unknownKind(kind));
      const planned = planAndEnqueue(log, kind, records);
      if (planned.isErr()) return err(planned.error);
      const { out, existing, wait } = planned.value;
      try {
        await wait;
      } catch (error) {
        return err(error as StoreErrorV1);
      }
      if (existing === undefined) return ok(out as Array<StoredRecordV1<RecordOf<K>>>);
      try {
        for (const { position, seq } of existing) {
          const committed = log.index.entries[seq - 1];
          out[position] = committed ? await readStored<RecordOf<K>>(layout, log, committed) : writer.pendingEntry(log, seq)!.stored;
        }
        return ok(out as Array<StoredRecordV1<RecordOf<K>>>);
      } catch (error) {
        return err(readError(error, `read back ${kind}`));
      }
    } catch (error) {
      return err(ioError('store operation', error));
    }
  }

  /** `appendedAt` for an append now: appends in the same millisecond share one string. */
  function appendedAtNow(): string {
    // The default clock needs no Date per append; a given clock is asked once per append.
    const date = settings.now === undefined ? undefined : now();
    const ms = date === undefined ? Date.now() : date.getTime();
    if (ms !== lastAppendedMs) {
      lastAppendedMs = ms;
      lastAppendedAt = (date ?? new Date(ms)).toISOString();
    }
    return lastAppendedAt;
  }

  /**
   * Plan an append and hand its new entries to the committer, synchronously, so no other
   * append can take the same sequence numbers. Answers what to wait for; the planned lines
   * are not kept past this call.
   */
  function planAndEnqueue(log: KindLog, kind: RecordKind, records: ReadonlyArray<unknown>): Result<{ out: Array<StoredRecordV1<unknown> | undefined>; existing: Array<{ position: number; seq: number }> | undefined; wait: Promise<unknown> }, StoreErrorV1> {
    const context = log.planContext;
    context.tip = log.reservedTip;
    context.appendedAt = appendedAtNow();
    context.hashRecord = staging.hashRecord;
    staging.reset();
    const plan = planAppend(kind, records, context);
    if (plan.isErr()) return err(plan.error);
    const { entries, outcomes } = plan.value;
    // What to wait for: the batch of the new entries and of any pending entry met again. Most
    // appends wait for one batch; an array is built only for more.
    let wait: Promise<void> | undefined;
    let waits: Array<Promise<void>> | undefined;
    if (entries.length > 0) {
      log.reservedTip = plan.value.tip;
      wait = writer.enqueue(log, entries as Array<PlannedEntry<RecordKind>>, staging).durable;
      if (!log.index.snapshot) {
        for (const entry of entries) log.pendingIds.set(entry.stored.id, entry.stored);
      }
    }
    // Sized up front: an array grown from empty reserves room for 17 elements.
    const out = new Array<StoredRecordV1<unknown> | undefined>(outcomes.length);
    let existing: Array<{ position: number; seq: number }> | undefined;
    for (let position = 0; position < outcomes.length; position++) {
      const outcome = outcomes[position]!;
      if (outcome.type === 'new') {
        out[position] = entries[outcome.index]!.stored;
      } else {
        (existing ??= []).push({ position, seq: outcome.seq });
        out[position] = undefined;
        const pending = writer.pendingEntry(log, outcome.seq);
        if (pending === undefined) continue;
        if (wait === undefined) wait = pending.durable;
        else (waits ??= [wait]).push(pending.durable);
      }
    }
    return ok({ out, existing, wait: waits === undefined ? wait ?? Promise.resolve() : Promise.all(waits) });
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

  /** The durable head of every log. */
  function currentHeads() {
    return logHeadsOf((kind) => logs.get(kind)?.index.last());
  }

  async function createCheckpoint(): Promise<Result<SignedCheckpointV1, StoreErrorV1>> {
    const writable = await ensureWritable();
    if (writable.isErr()) return err(writable.error);
    await writer.drain();
    try {
      return await checkpointLog.create(captureLeaves, currentHeads());
    } catch (error) {
      writer.failure = { type: 'not_durable', message: `the checkpoint could not be made durable; the store refuses writes until reopened: ${(error as Error).message}`, cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
      return err(writer.failure);
    }
  }

  async function inclusionProof(captureId: string): Promise<Result<InclusionProofV1, StoreErrorV1>> {
    const opened = await readable();
    if (opened.isErr()) return err(opened.error);
    if (typeof captureId !== 'string' || captureId.length === 0) return err({ type: 'invalid_input', message: 'captureId must be a non-empty string', issues: [{ path: 'captureId', message: 'required' }] });
    const entry = logOf('capture').index.latest(captureId);
    if (!entry) return err({ type: 'not_found', what: 'capture', id: captureId, message: `no capture "${captureId}" in the store` });
    return checkpointLog.inclusionProof(captureLeaves, captureId, entry.seq - 1, entry.entryHash);
  }

  // ---- closing --------------------------------------------------------------------------

  async function closeHandles(): Promise<void> {
    for (const log of logs.values()) {
      await log.appendHandle?.close().catch(() => undefined);
      await log.readHandle?.then((handle) => handle.close()).catch(() => undefined);
      log.appendHandle = undefined;
      log.readHandle = undefined;
    }
    await checkpointLog.close();
  }

  const wrap = <T>(promise: Promise<Result<T, StoreErrorV1>>): ResultAsync<T, StoreErrorV1> =>
    new ResultAsync(promise.catch((error: unknown) => err<T, StoreErrorV1>(ioError('store operation', error))));

  const proofs: EvidenceProofsV1 = {
    createCheckpoint: () => wrap((checkpointChain = checkpointChain.then(createCheckpoint, createCheckpoint)) as Promise<Result<SignedCheckpointV1, StoreErrorV1>>),
    latestCheckpoint: () => wrap(readable().then((opened) => opened.map(() => checkpointLog.latest()))),
    inclusionProof: (captureId) => wrap(inclusionProof(captureId)),
    publicKeyPem: () => wrap(readable().then((opened) => (opened.isErr() ? err(opened.error) : checkpointLog.publicKeyPem()))),
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
          await writer.drain();
          await checkpointChain.catch(() => undefined);
          let signed: Result<unknown, StoreErrorV1> = ok(undefined);
          if (settings.checkpointOnClose && signingKey && state === 'open' && !readOnly && !writer.failure && !checkpointLog.covers(currentHeads())) {
            signed = await createCheckpoint();
          }
          await closeHandles();
          await lock?.release();
          lock = undefined;
          state = 'closed';
          return signed.isErr() ? err(signed.error) : ok(undefined);
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
            writer.failure = { type: 'not_durable', message: `the blob could not be stored durably; the store refuses writes until reopened: ${(error as Error).message}`, cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
            return err(writer.failure);
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
      return new ResultAsync(appendInternal(kind, records));
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
            return ok(await readStored<RecordOf<K>>(layout, log, entry));
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
            for (const entry of log.index.query(parsed.value)) out.push(await readStored<RecordOf<K>>(layout, log, entry));
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
          await writer.drain();
          // The writer checks what it has acknowledged; appends racing with verify are not damage.
          const durableBytes = readOnly ? undefined : new Map<string, number>([...[...logs.values()].map((log): [string, number] => [layout.relative(log.file), log.committedBytes]), ['checkpoints.jsonl', checkpointLog.bytes]]);
          return ok(
            await verifyFsStore(layout, {
              ...(signingKey ? { signingKeyPem: signingKey } : {}),
              ...(durableBytes ? { durableBytes } : {}),
              tolerateTornTail: readOnly && (await writerAlive(layout.lock)),
            }),
          );
        })(),
      );
    },
  };
  return store;
}
