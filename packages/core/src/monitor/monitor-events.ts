import type { CaptureScope } from '../capture/capture-schema.js';
import type { CycleReport } from './cycle-report.js';

/**
 * What a running cycle tells its caller, in order. A progress bar counts `account_finished`
 * against `cycle_started.accounts`; a log writes each event as one JSON line.
 */
export type MonitorProgressEvent =
  | {
      type: 'cycle_started';
      cycleId: string;
      /** The cycle was interrupted before and picks up where it stopped. */
      resumed: boolean;
      accounts: number;
      tasks: number;
      deadlineAt: string;
      at: string;
    }
  | { type: 'account_started'; cycleId: string; accountKey: string; subjectId: string; platform: string; at: string }
  | {
      type: 'capture_stored';
      cycleId: string;
      accountKey: string;
      scope: CaptureScope;
      captureId: string;
      items: number;
      /** The capture was already in the store from an interrupted run: no request was made. */
      reused: boolean;
      at: string;
    }
  | { type: 'capture_failed'; cycleId: string; accountKey: string; scope: CaptureScope | 'resolve' | 'lookup'; errorType: string; message: string; at: string }
  | { type: 'capture_deferred'; cycleId: string; accountKey: string; scope: CaptureScope | 'resolve' | 'lookup'; reason: string; retryAfterMs?: number; at: string }
  | { type: 'lookups_done'; cycleId: string; accountKey: string; asked: number; statuses: Record<string, number>; at: string }
  | {
      type: 'account_finished';
      cycleId: string;
      accountKey: string;
      outcome: 'captured' | 'failed' | 'deferred' | 'interrupted' | 'skipped';
      changes: number;
      findings: number;
      /** Accounts finished so far in this cycle, and how many there are. */
      done: number;
      total: number;
      at: string;
    }
  | { type: 'cycle_finished'; cycleId: string; report: CycleReport; at: string };

/** Receives progress events. It must not throw; an exception is caught and ignored. */
export type MonitorProgressListener = (event: MonitorProgressEvent) => void;
