import { open, type FileHandle } from 'node:fs/promises';
import { GENESIS_HASH, hashRecord, RecordLogIndex, type AppendPlanContext, type ChainTip, type IndexedEntry, type RecordIndexKeys, type RecordKind } from '@sipansos/core/evidence';
import { type StoredRecordV1, type StoreErrorV1 } from '@sipansos/core/spec';
import { ioError } from './durable-io.js';
import type { StoreLayout } from './store-layout.js';

/** Where an entry's line sits in its log file. */
export interface LinePosition {
  offset: number;
  length: number;
}

/**
 * New entries of one log in one commit batch. Each line is encoded into `bytes` as it is
 * enqueued, so a batch holds bytes (outside the JS heap) rather than thousands of strings
 * that the garbage collector would copy while the fsync runs, and is written as it is.
 */
export interface LogBatch {
  /** `seq` of the first entry; the others follow without gaps. */
  firstSeq: number;
  stored: Array<StoredRecordV1<unknown>>;
  keys: RecordIndexKeys[];
  /** Where each entry's line ends in `bytes` (just before its newline). */
  lineEnds: number[];
  /** The lines; handed back to the writer for a later batch once written. */
  bytes: Buffer;
  used: number;
  /** Settles when the batch is durable (or is refused). */
  durable: Promise<void>;
}

/** One open record log: its index of durable entries and what is in flight. */
export interface KindLog {
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
  /** What `planAppend` is told of this log; `tip` and `appendedAt` are set before each append. */
  planContext: AppendPlanContext;
  appendHandle?: FileHandle;
  /** A promise, so concurrent first reads share one handle. */
  readHandle?: Promise<FileHandle>;
}

/** An empty log of `kind` kept in `file`. */
export function newKindLog(kind: RecordKind, file: string): KindLog {
  const index = new RecordLogIndex<LinePosition>(kind);
  const pendingIds: KindLog['pendingIds'] = new Map();
  // One context per log, not one per append: appends are planned thousands of times a second.
  const planContext: AppendPlanContext = { tip: { seq: 0, entryHash: GENESIS_HASH }, appendedAt: '', findExisting: (id) => index.latest(id) ?? pendingIds.get(id) };
  return { kind, file, index, committedBytes: 0, reservedTip: { seq: 0, entryHash: GENESIS_HASH }, pendingIds, pending: [], planContext };
}

/** The durable head of a log: its last acknowledged entry. */
export function committedHead(log: KindLog): ChainTip {
  const last = log.index.entries.at(-1);
  return last ? { seq: last.seq, entryHash: last.entryHash } : { seq: 0, entryHash: GENESIS_HASH };
}

/** Read one durable entry back from disk, re-hashing it: a record changed on disk is never served. */
export async function readStored<T>(layout: StoreLayout, log: KindLog, entry: IndexedEntry<LinePosition>): Promise<StoredRecordV1<T>> {
  const buffer = Buffer.allocUnsafe(entry.payload.length);
  log.readHandle ??= open(log.file, 'r');
  const { bytesRead } = await (await log.readHandle).read(buffer, 0, entry.payload.length, entry.payload.offset);
  const text = buffer.toString('utf8', 0, bytesRead);
  const stored = JSON.parse(text) as StoredRecordV1<T>;
  if (stored.entryHash !== entry.entryHash || stored.seq !== entry.seq) {
    throw Object.assign(new Error(`${layout.relative(log.file)} entry ${entry.seq} changed on disk since the store was opened`), { corrupt: true, seq: entry.seq, file: layout.relative(log.file), expected: entry.entryHash, found: String(stored.entryHash) });
  }
  const recordHash = hashRecord(stored.record);
  if (recordHash !== entry.recordHash || stored.id !== entry.id) {
    throw Object.assign(new Error(`${layout.relative(log.file)} entry ${entry.seq}: the record no longer matches its hash; run verify`), { corrupt: true, seq: entry.seq, file: layout.relative(log.file), expected: entry.recordHash, found: recordHash });
  }
  return stored;
}

/** The store error for a failed read: `corrupt` for changed bytes, `io` otherwise. */
export function readError(error: unknown, operation: string): StoreErrorV1 {
  const value = error as { corrupt?: boolean; seq?: number; file?: string; expected?: string; found?: string; message?: string };
  if (value?.corrupt) return { type: 'corrupt', message: String(value.message), file: value.file, seq: value.seq, expected: value.expected, found: value.found };
  if (error instanceof SyntaxError) return { type: 'corrupt', message: `${operation}: a stored line is no longer JSON: ${error.message}; run verify` };
  return ioError(operation, error);
}
