import type { ValidationIssue } from '../validation/validation-issue.js';

/**
 * Claims that could not be read: a CSV row or a ClaimReview that lacks what a claim needs. Each
 * issue names the row (CSV, 1-based, the header is row 1) or the item (`[2]` in a JSON-LD list)
 * and the field, and says what to write instead.
 */
export interface ClaimImportError {
  type: 'invalid_claims';
  /** What was being read, e.g. `claims.csv` or `cekfakta.jsonld`. */
  source: string;
  message: string;
  issues: ValidationIssue[];
}

export function claimImportError(source: string, issues: ValidationIssue[]): ClaimImportError {
  const first = issues[0];
  return {
    type: 'invalid_claims',
    source,
    message: first ? `${source}: ${first.path}: ${first.message}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}` : `${source}: no claims`,
    issues,
  };
}
