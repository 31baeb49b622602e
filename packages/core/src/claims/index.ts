export { BUILTIN_CLAIMS } from './builtin-claims.js';
export type { ClaimImportError } from './claim-error.js';
export { claimFromFields, claimSlug, type ClaimField, type ClaimFields } from './claim-from-fields.js';
export { compileClaimMatcher, DEFAULT_CLAIM_MIN_SCORE, type ClaimMatch, type ClaimMatcher, type ClaimMatchOptions } from './claim-matcher.js';
export {
  CLAIM_TOPICS,
  CLAIM_VERDICTS,
  ClaimRegistrySchema,
  ClaimReviewRefSchema,
  ClaimSchema,
  ClaimTopicSchema,
  ClaimVerdictSchema,
  type Claim,
  type ClaimInput,
  type ClaimRegistry,
  type ClaimRegistryInput,
  type ClaimReviewRef,
  type ClaimTopic,
  type ClaimVerdict,
} from './claim-schema.js';
export { importClaimReviews, type ClaimImportOptions } from './import-claim-review.js';
export { importClaimsCsv } from './import-claims-csv.js';
export { mergeClaims } from './merge-claims.js';
