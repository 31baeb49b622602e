import { err, ok, ResultAsync, safeTry, type Err, type Result } from 'neverthrow';
import { accountKey as accountKeyOf, PlatformAccountIdSchema, type Account } from '../account/account-schema.js';
import { CaptureSchema, type Capture, type CaptureScope } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import type { DeletionOptions } from '../deletion/deletion-options.js';
import type { Change } from '../diff/change-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import type { ItemClassifierScores } from '../rules/classifier-scores.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { AdapterCaptureV1, PlatformAdapterV1, RawResponseV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { Subject } from '../subject/subject-schema.js';
import { handleKey, resolutionEntry } from './account-resolutions.js';
import { appendIfAbsent } from './append-if-absent.js';
import type { ControlledCall, CycleControl } from './cycle-control.js';
import type { LookupPool } from './lookup-pool.js';
import { addRequests, type CycleReport } from './cycle-report.js';
import { captureIdFor } from './evidence-ids.js';
import type { MonitorAccountState, MonitorEngine } from './monitor-engine.js';
import type { MonitorProgressEvent } from './monitor-events.js';

/** One account of one subject, with the adapter and scopes to read it. */
export interface AccountTask {
  subject: Subject;
  account: Account;
  adapter: PlatformAdapterV1;
  scopes: readonly CaptureScope[];
}

/** What the pipeline needs from its cycle. */
export interface PipelineContext {
  cycleId: string;
  store: EvidenceStoreV1;
  engine: MonitorEngine;
  control: CycleControl;
  report: CycleReport;
  resolutions: Map<string, string>;
  actor: string;
  maxPages: number | undefined;
  fetchMedia: boolean;
  maxMediaPerCapture: number;
  deletionOptions: DeletionOptions | undefined;
  /** Scores items with the office's classifiers before the rules run; absent when no rule reads one. Never rejects. */
  classify?: (items: readonly Item[]) => Promise<ReadonlyMap<string, ItemClassifierScores>>;
  /** One lookup pool per platform whose adapter can look items up. */
  lookupPools: ReadonlyMap<string, LookupPool>;
  /** Handles a batched resolution found final answers for (not found, suspended), by `handleKey`. */
  resolveFailures: Map<string, AdapterErrorV1>;
  /** Profile captures read in batches before the accounts ran, by capture id; each is taken once. */
  prefetchedProfiles: Map<string, ControlledCall<AdapterCaptureV1>>;
  emit(event: MonitorProgressEvent): void;
}

/** The monitor's bookkeeping, kept inside the account-state snapshot so it is written atomically with it. */
export interface MonitorProgress {
  /** The cycle `done` refers to. */
  cycleId: string;
  /** Capture ids (one per scope) whose outcome is already in this state. */
  done: string[];
  /** Media already stored, by URL, from the latest captures, so unchanged posts cost no download. */
  media: Record<string, string>;
}

const MEDIA_INDEX_LIMIT = 2_000;

/** The monitor's bookkeeping in an account-state record, if any. */
export function progressOf(state: { monitorProgress?: unknown } | undefined): MonitorProgress | undefined {
  const value = state?.monitorProgress;
  if (typeof value !== 'object' || value === null) return undefined;
  const progress = value as Partial<MonitorProgress>;
  if (typeof progress.cycleId !== 'string' || !Array.isArray(progress.done)) return undefined;
  return { cycleId: progress.cycleId, done: progress.done.filter((id): id is string => typeof id === 'string'), media: { ...(progress.media ?? {}) } };
}

function withoutProgress(state: MonitorAccountState): MonitorAccountState {
  const { monitorProgress: _dropped, ...rest } = state;
  return rest;
}

/** How one account ended in this run. */
export type AccountOutcome = 'captured' | 'failed' | 'deferred' | 'interrupted' | 'skipped';

/** One account's run: how it ended and what it added. */
export interface AccountRun {
  outcome: AccountOutcome;
  changes: number;
  findings: number;
}

const RULE_CHANGE_TYPES = new Set(['added', 'edited', 'profile_changed']);

/**
 * Run every step for one account: resolve, capture each scope (or reuse a capture an
 * interrupted run stored), diff, look up what is missing, evaluate the rules on what is new,
 * and write changes, findings and finally the account state. Each write is idempotent and the
 * state (with the list of scopes done) is written last, so a crash at any point is repaired by
 * running the same steps again. A store failure ends the account at once, as an `err`.
 */
export function runAccount(task: AccountTask, context: PipelineContext): ResultAsync<AccountRun, StoreErrorV1> {
  return safeTry(() => accountSteps(task, context));
}

/** The steps of {@link runAccount}; each `yield*` ends the account on a store error. */
async function* accountSteps(task: AccountTask, context: PipelineContext): AsyncGenerator<Err<never, StoreErrorV1>, Result<AccountRun, StoreErrorV1>> {
  const { store, engine, control, report, cycleId } = context;
  const platform = task.account.platform;
  const adapter = task.adapter;
  let account = task.account;
  const failures: string[] = [];
  const deferrals: string[] = [];
  const fail = (scope: CaptureScope | 'resolve' | 'lookup', errorType: string, message: string, key: string): void => {
    failures.push(scope);
    report.failures.push({ accountKey: key, subjectId: task.subject.id, platform, scope, errorType, message });
    context.emit({ type: 'capture_failed', cycleId, accountKey: key, scope, errorType, message, at: control.now() });
  };
  const defer = (scope: CaptureScope | 'resolve' | 'lookup', reason: 'rate_limited' | 'deadline' | 'interrupted', key: string, retryAfterMs?: number): void => {
    deferrals.push(reason);
    report.deferred.push({ accountKey: key, subjectId: task.subject.id, platform, scope, reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    context.emit({ type: 'capture_deferred', cycleId, accountKey: key, scope, reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), at: control.now() });
  };

  // 1. The account's stable id: from the subject list, an earlier cycle, or one lookup now.
  if (!account.id) {
    const known = context.resolutions.get(handleKey(account));
    if (known) account = { ...account, id: known };
  }
  if (!account.id) {
    const key = handleKey(account);
    const known = context.resolveFailures.get(key);
    if (known) {
      // A batched resolution already had the platform's final word on this handle.
      fail('resolve', known.type, known.message, key);
      yield* recordFailures(task, key, task.scopes, known.type, known.message, context);
      return ok({ outcome: 'failed', changes: 0, findings: 0 });
    }
    const resolved = await control.call({ key: `${platform}:resolve`, platform, account: key }, (signal) => adapter.resolve(account.handle, { signal, deadlineAt: control.deadlineAt }));
    if (resolved.kind === 'deferred') {
      defer('resolve', resolved.reason, key, resolved.retryAfterMs);
      return ok({ outcome: resolved.reason === 'interrupted' ? 'interrupted' : 'deferred', changes: 0, findings: 0 });
    }
    if (resolved.kind === 'error') {
      fail('resolve', resolved.error.type, resolved.error.message, key);
      yield* recordFailures(task, key, task.scopes, resolved.error.type, resolved.error.message, context);
      return ok({ outcome: 'failed', changes: 0, findings: 0 });
    }
    addRequests(report, platform, { resolve: Math.max(1, resolved.value.raw.length) });
    const rawBlobs = yield* storeRaw(resolved.value.raw, store);
    const id = resolved.value.account.id;
    if (!id || !PlatformAccountIdSchema.safeParse(id).success) {
      fail('resolve', 'parse', `the adapter resolved @${account.handle} to an unusable id ${JSON.stringify(id)}`, key);
      return ok({ outcome: 'failed', changes: 0, findings: 0 });
    }
    yield* appendIfAbsent(store, 'audit', [resolutionEntry({ account, id, rawBlobs, at: control.now(), actor: context.actor })]);
    context.resolutions.set(key, id);
    account = { ...account, id };
  }
  const key = accountKeyOf(account);
  context.emit({ type: 'account_started', cycleId, accountKey: key, subjectId: task.subject.id, platform, at: control.now() });

  // 2. The state as the last finished step left it.
  const stored = (yield* store.get('account_state', key))?.record as MonitorAccountState | undefined;
  const previousProgress = progressOf(stored);
  let state = stored ? withoutProgress(stored) : engine.createAccountState({ accountKey: key, platform, at: control.now() });
  const done = new Set(previousProgress?.cycleId === cycleId ? previousProgress.done : []);
  const pendingScopes = task.scopes.filter((scope) => !done.has(captureIdFor(cycleId, key, scope)));
  if (pendingScopes.length === 0) return ok({ outcome: 'skipped', changes: 0, findings: 0 });
  const verdictsBefore = new Map(engine.deletionVerdicts(state).map((verdict) => [verdict.itemKey, verdict.verdict]));
  const mediaIndex = previousProgress?.media ?? {};
  const nextMedia: Record<string, string> = {};
  const changes: Change[] = [];
  const findings: Finding[] = [];
  const lookupNeeded = new Set<string>();
  let progressed = false;

  // 3. Capture each scope, or take the capture an interrupted run already stored.
  for (const scope of pendingScopes) {
    const captureId = captureIdFor(cycleId, key, scope);
    let capture = (yield* store.get('capture', captureId))?.record;
    const reused = capture !== undefined;
    if (capture) {
      report.captures.reused++;
    } else {
      const prefetched = context.prefetchedProfiles.get(captureId);
      context.prefetchedProfiles.delete(captureId);
      const result = prefetched ?? await control.call({ key: `${platform}:capture:${scope}`, platform, account: key }, (signal) =>
        adapter.capture(account, scope, { signal, deadlineAt: control.deadlineAt, ...(context.maxPages !== undefined ? { maxPages: context.maxPages } : {}) }),
      );
      if (result.kind === 'deferred') {
        defer(scope, result.reason, key, result.retryAfterMs);
        if (result.reason === 'interrupted') continue;
        // Recorded as a gap in coverage, never as an absence of posts.
        state = engine.observeCaptureFailure(state, {
          scope,
          errorType: result.reason === 'rate_limited' ? 'rate_limited' : 'timeout',
          message: result.reason === 'rate_limited' ? 'deferred to the next cycle: rate limit reaches past the cycle deadline' : 'deferred to the next cycle: the cycle deadline passed',
          at: control.now(),
          ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
        }).state;
        done.add(captureId);
        progressed = true;
        continue;
      }
      if (result.kind === 'error') {
        fail(scope, result.error.type, result.error.message, key);
        state = engine.observeCaptureFailure(state, { scope, errorType: result.error.type, message: result.error.message, at: control.now(), ...(result.error.type === 'rate_limited' ? { retryAfterMs: result.error.retryAfterMs } : {}) }).state;
        done.add(captureId);
        progressed = true;
        continue;
      }
      addRequests(report, platform, result.value.requests ?? { [`capture:${scope}`]: result.value.raw.length });
      const built = yield* buildCapture(captureId, key, result.value, adapter, context, mediaIndex, nextMedia);
      if ('problem' in built) {
        fail(scope, 'parse', built.problem, key);
        state = engine.observeCaptureFailure(state, { scope, errorType: 'parse', message: built.problem, at: control.now() }).state;
        done.add(captureId);
        progressed = true;
        continue;
      }
      capture = built.capture;
      yield* store.append('capture', [capture]);
      report.captures.stored++;
    }
    for (const item of capture.items) for (const media of item.media) if (media.url && media.blobSha256) nextMedia[media.url] = media.blobSha256;
    report.captures.items += capture.items.length;
    context.emit({ type: 'capture_stored', cycleId, accountKey: key, scope, captureId, items: capture.items.length, reused, at: control.now() });

    // 4. Diff against the state; the state machine says which absences need a lookup.
    const observed = engine.observeCapture(state, capture, context.deletionOptions, adapter.capabilities);
    state = observed.state;
    changes.push(...observed.changes);
    for (const id of observed.lookupNeeded) lookupNeeded.add(id);

    // 5. Rules run on what is new or changed, so an unchanged post is not flagged again every cycle.
    const toEvaluate = observed.changes.flatMap((change) => (RULE_CHANGE_TYPES.has(change.type) && change.after ? [change.after] : []));
    const classify = context.classify;
    const scores = classify && toEvaluate.length > 0 ? yield* ResultAsync.fromSafePromise(classify(toEvaluate)) : undefined;
    for (const item of toEvaluate) findings.push(...evaluate(item, capture, task.subject, context, scores?.get(`${item.platform}:${item.id}`)));
    done.add(captureId);
    progressed = true;
  }

  // 6. Look up what went missing: only a lookup can turn an absence into a deletion. The ids go
  //    into the platform's pool, which batches them with other accounts' ids.
  //    Version ids of edit histories no capture showed ride along in the same requests.
  const pool = context.lookupPools.get(platform);
  const versionIds = progressed && adapter.capabilities.exposesEdits ? (engine.versionLookupIds?.(state) ?? []).filter((id) => !lookupNeeded.has(id)) : [];
  if ((lookupNeeded.size > 0 || versionIds.length > 0) && pool && adapter.capabilities.lookup && adapter.lookup) {
    const versionSet = new Set(versionIds);
    let stopped = false;
    for (const answer of await pool.request(key, [...lookupNeeded, ...versionIds])) {
      if (answer.kind === 'store_failed') return err(answer.error);
      if (answer.kind === 'deferred') {
        if (!stopped) defer('lookup', answer.reason, key, answer.retryAfterMs);
        stopped = true;
        continue;
      }
      if (answer.kind === 'error') {
        // "Could not look" changes nothing; the state machine asks again next cycle.
        if (!stopped) fail('lookup', answer.error.type, answer.error.message, key);
        stopped = true;
        continue;
      }
      const statuses: Record<string, number> = {};
      for (const entry of answer.results) statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
      const at = control.now();
      const pending = answer.results.filter((entry) => !versionSet.has(entry.id));
      if (pending.length > 0) {
        const observed = engine.observeLookups(state, { results: pending, rawBlobs: answer.rawBlobs, at }, context.deletionOptions);
        state = observed.state;
        changes.push(...observed.changes);
      }
      const versions = answer.results.filter((entry) => versionSet.has(entry.id));
      if (versions.length > 0 && engine.observeEarlierVersions) {
        const observed = engine.observeEarlierVersions(state, { results: versions, rawBlobs: answer.rawBlobs, at });
        state = observed.state;
        changes.push(...observed.changes);
        // A recovered version is evidence like a captured one: the rules read it too.
        for (const change of observed.changes) {
          for (const version of [change.before, change.after]) {
            if (version) findings.push(...engine.evaluateItem({ item: version, subject: task.subject, evidence: { captureId: change.captureId, rawBlobs: answer.rawBlobs }, now: at }));
          }
        }
      }
      context.emit({ type: 'lookups_done', cycleId, accountKey: key, asked: answer.asked.length, statuses, at });
    }
  }

  // 7. Write what this account produced; the state goes last and marks the scopes done.
  const newChanges = yield* appendIfAbsent(store, 'change', changes);
  const newFindings = yield* appendIfAbsent(store, 'finding', findings);
  for (const change of newChanges) report.changes[change.type] = (report.changes[change.type] ?? 0) + 1;
  for (const finding of newFindings) {
    report.findings.total++;
    report.findings.byCategory[finding.category] = (report.findings.byCategory[finding.category] ?? 0) + 1;
  }
  for (const verdict of engine.deletionVerdicts(state)) {
    if (verdict.verdict === 'deleted' && verdictsBefore.get(verdict.itemKey) !== 'deleted') {
      report.deletionsConfirmed.push({ accountKey: key, subjectId: task.subject.id, itemKey: verdict.itemKey, verdict: verdict.verdict });
    }
  }
  if (progressed) {
    const media = Object.fromEntries(Object.entries({ ...nextMedia }).slice(-MEDIA_INDEX_LIMIT));
    const progress: MonitorProgress = { cycleId, done: [...done], media };
    const record: MonitorAccountState = { ...state, accountKey: key, updatedAt: control.now(), monitorProgress: progress };
    yield* store.append('account_state', [record]);
  }
  const outcome: AccountOutcome = deferrals.includes('interrupted')
    ? 'interrupted'
    : deferrals.length > 0
      ? 'deferred'
      : failures.length > 0
        ? 'failed'
        : 'captured';
  return ok({ outcome, changes: newChanges.length, findings: newFindings.length });
}

function evaluate(item: Item, capture: Capture, subject: Subject, context: PipelineContext, classifierScores: ItemClassifierScores | undefined): Finding[] {
  const mediaBlobs = item.media.map((media) => media.blobSha256).filter((hash): hash is string => hash !== undefined);
  return context.engine.evaluateItem({ item, subject, evidence: { captureId: capture.id, rawBlobs: [...capture.rawBlobs, ...mediaBlobs] }, now: capture.capturedAt, ...(classifierScores ? { classifierScores } : {}) });
}

export function storeRaw(raw: readonly RawResponseV1[], store: EvidenceStoreV1): ResultAsync<string[], StoreErrorV1> {
  return safeTry<string[], StoreErrorV1>(async function* () {
    const hashes: string[] = [];
    for (const response of raw) hashes.push((yield* store.putBlob(response.bytes)).sha256);
    return ok(hashes);
  });
}

/** Turn what the adapter saw into a capture record: raw bodies and media stored as blobs first. */
function buildCapture(
  captureId: string,
  key: string,
  seen: AdapterCaptureV1,
  adapter: PlatformAdapterV1,
  context: PipelineContext,
  mediaIndex: Record<string, string>,
  nextMedia: Record<string, string>,
): ResultAsync<{ capture: Capture } | { problem: string }, StoreErrorV1> {
  return safeTry<{ capture: Capture } | { problem: string }, StoreErrorV1>(async function* () {
    const rawBlobs = yield* storeRaw(seen.raw, context.store);
    const items = context.fetchMedia ? (yield* fetchMedia(seen.items, adapter, context, mediaIndex, nextMedia)) : seen.items;
    const parsed = CaptureSchema.safeParse({
      id: captureId,
      adapter: { id: adapter.adapterId, version: adapter.adapterVersion },
      platform: adapter.platform,
      account: seen.account,
      accountKey: key,
      scope: seen.scope,
      startedAt: seen.startedAt,
      capturedAt: seen.capturedAt,
      status: seen.status,
      accountObservation: seen.accountObservation,
      requests: seen.raw.map((response, index) => ({
        method: response.request.method,
        url: response.request.url,
        ...(response.request.status !== undefined ? { status: response.request.status } : {}),
        at: response.request.at,
        bodySha256: rawBlobs[index],
        ...(response.request.durationMs !== undefined ? { durationMs: response.request.durationMs } : {}),
        ...(response.redactions && response.redactions.length > 0 ? { redactions: response.redactions } : {}),
      })),
      rawBlobs,
      items,
      window: seen.window,
      ...(seen.skippedHtml ? { skippedHtml: seen.skippedHtml } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return ok({ problem: `the adapter's capture does not fit the Capture schema at ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? 'invalid'}` });
    }
    return ok({ capture: parsed.data });
  });
}

function fetchMedia(
  items: readonly Item[],
  adapter: PlatformAdapterV1,
  context: PipelineContext,
  mediaIndex: Record<string, string>,
  nextMedia: Record<string, string>,
): ResultAsync<Item[], StoreErrorV1> {
  return safeTry<Item[], StoreErrorV1>(async function* () {
    const canFetch = adapter.capabilities.mediaDownload && adapter.fetchMedia !== undefined;
    let budget = context.maxMediaPerCapture;
    const out: Item[] = [];
    for (const item of items) {
      if (item.media.length === 0) {
        out.push(item);
        continue;
      }
      const media = [];
      for (const entry of item.media) {
        if (!entry.url || entry.blobSha256) {
          media.push(entry);
          continue;
        }
        const known = mediaIndex[entry.url] ?? nextMedia[entry.url];
        if (known) {
          media.push({ ...entry, blobSha256: known });
          continue;
        }
        if (!canFetch || budget <= 0 || context.control.stopReason) {
          media.push(entry);
          continue;
        }
        budget--;
        const url = entry.url;
        const result = await adapter.fetchMedia!(url, { signal: context.control.signal, deadlineAt: context.control.deadlineAt });
        if (result.isErr()) {
          context.report.media.failed++;
          media.push(entry);
          continue;
        }
        addRequests(context.report, adapter.platform, { media: 1 });
        const blob = yield* context.store.putBlob(result.value.bytes);
        context.report.media.stored++;
        nextMedia[url] = blob.sha256;
        media.push({ ...entry, blobSha256: blob.sha256, mediaType: entry.mediaType ?? result.value.mediaType });
      }
      out.push({ ...item, media });
    }
    return ok(out);
  });
}

function recordFailures(task: AccountTask, key: string, scopes: readonly CaptureScope[], errorType: string, message: string, context: PipelineContext): ResultAsync<void, StoreErrorV1> {
  return safeTry<void, StoreErrorV1>(async function* () {
    const stored = (yield* context.store.get('account_state', key))?.record as MonitorAccountState | undefined;
    const previous = progressOf(stored);
    const done = new Set(previous?.cycleId === context.cycleId ? previous.done : []);
    if (scopes.every((scope) => done.has(captureIdFor(context.cycleId, key, scope)))) return ok(undefined);
    let state = stored ? withoutProgress(stored) : context.engine.createAccountState({ accountKey: key, platform: task.account.platform, at: context.control.now() });
    for (const scope of scopes) {
      state = context.engine.observeCaptureFailure(state, { scope, errorType, message, at: context.control.now() }).state;
      done.add(captureIdFor(context.cycleId, key, scope));
    }
    const progress: MonitorProgress = { cycleId: context.cycleId, done: [...done], media: previous?.media ?? {} };
    yield* context.store.append('account_state', [{ ...state, accountKey: key, updatedAt: context.control.now(), monitorProgress: progress }]);
    return ok(undefined);
  });
}
