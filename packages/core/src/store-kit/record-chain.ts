import { canonicalJsonOrThrow, isPlainJsonText, quoteString } from '../hashing/canonical-json.js';
import { sha256Hex, SHA256_HEX_PATTERN } from '../hashing/sha256.js';
import { recordIndexKeys, type RecordKind } from '../records/record-kinds.js';
import type { StoredRecordV1, VerifyProblemV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';

/** `prevHash` of the first entry of every log: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry hash covers. */
export interface EntryHashInput {
  seq: number;
  kind: RecordKind;
  appendedAt: string;
  recordHash: string;
  prevHash: string;
}

/**
 * The chain link of one log entry: sha256 over the RFC 8785 canonical JSON of
 * `{ appendedAt, kind, prevHash, recordHash, seq }`. Every value is a plain string or integer,
 * so `jq -cS '{appendedAt,kind,prevHash,recordHash,seq}' | tr -d '\n' | sha256sum` gives the
 * same hash without SIPANSOS.
 */
export function computeEntryHash(input: EntryHashInput): string {
  // Every append hashes this: with an integer seq and strings that need no escape (hex hashes,
  // an ISO time, a kind) the canonical form is written directly, keys already in RFC 8785
  // order; anything else takes the general path.
  const { seq, kind, appendedAt, recordHash, prevHash } = input;
  if (Number.isSafeInteger(seq) && isPlainJsonText(appendedAt) && isPlainJsonText(kind) && isPlainJsonText(prevHash) && isPlainJsonText(recordHash)) {
    return plainEntryHash(seq, kind, appendedAt, recordHash, prevHash);
  }
  return sha256Hex(canonicalJsonOrThrow({ seq, kind, appendedAt, recordHash, prevHash }));
}

/**
 * {@link computeEntryHash} for a safe-integer `seq` and link fields the caller knows need no JSON
 * escape: the canonical form written directly, keys already in RFC 8785 order.
 */
export function plainEntryHash(seq: number, kind: string, appendedAt: string, recordHash: string, prevHash: string): string {
  return sha256Hex(`{"appendedAt":"${appendedAt}","kind":"${kind}","prevHash":"${prevHash}","recordHash":"${recordHash}","seq":${seq}}`);
}

/** What {@link buildStoredRecord} needs: the record, its place, and the previous link. */
export interface BuildStoredRecordInput<T> {
  kind: RecordKind;
  seq: number;
  id: string;
  record: T;
  /** The record's canonical JSON when the caller already has it (saves a second serialisation). */
  recordCanonical?: string;
  prevHash: string;
  appendedAt: string;
}

/** Build the stored form of a record: its hash and its link into the kind's chain. */
export function buildStoredRecord<T>(input: BuildStoredRecordInput<T>): StoredRecordV1<T> {
  const recordHash = sha256Hex(input.recordCanonical ?? canonicalJsonOrThrow(input.record));
  const entryHash = computeEntryHash({ seq: input.seq, kind: input.kind, appendedAt: input.appendedAt, recordHash, prevHash: input.prevHash });
  return { kind: input.kind, seq: input.seq, id: input.id, recordHash, prevHash: input.prevHash, entryHash, appendedAt: input.appendedAt, record: input.record };
}

/**
 * The one-line canonical JSON form of a stored entry, as logs keep it. Built from the record's
 * canonical JSON so a log line can be compared byte for byte with what it should be.
 */
export function storedRecordLine(entry: StoredRecordV1<unknown>, recordCanonical?: string): string {
  return storedLineHead(entry, false) + (recordCanonical ?? canonicalJsonOrThrow(entry.record)) + storedLineTail(entry, false);
}

/**
 * The log line up to the record: `{"appendedAt":…,"record":`. Keys in RFC 8785 order: appendedAt,
 * entryHash, id, kind, prevHash, record, recordHash, seq. `linksPlain` says the caller knows
 * `appendedAt`, `entryHash`, `kind` and `prevHash` need no escape (an ISO time, hex hashes, a
 * kind); otherwise they are checked here.
 */
export function storedLineHead(entry: StoredRecordV1<unknown>, linksPlain: boolean): string {
  const { appendedAt, entryHash, kind, prevHash } = entry;
  if (linksPlain || (isPlainJsonText(appendedAt) && isPlainJsonText(entryHash) && isPlainJsonText(kind) && isPlainJsonText(prevHash))) {
    return `{"appendedAt":"${appendedAt}","entryHash":"${entryHash}","id":${typeof entry.id === 'string' ? quoteString(entry.id) : JSON.stringify(entry.id)},"kind":"${kind}","prevHash":"${prevHash}","record":`;
  }
  return `{"appendedAt":${JSON.stringify(appendedAt)},"entryHash":${JSON.stringify(entryHash)},"id":${JSON.stringify(entry.id)},"kind":${JSON.stringify(kind)},"prevHash":${JSON.stringify(prevHash)},"record":`;
}

/** The log line after the record: `,"recordHash":…,"seq":N}` (`linksPlain`: the hash needs no escape). */
export function storedLineTail(entry: StoredRecordV1<unknown>, linksPlain: boolean): string {
  return linksPlain || isPlainJsonText(entry.recordHash) ? `,"recordHash":"${entry.recordHash}","seq":${entry.seq}}` : `,"recordHash":${JSON.stringify(entry.recordHash)},"seq":${entry.seq}}`;
}

/** The tip of a chain: what the next entry links to. */
export interface ChainTip {
  /** Sequence number of the last entry (0 for an empty log). */
  seq: number;
  /** Entry hash of the last entry ({@link GENESIS_HASH} for an empty log). */
  entryHash: string;
}

/** Where a checked entry sits, for problem reports. */
export interface ChainCheckContext {
  kind: RecordKind;
  /** File or object name put into problems. */
  file?: string;
}

/**
 * Check one entry against the chain tip before it: sequence, link, record hash and entry hash.
 * Returns every problem found (empty when the entry is sound). `line`, when given, is the
 * entry's stored text and must equal its canonical form byte for byte.
 */
export function checkStoredRecord(entry: StoredRecordV1<unknown>, previous: ChainTip, context: ChainCheckContext, line?: string): VerifyProblemV1[] {
  const problems: VerifyProblemV1[] = [];
  const where = context.file ? { file: context.file } : {};
  const seq = entry.seq;
  if (entry.kind !== context.kind) {
    problems.push({ type: 'unreadable', ...where, seq, expected: context.kind, found: String(entry.kind), message: `entry ${seq} is of kind ${String(entry.kind)}, expected ${context.kind}` });
  }
  if (seq !== previous.seq + 1) {
    problems.push({ type: 'sequence', ...where, seq, expected: String(previous.seq + 1), found: String(seq), message: `sequence number ${seq} follows ${previous.seq}; expected ${previous.seq + 1}` });
  }
  if (entry.prevHash !== previous.entryHash) {
    problems.push({ type: 'chain', ...where, seq, expected: previous.entryHash, found: String(entry.prevHash), message: `entry ${seq} does not link to the entry before it` });
  }
  let recordCanonical: string | undefined;
  try {
    recordCanonical = canonicalJsonOrThrow(entry.record);
  } catch (error) {
    problems.push({ type: 'unreadable', ...where, seq, message: `entry ${seq}: record has no canonical JSON form: ${(error as Error).message}` });
  }
  if (recordCanonical !== undefined) {
    const recordHash = sha256Hex(recordCanonical);
    if (recordHash !== entry.recordHash) {
      problems.push({ type: 'record_hash', ...where, seq, expected: String(entry.recordHash), found: recordHash, message: `entry ${seq}: the record does not match its recorded hash (changed after it was stored)` });
    }
  }
  if (recordCanonical !== undefined) {
    // The id is not under the entry hash; it must be the one the record itself gives.
    let expectedId: string | undefined;
    try {
      expectedId = recordIndexKeys(context.kind, entry.record as never).id;
    } catch {
      expectedId = undefined;
    }
    if (expectedId !== entry.id) {
      problems.push({ type: 'record_hash', ...where, seq, expected: String(expectedId), found: String(entry.id), message: `entry ${seq}: its id does not match the record's id` });
    }
  }
  if (typeof entry.recordHash === 'string' && typeof entry.prevHash === 'string' && typeof entry.appendedAt === 'string') {
    const entryHash = computeEntryHash({ seq, kind: context.kind, appendedAt: entry.appendedAt, recordHash: entry.recordHash, prevHash: entry.prevHash });
    if (entryHash !== entry.entryHash) {
      problems.push({ type: 'chain', ...where, seq, expected: String(entry.entryHash), found: entryHash, message: `entry ${seq}: entry hash does not match its fields` });
    }
  }
  if (line !== undefined && recordCanonical !== undefined && problems.length === 0) {
    const canonical = storedRecordLine(entry, recordCanonical);
    if (canonical !== line) {
      problems.push({ type: 'record_hash', ...where, seq, expected: sha256Hex(canonical), found: sha256Hex(line), message: `entry ${seq}: the stored line is not in canonical form (bytes changed)` });
    }
  }
  return problems;
}

/**
 * Check a whole log in order, from the genesis. Returns the problems and the tip of the
 * longest sound prefix.
 */
export function checkRecordChain(entries: Iterable<StoredRecordV1<unknown>>, context: ChainCheckContext): { problems: VerifyProblemV1[]; tip: ChainTip } {
  let previous: ChainTip = { seq: 0, entryHash: GENESIS_HASH };
  let sound = true;
  let tip = previous;
  const problems: VerifyProblemV1[] = [];
  for (const entry of entries) {
    const found = checkStoredRecord(entry, previous, context);
    problems.push(...found);
    if (found.length > 0) sound = false;
    // Keep following the chain as written so one bad entry is reported once, not cascaded.
    previous = { seq: typeof entry.seq === 'number' ? entry.seq : previous.seq + 1, entryHash: String(entry.entryHash) };
    if (sound) tip = previous;
  }
  return { problems, tip };
}

/** True when a string is shaped like an entry or record hash. */
export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX_PATTERN.test(value);
}
