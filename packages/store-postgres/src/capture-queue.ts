import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { CycleJob, CycleJobPlan, CycleJobResult, MonitorError } from '@sipansos/core';
import { err, ok, type Result } from 'neverthrow';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { redactUrl } from './database-error.js';

/** Settings of {@link createCaptureQueue}. Times are in seconds, as pg-boss counts them. */
export interface CaptureQueueOptions {
  /** The office's PostgreSQL (the same database as its evidence store); the password comes from `PGPASSWORD`. */
  url: string;
  /** The office id: each office has its own queue, so a worker only takes its office's jobs. */
  office: string;
  /** A job still running after this long is taken as lost (its worker died) and handed to another worker. @default 900 */
  expireInSeconds?: number;
  /** Runs of a failing job before it is left failed (the cycle then stays open for the next run). @default 5 */
  retryLimit?: number;
  /** Wait before a failed job runs again. @default 10 */
  retryDelaySeconds?: number;
  /** How often expired jobs are looked for (any live worker or coordinator does it). @default 60 */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for a job. @default 2 */
  pollingIntervalSeconds?: number;
}

/** Why the queue could not do what was asked. */
export interface CaptureQueueError {
  type: 'queue';
  message: string;
}

/** What a worker tells as it goes. */
export type CaptureWorkerEvent =
  | { type: 'job_started'; key: string; attempt: number }
  | { type: 'job_finished'; key: string; outcome: CycleJobResult['outcome'] }
  | { type: 'job_failed'; key: string; message: string };

/** A running worker: stop it to finish the job in hand and take no more. */
export interface CaptureWorker {
  stop(): Promise<void>;
}

/** Where the jobs of a cycle stand. */
export interface CycleJobsState {
  /** Jobs still waiting, running or waiting for a retry. */
  pending: number;
  /** Results of the jobs that completed. */
  results: CycleJobResult[];
  /** Keys of jobs whose retries ran out. */
  failed: string[];
}

/** The office's capture queue: pg-boss in the office's own PostgreSQL. */
export interface CaptureQueue {
  readonly name: string;
  /** Put the cycle's jobs on the queue. Idempotent: a job already enqueued (by key) is not added again. */
  enqueue(plan: CycleJobPlan): Promise<Result<{ enqueued: number; already: number }, CaptureQueueError>>;
  /** Take jobs and run them with `runJob` (a monitor's `runJob`) until stopped; a job whose run fails is retried. */
  work(runJob: (job: CycleJob, signal: AbortSignal) => PromiseLike<Result<CycleJobResult, MonitorError>>, options?: { concurrency?: number; onEvent?: (event: CaptureWorkerEvent) => void }): Promise<Result<CaptureWorker, CaptureQueueError>>;
  /** Read where the cycle's jobs stand. */
  state(plan: CycleJobPlan): Promise<Result<CycleJobsState, CaptureQueueError>>;
  /** Wait until no job of the cycle is pending (or the signal stops the wait). */
  settle(plan: CycleJobPlan, options?: { signal?: AbortSignal; pollMs?: number; onState?: (state: CycleJobsState) => void }): Promise<Result<CycleJobsState, CaptureQueueError>>;
  close(): Promise<void>;
}

// Workers started together must not set pg-boss up together: its schema, its queue tables and
// its first maintenance take table locks that deadlock across processes ("deadlock detected" on
// start, every time six open at once). One session-level advisory lock orders the openings; a
// deadlock with a worker already running is retried on a new instance (a PgBoss whose start()
// failed cannot be started again).
const OPEN_LOCK_SQL = "SELECT pg_advisory_lock(hashtext('sipansos:capture-queue:open'))";
const OPEN_UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtext('sipansos:capture-queue:open'))";
const OPEN_ATTEMPTS = 5;
const DEADLOCK = '40P01';

// A cut connection (server restart) is reported as an 'error' event, which would end the process
// unheard; pg-boss reconnects on its next query, and a query that fails says so to its caller.
const ignoreConnectionError = (): void => undefined;

async function openBoss(options: CaptureQueueOptions, name: string): Promise<PgBoss> {
  const lock = new pg.Client({ connectionString: options.url });
  lock.on('error', ignoreConnectionError);
  await lock.connect();
  try {
    await lock.query(OPEN_LOCK_SQL);
    for (let attempt = 1; ; attempt++) {
      const boss = new PgBoss({
        connectionString: options.url,
        max: 4,
        maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
        // pg-boss's cron and state monitor are not used here.
        schedule: false,
      });
      boss.on('error', ignoreConnectionError);
      try {
        await boss.start();
        if (!(await boss.getQueue(name))) {
          await boss.createQueue(name, {
            name,
            policy: 'standard',
            expireInSeconds: options.expireInSeconds ?? 900,
            retryLimit: options.retryLimit ?? 5,
            retryDelay: options.retryDelaySeconds ?? 10,
          });
        }
        return boss;
      } catch (error) {
        await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
        if ((error as { code?: unknown }).code !== DEADLOCK || attempt === OPEN_ATTEMPTS) throw error;
        await delay(100 * attempt);
      }
    }
  } finally {
    await lock.query(OPEN_UNLOCK_SQL).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

/** The job id pg-boss stores: a UUID derived from the job's key, so a second enqueue of the same key is a no-op. */
export function jobIdOf(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Open the office's capture queue (creating pg-boss's schema and the queue on first use). Jobs
 * carry the idempotent key planned by core (`office:cycle:account`); a job whose worker died is
 * expired after `expireInSeconds` and retried by another worker; the evidence stays whole
 * because every write of a job is idempotent.
 */
export async function createCaptureQueue(options: CaptureQueueOptions): Promise<Result<CaptureQueue, CaptureQueueError>> {
  const name = `capture-${options.office}`;
  let boss: PgBoss;
  try {
    boss = await openBoss(options, name);
  } catch (error) {
    return err(queueError(`the capture queue could not be opened at ${redactUrl(options.url)}`, error));
  }
  const polling = options.pollingIntervalSeconds ?? 2;

  async function readState(plan: CycleJobPlan): Promise<CycleJobsState> {
    const ids = plan.jobs.map((job) => jobIdOf(job.key));
    const keyOf = new Map(plan.jobs.map((job) => [jobIdOf(job.key), job.key]));
    const rows = await boss.getDb().executeSql(
      `SELECT id, state, output FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT id, state, output FROM pgboss.archive WHERE name = $1 AND id = ANY($2::uuid[])`,
      [name, ids],
    );
    const seen = new Set<string>();
    const state: CycleJobsState = { pending: 0, results: [], failed: [] };
    for (const row of rows.rows as Array<{ id: string; state: string; output: unknown }>) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      if (row.state === 'completed') state.results.push(row.output as CycleJobResult);
      else if (row.state === 'failed' || row.state === 'cancelled') state.failed.push(keyOf.get(row.id) ?? row.id);
      else state.pending++;
    }
    // A job not on the queue at all (never enqueued) counts as failed: nothing will run it.
    for (const id of ids) if (!seen.has(id)) state.failed.push(keyOf.get(id) ?? id);
    return state;
  }

  return ok({
    name,
    async enqueue(plan) {
      let enqueued = 0;
      try {
        for (const job of plan.jobs) {
          const id = await boss.send(name, job as unknown as object, { id: jobIdOf(job.key), singletonKey: job.key });
          if (id) enqueued++;
        }
      } catch (error) {
        return err(queueError(`enqueueing cycle ${plan.cycleId} failed (enqueue again: jobs already there are kept once)`, error));
      }
      return ok({ enqueued, already: plan.jobs.length - enqueued });
    },
    async work(runJob, workOptions = {}) {
      let stopping = false;
      const sleepers = new Set<() => void>();
      const emit = (event: CaptureWorkerEvent): void => {
        try {
          workOptions.onEvent?.(event);
        } catch {
          // A broken listener must not stop a job.
        }
      };
      const pause = (ms: number): Promise<void> =>
        new Promise((resolve) => {
          const wake = (): void => {
            clearTimeout(timer);
            sleepers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, ms);
          sleepers.add(wake);
        });
      // One job at a time per slot, each completed (with its result) or failed before the next:
      // a worker stopped between jobs leaves nothing half-acknowledged.
      const slot = async (): Promise<void> => {
        while (!stopping) {
          let job: PgBoss.JobWithMetadata<CycleJob> | undefined;
          try {
            [job] = await boss.fetch<CycleJob>(name, { batchSize: 1, includeMetadata: true });
          } catch {
            // The database may be restarting: ask again after the polling interval.
          }
          if (!job) {
            await pause(polling * 1_000);
            continue;
          }
          const data = job.data;
          emit({ type: 'job_started', key: data.key, attempt: job.retryCount + 1 });
          let outcome: { result: CycleJobResult } | { message: string };
          try {
            const run = await runJob(data, new AbortController().signal);
            if (run.isErr()) outcome = { message: run.error.message };
            // Stopped before its end: another run (here or on another worker) finishes it.
            else if (run.value.outcome === 'interrupted') outcome = { message: `job ${data.key} was interrupted; it runs again` };
            else outcome = { result: run.value };
          } catch (error) {
            outcome = { message: error instanceof Error ? error.message : String(error) };
          }
          await settleJob(job.id, outcome);
          if ('result' in outcome) emit({ type: 'job_finished', key: data.key, outcome: outcome.result.outcome });
          else emit({ type: 'job_failed', key: data.key, message: outcome.message });
        }
      };
      // Completing a job survives a database restart: it is retried until the server answers or
      // the job expires (then it runs again elsewhere, and finds its evidence already stored).
      const settleJob = async (id: string, outcome: { result: CycleJobResult } | { message: string }): Promise<void> => {
        for (let attempt = 0; attempt < 30; attempt++) {
          try {
            if ('result' in outcome) await boss.complete(name, id, outcome.result as unknown as object);
            else await boss.fail(name, id, { message: outcome.message });
            return;
          } catch {
            await pause(1_000);
          }
        }
      };
      const slots = Array.from({ length: Math.max(1, workOptions.concurrency ?? 1) }, () => slot());
      return ok({
        async stop() {
          stopping = true;
          for (const wake of [...sleepers]) wake();
          await Promise.all(slots);
        },
      });
    },
    async state(plan) {
      try {
        return ok(await readState(plan));
      } catch (error) {
        return err(queueError(`reading the jobs of cycle ${plan.cycleId} failed`, error));
      }
    },
    async settle(plan, settleOptions = {}) {
      for (;;) {
        let state: CycleJobsState | undefined;
        try {
          state = await readState(plan);
        } catch {
          // The database may be restarting: ask again at the next poll.
        }
        if (state) {
          settleOptions.onState?.(state);
          if (state.pending === 0) return ok(state);
        }
        if (settleOptions.signal?.aborted) return err({ type: 'queue', message: 'stopped while waiting for the cycle jobs; run again to close the cycle' });
        await new Promise((resolve) => setTimeout(resolve, settleOptions.pollMs ?? 1_000));
      }
    },
    async close() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => undefined);
    },
  });
}

function queueError(message: string, error: unknown): CaptureQueueError {
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'queue', message: `${message}: ${detail}` };
}
