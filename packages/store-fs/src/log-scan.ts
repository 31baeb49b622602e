import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { checkStoredRecord, GENESIS_HASH, type ChainTip, type RecordKind } from '@sipansos/core/evidence';
import { type StoredRecordV1, type VerifyProblemV1 } from '@sipansos/core/spec';

/** One line of a log, where it sits in the file. */
export interface LogLine {
  offset: number;
  /** Bytes of the line without its newline. */
  length: number;
  /** False for a last line with no newline (a torn write). */
  terminated: boolean;
  bytes: Buffer;
}

const CHUNK = 4 * 1024 * 1024;

/** Read a file as lines with their byte offsets, in chunks, without loading it whole. */
/** `maxBytes`: read no further (a writer's own verify stops at what it has made durable). */
export async function* readLines(file: string, maxBytes = Number.POSITIVE_INFINITY): AsyncGenerator<LogLine> {
  const handle = await open(file, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    let position = 0;
    const size = Math.min((await handle.stat()).size, maxBytes);
    if (size === 0) return;
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size + 1));
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, size - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (;;) {
        const newline = data.indexOf(10, start);
        if (newline === -1) break;
        yield { offset: carryOffset + start, length: newline - start, terminated: true, bytes: Buffer.from(data.subarray(start, newline)) };
        start = newline + 1;
      }
      carryOffset += start;
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length > 0) yield { offset: carryOffset, length: carry.length, terminated: false, bytes: carry };
  } finally {
    await handle.close();
  }
}

/** A sound entry of a log and where its line is. */
export interface ScannedEntry {
  stored: StoredRecordV1<unknown>;
  offset: number;
  length: number;
}

/** What a scan found in one log. */
export interface LogScan {
  /** Bytes in the file. */
  fileBytes: number;
  /** Entries of the sound prefix, in order. */
  sound: ScannedEntry[];
  /** Tip of the sound prefix. */
  tip: ChainTip;
  /** End of the sound prefix (where a cut would go). */
  goodBytes: number;
  /**
   * An incomplete last line (no newline): the only shape a crash leaves. The store cuts it
   * back on open (keeping a copy in `recovered/`).
   */
  tail?: { offset: number; bytes: number; reason: string };
  /**
   * Complete lines at the end whose hash or chain is wrong, with nothing sound after them.
   * A crash cannot write a complete wrong line: this is tampering (or a disk fault), and the
   * store opens read-only until an operator repairs it.
   */
  badTail?: { seq: number; offset: number; bytes: number; message: string };
  /** A bad entry followed by entries that stand on their own: damage before the tail. */
  damage?: { seq: number; offset: number; message: string };
  /** Every problem in the file, each entry checked against the one written before it. */
  problems: VerifyProblemV1[];
  /** Entries that parsed, sound or not (for verify's cross-checks). */
  parsed: Array<StoredRecordV1<unknown>>;
}

/** Settings of {@link scanLog}. */
export interface ScanLogOptions {
  kind: RecordKind;
  /** Name put into problems, relative to the store. */
  name: string;
  /** Keep every parsed entry in `parsed` (verify needs them; open does not). */
  keepParsed?: boolean;
  /** Read no further than this many bytes. @default the whole file */
  maxBytes?: number;
}

/**
 * Read a log and check every line: JSON, canonical bytes, record hash, entry hash, sequence
 * and link. Classifies what is wrong as a torn tail (nothing sound after the first bad line)
 * or damage before the tail (a bad line followed by entries that are sound on their own).
 */
export async function scanLog(file: string, options: ScanLogOptions): Promise<LogScan> {
  const { kind, name } = options;
  const problems: VerifyProblemV1[] = [];
  const sound: ScannedEntry[] = [];
  const parsed: Array<StoredRecordV1<unknown>> = [];
  let previous: ChainTip = { seq: 0, entryHash: GENESIS_HASH };
  let tip = previous;
  let goodBytes = 0;
  let fileBytes = 0;
  let firstBad: { seq: number; offset: number; message: string; terminated: boolean } | undefined;
  let lines = 0;
  let firstBadLine = 0;
  let standaloneAfterBad = false;
  for await (const line of readLines(file, options.maxBytes)) {
    fileBytes = line.offset + line.length + (line.terminated ? 1 : 0);
    lines++;
    const expectedSeq = previous.seq + 1;
    const lineProblems: VerifyProblemV1[] = [];
    let stored: StoredRecordV1<unknown> | undefined;
    if (!line.terminated) {
      lineProblems.push({ type: 'unreadable', file: name, seq: expectedSeq, message: `the last ${line.length} bytes are an incomplete line (torn write)` });
    } else if (!isUtf8(line.bytes)) {
      lineProblems.push({ type: 'unreadable', file: name, seq: expectedSeq, message: `line at byte ${line.offset} is not valid UTF-8` });
    } else {
      const text = line.bytes.toString('utf8');
      try {
        const value = JSON.parse(text) as unknown;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
        stored = value as StoredRecordV1<unknown>;
      } catch (error) {
        lineProblems.push({ type: 'unreadable', file: name, seq: expectedSeq, message: `line at byte ${line.offset} is not a JSON entry: ${(error as Error).message}` });
      }
      if (stored) {
        if (options.keepParsed) parsed.push(stored);
        lineProblems.push(...checkStoredRecord(stored, previous, { kind, file: name }, text));
        if (firstBad && !standaloneAfterBad && typeof stored.seq === 'number') {
          standaloneAfterBad = checkStoredRecord(stored, { seq: stored.seq - 1, entryHash: String(stored.prevHash) }, { kind, file: name }, text).length === 0;
        }
      }
    }
    problems.push(...lineProblems);
    if (lineProblems.length === 0 && !firstBad && stored) {
      sound.push({ stored, offset: line.offset, length: line.length });
      tip = { seq: stored.seq, entryHash: stored.entryHash };
      goodBytes = fileBytes;
    } else if (!firstBad) {
      firstBad = { seq: expectedSeq, offset: line.offset, message: lineProblems[0]?.message ?? 'bad entry', terminated: line.terminated };
      firstBadLine = lines;
    }
    // Follow the chain as written, so one changed entry is reported once.
    previous = stored && typeof stored.seq === 'number' && typeof stored.entryHash === 'string' ? { seq: stored.seq, entryHash: stored.entryHash } : { seq: expectedSeq, entryHash: previous.entryHash };
  }
  const scan: LogScan = { fileBytes, sound, tip, goodBytes, problems, parsed };
  if (firstBad) {
    const { seq, offset, message } = firstBad;
    if (standaloneAfterBad) scan.damage = { seq, offset, message };
    else if (!firstBad.terminated && firstBadLine === lines) scan.tail = { offset: goodBytes, bytes: fileBytes - goodBytes, reason: message };
    else scan.badTail = { seq, offset, bytes: fileBytes - goodBytes, message };
  }
  return scan;
}
