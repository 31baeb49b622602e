import { err, ok, type Result } from 'neverthrow';
import { recordIndexKeys, SNAPSHOT_KINDS, type RecordIndexKeys, type RecordKind, type RecordOf } from '../records/record-kinds.js';
import { parseRecord } from '../records/record-validation.js';
import type { StoredRecordV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import { isPlainJsonText } from '../hashing/canonical-json.js';
import { sha256Hex } from '../hashing/sha256.js';
import { computeEntryHash, plainEntryHash, storedLineHead, storedLineTail, type ChainTip } from './record-chain.js';

/** An entry already in a log (or on its way there) that an append may meet again. */
export interface ExistingEntryRef {
  seq: number;
  recordHash: string;
}

/** One new entry an append will write. */
export interface PlannedEntry<K extends RecordKind> {
  stored: StoredRecordV1<RecordOf<K>>;
  keys: RecordIndexKeys;
  /** The record's canonical JSON (what `stored.recordHash` covers). */
  recordCanonical: string;
  /**
   * The entry's log line (canonical JSON, without the newline), built when read: a store that
   * encodes lines straight into a buffer never builds it. It is `lineHead + recordCanonical +
   * lineTail`.
   */
  readonly line: string;
  /** The line before the record's canonical JSON: `{"appendedAt":…,"record":`. */
  readonly lineHead: string;
  /** The line after the record's canonical JSON: `,"recordHash":…,"seq":N}`. */
  readonly lineTail: string;
}

class PlannedLogEntry<K extends RecordKind> implements PlannedEntry<K> {
  constructor(
    readonly stored: StoredRecordV1<RecordOf<K>>,
    readonly keys: RecordIndexKeys,
    readonly recordCanonical: string,
    /** The link fields are known to need no JSON escape (checked once per append, not per line). */
    private readonly linksPlain: boolean,
  ) {}

  get line(): string {
    return this.lineHead + this.recordCanonical + this.lineTail;
  }

  get lineHead(): string {
    return storedLineHead(this.stored, this.linksPlain);
  }

  get lineTail(): string {
    return storedLineTail(this.stored, this.linksPlain);
  }
}

/** What each input record of an append became: a new entry, or one already stored. */
export type PlannedOutcome = { type: 'new'; index: number } | { type: 'existing'; seq: number };

/** The result of {@link planAppend}: the new entries in order, and each input's outcome. */
export interface AppendPlan<K extends RecordKind> {
  entries: Array<PlannedEntry<K>>;
  outcomes: PlannedOutcome[];
  /** The chain tip after the new entries. */
  tip: ChainTip;
}

/** What {@link planAppend} needs to know of the log. */
export interface AppendPlanContext {
  tip: ChainTip;
  /** The entry with this id already stored or pending, for append-only kinds. */
  findExisting(id: string): ExistingEntryRef | undefined;
  /** The `appendedAt` the new entries get (ISO). */
  appendedAt: string;
  /**
   * The sha256 (lowercase hex) of a record's canonical JSON, for a store that encodes the
   * record's bytes anyway and hashes those rather than encoding twice. It must answer exactly
   * `sha256Hex(canonical)`. Default: that.
   */
  hashRecord?: (canonical: string) => string;
}

/**
 * Decide what an append does, before anything is written, so a batch is all or nothing:
 * every record is checked against its schema; for append-only kinds an id already stored with
 * the same record hash is returned as it is (a resumed cycle does not duplicate evidence) and
 * one with a different hash is a `conflict`; for snapshot kinds every record is a new version.
 * The same rules hold for every store because every store calls this.
 */
export function planAppend<K extends RecordKind>(kind: K, records: ReadonlyArray<unknown>, context: AppendPlanContext): Result<AppendPlan<K>, StoreErrorV1> {
  if (!Array.isArray(records)) {
    return err({ type: 'invalid_input', message: `append(${kind}): records must be an array`, issues: [{ path: '(root)', message: 'expected an array of records' }] });
  }
  const snapshot = SNAPSHOT_KINDS.includes(kind);
  // Sized up front (an array grown from empty reserves room for 17): one outcome per record, at
  // most as many new entries, trimmed at the end.
  const entries = new Array<PlannedEntry<K>>(records.length);
  const outcomes = new Array<PlannedOutcome>(records.length);
  let entryCount = 0;
  // A one-record append (the common case) cannot repeat an id within itself.
  const inBatch = !snapshot && records.length > 1 ? new Map<string, { recordHash: string; index: number }>() : undefined;
  let tip = context.tip;
  const { appendedAt, hashRecord } = context;
  // Checked once per append: every entry hash after the first is hex this function computed,
  // and the kind is one parseRecord accepts (a plain name).
  const linksPlain = isPlainJsonText(appendedAt) && isPlainJsonText(tip.entryHash) && Number.isSafeInteger(tip.seq + records.length);
  for (let position = 0; position < records.length; position++) {
    let parsed = parseRecord(kind, records[position]);
    if (parsed.isErr()) {
      // The error names the record's place; only a refused record pays for building that name.
      parsed = parseRecord(kind, records[position], `${kind} record ${position}`);
      if (parsed.isErr()) return err({ type: 'invalid_input', message: parsed.error.message, issues: parsed.error.issues });
    }
    const { record, canonical } = parsed.value;
    const keys = recordIndexKeys(kind, record);
    const recordHash = hashRecord === undefined ? sha256Hex(canonical) : hashRecord(canonical);
    if (!snapshot) {
      const earlier = inBatch?.get(keys.id);
      const existing = earlier ? undefined : context.findExisting(keys.id);
      const knownHash = earlier?.recordHash ?? existing?.recordHash;
      if (knownHash !== undefined) {
        if (knownHash !== recordHash) {
          return err({ type: 'conflict', kind, id: keys.id, message: `${kind} "${keys.id}" is already stored with different content; evidence is never overwritten (use a new id)` });
        }
        outcomes[position] = earlier ? { type: 'new', index: earlier.index } : { type: 'existing', seq: existing!.seq };
        continue;
      }
      inBatch?.set(keys.id, { recordHash, index: entryCount });
    }
    const seq = tip.seq + 1;
    const prevHash = tip.entryHash;
    const entryHash = linksPlain ? plainEntryHash(seq, kind, appendedAt, recordHash, prevHash) : computeEntryHash({ seq, kind, appendedAt, recordHash, prevHash });
    const stored: StoredRecordV1<RecordOf<K>> = { kind, seq, id: keys.id, recordHash, prevHash, entryHash, appendedAt, record };
    outcomes[position] = { type: 'new', index: entryCount };
    entries[entryCount++] = new PlannedLogEntry(stored, keys, canonical, linksPlain);
    tip = { seq, entryHash };
  }
  // Setting length is a slow path: only when records were met again.
  if (entryCount !== entries.length) entries.length = entryCount;
  return ok({ entries, outcomes, tip });
}
