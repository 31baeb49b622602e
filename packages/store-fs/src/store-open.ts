import { mkdir, open, readdir, readFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import {
  captureLeafHash,
  compareLogHeads,
  merkleRoot,
  RECORD_KINDS,
  recordIndexKeys,
  type RecordKind,
  type RecordOf,
} from '@sipansos/core/evidence';
import { type SignedCheckpointV1, type StoreErrorV1, type StoreOpenReportV1 } from '@sipansos/core/spec';
import type { BlobFiles } from './blob-files.js';
import { scanCheckpoints } from './checkpoint-file.js';
import { fsyncDirectory, ioError, writeFileDurably, type FsyncFunction } from './durable-io.js';
import { newKindLog, type KindLog } from './kind-log.js';
import { scanLog } from './log-scan.js';
import { DIR_MODE, FILE_MODE, STORE_MARKER_CONTENT, type StoreLayout } from './store-layout.js';
import { acquireWriterLock, type AcquiredLock } from './writer-lock.js';

/** What opening needs from the store. */
export interface OpenContext {
  layout: StoreLayout;
  fsync: FsyncFunction;
  now: () => Date;
  readOnly: boolean;
  blobs: BlobFiles;
  /**
   * The operator's repair (`sipansos verify --repair`): cut complete bad lines at the end of a
   * log (keeping them in `recovered/`) and accept logs that no longer hold what the latest
   * checkpoint signed. Each is returned in `repairs`, to be audited and covered by a new
   * checkpoint. Damage followed by sound entries is never cut.
   */
  repair?: boolean;
}

/** One thing a repair changed or accepted, for the audit log. */
export interface StoreRepair {
  file: string;
  action: 'cut_bad_tail' | 'accepted_missing_entries';
  seq?: number;
  bytes?: number;
  keptIn?: string;
  message: string;
}

/** One torn tail cut on open, for the audit log. */
export interface TailCut {
  file: string;
  droppedBytes: number;
  lastGoodSeq: number;
  keptIn: string;
}

/** A store opened from disk: indexes rebuilt, torn tails handled, damage reported. */
export interface OpenedFiles {
  report: StoreOpenReportV1;
  lock?: AcquiredLock;
  logs: Map<RecordKind, KindLog>;
  captureLeaves: Buffer[];
  checkpoints: SignedCheckpointV1[];
  checkpointBytes: number;
  tailCuts: TailCut[];
  repairs: StoreRepair[];
}

const REPAIR_HINT = 'the store is read-only until an operator checks it and runs "sipansos verify --repair"';

/** Logs that no longer hold what the latest checkpoint signed: the log and entry, and why. */
function headMismatches(logs: Map<RecordKind, KindLog>, captureLeaves: readonly Buffer[], checkpoints: readonly SignedCheckpointV1[], layout: StoreLayout): Array<{ file: string; seq: number; message: string }> {
  const latest = checkpoints.at(-1);
  if (!latest) return [];
  const label = `checkpoint ${checkpoints.length}`;
  const captureFile = layout.relative(layout.log('capture'));
  if (!latest.logs) {
    // A checkpoint from before log heads were signed covers the capture tree only.
    if (latest.treeSize > captureLeaves.length) return [{ file: captureFile, seq: latest.treeSize, message: `the capture log holds ${captureLeaves.length} entries but ${label} signed ${latest.treeSize}: entries were removed` }];
    const root = Buffer.from(merkleRoot(captureLeaves, latest.treeSize)).toString('hex');
    return root === latest.rootHash ? [] : [{ file: captureFile, seq: latest.treeSize, message: `the first ${latest.treeSize} captures no longer give the root ${label} signed` }];
  }
  const source = { length: (kind: RecordKind) => logs.get(kind)?.index.size ?? 0, entryHashAt: (kind: RecordKind, seq: number) => logs.get(kind)?.index.entries[seq - 1]?.entryHash };
  return compareLogHeads(latest.logs, source, label).map((mismatch) => ({ file: layout.relative(layout.log(mismatch.kind)), seq: mismatch.seq, message: mismatch.message }));
}

async function initialise({ layout, fsync }: OpenContext): Promise<void> {
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

/** Copy bytes about to be cut into `recovered/`, so nothing is lost without a trace. */
async function saveTail({ layout, fsync, now }: OpenContext, file: string, offset: number, bytes: number): Promise<string> {
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

async function cutTail({ fsync }: OpenContext, file: string, goodBytes: number): Promise<void> {
  await truncate(file, goodBytes);
  const handle = await open(file, 'r+');
  try {
    await fsync(handle, file);
  } finally {
    await handle.close();
  }
}

/** Take the lock (as the writer), initialise a new store, and create the marker when absent. */
async function prepareWriter(context: OpenContext, report: StoreOpenReportV1): Promise<Result<AcquiredLock, StoreErrorV1>> {
  const { layout, now } = context;
  await mkdir(layout.root, { recursive: true, mode: DIR_MODE });
  const acquired = await acquireWriterLock(layout.lock, now);
  if (acquired.isErr()) return err(acquired.error);
  const lock = acquired.value;
  if (lock.staleTakenOver) report.staleLockTakenOver = lock.staleTakenOver;
  const marker = await readFile(layout.marker, 'utf8').catch(() => undefined);
  if (marker === undefined) {
    const entries = (await readdir(layout.root)).filter((name) => name !== 'LOCK' && !name.startsWith('LOCK.stale-') && !['logs', 'blobs', 'checkpoint-keys', 'checkpoints.jsonl'].includes(name));
    if (entries.length > 0) {
      await lock.release();
      return err({ type: 'invalid_input', message: `${layout.root} is not empty and is not a SIPANSOS store (no STORE.json); choose an empty or new directory`, issues: [{ path: 'dir', message: 'not a store directory' }] });
    }
    await initialise(context);
  }
  return ok(lock);
}

/**
 * Open a store directory: take the writer lock (unless read-only), read every log to its end
 * rebuilding the indexes, cut torn tails (keeping the bytes) and report damage.
 */
export async function openStoreFiles(context: OpenContext): Promise<Result<OpenedFiles, StoreErrorV1>> {
  const { layout, readOnly } = context;
  const report: StoreOpenReportV1 = { readOnly, recovered: [], damaged: [] };
  let lock: AcquiredLock | undefined;
  try {
    if (readOnly) {
      const marker = await readFile(layout.marker, 'utf8').catch(() => undefined);
      if (marker === undefined) return err({ type: 'not_found', what: 'store', id: layout.root, message: `no SIPANSOS store at ${layout.root} (STORE.json missing)` });
    } else {
      const prepared = await prepareWriter(context, report);
      if (prepared.isErr()) return err(prepared.error);
      lock = prepared.value;
    }
    const marker = await readFile(layout.marker, 'utf8');
    if (marker !== STORE_MARKER_CONTENT) {
      report.damaged.push({ file: 'STORE.json', message: 'STORE.json is not the expected format marker; the store may be of another version or changed' });
    }
    if (!readOnly) await context.blobs.cleanTemporary();

    const logs = new Map<RecordKind, KindLog>();
    const captureLeaves: Buffer[] = [];
    const tailCuts: TailCut[] = [];
    const repairs: StoreRepair[] = [];
    const repair = context.repair === true && !readOnly;
    // A repair changes nothing unless it can repair everything: run in order after every check passed.
    const repairCuts: Array<() => Promise<void>> = [];
    const scans = await Promise.all(
      RECORD_KINDS.map(async (kind) => {
        const file = layout.log(kind);
        const exists = await stat(file).then(() => true, () => false);
        return { kind, file, scan: exists ? await scanLog(file, { kind, name: layout.relative(file) }) : undefined };
      }),
    );
    for (const { kind, file, scan } of scans) {
      const name = layout.relative(file);
      const log = newKindLog(kind, file);
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
        report.damaged.push({ file: name, seq: scan.damage.seq, message: `${name} entry ${scan.damage.seq} is damaged and entries after it exist: ${scan.damage.message}; restore ${name} from a backup` });
      } else if (scan.badTail && repair) {
        const badTail = scan.badTail;
        const { goodBytes, tip } = scan;
        repairCuts.push(async () => {
          const saved = await saveTail(context, file, badTail.offset, badTail.bytes);
          await cutTail(context, file, goodBytes);
          const message = `cut ${badTail.bytes} bytes from entry ${badTail.seq} on (${badTail.message}); the cut bytes are kept in ${layout.relative(saved)}`;
          repairs.push({ file: name, action: 'cut_bad_tail', seq: badTail.seq, bytes: badTail.bytes, keptIn: layout.relative(saved), message: `${name}: ${message}` });
          report.recovered.push({ file: name, droppedBytes: badTail.bytes, lastGoodSeq: tip.seq, message: `repaired: ${message}` });
        });
      } else if (scan.badTail) {
        report.damaged.push({ file: name, seq: scan.badTail.seq, message: `${name} entry ${scan.badTail.seq} is a complete line whose hash or chain is wrong (${scan.badTail.message}); a crash cannot leave that, so it is not cut: ${REPAIR_HINT}` });
      } else if (scan.tail) {
        if (readOnly) {
          report.recovered.push({ file: name, droppedBytes: scan.tail.bytes, lastGoodSeq: scan.tip.seq, message: `ignored ${scan.tail.bytes} bytes after entry ${scan.tip.seq} (opened read-only; a write in progress or a torn write the writer cuts on its next open): ${scan.tail.reason}` });
        } else {
          const saved = await saveTail(context, file, scan.tail.offset, scan.tail.bytes);
          await cutTail(context, file, scan.goodBytes);
          report.recovered.push({ file: name, droppedBytes: scan.tail.bytes, lastGoodSeq: scan.tip.seq, message: `cut ${scan.tail.bytes} bytes after entry ${scan.tip.seq} (${scan.tail.reason}); the cut bytes are kept in ${layout.relative(saved)}` });
          tailCuts.push({ file: name, droppedBytes: scan.tail.bytes, lastGoodSeq: scan.tip.seq, keptIn: layout.relative(saved) });
        }
      }
    }

    const checkpointScan = await scanCheckpoints(layout.checkpoints, 'checkpoints.jsonl');
    const checkpoints = checkpointScan.checkpoints.map((entry) => entry.checkpoint);
    if (checkpointScan.damage) {
      report.damaged.push({ file: 'checkpoints.jsonl', seq: checkpointScan.damage.line, message: `checkpoints.jsonl line ${checkpointScan.damage.line} is damaged: ${checkpointScan.damage.message}` });
    } else if (checkpointScan.badTail && repair) {
      const badTail = checkpointScan.badTail;
      repairCuts.push(async () => {
        const saved = await saveTail(context, layout.checkpoints, badTail.offset, badTail.bytes);
        await cutTail(context, layout.checkpoints, checkpointScan.goodBytes);
        const message = `cut ${badTail.bytes} bytes from line ${badTail.line} on (${badTail.message}); kept in ${layout.relative(saved)}`;
        repairs.push({ file: 'checkpoints.jsonl', action: 'cut_bad_tail', seq: badTail.line, bytes: badTail.bytes, keptIn: layout.relative(saved), message: `checkpoints.jsonl: ${message}` });
        report.recovered.push({ file: 'checkpoints.jsonl', droppedBytes: badTail.bytes, lastGoodSeq: checkpoints.length, message: `repaired: ${message}` });
      });
    } else if (checkpointScan.badTail) {
      report.damaged.push({ file: 'checkpoints.jsonl', seq: checkpointScan.badTail.line, message: `checkpoints.jsonl line ${checkpointScan.badTail.line} is a complete line that is not a sound checkpoint (${checkpointScan.badTail.message}): ${REPAIR_HINT}` });
    } else if (checkpointScan.tail && readOnly) {
      report.recovered.push({ file: 'checkpoints.jsonl', droppedBytes: checkpointScan.tail.bytes, lastGoodSeq: checkpoints.length, message: `ignored ${checkpointScan.tail.bytes} bytes after checkpoint ${checkpoints.length} (opened read-only): ${checkpointScan.tail.reason}` });
    } else if (checkpointScan.tail) {
      const saved = await saveTail(context, layout.checkpoints, checkpointScan.tail.offset, checkpointScan.tail.bytes);
      await cutTail(context, layout.checkpoints, checkpointScan.goodBytes);
      report.recovered.push({ file: 'checkpoints.jsonl', droppedBytes: checkpointScan.tail.bytes, lastGoodSeq: checkpoints.length, message: `cut ${checkpointScan.tail.bytes} bytes after checkpoint ${checkpoints.length} (${checkpointScan.tail.reason}); kept in ${layout.relative(saved)}` });
      tailCuts.push({ file: 'checkpoints.jsonl', droppedBytes: checkpointScan.tail.bytes, lastGoodSeq: checkpoints.length, keptIn: layout.relative(saved) });
    }

    // Every log must still hold what the latest checkpoint signed.
    const damagedFiles = new Set(report.damaged.map((damage) => damage.file));
    for (const mismatch of headMismatches(logs, captureLeaves, checkpoints, layout)) {
      if (damagedFiles.has(mismatch.file)) continue;
      if (repair) {
        const lastGoodSeq = logs.get(RECORD_KINDS.find((kind) => layout.relative(layout.log(kind)) === mismatch.file) ?? 'capture')?.index.size ?? 0;
        repairCuts.push(async () => {
          repairs.push({ file: mismatch.file, action: 'accepted_missing_entries', seq: mismatch.seq, message: `${mismatch.file}: ${mismatch.message}; accepted by the repair (the entries cannot be restored from the store)` });
          report.recovered.push({ file: mismatch.file, droppedBytes: 0, lastGoodSeq, message: `repaired: ${mismatch.message}; recorded and covered by a new checkpoint` });
        });
      } else {
        report.damaged.push({ file: mismatch.file, seq: mismatch.seq, message: `${mismatch.file}: ${mismatch.message}; ${REPAIR_HINT}` });
      }
    }

    if (repair && report.damaged.length > 0) {
      await lock?.release();
      return err({ type: 'corrupt', file: report.damaged[0]!.file, ...(report.damaged[0]!.seq !== undefined ? { seq: report.damaged[0]!.seq } : {}), message: `cannot repair, nothing was changed: ${report.damaged.map((damage) => damage.message).join('; ')}` });
    }
    for (const cut of repairCuts) await cut();
    if (report.damaged.length > 0) report.readOnly = true;
    return ok({ report, ...(lock ? { lock } : {}), logs, captureLeaves, checkpoints, checkpointBytes: checkpointScan.goodBytes, tailCuts, repairs });
  } catch (error) {
    if (lock) await lock.release();
    return err(ioError('open the store', error));
  }
}
