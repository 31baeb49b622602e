import type { CaseRuleError } from '../cases/case-error.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';

/** Why a case operation was refused: the procedure's reasons, or the store failed. */
export type CaseError = CaseRuleError | { type: 'store'; message: string; cause: StoreErrorV1 };

/** Wrap a store error so case callers see one error union. */
export function caseStoreError(cause: StoreErrorV1): CaseError {
  return { type: 'store', message: `penyimpanan gagal / store failed: ${cause.message}`, cause };
}
