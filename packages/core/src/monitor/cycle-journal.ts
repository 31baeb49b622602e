import { ResultAsync } from 'neverthrow';
import type { AuditEntry } from '../records/audit-entry-schema.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { CycleDeferral, CycleReport } from './cycle-report.js';

/** Audit target kind of the monitor's cycle entries. */
export const CYCLE_AUDIT_KIND = 'monitor_cycle';

/** Where the monitor stands: the cycle to run, and what the last finished one left over. */
export interface CyclePlan {
  cycleId: string;
  /** An interrupted cycle is being finished. */
  resumed: boolean;
  /** Work the last finished cycle deferred; it goes first this time. */
  previouslyDeferred: CycleDeferral[];
}

/** Cycle ids count up: `cycle-000001`, `cycle-000002`, ... so an interrupted run and an uninterrupted one name their evidence alike. */
export function cycleIdOf(sequence: number): string {
  return `cycle-${String(sequence).padStart(6, '0')}`;
}

function sequenceOf(cycleId: string): number {
  const match = /^cycle-(\d+)$/.exec(cycleId);
  return match ? Number(match[1]) : 0;
}

/**
 * Read the journal: resume the newest cycle that started but never finished, or start the next.
 */
export function planCycle(store: EvidenceStoreV1): ResultAsync<CyclePlan, StoreErrorV1> {
  return store.query('audit', { category: CYCLE_AUDIT_KIND }).map((entries) => {
    const started = new Map<string, AuditEntry>();
    const finished = new Map<string, AuditEntry>();
    for (const { record } of entries) {
      const cycleId = record.target?.id;
      if (!cycleId) continue;
      if (record.action === 'monitor.cycle_started') started.set(cycleId, record);
      if (record.action === 'monitor.cycle_finished') finished.set(cycleId, record);
    }
    let highest = 0;
    let open: string | undefined;
    for (const cycleId of started.keys()) {
      const sequence = sequenceOf(cycleId);
      if (sequence > highest) highest = sequence;
      if (!finished.has(cycleId) && (!open || sequence > sequenceOf(open))) open = cycleId;
    }
    const lastFinished = [...finished.values()].sort((a, b) => sequenceOf(b.target?.id ?? '') - sequenceOf(a.target?.id ?? ''))[0];
    const previouslyDeferred = Array.isArray(lastFinished?.details.deferred) ? (lastFinished.details.deferred as CycleDeferral[]) : [];
    return open ? { cycleId: open, resumed: true, previouslyDeferred } : { cycleId: cycleIdOf(highest + 1), resumed: false, previouslyDeferred };
  });
}

/** The audit entry that opens a cycle. Appended once: a resumed cycle keeps its first entry. */
export function cycleStartedEntry(cycleId: string, at: string, actor: string, details: Record<string, unknown>): AuditEntry {
  return { id: `${cycleId}.started`, at, actor, action: 'monitor.cycle_started', target: { kind: CYCLE_AUDIT_KIND, id: cycleId }, details };
}

/** The audit entry that closes a cycle, with the report's counts and what was deferred. */
export function cycleFinishedEntry(report: CycleReport, actor: string): AuditEntry {
  return {
    id: `${report.cycleId}.finished`,
    at: report.finishedAt,
    actor,
    action: 'monitor.cycle_finished',
    target: { kind: CYCLE_AUDIT_KIND, id: report.cycleId },
    details: {
      resumed: report.resumed,
      accounts: report.accounts,
      captures: report.captures,
      changes: report.changes,
      deletionsConfirmed: report.deletionsConfirmed.length,
      findings: report.findings,
      failures: report.failures,
      deferred: report.deferred,
      requests: report.requests,
    },
  };
}
