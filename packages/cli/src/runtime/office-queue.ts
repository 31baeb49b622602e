import type { CycleReport, Monitor, MonitorError, MonitorProgressEvent } from '@sipansos/core';
import type { CaptureQueue, CycleJobsState, PostgresRateBudget } from '@sipansos/store-postgres';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from './runtime-error.js';

/** The queue settings a command reads from its flags. */
export interface OfficeQueueSettings {
  /** A job still running after this long is taken as lost and handed to another worker. */
  jobExpiryMs: number;
}

/** Why an office has no capture queue: the line to print, naming the fix. */
export function noQueueLine(): BilingualLine {
  return {
    id: 'antrean perekaman memerlukan store PostgreSQL: tulis "store": { "kind": "postgres", "url": ..., "office": ... } di konfigurasi lalu jalankan "sipansos db migrate"',
    en: 'the capture queue needs the PostgreSQL store: set "store": { "kind": "postgres", "url": ..., "office": ... } in the config, then run "sipansos db migrate"',
  };
}

/**
 * Open the office's capture queue (pg-boss in the office's PostgreSQL) and its shared platform
 * budget (pass it to the adapters: `buildAdapters(config, env, { sharedBudget })`), or `undefined` when the
 * office keeps its evidence in a folder. The PostgreSQL package is loaded only here.
 */
export async function openOfficeQueue(config: LoadedConfig, settings: OfficeQueueSettings): Promise<{ queue: CaptureQueue; budget: PostgresRateBudget } | { line: BilingualLine } | undefined> {
  const store = config.config.store;
  if (store.kind !== 'postgres') return undefined;
  const { createCaptureQueue, createPostgresRateBudget } = await import('@sipansos/store-postgres');
  const expireInSeconds = Math.max(1, Math.round(settings.jobExpiryMs / 1_000));
  const opened = await createCaptureQueue({
    url: store.url,
    office: store.office,
    expireInSeconds,
    // Lost jobs are looked for at least twice per expiry, so a dead worker's job waits little longer than the expiry.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(expireInSeconds / 2))),
    retryDelaySeconds: Math.min(10, expireInSeconds),
    pollingIntervalSeconds: 1,
  });
  if (opened.isErr()) return { line: { id: opened.error.message, en: opened.error.message } };
  // Every process of the office (workers, coordinator) takes its requests from one budget.
  return { queue: opened.value, budget: createPostgresRateBudget({ url: store.url, office: store.office }) };
}

/**
 * One cycle through the queue: plan it as jobs (this process is the coordinator), enqueue them
 * (idempotently: a coordinator started again re-plans the open cycle and adds nothing twice),
 * wait until every job completed or ran out of retries, and close the cycle. Workers on any
 * machine (`sipansos worker`) run the jobs.
 */
export async function runQueuedCycle(monitor: Monitor, queue: CaptureQueue, office: string, options: { signal?: AbortSignal; onProgress?: (event: MonitorProgressEvent | { type: 'jobs'; cycleId: string; pending: number; done: number; failed: number }) => void }): Promise<{ ok: true; report: CycleReport } | { ok: false; error: MonitorError }> {
  const planned = await monitor.planJobs(office);
  if (planned.isErr()) return { ok: false, error: planned.error };
  const plan = planned.value;
  options.onProgress?.({ type: 'cycle_started', cycleId: plan.cycleId, resumed: plan.resumed, accounts: plan.jobs.length, tasks: plan.jobs.reduce((sum, job) => sum + job.scopes.length, 0), deadlineAt: plan.deadlineAt, at: plan.startedAt });
  const enqueued = await queue.enqueue(plan);
  if (enqueued.isErr()) return { ok: false, error: { type: 'unexpected', message: enqueued.error.message } };
  let last = '';
  const settled = await queue.settle(plan, {
    ...(options.signal ? { signal: options.signal } : {}),
    onState: (state: CycleJobsState) => {
      const line = `${state.pending}/${state.results.length}/${state.failed.length}`;
      if (line !== last) options.onProgress?.({ type: 'jobs', cycleId: plan.cycleId, pending: state.pending, done: state.results.length, failed: state.failed.length });
      last = line;
    },
  });
  if (settled.isErr()) {
    // Stopped while waiting: the workers go on; the next coordinator run closes the cycle.
    const report = await monitor.closeJobs(plan, []);
    return report.isOk() ? { ok: true, report: report.value } : { ok: false, error: report.error };
  }
  const closed = await monitor.closeJobs(plan, settled.value.results);
  if (closed.isErr()) return { ok: false, error: closed.error };
  options.onProgress?.({ type: 'cycle_finished', cycleId: plan.cycleId, report: closed.value, at: closed.value.finishedAt });
  return { ok: true, report: closed.value };
}
