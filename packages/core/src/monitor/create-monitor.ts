import { err, ok, ResultAsync, type Result } from 'neverthrow';
import PQueue from 'p-queue';
import { asEvidenceStore, asPlatformAdapter, asTextClassifier } from '../spec/check-specification-version.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { runAccount, storeRaw, type AccountOutcome, type AccountRun, type PipelineContext } from './account-pipeline.js';
import { captureProfilesInBatches, planCycleScopes, resolveInBatches } from './account-batches.js';
import { appendIfAbsent } from './append-if-absent.js';
import { cycleFinishedEntry } from './cycle-journal.js';
import { addLookupCall, type CycleReport } from './cycle-report.js';
import { LookupPool } from './lookup-pool.js';
import { createDefaultEngine } from './default-engine.js';
import type { MonitorEngine } from './monitor-engine.js';
import type { MonitorError } from './monitor-error.js';
import type { MonitorProgressEvent, MonitorProgressListener } from './monitor-events.js';
import { MONITOR_DEFAULTS, type MonitorSettings } from './monitor-settings.js';
import { openCycle } from './open-cycle.js';
import { closeCycleJobs, planCycleJobs, runCycleJob, type CycleJob, type CycleJobPlan, type CycleJobResult, type CycleJobRuntime } from './cycle-jobs.js';
import { scoreItems } from '../classifier/score-items.js';

/** Options of one `runCycle` call. */
export interface RunCycleOptions {
  /** Stops the cycle gracefully: work in flight is abandoned, everything stored stays, the next run resumes. */
  signal?: AbortSignal;
  /** Receives this cycle's progress events (besides `options.onProgress`). */
  onProgress?: MonitorProgressListener;
}

/** Watches the subjects' accounts, one cycle at a time. */
export interface Monitor {
  /**
   * Run one cycle, or finish the one an earlier run left unfinished. Resolves to the cycle's
   * report; an `err` only when the cycle could not keep its evidence (the store failed).
   */
  runCycle(options?: RunCycleOptions): ResultAsync<CycleReport, MonitorError>;
  /**
   * Plan the next cycle (or finish the open one) as jobs for workers in other processes: the
   * cycle's journal entry is written and handles resolved; each job is one account, with an
   * idempotent key `office:cycleId:accountKey`. A queue carries them; {@link Monitor.runJob} runs
   * one anywhere; {@link Monitor.closeJobs} closes the cycle.
   */
  planJobs(office: string): ResultAsync<CycleJobPlan, MonitorError>;
  /** Run one planned job with the same pipeline (and the same evidence ids) as `runCycle`. Safe to run again after a crash. */
  runJob(job: CycleJob, signal?: AbortSignal): ResultAsync<CycleJobResult, MonitorError>;
  /** Merge the jobs' results into the cycle report; finish the cycle when every job ended. */
  closeJobs(plan: CycleJobPlan, results: readonly CycleJobResult[]): ResultAsync<CycleReport, MonitorError>;
}

/**
 * Build a monitor from a store, adapters (one per platform), compiled rules, the election
 * context and the subjects. Fails, naming the setting, when one is missing or unusable.
 *
 * @example
 * const rules = compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap();
 * const monitor = createMonitor({ store, adapters: [xAdapter], rules, context, subjects })._unsafeUnwrap();
 * const report = await monitor.runCycle();
 */
export function createMonitor(settings: MonitorSettings): Result<Monitor, MonitorError> {
  const issues: ValidationIssue[] = [];
  if (typeof settings !== 'object' || settings === null) {
    return err({ type: 'invalid_settings', message: 'createMonitor needs a settings object { store, adapters, rules, context, subjects }', issues: [{ path: '(root)', message: 'missing' }] });
  }
  const store = asEvidenceStore(settings.store);
  if (store.isErr()) return err(store.error);
  if (!Array.isArray(settings.adapters)) issues.push({ path: 'adapters', message: 'pass an array of platform adapters, e.g. [createXAdapter({ ... })]' });
  const adapters = new Map<string, PlatformAdapterV1>();
  for (const [index, candidate] of (Array.isArray(settings.adapters) ? settings.adapters : []).entries()) {
    const adapter = asPlatformAdapter(candidate);
    if (adapter.isErr()) return err(adapter.error);
    if (adapters.has(adapter.value.platform)) issues.push({ path: `adapters.${index}`, message: `a second adapter for platform "${adapter.value.platform}"; pass one adapter per platform` });
    adapters.set(adapter.value.platform, adapter.value);
  }
  for (const candidate of settings.classifiers ?? []) {
    const classifier = asTextClassifier(candidate);
    if (classifier.isErr()) return err(classifier.error);
  }
  if (!settings.context) issues.push({ path: 'context', message: 'the election context is required (parse it with ElectionContextSchema)' });
  if (!Array.isArray(settings.subjects)) issues.push({ path: 'subjects', message: 'pass the subjects as an array (parseSubjectsFile reads CSV or JSON)' });
  if (settings.rules === undefined && !settings.engine) issues.push({ path: 'rules', message: 'pass compiled rules: compileRules(BUILTIN_RULE_SETS, context)' });
  const options = settings.options ?? {};
  const positive = (name: string, value: number | undefined): void => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) issues.push({ path: `options.${name}`, message: `${name} must be a positive number` });
  };
  positive('deadlineMs', options.deadlineMs);
  positive('concurrencyPerPlatform', options.concurrencyPerPlatform);
  positive('maxPages', options.maxPages);
  positive('lookupStallMs', options.lookupStallMs);
  for (const [scope, interval] of Object.entries(options.scopeIntervalsMs ?? {})) {
    if (!(Number.isFinite(interval) && interval >= 0)) issues.push({ path: `options.scopeIntervalsMs.${scope}`, message: 'a scope interval is 0 or more milliseconds, e.g. 3_600_000 for hourly' });
  }
  for (const [platform, budgets] of Object.entries(options.scopeBudgets ?? {})) {
    for (const [scope, budget] of Object.entries(budgets ?? {})) {
      if (!(Number.isInteger(budget) && budget >= 0)) issues.push({ path: `options.scopeBudgets.${platform}.${scope}`, message: 'a scope budget is a whole number of accounts per cycle, 0 or more' });
    }
  }
  if (options.maxMediaPerCapture !== undefined && !(options.maxMediaPerCapture >= 0)) issues.push({ path: 'options.maxMediaPerCapture', message: 'maxMediaPerCapture must be 0 or more' });
  if (options.maxRateLimitRetries !== undefined && !(options.maxRateLimitRetries >= 0)) issues.push({ path: 'options.maxRateLimitRetries', message: 'maxRateLimitRetries must be 0 or more' });
  let engine: MonitorEngine | undefined = settings.engine;
  if (!engine && issues.length === 0) {
    const built = createDefaultEngine(settings.rules, settings.context, options.deletion);
    if (built.isErr()) issues.push({ path: built.error.path, message: built.error.message });
    else engine = built.value;
  }
  if (issues.length > 0 || !engine) {
    return err({ type: 'invalid_settings', message: `createMonitor: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues });
  }
  return ok(buildMonitor(settings, adapters, engine));
}

function buildMonitor(settings: MonitorSettings, adapters: Map<string, PlatformAdapterV1>, engine: MonitorEngine): Monitor {
  const options = settings.options ?? {};
  const actor = options.actor ?? MONITOR_DEFAULTS.actor;
  let running = false;

  async function cycle(runOptions: RunCycleOptions): Promise<Result<CycleReport, MonitorError>> {
    const { store } = settings;
    const listeners = [options.onProgress, runOptions.onProgress].filter((listener): listener is MonitorProgressListener => listener !== undefined);
    const emit = (event: MonitorProgressEvent): void => {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A broken listener must not stop evidence being kept.
        }
      }
    };
    const opened = await openCycle(settings, adapters, runOptions.signal);
    if (opened.isErr()) return err(storeFailed(opened.error));
    const { plan, resolutions, control, report, startedAt } = opened.value;
    let { tasks } = opened.value;
    try {
      emit({ type: 'cycle_started', cycleId: plan.cycleId, resumed: plan.resumed, accounts: tasks.length, tasks: tasks.reduce((sum, task) => sum + task.scopes.length, 0), deadlineAt: report.deadlineAt, at: startedAt });
      // One queue per platform: platforms run side by side, each within its own limits.
      const queues = new Map<string, PQueue>();
      const perPlatform = options.concurrencyPerPlatform ?? MONITOR_DEFAULTS.concurrencyPerPlatform;
      const waiting = new Map<string, number>();
      // An account waiting (out its own pause, or for a pooled lookup) lends its slot: the queue runs one more meanwhile.
      const lend = (platform: string, change: 1 | -1): void => {
        const now = Math.max(0, (waiting.get(platform) ?? 0) + change);
        waiting.set(platform, now);
        const queue = queues.get(platform);
        if (queue) queue.concurrency = perPlatform + now;
      };
      const lookupPools = new Map<string, LookupPool>();
      const deadlineMs = options.deadlineMs ?? MONITOR_DEFAULTS.deadlineMs;
      // Near the deadline a partial batch goes out at once rather than wait for a full one.
      const flushFromMs = control.deadlineAt - Math.min(60_000, deadlineMs * 0.2);
      for (const [platform, adapter] of adapters) {
        const accounts = tasks.filter((task) => task.account.platform === platform).length;
        if (accounts === 0 || !adapter.capabilities.lookup || !adapter.lookup) continue;
        lookupPools.set(
          platform,
          new LookupPool(adapter, accounts, {
            control,
            storeRaw: (raw) => storeRaw(raw, store),
            onWait: (change) => lend(platform, change),
            onCall: (call, results, requests) => addLookupCall(report, call, results, requests),
            flushFromMs,
            stallMs: options.lookupStallMs ?? MONITOR_DEFAULTS.lookupStallMs,
          }),
        );
      }
      const flushTimer = setTimeout(() => {
        for (const pool of lookupPools.values()) pool.flush();
      }, Math.max(0, flushFromMs - control.clock().getTime()));
      (flushTimer as { unref?: () => void }).unref?.();
      control.signal.addEventListener('abort', () => {
        for (const pool of lookupPools.values()) pool.flush();
      }, { once: true });
      const context: PipelineContext = {
        cycleId: plan.cycleId,
        store,
        engine,
        control,
        report,
        resolutions,
        actor,
        maxPages: options.maxPages,
        fetchMedia: options.fetchMedia ?? MONITOR_DEFAULTS.fetchMedia,
        maxMediaPerCapture: options.maxMediaPerCapture ?? MONITOR_DEFAULTS.maxMediaPerCapture,
        deletionOptions: options.deletion,
        ...classifyStep(settings, control.signal, report),
        lookupPools,
        resolveFailures: new Map(),
        prefetchedProfiles: new Map(),
        emit,
      };
      // Account-level reads many accounts share one request for: handles first, then the plan of
      // which scopes are due, then profiles.
      const resolved = await resolveInBatches(tasks, context);
      if (resolved.isErr()) return err(storeFailed(resolved.error));
      const planned = await planCycleScopes(tasks, context, options);
      if (planned.isErr()) return err(storeFailed(planned.error));
      tasks = planned.value;
      const batched = await captureProfilesInBatches(tasks, context);
      if (batched.isErr()) return err(storeFailed(batched.error));
      control.onAccountWait((platform, change) => {
        lend(platform, change);
        lookupPools.get(platform)?.accountPaused(change);
      });
      let storeFailure: StoreErrorV1 | undefined;
      let done = 0;
      const outcomes: Record<AccountOutcome, number> = { captured: 0, failed: 0, deferred: 0, interrupted: 0, skipped: 0 };
      const runs = tasks.map((task) => {
        const platform = task.account.platform;
        let queue = queues.get(platform);
        if (!queue) {
          queue = new PQueue({ concurrency: perPlatform });
          queues.set(platform, queue);
        }
        return queue.add(async () => {
          let result: AccountRun = { outcome: 'interrupted', changes: 0, findings: 0 };
          if (!storeFailure && control.stopReason !== 'interrupted') {
            const run = await runAccount(task, context);
            if (run.isOk()) {
              result = run.value;
            } else {
              storeFailure ??= run.error;
              control.stop('interrupted');
            }
          }
          outcomes[result.outcome]++;
          done++;
          lookupPools.get(platform)?.accountFinished();
          emit({
            type: 'account_finished',
            cycleId: plan.cycleId,
            accountKey: task.account.id ? `${platform}:${task.account.id}` : `${platform}:@${task.account.handle.toLowerCase()}`,
            outcome: result.outcome,
            changes: result.changes,
            findings: result.findings,
            done,
            total: tasks.length,
            at: control.now(),
          });
        });
      });
      await Promise.all(runs);
      clearTimeout(flushTimer);
      if (storeFailure) return err(storeFailed(storeFailure));
      report.accounts.captured = outcomes.captured + outcomes.skipped;
      report.accounts.failed = outcomes.failed;
      report.accounts.deferred = outcomes.deferred;
      report.accounts.interrupted = outcomes.interrupted;
      report.status = outcomes.interrupted > 0 || control.stopReason === 'interrupted' ? 'interrupted' : 'complete';
      report.finishedAt = control.now();
      if (report.status === 'complete') {
        const finished = await appendIfAbsent(store, 'audit', [cycleFinishedEntry(report, actor)]);
        if (finished.isErr()) return err(storeFailed(finished.error));
      }
      emit({ type: 'cycle_finished', cycleId: plan.cycleId, report, at: report.finishedAt });
      return ok(report);
    } finally {
      control.dispose();
    }
  }

  const runtime: CycleJobRuntime = { settings, adapters, engine, storeFailed, classify: (signal, report) => classifyStep(settings, signal, report) };
  return {
    planJobs: (office) => guarded(planCycleJobs(runtime, office)),
    runJob: (job, signal) => guarded(runCycleJob(runtime, job, signal)),
    closeJobs: (plan, results) => guarded(closeCycleJobs(runtime, plan, results)),
    runCycle(runOptions: RunCycleOptions = {}): ResultAsync<CycleReport, MonitorError> {
      if (running) return ResultAsync.fromSafePromise(Promise.resolve()).andThen(() => err<CycleReport, MonitorError>({ type: 'busy', message: 'a cycle of this monitor is already running; wait for it to finish' }));
      running = true;
      return ResultAsync.fromPromise(cycle(runOptions), (error): MonitorError => {
        // A bug, not a platform or store condition: still a value, with what is known of it.
        const message = error instanceof Error ? error.message : String(error);
        return { type: 'unexpected', message: `the cycle stopped on an unexpected error (the next run resumes it): ${message}`, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) };
      }).andThen((result) => result).map((report) => {
        running = false;
        return report;
      }).mapErr((error) => {
        running = false;
        return error;
      });
    },
  };
}

/** A job step as a ResultAsync; a thrown bug becomes an `unexpected` error, as in `runCycle`. */
function guarded<T>(step: Promise<Result<T, MonitorError>>): ResultAsync<T, MonitorError> {
  return ResultAsync.fromPromise(step, (error): MonitorError => {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'unexpected', message: `the job stopped on an unexpected error (running it again is safe): ${message}`, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) };
  }).andThen((result) => result);
}

function storeFailed(error: StoreErrorV1): MonitorError {
  return { type: 'store', message: `the store failed, the cycle stopped (the next run resumes it): ${error.message}`, error };
}

/** The classifier pre-pass of a cycle, when a rule reads a classifier the office passed. */
function classifyStep(settings: MonitorSettings, signal: AbortSignal, report: CycleReport): Pick<PipelineContext, 'classify'> {
  // A test engine may run without compiled rules: then no rule reads a classifier.
  const wanted = settings.rules?.classifierIds ?? new Set<string>();
  const classifiers = (settings.classifiers ?? []).filter((classifier) => wanted.has(classifier.classifierId));
  if (classifiers.length === 0) return {};
  return {
    classify: async (items) => {
      const pass = await scoreItems(items, classifiers, { signal });
      if (pass.note) (report.classifierNotes ??= []).push(pass.note);
      return pass.scores;
    },
  };
}
