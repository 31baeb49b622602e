import { err, ok, safeTry, type Result } from 'neverthrow';
import { accountKey, type Account } from '../account/account-schema.js';
import type { CaptureScope } from '../capture/capture-schema.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { handleKey, loadResolutions } from './account-resolutions.js';
import { runAccount, storeRaw, type AccountOutcome, type AccountTask, type PipelineContext } from './account-pipeline.js';
import { planCycleScopes, resolveInBatches } from './account-batches.js';
import { appendIfAbsent } from './append-if-absent.js';
import { CycleControl } from './cycle-control.js';
import { cycleFinishedEntry } from './cycle-journal.js';
import { addLookupCall, addRequests, emptyCycleReport, type CycleReport } from './cycle-report.js';
import { LookupPool } from './lookup-pool.js';
import type { MonitorEngine } from './monitor-engine.js';
import type { MonitorError } from './monitor-error.js';
import { MONITOR_DEFAULTS, type MonitorSettings } from './monitor-settings.js';
import { openCycle } from './open-cycle.js';
import type { SkippedAccount } from './plan-tasks.js';

/**
 * One account's work in a cycle, as a job queue carries it (plain JSON). A job is one account with
 * every scope due for it, not one scope: the account's state is one record written after its
 * scopes, so two workers must never hold scopes of the same account at once.
 */
export interface CycleJob {
  /** Idempotent key: `office:cycleId:accountKey`. Enqueue it twice, it runs once. */
  key: string;
  office: string;
  cycleId: string;
  subjectId: string;
  /** The account, with its platform id once known (resolved before the jobs were planned). */
  account: Account;
  scopes: CaptureScope[];
  /** The cycle's deadline (ISO); work a rate limit pushes past it is deferred, as in one process. */
  deadlineAt: string;
}

/** A cycle planned as jobs: what a coordinator enqueues, then closes with the jobs' results. */
export interface CycleJobPlan {
  office: string;
  cycleId: string;
  /** The cycle had been started (and maybe partly run) before; its finished accounts are skipped. */
  resumed: boolean;
  startedAt: string;
  deadlineAt: string;
  jobs: CycleJob[];
  /** Accounts left out (no adapter, no scope), for the report. */
  skipped: SkippedAccount[];
  /** What planning itself did (batched resolutions, the scope plan), merged into the cycle report. */
  report: CycleReport;
}

/** What one job did: its outcome and its part of the cycle report. */
export interface CycleJobResult {
  key: string;
  outcome: AccountOutcome;
  report: CycleReport;
}

/** The parts of a monitor the job functions share with its in-process cycle. */
export interface CycleJobRuntime {
  settings: MonitorSettings;
  adapters: ReadonlyMap<string, PlatformAdapterV1>;
  engine: MonitorEngine;
  storeFailed(error: StoreErrorV1): MonitorError;
  classify(signal: AbortSignal, report: CycleReport): Pick<PipelineContext, 'classify'>;
}

/**
 * Plan the next cycle (or the unfinished one) as jobs: open its journal entry, resolve unknown
 * handles in batches (recorded in the store, so every worker reads them), apply the scope plan,
 * and return one job per account. Profile batches and cross-account lookup pools are the
 * in-process monitor's; a job reads its own account's profile and lookups.
 */
export async function planCycleJobs(runtime: CycleJobRuntime, office: string): Promise<Result<CycleJobPlan, MonitorError>> {
  const { settings, adapters } = runtime;
  const options = settings.options ?? {};
  const opened = await openCycle(settings, adapters);
  if (opened.isErr()) return err(runtime.storeFailed(opened.error));
  const { plan, resolutions, tasks, skipped, control, report, startedAt } = opened.value;
  try {
    const deadlineAt = report.deadlineAt;
    const context = jobContext(runtime, plan.cycleId, control, report, resolutions);
    const resolved = await resolveInBatches(tasks, context);
    if (resolved.isErr()) return err(runtime.storeFailed(resolved.error));
    const planned = await planCycleScopes(tasks, context, options);
    if (planned.isErr()) return err(runtime.storeFailed(planned.error));
    const jobs = planned.value.map((task): CycleJob => {
      const id = task.account.id ?? resolutions.get(handleKey(task.account));
      const account = id ? { ...task.account, id } : task.account;
      const key = id ? accountKey(account) : handleKey(account);
      return { key: `${office}:${plan.cycleId}:${key}`, office, cycleId: plan.cycleId, subjectId: task.subject.id, account, scopes: [...task.scopes], deadlineAt };
    });
    return ok({ office, cycleId: plan.cycleId, resumed: plan.resumed, startedAt, deadlineAt, jobs, skipped, report });
  } finally {
    control.dispose();
  }
}

/**
 * Run one job, in any process: the same account pipeline as the in-process monitor, so the same
 * deterministic ids; every write is idempotent, so a job run twice (a worker died after storing
 * part of it) stores nothing twice and leaves no gap.
 */
export async function runCycleJob(runtime: CycleJobRuntime, job: CycleJob, signal?: AbortSignal): Promise<Result<CycleJobResult, MonitorError>> {
  const { settings, adapters } = runtime;
  const options = settings.options ?? {};
  const { store } = settings;
  const adapter = adapters.get(job.account.platform);
  const subject = settings.subjects.find((candidate) => candidate.id === job.subjectId);
  if (!adapter || !subject) {
    return err({ type: 'invalid_settings', message: `job ${job.key}: ${adapter ? `no subject "${job.subjectId}" in this worker's subjects` : `no adapter for platform "${job.account.platform}" in this worker`}; give every worker the office's config`, issues: [{ path: adapter ? 'subjects' : 'adapters', message: 'differs from the coordinator' }] });
  }
  const clock = options.clock ?? (() => new Date());
  const opened = await safeTry(async function* () {
    yield* store.open();
    return ok(yield* loadResolutions(store));
  });
  if (opened.isErr()) return err(runtime.storeFailed(opened.error));
  const remaining = Math.max(1, Date.parse(job.deadlineAt) - clock().getTime());
  const control = new CycleControl(clock, remaining, options.maxRateLimitRetries ?? MONITOR_DEFAULTS.maxRateLimitRetries, signal);
  try {
    const report = emptyCycleReport({ cycleId: job.cycleId, resumed: false, startedAt: control.now(), deadlineAt: job.deadlineAt, accounts: 1 });
    const context = jobContext(runtime, job.cycleId, control, report, opened.value);
    const task: AccountTask = { subject, account: job.account, adapter, scopes: job.scopes };
    const run = await runAccount(task, context);
    if (run.isErr()) return err(runtime.storeFailed(run.error));
    context.lookupPools.get(job.account.platform)?.accountFinished();
    report.finishedAt = control.now();
    return ok({ key: job.key, outcome: run.value.outcome, report });
  } finally {
    control.dispose();
  }
}

/**
 * Close a cycle run as jobs: merge the jobs' reports into the cycle report and, when every job
 * ended (captured, failed, deferred or skipped), write the journal entry that finishes the cycle.
 * A job missing from `results` or interrupted leaves the cycle open: the next plan resumes it.
 */
export async function closeCycleJobs(runtime: CycleJobRuntime, plan: CycleJobPlan, results: readonly CycleJobResult[]): Promise<Result<CycleReport, MonitorError>> {
  const options = runtime.settings.options ?? {};
  const clock = options.clock ?? (() => new Date());
  const report = structuredClone(plan.report);
  const byKey = new Map(results.map((result) => [result.key, result]));
  for (const job of plan.jobs) {
    const result = byKey.get(job.key);
    if (!result) {
      report.accounts.interrupted++;
      continue;
    }
    mergeJobReport(report, result);
  }
  report.status = report.accounts.interrupted > 0 ? 'interrupted' : 'complete';
  report.finishedAt = clock().toISOString();
  if (report.status === 'complete') {
    const finished = await appendIfAbsent(runtime.settings.store, 'audit', [cycleFinishedEntry(report, options.actor ?? MONITOR_DEFAULTS.actor)]);
    if (finished.isErr()) return err(runtime.storeFailed(finished.error));
  }
  return ok(report);
}

function mergeJobReport(report: CycleReport, { outcome, report: part }: CycleJobResult): void {
  if (outcome === 'captured' || outcome === 'skipped') report.accounts.captured++;
  else report.accounts[outcome]++;
  report.captures.stored += part.captures.stored;
  report.captures.reused += part.captures.reused;
  report.captures.items += part.captures.items;
  report.failures.push(...part.failures);
  report.deferred.push(...part.deferred);
  for (const [type, count] of Object.entries(part.changes)) report.changes[type as keyof CycleReport['changes']] = (report.changes[type as keyof CycleReport['changes']] ?? 0) + (count ?? 0);
  report.deletionsConfirmed.push(...part.deletionsConfirmed);
  report.findings.total += part.findings.total;
  for (const [category, count] of Object.entries(part.findings.byCategory)) {
    const key = category as keyof CycleReport['findings']['byCategory'];
    report.findings.byCategory[key] = (report.findings.byCategory[key] ?? 0) + (count ?? 0);
  }
  report.lookups.calls.push(...part.lookups.calls);
  report.lookups.asked += part.lookups.asked;
  report.lookups.requests += part.lookups.requests;
  for (const [status, count] of Object.entries(part.lookups.statuses)) report.lookups.statuses[status] = (report.lookups.statuses[status] ?? 0) + count;
  report.lookups.idsPerRequest = report.lookups.requests > 0 ? Math.round((report.lookups.asked / report.lookups.requests) * 10) / 10 : 0;
  report.media.stored += part.media.stored;
  report.media.failed += part.media.failed;
  for (const [platform, counts] of Object.entries(part.requests)) addRequests(report, platform, counts);
  if (part.classifierNotes) (report.classifierNotes ??= []).push(...part.classifierNotes);
}

/** The pipeline context of one job (or of planning): one lookup pool per platform, for this account alone. */
function jobContext(runtime: CycleJobRuntime, cycleId: string, control: CycleControl, report: CycleReport, resolutions: Map<string, string>): PipelineContext {
  const { settings, adapters, engine } = runtime;
  const options = settings.options ?? {};
  const { store } = settings;
  const lookupPools = new Map<string, LookupPool>();
  for (const [platform, adapter] of adapters) {
    if (!adapter.capabilities.lookup || !adapter.lookup) continue;
    lookupPools.set(platform, new LookupPool(adapter, 1, {
      control,
      storeRaw: (raw) => storeRaw(raw, store),
      onWait: () => undefined,
      onCall: (call, results, requests) => addLookupCall(report, call, results, requests),
      flushFromMs: control.deadlineAt,
      stallMs: options.lookupStallMs ?? MONITOR_DEFAULTS.lookupStallMs,
    }));
  }
  const emit = (event: Parameters<PipelineContext['emit']>[0]): void => {
    try {
      options.onProgress?.(event);
    } catch {
      // A broken listener must not stop evidence being kept.
    }
  };
  return {
    cycleId,
    store,
    engine,
    control,
    report,
    resolutions,
    actor: options.actor ?? MONITOR_DEFAULTS.actor,
    maxPages: options.maxPages,
    fetchMedia: options.fetchMedia ?? MONITOR_DEFAULTS.fetchMedia,
    maxMediaPerCapture: options.maxMediaPerCapture ?? MONITOR_DEFAULTS.maxMediaPerCapture,
    deletionOptions: options.deletion,
    ...runtime.classify(control.signal, report),
    lookupPools,
    resolveFailures: new Map(),
    prefetchedProfiles: new Map(),
    emit,
  };
}
