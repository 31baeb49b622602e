import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { InvalidInputError } from '../validation/validation-issue.js';
import type { CaseState } from './case-schema.js';

/** Why a case operation was refused. Plain objects with a `type` discriminant. */
export type CaseError =
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
  | InvalidInputError
  | { type: 'store'; message: string; cause: StoreErrorV1 };

/** Wrap a store error so case callers see one error union. */
export function caseStoreError(cause: StoreErrorV1): CaseError {
  return { type: 'store', message: `penyimpanan gagal / store failed: ${cause.message}`, cause };
}
