import { RECORD_KINDS, SNAPSHOT_KINDS, type RecordKind } from '@sipansos/core/evidence';

/** The table holding one record kind's logs (one log per office). */
export function recordTable(kind: RecordKind): string {
  return `evidence_${kind}`;
}

/** Whether a kind keeps versions of one id (latest wins) rather than unique ids. */
export function isSnapshotKind(kind: RecordKind): boolean {
  return SNAPSHOT_KINDS.includes(kind);
}

/**
 * The second half of a log's advisory lock key: the kind's place in `RECORD_KINDS` (the first
 * half is the office's). The checkpoint log takes the next number.
 */
export function logLockNumber(kind: RecordKind | 'checkpoint'): number {
  return kind === 'checkpoint' ? RECORD_KINDS.length : RECORD_KINDS.indexOf(kind);
}

/** How `verify` and errors name a log: `office/<office>/<kind>`. */
export function logName(office: string, kind: RecordKind | 'checkpoint'): string {
  return `office/${office}/${kind}`;
}
