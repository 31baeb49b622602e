import type { InvalidInputError } from '../validation/validation-issue.js';
import type { CaseState } from './case-schema.js';

/**
 * Why the case procedure refused an operation. Plain objects with a `type` discriminant. A
 * workflow on a store adds the store's own failures: `CaseError` in `case-store/`.
 */
export type CaseRuleError =
  | {
      /** The procedure does not allow this move (`CASE_TRANSITIONS`). */
      type: 'illegal_transition';
      message: string;
      caseId: string;
      from: CaseState;
      to: CaseState;
      /** The states the case may move to from `from`. */
      allowed: CaseState[];
    }
  | {
      /** The move needs a value that was not given (a reason, the violation type, the referral). */
      type: 'missing_field';
      message: string;
      caseId: string;
      field: string;
    }
  | {
      /** The case is not in a state where this is possible (e.g. closing without an answer). */
      type: 'precondition_failed';
      message: string;
      caseId: string;
    }
  | {
      /** Someone else changed the case since it was read. */
      type: 'version_conflict';
      message: string;
      caseId: string;
      expected: number;
      found: number;
    }
  | { type: 'not_found'; message: string; caseId: string }
  | { type: 'already_exists'; message: string; caseId: string }
  | InvalidInputError;
