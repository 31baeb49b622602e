import type { CaptureScope } from '../capture/capture-schema.js';
import type { DeletionVerdictKind } from '../deletion/deletion-verdicts.js';
import type { ChangeType } from '../diff/change-schema.js';
import type { FindingCategory } from '../findings/finding-schema.js';
import type { PooledLookupCall } from './lookup-pool.js';
import type { ScopePlanLine } from './scope-plan.js';

/** One account scope that could not be read, and why. */
export interface CycleFailure {
  accountKey: string;
  subjectId: string;
  platform: string;
  scope: CaptureScope | 'resolve' | 'lookup';
  /** The adapter's error type (`unauthorized`, `private`, `network`, ...). */
  errorType: string;
  message: string;
}

/** Work a rate limit or the cycle deadline pushed to the next cycle. Never read as an absence. */
export interface CycleDeferral {
  accountKey: string;
  subjectId: string;
  platform: string;
  scope: CaptureScope | 'resolve' | 'lookup';
  /** `rate_limited`: the platform's window is spent past the deadline; `deadline`: time ran out; `interrupted`: stopped by the operator. */
  reason: 'rate_limited' | 'deadline' | 'interrupted';
  retryAfterMs?: number;
}

/** A deletion the cycle confirmed (the proof is in the account state; see `deletionVerdicts`). */
export interface CycleDeletion {
  accountKey: string;
  subjectId: string;
  itemKey: string;
  verdict: DeletionVerdictKind;
}

/** What one cycle did. Counts cover work done in this run, including work resumed from an interrupted run. */
export interface CycleReport {
  cycleId: string;
  /** The cycle had been interrupted and was finished by this run. */
  resumed: boolean;
  /** `complete`: every task done, failed or deferred; `interrupted`: stopped early, the next run resumes it. */
  status: 'complete' | 'interrupted';
  startedAt: string;
  finishedAt: string;
  deadlineAt: string;
  accounts: { total: number; captured: number; failed: number; deferred: number; interrupted: number };
  /** Captures stored by this run; `reused` were found in the store from an interrupted run. */
  captures: { stored: number; reused: number; items: number };
  failures: CycleFailure[];
  deferred: CycleDeferral[];
  /** Accounts not captured at all: no adapter for the platform, or no scope the adapter can read. */
  skipped: Array<{ subjectId: string; platform: string; handle: string; reason: string }>;
  changes: Partial<Record<ChangeType, number>>;
  deletionsConfirmed: CycleDeletion[];
  findings: { total: number; byCategory: Partial<Record<FindingCategory, number>> };
  /**
   * Lookups by id. Pending lookups of all accounts of a platform are pooled into full batches:
   * `idsPerRequest` is `asked / requests`; `calls` lists each pooled call (ids, requests, how many
   * accounts it served).
   */
  lookups: { asked: number; statuses: Record<string, number>; requests: number; idsPerRequest: number; calls: PooledLookupCall[] };
  media: { stored: number; failed: number };
  /**
   * Account-level calls made for many accounts at once before the accounts ran: handles
   * resolved (`resolve`) and profiles read (`profile`), with how many each call carried.
   */
  accountBatches: Array<{ platform: string; kind: 'resolve' | 'profile'; size: number; requests: number }>;
  /**
   * The cycle's plan: per platform and scope, how many accounts were due (by the scope's
   * cadence) and planned, and how many a budget left for the next cycle (`deferred`, the first
   * 100 listed in `deferredAccounts`; they go first next time, and are never a failure).
   */
  plan: { lines: ScopePlanLine[]; deferred: number; deferredAccounts: Array<{ key: string; platform: string; scope: CaptureScope }> };
  /** Requests spent per platform and endpoint (as the adapters count them). */
  requests: Record<string, Record<string, number>>;
  requestsTotal: number;
  /** Classifier batches that timed out or failed this cycle (their items were not scored); absent when none. */
  classifierNotes?: string[];
}

/** An empty report to fill in. */
export function emptyCycleReport(input: { cycleId: string; resumed: boolean; startedAt: string; deadlineAt: string; accounts: number }): CycleReport {
  return {
    cycleId: input.cycleId,
    resumed: input.resumed,
    status: 'complete',
    startedAt: input.startedAt,
    finishedAt: input.startedAt,
    deadlineAt: input.deadlineAt,
    accounts: { total: input.accounts, captured: 0, failed: 0, deferred: 0, interrupted: 0 },
    captures: { stored: 0, reused: 0, items: 0 },
    failures: [],
    deferred: [],
    skipped: [],
    changes: {},
    deletionsConfirmed: [],
    findings: { total: 0, byCategory: {} },
    lookups: { asked: 0, statuses: {}, requests: 0, idsPerRequest: 0, calls: [] },
    media: { stored: 0, failed: 0 },
    accountBatches: [],
    plan: { lines: [], deferred: 0, deferredAccounts: [] },
    requests: {},
    requestsTotal: 0,
  };
}

/** Add request counts to a report. */
export function addRequests(report: CycleReport, platform: string, counts: Record<string, number>): void {
  const target = (report.requests[platform] ??= {});
  for (const [endpoint, count] of Object.entries(counts)) {
    if (!Number.isFinite(count) || count <= 0) continue;
    target[endpoint] = (target[endpoint] ?? 0) + count;
    report.requestsTotal += count;
  }
}

/** Count one pooled lookup call into a report. */
export function addLookupCall(report: CycleReport, call: PooledLookupCall, statuses: readonly { status: string }[], requests: Record<string, number>): void {
  report.lookups.calls.push(call);
  if (call.outcome !== 'ok') return;
  addRequests(report, call.platform, requests);
  report.lookups.asked += call.ids;
  report.lookups.requests += call.requests;
  for (const { status } of statuses) report.lookups.statuses[status] = (report.lookups.statuses[status] ?? 0) + 1;
  report.lookups.idsPerRequest = report.lookups.requests > 0 ? Math.round((report.lookups.asked / report.lookups.requests) * 10) / 10 : 0;
}
