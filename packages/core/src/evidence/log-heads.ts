/**
 * Checking record logs against the heads a signed checkpoint names: an entry the checkpoint
 * signed that is missing or has another entry hash means the log lost or changed evidence.
 */
import { GENESIS_HASH } from '../store-kit/record-chain.js';
import { RECORD_KINDS, type RecordKind } from '../records/record-kinds.js';
import type { CheckpointLogHeadsV1, LogHeadV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';

/** One log that no longer holds the head a checkpoint signed. */
export interface LogHeadMismatch {
  kind: RecordKind;
  /** The signed head's sequence number. */
  seq: number;
  /** `missing`: the log holds fewer entries; `changed`: entry `seq` has another entry hash. */
  type: 'missing' | 'changed';
  expected: string;
  found: string;
  message: string;
}

/** What {@link compareLogHeads} reads of each log. */
export interface LogHeadSource {
  /** Entries in the log. */
  length(kind: RecordKind): number;
  /** `entryHash` of entry `seq` (1-based), when the log holds it. */
  entryHashAt(kind: RecordKind, seq: number): string | undefined;
}

/** The heads of every log, from each log's last entry. */
export function logHeadsOf(lastEntry: (kind: RecordKind) => LogHeadV1 | undefined): CheckpointLogHeadsV1 {
  return Object.fromEntries(
    RECORD_KINDS.map((kind) => {
      const last = lastEntry(kind);
      return [kind, last ? { seq: last.seq, entryHash: last.entryHash } : { seq: 0, entryHash: GENESIS_HASH }];
    }),
  ) as CheckpointLogHeadsV1;
}

/**
 * Compare every log with the heads a checkpoint signed. `label` names the checkpoint in the
 * messages (e.g. "checkpoint 4"). Entries after a signed head are new, not a problem.
 */
export function compareLogHeads(heads: CheckpointLogHeadsV1, source: LogHeadSource, label: string): LogHeadMismatch[] {
  const mismatches: LogHeadMismatch[] = [];
  for (const kind of RECORD_KINDS) {
    const head = heads[kind];
    if (head.seq === 0) continue;
    const length = source.length(kind);
    if (length < head.seq) {
      mismatches.push({ kind, seq: head.seq, type: 'missing', expected: `${head.seq} entries, last ${head.entryHash}`, found: `${length} entries`, message: `the ${kind} log holds ${length} entries but ${label} signed ${head.seq}: entry ${length + 1}${head.seq > length + 1 ? `–${head.seq}` : ''} was removed` });
      continue;
    }
    const found = source.entryHashAt(kind, head.seq);
    if (found !== head.entryHash) {
      mismatches.push({ kind, seq: head.seq, type: 'changed', expected: head.entryHash, found: found ?? '(unreadable)', message: `${kind} entry ${head.seq} is not the entry ${label} signed: it was changed or replaced` });
    }
  }
  return mismatches;
}
