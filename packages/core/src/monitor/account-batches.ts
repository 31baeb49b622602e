import { ok, safeTry, type ResultAsync } from 'neverthrow';
import { PlatformAccountIdSchema, accountKey, type Account } from '../account/account-schema.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { AdapterCaptureV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { handleKey, resolutionEntry } from './account-resolutions.js';
import { storeRaw, type AccountTask, type PipelineContext } from './account-pipeline.js';
import { appendIfAbsent } from './append-if-absent.js';
import type { ControlledCall } from './cycle-control.js';
import { addRequests } from './cycle-report.js';
import { captureIdFor } from './evidence-ids.js';
import type { MonitorOptions } from './monitor-settings.js';
import { planScopes, type ScopePlanAccount } from './scope-plan.js';

/** What a resolution answer that names the account's fate means: no single retry would differ. */
const FINAL_RESOLVE_ERRORS = new Set<AdapterErrorV1['type']>(['not_found', 'suspended', 'private', 'invalid_input']);

/** Split a list into chunks of at most `size`. */
function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

/**
 * Resolve, before the accounts run, every handle not yet known, with the adapter's
 * `resolveMany` (100 per request on X) where it has one. Each resolution is recorded as the
 * per-account path records it; a handle whose answer is final (not found, suspended) is kept
 * in `context.resolveFailures` so its account fails without asking again. Anything else (a
 * deferral, an error of the whole call, an unclear answer) leaves the handle to the per-account
 * `resolve`.
 */
export function resolveInBatches(tasks: readonly AccountTask[], context: PipelineContext): ResultAsync<void, StoreErrorV1> {
  return safeTry<void, StoreErrorV1>(async function* () {
    const { control, report, store } = context;
    const byPlatform = new Map<string, AccountTask[]>();
    for (const task of tasks) {
      const adapter = task.adapter;
      if (task.account.id || context.resolutions.has(handleKey(task.account))) continue;
      if (!adapter.resolveMany || !adapter.capabilities.maxResolveBatch) continue;
      byPlatform.set(task.account.platform, [...(byPlatform.get(task.account.platform) ?? []), task]);
    }
    for (const [platform, platformTasks] of byPlatform) {
      const adapter = platformTasks[0]!.adapter;
      const resolveMany = adapter.resolveMany!.bind(adapter);
      const accounts = new Map<string, Account>();
      for (const task of platformTasks) accounts.set(handleKey(task.account), task.account);
      for (const batch of chunks([...accounts.values()], Math.max(1, adapter.capabilities.maxResolveBatch!))) {
        const handles = batch.map((account) => account.handle);
        const result = await control.call({ key: `${platform}:resolve`, platform }, (signal) => resolveMany(handles, { signal, deadlineAt: control.deadlineAt }));
        if (result.kind !== 'ok') break;
        addRequests(report, platform, result.value.requests ?? { resolve: Math.max(1, result.value.raw.length) });
        report.accountBatches.push({ platform, kind: 'resolve', size: handles.length, requests: sum(result.value.requests) || result.value.raw.length });
        const rawBlobs = yield* storeRaw(result.value.raw, store);
        const accountOf = new Map(batch.map((account) => [account.handle.toLowerCase(), account]));
        for (const answer of result.value.results) {
          const account = accountOf.get(answer.handle.replace(/^@/, '').toLowerCase());
          if (!account) continue;
          if (answer.status === 'error') {
            if (FINAL_RESOLVE_ERRORS.has(answer.error.type)) context.resolveFailures.set(handleKey(account), answer.error);
            continue;
          }
          const id = answer.account.id;
          if (!id || !PlatformAccountIdSchema.safeParse(id).success) continue;
          yield* appendIfAbsent(store, 'audit', [resolutionEntry({ account, id, rawBlobs, at: control.now(), actor: context.actor })]);
          context.resolutions.set(handleKey(account), id);
        }
      }
    }
    return ok(undefined);
  });
}

/**
 * Read, before the accounts run, the `profile` scope of every account due for it, with the
 * adapter's `captureProfiles` (100 per request on X) where it has one. The answers wait in
 * `context.prefetchedProfiles` under their capture ids; the account pipeline takes each one
 * where it would otherwise call `capture(account, 'profile')`.
 *
 * Every capture cites the whole shared response, so the batches are cut the same way in every
 * run of a cycle: from every account due for its profile, in account-key order. A batch whose
 * profiles an interrupted run already stored is not asked again; a batch with only some of them
 * stored is asked whole (the stored captures stay as they are), so a resumed cycle stores the
 * same evidence as one never interrupted.
 */
export function captureProfilesInBatches(tasks: readonly AccountTask[], context: PipelineContext): ResultAsync<void, StoreErrorV1> {
  return safeTry<void, StoreErrorV1>(async function* () {
    const { control, report, store, cycleId } = context;
    const byPlatform = new Map<string, Array<{ account: Account & { id: string }; key: string; captureId: string }>>();
    for (const task of tasks) {
      const adapter = task.adapter;
      if (!task.scopes.includes('profile') || !adapter.captureProfiles || !adapter.capabilities.maxProfileBatch) continue;
      const id = task.account.id ?? context.resolutions.get(handleKey(task.account));
      if (!id) continue;
      const account = { ...task.account, id };
      const key = accountKey(account);
      byPlatform.set(account.platform, [...(byPlatform.get(account.platform) ?? []), { account, key, captureId: captureIdFor(cycleId, key, 'profile') }]);
    }
    for (const [platform, entries] of byPlatform) {
      const adapter = tasks.find((task) => task.account.platform === platform)!.adapter;
      const captureProfiles = adapter.captureProfiles!.bind(adapter);
      const ordered = [...new Map(entries.map((entry) => [entry.key, entry])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const batch of chunks(ordered, Math.max(1, adapter.capabilities.maxProfileBatch!))) {
        const stored = new Set<string>();
        for (const { captureId } of batch) if ((yield* store.get('capture', captureId)) !== undefined) stored.add(captureId);
        if (stored.size === batch.length) continue;
        const result = await control.call({ key: `${platform}:profiles`, platform }, (signal) => captureProfiles(batch.map((entry) => entry.account), { signal, deadlineAt: control.deadlineAt }));
        if (result.kind !== 'ok') break;
        addRequests(report, platform, result.value.requests ?? { 'capture:profile': 1 });
        report.accountBatches.push({ platform, kind: 'profile', size: batch.length, requests: sum(result.value.requests) || 1 });
        const byId = new Map(result.value.results.map((entry) => [entry.accountId, entry]));
        for (const { account, captureId } of batch) {
          const answer = byId.get(account.id);
          if (!answer || stored.has(captureId)) continue;
          const call: ControlledCall<AdapterCaptureV1> = 'capture' in answer ? { kind: 'ok', value: answer.capture } : { kind: 'error', error: answer.error };
          context.prefetchedProfiles.set(captureId, call);
        }
      }
    }
    return ok(undefined);
  });
}

/**
 * Apply the cycle's scope plan (`planScopes`) to the tasks: each account keeps the scopes due by
 * their cadence and within the platform's budget. The last successful capture of each scope is
 * read from the stored account states only when a cadence or budget is set.
 */
export function planCycleScopes(tasks: readonly AccountTask[], context: PipelineContext, options: Pick<MonitorOptions, 'scopeIntervalsMs' | 'scopeBudgets'>): ResultAsync<AccountTask[], StoreErrorV1> {
  return safeTry<AccountTask[], StoreErrorV1>(async function* () {
    const planning = options.scopeIntervalsMs !== undefined || options.scopeBudgets !== undefined;
    const accounts: ScopePlanAccount[] = [];
    for (const task of tasks) {
      const id = task.account.id ?? context.resolutions.get(handleKey(task.account));
      const key = id ? accountKey({ ...task.account, id }) : handleKey(task.account);
      const lastSuccessAt: ScopePlanAccount['lastSuccessAt'] = {};
      if (planning && id) {
        const state = (yield* context.store.get('account_state', key))?.record as { coverage?: Record<string, { lastSuccess?: { at?: string } }> } | undefined;
        for (const scope of task.scopes) {
          const at = state?.coverage?.[scope]?.lastSuccess?.at;
          if (at) lastSuccessAt[scope] = at;
        }
      }
      accounts.push({ key, platform: task.account.platform, scopes: task.scopes, lastSuccessAt });
    }
    const plan = planScopes({
      accounts,
      now: context.control.now(),
      ...(options.scopeIntervalsMs ? { intervalsMs: options.scopeIntervalsMs } : {}),
      ...(options.scopeBudgets ? { budgets: options.scopeBudgets } : {}),
    });
    context.report.plan = { lines: plan.lines, deferred: plan.deferred.length, deferredAccounts: plan.deferred.slice(0, 100) };
    return ok(tasks.map((task, index) => ({ ...task, scopes: plan.due.get(accounts[index]!.key) ?? task.scopes })));
  });
}

function sum(counts: Record<string, number> | undefined): number {
  return Object.values(counts ?? {}).reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
}
