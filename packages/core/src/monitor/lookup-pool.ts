import type { ResultAsync } from 'neverthrow';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { LookupResultV1, PlatformAdapterV1, RawResponseV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { CycleControl } from './cycle-control.js';

/** What one pooled lookup call told one account: only the answers to the ids it asked. */
export type PooledLookupAnswer =
  | { kind: 'ok'; asked: string[]; results: LookupResultV1[]; rawBlobs: string[] }
  | { kind: 'error'; asked: string[]; error: AdapterErrorV1 }
  | { kind: 'deferred'; asked: string[]; reason: 'rate_limited' | 'deadline' | 'interrupted'; retryAfterMs?: number }
  | { kind: 'store_failed'; asked: string[]; error: StoreErrorV1 };

/** One lookup call the pool made, for the cycle report. */
export interface PooledLookupCall {
  platform: string;
  ids: number;
  requests: number;
  accounts: number;
  outcome: 'ok' | 'error' | 'deferred';
}

interface Request {
  accountKey: string;
  ids: string[];
  answers: PooledLookupAnswer[];
  open: number;
  resolve: (answers: PooledLookupAnswer[]) => void;
}

/** What a pool needs from its cycle. */
export interface LookupPoolContext {
  control: CycleControl;
  /** Stores raw bodies once per call; every account then cites the same blobs. */
  storeRaw(raw: readonly RawResponseV1[]): ResultAsync<string[], StoreErrorV1>;
  /** Told when an account starts (+1) or stops (-1) waiting here, so its queue slot is lent meanwhile. */
  onWait(change: 1 | -1): void;
  /** Told of every call made. */
  onCall(call: PooledLookupCall, results: readonly LookupResultV1[], requests: Record<string, number>): void;
  /** Pool everything from this time (epoch ms) on: a partial batch goes out at once. */
  flushFromMs: number;
  /**
   * A partial batch goes out when no account added an id for this long (real time): an account
   * held up inside its adapter (a rate-limit wait, a slow page) must not hold the others' answers.
   */
  stallMs: number;
}

/**
 * Pools the post lookups of every account of one platform in a cycle into full batches
 * (`capabilities.maxLookupBatch` ids per call). X's posts lookup answers any post by id, whoever
 * wrote it, so one call serves many accounts; each account still receives only the answers to
 * its own ids. A partial batch goes out when no account of the platform can add more (all still
 * running are waiting here or on a rate-limit pause), or once the cycle nears its deadline.
 */
export class LookupPool {
  readonly #adapter: PlatformAdapterV1;
  readonly #context: LookupPoolContext;
  readonly #batchSize: number;
  #queue: Array<{ id: string; requests: Request[] }> = [];
  readonly #queued = new Map<string, Request[]>();
  #waiting = 0;
  #unfinished: number;
  #paused = 0;
  #inFlight = 0;
  #stallTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(adapter: PlatformAdapterV1, unfinishedAccounts: number, context: LookupPoolContext) {
    this.#adapter = adapter;
    this.#context = context;
    this.#batchSize = Math.max(1, adapter.capabilities.maxLookupBatch ?? 100);
    this.#unfinished = unfinishedAccounts;
  }

  /** Ask for `ids` on behalf of one account; resolves once every id has an answer (or a deferral). */
  request(accountKey: string, ids: readonly string[]): Promise<PooledLookupAnswer[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const request: Request = { accountKey, ids: unique, answers: [], open: unique.length, resolve };
      for (const id of unique) {
        const waiting = this.#queued.get(id);
        if (waiting) waiting.push(request);
        else {
          const requests = [request];
          this.#queued.set(id, requests);
          this.#queue.push({ id, requests });
        }
      }
      this.#waiting++;
      this.#context.onWait(1);
      this.#pump();
      this.#armStallTimer();
    });
  }

  /** An account of this platform finished: one fewer that could still add ids. */
  accountFinished(): void {
    this.#unfinished = Math.max(0, this.#unfinished - 1);
    this.#pump();
  }

  /** An account of this platform started (+1) or stopped (-1) waiting out a rate-limit pause. */
  accountPaused(change: 1 | -1): void {
    this.#paused = Math.max(0, this.#paused + change);
    this.#pump();
  }

  /** The cycle neared its deadline or stopped: send what is pooled now. */
  flush(): void {
    this.#pump(true);
  }

  #armStallTimer(): void {
    if (this.#stallTimer) clearTimeout(this.#stallTimer);
    this.#stallTimer = undefined;
    if (this.#queue.length === 0) return;
    this.#stallTimer = setTimeout(() => {
      this.#stallTimer = undefined;
      this.#pump(true);
    }, this.#context.stallMs);
    (this.#stallTimer as { unref?: () => void }).unref?.();
  }

  #pump(force = false): void {
    while (this.#queue.length >= this.#batchSize) this.#send(this.#queue.splice(0, this.#batchSize));
    if (this.#queue.length === 0) return;
    const idle = this.#waiting + this.#paused >= this.#unfinished;
    const late = this.#context.control.clock().getTime() >= this.#context.flushFromMs || this.#context.control.stopReason !== undefined;
    if (force || idle || late) {
      this.#send(this.#queue.splice(0, this.#queue.length));
      if (this.#stallTimer) clearTimeout(this.#stallTimer);
      this.#stallTimer = undefined;
    }
  }

  #send(batch: Array<{ id: string; requests: Request[] }>): void {
    for (const entry of batch) this.#queued.delete(entry.id);
    this.#inFlight++;
    void this.#call(batch).finally(() => {
      this.#inFlight--;
    });
  }

  async #call(batch: Array<{ id: string; requests: Request[] }>): Promise<void> {
    const { control } = this.#context;
    // Every account cites the whole response: in id order, the same ids give the same body
    // however the accounts' requests happened to arrive (a resumed cycle stores what a whole one did).
    const ids = batch.map((entry) => entry.id).sort();
    const platform = this.#adapter.platform;
    const lookup = this.#adapter.lookup!.bind(this.#adapter);
    const accounts = new Set(batch.flatMap((entry) => entry.requests.map((request) => request.accountKey))).size;
    const outcome = await control.call({ key: `${platform}:lookup`, platform }, (signal) => lookup(ids, { signal, deadlineAt: control.deadlineAt }));
    let answerFor: (asked: string[]) => PooledLookupAnswer;
    if (outcome.kind === 'ok') {
      const requests = outcome.value.requests ?? { lookup: Math.max(1, outcome.value.raw.length) };
      const stored = await this.#context.storeRaw(outcome.value.raw);
      const count = Object.values(requests).reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
      this.#context.onCall({ platform, ids: ids.length, requests: count, accounts, outcome: 'ok' }, outcome.value.results, requests);
      const byId = new Map<string, LookupResultV1[]>();
      for (const result of outcome.value.results) byId.set(result.id, [...(byId.get(result.id) ?? []), result]);
      answerFor = stored.isErr()
        ? (asked) => ({ kind: 'store_failed', asked, error: stored.error })
        : (asked) => ({ kind: 'ok', asked, results: asked.flatMap((id) => byId.get(id) ?? []), rawBlobs: stored.value });
    } else {
      this.#context.onCall({ platform, ids: ids.length, requests: 0, accounts, outcome: outcome.kind }, [], {});
      answerFor =
        outcome.kind === 'error'
          ? (asked) => ({ kind: 'error', asked, error: outcome.error })
          : (asked) => ({ kind: 'deferred', asked, reason: outcome.reason, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}) });
    }
    const askedBy = new Map<Request, string[]>();
    for (const entry of batch) for (const request of entry.requests) askedBy.set(request, [...(askedBy.get(request) ?? []), entry.id]);
    for (const [request, asked] of askedBy) {
      request.answers.push(answerFor(asked));
      request.open -= asked.length;
      if (request.open <= 0) {
        this.#waiting--;
        this.#context.onWait(-1);
        request.resolve(request.answers);
      }
    }
    this.#pump();
  }

  /** Calls still running (tests and shutdown read it). */
  get inFlight(): number {
    return this.#inFlight;
  }
}
