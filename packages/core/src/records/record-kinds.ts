import type { Capture } from '../capture/capture-schema.js';
import type { Case } from '../cases/case-schema.js';
import type { AccountState } from '../deletion/account-state.js';
import type { Change } from '../diff/change-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import type { AccountStateEnvelope } from './account-state-envelope.js';
import type { AuditEntry } from './audit-entry-schema.js';

/**
 * The record logs an evidence store keeps. `capture`, `change`, `finding` and `audit` are
 * append-only with unique ids; `account_state` and `case` are snapshot logs: each append is a
 * new version of the same id, and reads return the latest unless asked for history.
 */
export const RECORD_KINDS = ['capture', 'account_state', 'change', 'finding', 'case', 'audit'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Kinds whose records are versions of one id (latest wins on read). */
export const SNAPSHOT_KINDS: readonly RecordKind[] = ['account_state', 'case'];

/** The record type each kind holds. */
export interface RecordTypes {
  capture: Capture;
  account_state: AccountState;
  change: Change;
  finding: Finding;
  case: Case;
  audit: AuditEntry;
}
export type RecordOf<K extends RecordKind> = RecordTypes[K];

/**
 * The keys every store indexes a record by. Computed by {@link recordIndexKeys} so all stores
 * index alike.
 */
export interface RecordIndexKeys {
  /** Unique per record, or per snapshot series. */
  id: string;
  /** The time range queries use: capture time, detection time, act time, update time. */
  time: string;
  accountKey?: string;
  itemKeys?: string[];
  subjectId?: string;
  category?: string;
  state?: string;
}

/** Index keys of a record of a kind. */
export function recordIndexKeys<K extends RecordKind>(kind: K, record: RecordOf<K>): RecordIndexKeys {
  switch (kind) {
    case 'capture': {
      const capture = record as Capture;
      return {
        id: capture.id,
        time: capture.capturedAt,
        accountKey: capture.accountKey,
        itemKeys: capture.items.map((item) => `${item.platform}:${item.id}`),
      };
    }
    case 'account_state': {
      const state = record as AccountStateEnvelope;
      return { id: state.accountKey, time: state.updatedAt, accountKey: state.accountKey };
    }
    case 'change': {
      const change = record as Change;
      return { id: change.id, time: change.detectedAt, accountKey: change.accountKey, ...(change.itemKey ? { itemKeys: [change.itemKey] } : {}), category: change.type };
    }
    case 'finding': {
      const finding = record as Finding;
      return { id: finding.id, time: finding.actAt, accountKey: finding.accountKey, itemKeys: [finding.itemKey], subjectId: finding.subjectId, category: finding.category };
    }
    case 'case': {
      const value = record as Case;
      return { id: value.id, time: value.transitions.at(-1)?.at ?? value.openedAt, subjectId: value.subjectId, state: value.state };
    }
    case 'audit': {
      const entry = record as AuditEntry;
      return { id: entry.id, time: entry.at, ...(entry.target ? { category: entry.target.kind } : {}) };
    }
    default:
      throw new Error(`unknown record kind ${String(kind)}`);
  }
}
