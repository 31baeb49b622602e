import { err, ok, safeTry, type Result } from 'neverthrow';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { loadResolutions } from './account-resolutions.js';
import type { AccountTask } from './account-pipeline.js';
import { appendIfAbsent } from './append-if-absent.js';
import { CycleControl } from './cycle-control.js';
import { cycleStartedEntry, planCycle, type CyclePlan } from './cycle-journal.js';
import { emptyCycleReport, type CycleReport } from './cycle-report.js';
import { MONITOR_DEFAULTS, type MonitorSettings } from './monitor-settings.js';
import { planTasks, type SkippedAccount } from './plan-tasks.js';

/** A cycle as it starts: its journal plan, known handle resolutions, the accounts due, its control and report. */
export interface OpenedCycle {
  plan: CyclePlan;
  resolutions: Map<string, string>;
  tasks: AccountTask[];
  skipped: SkippedAccount[];
  /** Owned by the caller, who must `dispose()` it. */
  control: CycleControl;
  report: CycleReport;
  startedAt: string;
}

/**
 * Open the store and the next cycle (or the unfinished one), plan its accounts and keep its
 * `cycle_started` entry once: the same start for the in-process monitor and a queue's coordinator.
 */
export async function openCycle(settings: MonitorSettings, adapters: ReadonlyMap<string, PlatformAdapterV1>, signal?: AbortSignal): Promise<Result<OpenedCycle, StoreErrorV1>> {
  const options = settings.options ?? {};
  const { store } = settings;
  const loaded = await safeTry(async function* () {
    yield* store.open();
    const plan = yield* planCycle(store);
    const resolutions = yield* loadResolutions(store);
    return ok({ plan, resolutions });
  });
  if (loaded.isErr()) return err(loaded.error);
  const { plan, resolutions } = loaded.value;
  const { tasks, skipped } = planTasks({ subjects: settings.subjects, adapters, scopes: options.scopes, resolutions, previouslyDeferred: plan.previouslyDeferred });
  const control = new CycleControl(options.clock ?? (() => new Date()), options.deadlineMs ?? MONITOR_DEFAULTS.deadlineMs, options.maxRateLimitRetries ?? MONITOR_DEFAULTS.maxRateLimitRetries, signal);
  const startedAt = control.now();
  const report = emptyCycleReport({ cycleId: plan.cycleId, resumed: plan.resumed, startedAt, deadlineAt: new Date(control.deadlineAt).toISOString(), accounts: tasks.length });
  report.skipped = skipped;
  if (!plan.resumed) {
    const started = await appendIfAbsent(store, 'audit', [cycleStartedEntry(plan.cycleId, startedAt, options.actor ?? MONITOR_DEFAULTS.actor, { accounts: tasks.length })]);
    if (started.isErr()) {
      control.dispose();
      return err(started.error);
    }
  }
  return ok({ plan, resolutions, tasks, skipped, control, report, startedAt });
}
