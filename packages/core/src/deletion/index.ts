export {
  createAccountState,
  type AccountState,
  type DeletionCapabilities,
  type ItemReference,
  type ItemVersion,
  type LookupRef,
  type MissingCaptureRef,
  type PendingLookup,
  type StatusStep,
  type SuspicionEpisode,
  type TrackedItem,
} from './account-state.js';
export { diffCaptures } from './diff-captures.js';
export { coverageOf, gapReasonOf } from './coverage.js';
export { GAP_REASONS, type Coverage, type CoverageGap, type GapReason, type ScopeCoverage } from './coverage-types.js';
export { DEFAULT_DELETION_OPTIONS, resolveDeletionOptions, type DeletionOptions, type ResolvedDeletionOptions } from './deletion-options.js';
export { DELETION_STATE_TABLE, nextStatus, type Transition } from './deletion-state-table.js';
export { deletionVerdicts, findTrackedItem, verdictOf, type DeletionProof, type DeletionVerdict, type DeletionVerdictKind } from './deletion-verdicts.js';
export { ITEM_OBSERVATIONS, ITEM_STATUSES, type ItemObservation, type ItemStatus } from './item-status.js';
export { type CaptureHeader, observeCapture, observeCapturePages, type ObserveCaptureResult } from './observe-capture.js';
export { observeCaptureFailure, type CaptureFailure } from './observe-capture-failure.js';
export { observeLookups, type LookupAnswer, type LookupBatch, type ObserveLookupsResult } from './observe-lookups.js';
export { lookupIdsOf } from './pending-lookups.js';
export { requestLookups, type RequestLookupsResult } from './request-lookups.js';
export { observeEarlierVersions, versionLookupIdsOf, type ObserveEarlierVersionsResult } from './earlier-versions.js';
