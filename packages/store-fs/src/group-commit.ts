import { open } from 'node:fs/promises';
import type { PlannedEntry, RecordKind } from '@sipansos/core/evidence';
import type { StoredRecordV1, StoreErrorV1 } from '@sipansos/core/spec';
import { writeFully, type FsyncFunction } from './durable-io.js';
import type { KindLog, LogBatch } from './kind-log.js';
import type { RecordStaging } from './record-staging.js';
import { FILE_MODE } from './store-layout.js';

/** A commit batch's byte buffer starts this large (about 60 typical lines) and doubles. */
const INITIAL_BATCH_BYTES = 64 * 1024;
/** Written batches' buffers kept for later batches (a fresh buffer per batch costs page faults). */
const SPARE_BUFFERS = 4;
const WRITTEN = Buffer.alloc(0);
const NEWLINE = 0x0a;

/**
 * A batch is sealed (its write starts) once it holds this many entries, even while the
 * appends that follow are still being prepared: the write and fsync then run on libuv's
 * threads while the main thread hashes the next entries, instead of the CPU idling during
 * every fsync. Smaller batches cost more fsyncs; larger ones overlap less.
 */
export const DEFAULT_MAX_BATCH_ENTRIES = 128;

interface CommitBatch {
  logs: Map<KindLog, LogBatch>;
  entries: number;
  promise: Promise<void>;
  resolve(): void;
  reject(error: StoreErrorV1): void;
}

function newBatch(): CommitBatch {
  let resolve!: () => void;
  let reject!: (error: StoreErrorV1) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Each appender awaits the promise; this keeps an unobserved failure from crashing Node.
  promise.catch(() => undefined);
  return { logs: new Map(), entries: 0, promise, resolve, reject };
}

/** Move a batch's bytes to a buffer of at least `needed` bytes. */
function growBatch(pending: LogBatch, needed: number): void {
  let size = pending.bytes.length * 2;
  while (size < needed) size *= 2;
  const grown = Buffer.allocUnsafe(size);
  pending.bytes.copy(grown, 0, 0, pending.used);
  pending.bytes = grown;
}

/**
 * The group-commit log writer. Appends are queued into the open batch; a batch is sealed when
 * it is full or at the end of the event-loop turn. Sealed batches are written strictly one
 * after another (each log is one append-only file) but a batch's fsync may overlap the next
 * batch's write and the preparation of later appends. A batch is acknowledged only after its
 * own fsync and after every earlier batch was acknowledged, so entries become visible in
 * sequence order and an acknowledged entry is always durable. When any write or fsync fails,
 * every batch not yet acknowledged is rolled back and refused, and so is every later write
 * (`failure`) until the store is reopened.
 */
export class GroupCommitWriter {
  /** Set once a write could not be made durable (or by the store for a failed blob or checkpoint). */
  failure: StoreErrorV1 | undefined;
  private open: CommitBatch | undefined;
  private sealScheduled = false;
  /** Sealed batches not yet acknowledged or refused, oldest first. */
  private readonly unsettled: CommitBatch[] = [];
  /** Settles when the last sealed batch's write has finished (never rejects). */
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** Settles when the last sealed batch is acknowledged or refused (never rejects). */
  private lastSettled: Promise<unknown> = Promise.resolve();
  private rollingBack: Promise<void> | undefined;
  private readonly spareBuffers: Buffer[] = [];
  /** Set when the rollback starts: no batch settles as acknowledged from then on. */
  private rolledBack = false;

  constructor(
    private readonly fsync: FsyncFunction,
    /** Called for each entry as it becomes durable, in sequence order. */
    private readonly onDurable: (log: KindLog, stored: StoredRecordV1<unknown>) => void,
    private readonly maxBatchEntries = DEFAULT_MAX_BATCH_ENTRIES,
  ) {}

  /**
   * Queue entries of one log; the returned batch's `durable` settles after their fsync. Records
   * staged in `staging` while they were planned are copied from there rather than encoded again.
   */
  enqueue(log: KindLog, entries: ReadonlyArray<PlannedEntry<RecordKind>>, staging?: RecordStaging): LogBatch {
    this.open ??= newBatch();
    const batch = this.open;
    let pending = batch.logs.get(log);
    if (!pending) {
      pending = { firstSeq: entries[0]!.stored.seq, stored: [], keys: [], lineEnds: [], bytes: this.spareBuffers.pop() ?? Buffer.allocUnsafe(INITIAL_BATCH_BYTES), used: 0, durable: batch.promise };
      batch.logs.set(log, pending);
      log.pending.push(pending);
    }
    for (const entry of entries) {
      const head = entry.lineHead;
      const tail = entry.lineTail;
      // UTF-8 needs at most 3 bytes per UTF-16 code unit; the newline needs one more.
      const room = 3 * (head.length + entry.recordCanonical.length + tail.length) + 1;
      if (pending.used + room > pending.bytes.length) growBatch(pending, pending.used + room);
      const bytes = pending.bytes;
      let at = pending.used + bytes.write(head, pending.used);
      at += staging?.take(entry.stored.recordHash, bytes, at) ?? bytes.write(entry.recordCanonical, at);
      at += bytes.write(tail, at);
      pending.lineEnds.push(at);
      bytes[at] = NEWLINE;
      pending.used = at + 1;
      pending.stored.push(entry.stored);
      pending.keys.push(entry.keys);
    }
    batch.entries += entries.length;
    if (batch.entries >= this.maxBatchEntries) {
      this.seal();
    } else if (!this.sealScheduled) {
      // Appends issued in this turn (and while earlier batches are in flight) join the batch.
      this.sealScheduled = true;
      setImmediate(() => {
        this.sealScheduled = false;
        this.seal();
      });
    }
    return pending;
  }

  /** The stored form of a not yet durable entry, with the batch it waits for. */
  pendingEntry(log: KindLog, seq: number): { stored: StoredRecordV1<unknown>; durable: Promise<void> } | undefined {
    for (const pending of log.pending) {
      const stored = pending.stored[seq - pending.firstSeq];
      if (stored) return { stored, durable: pending.durable };
    }
    return undefined;
  }

  /** Resolves when nothing is queued, being written, or waiting for its fsync. */
  async drain(): Promise<void> {
    for (;;) {
      this.seal();
      const settled = this.lastSettled;
      await settled;
      if (this.rollingBack) await this.rollingBack;
      if (!this.open && settled === this.lastSettled && this.unsettled.length === 0) return;
    }
  }

  private seal(): void {
    const batch = this.open;
    if (!batch) return;
    this.open = undefined;
    if (this.failure) {
      this.refuse(batch);
      return;
    }
    this.unsettled.push(batch);
    const written = this.lastWrite.then(() => {
      if (this.failure) throw this.failure;
      return this.writeBatch(batch.logs);
    });
    const synced = written.then(() => Promise.all([...batch.logs.keys()].map((log) => this.fsync(log.appendHandle!, log.file))));
    const previous = this.lastSettled;
    const settled = Promise.all([synced, previous]).then(
      () => {
        // Every earlier batch has settled; if they were refused, so is this one.
        if (this.rolledBack) return this.refuse(batch);
        this.apply(batch.logs);
        this.unsettled.shift();
        batch.resolve();
        return undefined;
      },
      (error: unknown) => this.failWith(error, batch, previous),
    );
    this.lastWrite = written.catch(() => undefined);
    this.lastSettled = settled.catch(() => undefined);
  }

  private async writeBatch(logBatches: Map<KindLog, LogBatch>): Promise<void> {
    for (const [log, pending] of logBatches) {
      log.appendHandle ??= await open(log.file, 'a', FILE_MODE);
      await writeFully(log.appendHandle, pending.bytes.subarray(0, pending.used));
      if (this.spareBuffers.length < SPARE_BUFFERS) this.spareBuffers.push(pending.bytes);
      pending.bytes = WRITTEN;
    }
  }

  /** Durable: the entries become visible to readers, in sequence order. */
  private apply(logBatches: Map<KindLog, LogBatch>): void {
    // Planned appends: an append-only id was not in the index or pending when it was planned.
    for (const [log, pending] of logBatches) {
      const base = log.committedBytes;
      let offset = 0;
      for (let index = 0; index < pending.stored.length; index++) {
        const stored = pending.stored[index]!;
        const end = pending.lineEnds[index]!;
        log.index.add({ seq: stored.seq, id: stored.id, entryHash: stored.entryHash, recordHash: stored.recordHash, keys: pending.keys[index]!, payload: { offset: base + offset, length: end - offset } }, true);
        offset = end + 1;
        // An append-only id is pending at most once: an append meeting it again finds it there.
        if (!log.index.snapshot) log.pendingIds.delete(stored.id);
        this.onDurable(log, stored);
      }
      log.committedBytes = base + pending.used;
      if (log.pending[0] === pending) log.pending.shift();
    }
  }

  /**
   * Once the batches before this one have settled, refuse it and every batch not yet
   * acknowledged, after truncating what of them reached the logs. The first failure names the
   * cause; later batches are refused with the same error.
   */
  private async failWith(error: unknown, batch: CommitBatch, previous: Promise<unknown>): Promise<void> {
    if (!this.failure) {
      this.failure = {
        type: 'not_durable',
        message: `a write could not be made durable; nothing in it was acknowledged and the store refuses writes until it is reopened: ${(error as Error).message}`,
        cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      };
    }
    // Earlier batches whose fsync still succeeds are acknowledged before anything is cut.
    await previous;
    this.rollingBack ??= this.rollBack();
    await this.rollingBack;
    this.refuse(batch);
  }

  private async rollBack(): Promise<void> {
    this.rolledBack = true;
    // No write may land after the truncation: later writes see `failure` and are skipped.
    await this.lastWrite;
    const logs = new Set(this.unsettled.flatMap((batch) => [...batch.logs.keys()]));
    // Best effort: bytes of unacknowledged batches should not reappear on the next open.
    for (const log of logs) {
      await log.appendHandle?.truncate(log.committedBytes).catch(() => undefined);
      await log.appendHandle?.sync().catch(() => undefined);
    }
    for (const batch of [...this.unsettled]) this.refuse(batch);
  }

  private refuse(batch: CommitBatch): void {
    const index = this.unsettled.indexOf(batch);
    if (index >= 0) this.unsettled.splice(index, 1);
    batch.reject(this.failure!);
  }
}
