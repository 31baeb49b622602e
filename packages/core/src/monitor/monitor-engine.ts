import type { Platform } from '../account/account-schema.js';
import type { Capture, CaptureScope } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import type { ItemClassifierScores } from '../rules/classifier-scores.js';
import type { Change } from '../diff/change-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import type { AccountState } from '../deletion/account-state.js';
import type { DeletionOptions } from '../deletion/deletion-options.js';
import type { DeletionVerdictKind } from '../deletion/deletion-verdicts.js';
import type { Subject } from '../subject/subject-schema.js';
import type { AdapterCapabilitiesV1, LookupResultV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';

/**
 * An account state as stored: core's {@link AccountState}, plus the monitor's bookkeeping
 * (`monitorProgress`), which the deletion functions carry along untouched.
 */
export type MonitorAccountState = AccountState & { monitorProgress?: unknown };

/** One deletion verdict, as far as the monitor reads it (the rest is passed through). */
export interface MonitorDeletionVerdict {
  itemKey: string;
  verdict: DeletionVerdictKind;
}

/**
 * The pieces of core a cycle composes: the deletion state machine and the rule engine. The
 * monitor reaches them only through this seam, so the order of steps (and the crash safety that
 * order buys) is tested on its own, and the real pieces are wired in `default-engine.ts`.
 */
export interface MonitorEngine {
  createAccountState(input: { accountKey: string; platform: Platform; at: string }): MonitorAccountState;
  observeCapture(
    state: MonitorAccountState,
    capture: Capture,
    options: DeletionOptions | undefined,
    capabilities: AdapterCapabilitiesV1,
  ): { state: MonitorAccountState; changes: Change[]; lookupNeeded: string[] };
  observeLookups(
    state: MonitorAccountState,
    input: { results: LookupResultV1[]; rawBlobs: string[]; at: string },
    options: DeletionOptions | undefined,
  ): { state: MonitorAccountState; changes: Change[] };
  observeCaptureFailure(
    state: MonitorAccountState,
    input: { scope: CaptureScope; errorType: string; message?: string; at: string; retryAfterMs?: number },
  ): { state: MonitorAccountState };
  deletionVerdicts(state: MonitorAccountState): MonitorDeletionVerdict[];
  /** Version ids of edit histories no capture showed (edits between observations), to look up by id. */
  versionLookupIds?(state: MonitorAccountState): string[];
  /** Store the versions those lookups served and report the edits they reveal. */
  observeEarlierVersions?(state: MonitorAccountState, input: { results: LookupResultV1[]; rawBlobs: string[]; at: string }): { state: MonitorAccountState; changes: Change[] };
  evaluateItem(input: { item: Item; subject: Subject; evidence: { captureId: string; rawBlobs: string[] }; now: string; classifierScores?: ItemClassifierScores }): Finding[];
}
