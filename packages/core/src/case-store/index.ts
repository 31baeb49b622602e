export { auditEntriesForCase } from './case-audit.js';
export { caseStoreError, type CaseError } from './case-store-error.js';
export { createCaseWorkflow, type CaseWorkflow, type CaseWorkflowSettings, type WorkflowMoveInput } from './case-workflow-store.js';
export {
  FINDING_REVIEW_ACTION,
  FINDING_REVIEW_OUTCOMES,
  FindingReviewSchema,
  MIN_DISMISSAL_REASON_CHARS,
  findingReviewEntry,
  findingReviewLedger,
  findingReviewOf,
  readFindingReviews,
  recordFindingReview,
  reviewPrecision,
  type FindingDecision,
  type FindingReview,
  type FindingReviewError,
  type FindingReviewLedger,
  type FindingReviewOutcome,
  type ReviewPrecision,
} from './finding-review.js';
