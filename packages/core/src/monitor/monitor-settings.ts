import type { Platform } from '../account/account-schema.js';
import type { CaptureScope } from '../capture/capture-schema.js';
import type { DeletionOptions } from '../deletion/deletion-options.js';
import type { ElectionContext } from '../election/election-context-schema.js';
import type { CompiledRules } from '../rules/compile-rules.js';
import type { TextClassifierV1 } from '../spec/text-classifier/v1/text-classifier-v1.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { Subject } from '../subject/subject-schema.js';
import type { MonitorEngine } from './monitor-engine.js';
import type { MonitorProgressListener } from './monitor-events.js';

/** How a monitor runs its cycles. Every field is optional. */
export interface MonitorOptions {
  /**
   * Scopes to capture per platform, in order. Scopes the adapter does not list in
   * `capabilities.scopes` are skipped.
   * @default every scope the adapter supports, in the order profile, timeline, likes, follows
   */
  scopes?: Partial<Record<Platform, readonly CaptureScope[]>>;
  /**
   * How often each scope is read: a scope captured successfully less than this long ago is not
   * due this cycle, e.g. `{ profile: 3_600_000, follows: 86_400_000, likes: 86_400_000 }`
   * (timeline every cycle). The cycle report's `plan` shows what was due.
   * @default every scope every cycle
   */
  scopeIntervalsMs?: Partial<Record<CaptureScope, number>>;
  /**
   * At most this many accounts per cycle read a scope on a platform, e.g.
   * `{ x: { follows: 15, likes: 75 } }` (X's per-15-minute limits). The accounts that waited
   * longest go first; the rest wait for a later cycle without counting as failures, so no
   * account is starved and no budget is overrun.
   * @default no cap
   */
  scopeBudgets?: Partial<Record<Platform, Partial<Record<CaptureScope, number>>>>;
  /**
   * How long one cycle may take. Work a rate limit would push past it is deferred to the next
   * cycle and reported as deferred (X's windows are 15 minutes, so waiting could stall a cycle).
   * @default 600_000 (10 minutes)
   */
  deadlineMs?: number;
  /** Accounts of one platform captured at the same time; the adapter's own queue still enforces its rate limits. @default 4 */
  concurrencyPerPlatform?: number;
  /** Passed to `adapter.capture` as `maxPages`. @default the adapter's default */
  maxPages?: number;
  /** Download media of captured items (when the adapter can) and store it as blobs. @default true */
  fetchMedia?: boolean;
  /** At most this many media downloads per capture. @default 20 */
  maxMediaPerCapture?: number;
  /**
   * Post lookups of all accounts of a platform are pooled into full batches (up to the adapter's
   * `maxLookupBatch` ids per call). A partial batch goes out once every account still running
   * waits for it, near the deadline, or when no account added an id for this long.
   * @default 3_000
   */
  lookupStallMs?: number;
  /** How many times a rate-limited call is retried when its wait ends before the deadline. @default 2 */
  maxRateLimitRetries?: number;
  /** Options handed to the deletion state machine (`observeCapture`, `observeLookups`). */
  deletion?: DeletionOptions;
  /** The clock; tests inject one. @default () => new Date() */
  clock?: () => Date;
  /** Receives progress events of every cycle. */
  onProgress?: MonitorProgressListener;
  /** Who the audit log names for the monitor's entries. @default 'monitor' */
  actor?: string;
}

/** What `createMonitor` needs. */
export interface MonitorSettings {
  /** Where evidence goes. Opened on the first cycle if not open yet. */
  store: EvidenceStoreV1;
  /** One adapter per platform; a subject account on a platform without an adapter is skipped and reported. */
  adapters: readonly PlatformAdapterV1[];
  /** The compiled rules: `compileRules(BUILTIN_RULE_SETS, context)` plus the office's own rule sets. */
  rules: CompiledRules;
  context: ElectionContext;
  subjects: readonly Subject[];
  /**
   * An office's own text classifiers (`createHttpClassifier`), scored before the rules read
   * them; only those a rule names (`rules.classifierIds`) are called. A slow or failing one
   * never blocks a cycle: its items go unscored and `report.classifierNotes` says so.
   */
  classifiers?: readonly TextClassifierV1[];
  options?: MonitorOptions;
  /**
   * The deletion state machine and rule engine. Defaults to core's own; tests pass a small one.
   * @internal
   */
  engine?: MonitorEngine;
}

/** Default scope order: the profile first, because it tells a private or suspended account from an empty feed. */
export const DEFAULT_SCOPE_ORDER: readonly CaptureScope[] = ['profile', 'timeline', 'likes', 'follows'];

/** Defaults of {@link MonitorOptions}. */
export const MONITOR_DEFAULTS = {
  deadlineMs: 600_000,
  concurrencyPerPlatform: 4,
  fetchMedia: true,
  maxMediaPerCapture: 20,
  maxRateLimitRetries: 2,
  lookupStallMs: 3_000,
  actor: 'monitor',
} as const;
