import type { Capture } from '../capture/capture-schema.js';
import type { Change } from '../diff/change-schema.js';
import type { AccountState, DeletionCapabilities } from './account-state.js';
import type { DeletionOptions } from './deletion-options.js';
import { observeCapture } from './observe-capture.js';

/**
 * The changes a capture reveals against an account state (`added`, `edited`, `missing`,
 * `reappeared`, `unliked`, `unfollowed`, `profile_changed`), without keeping the new state.
 * A monitor calls `observeCapture`, which returns the same changes and the next state.
 */
export function diffCaptures(state: AccountState, capture: Capture, options?: DeletionOptions, capabilities?: DeletionCapabilities): Change[] {
  return observeCapture(state, capture, options, capabilities).changes;
}
