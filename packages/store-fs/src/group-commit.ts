import { open } from 'node:fs/promises';
import type { PlannedEntry, RecordKind } from '@sipansos/core/evidence';
import type { StoredRecordV1, StoreErrorV1 } from '@sipansos/core/spec';
import { writeFully, type FsyncFunction } from './durable-io.js';
import type { KindLog, LogBatch } from './kind-log.js';
import { FILE_MODE } from './store-layout.js';

/** A commit batch's byte buffer starts this large (about 60 typical lines) and doubles. */
const INITIAL_BATCH_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

interface CommitBatch {
  logs: Map<KindLog, LogBatch>;
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
  return { logs: new Map(), promise, resolve, reject };
}

/**
 * The group-commit log writer: appends are queued per log, one loop writes each log's queued
 * lines in one `write` and fsyncs every touched log, then resolves every append in the batch.
 * Entries reach the logs' indexes only after that fsync. After a failed write or fsync it
 * refuses every later write (`failure`) until the store is reopened.
 */
export class GroupCommitWriter {
  /** Set once a write could not be made durable (or by the store for a failed blob or checkpoint). */
  failure: StoreErrorV1 | undefined;
  private batch: CommitBatch | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly fsync: FsyncFunction,
    /** Called for each entry as it becomes durable, in sequence order. */
    private readonly onDurable: (log: KindLog, stored: StoredRecordV1<unknown>) => void,
  ) {}

  /** Queue entries of one log; the returned batch's `durable` settles after their fsync. */
  enqueue(log: KindLog, entries: ReadonlyArray<PlannedEntry<RecordKind>>): LogBatch {
    this.batch ??= newBatch();
    const batch = this.batch;
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
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushLoop());
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

  /** Resolves when nothing is queued or being written. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    for (;;) {
      const current = this.batch;
      if (!current) {
        // Cleared synchronously, so an append arriving from now on starts a new flush.
        this.flushing = undefined;
        return;
      }
      this.batch = undefined;
      if (this.failure) {
        current.reject(this.failure);
        continue;
      }
      try {
        await this.commitBatch(current.logs);
        current.resolve();
      } catch (error) {
        this.failure = {
          type: 'not_durable',
          message: `a write could not be made durable; nothing in it was acknowledged and the store refuses writes until it is reopened: ${(error as Error).message}`,
          cause: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        };
        await this.rollBack(current.logs);
        current.reject(this.failure);
      }
    }
  }

  private async commitBatch(logBatches: Map<KindLog, LogBatch>): Promise<void> {
    for (const [log, pending] of logBatches) {
      log.appendHandle ??= await open(log.file, 'a', FILE_MODE);
      await writeFully(log.appendHandle, pending.bytes.subarray(0, pending.used));
    }
    await Promise.all([...logBatches.keys()].map((log) => this.fsync(log.appendHandle!, log.file)));
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
        this.onDurable(log, stored);
      }
      log.committedBytes = base + pending.used;
      if (log.pending[0] === pending) log.pending.shift();
    }
  }

  private async rollBack(logBatches: Map<KindLog, LogBatch>): Promise<void> {
    // Best effort: bytes of an unacknowledged batch should not reappear on the next open.
    for (const log of logBatches.keys()) {
      await log.appendHandle?.truncate(log.committedBytes).catch(() => undefined);
      await log.appendHandle?.sync().catch(() => undefined);
    }
  }
}
