import type { UnsupportedSpecificationError } from '../spec/check-specification-version.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { ValidationIssue } from '../validation/validation-issue.js';

/** Why a monitor could not be built or a cycle could not run. Plain objects with a `type`. */
export type MonitorError =
  | {
      /** A setting is missing or out of range; `issues` name each one and the fix. */
      type: 'invalid_settings';
      message: string;
      issues: ValidationIssue[];
    }
  | UnsupportedSpecificationError
  | {
      /** The store failed; the cycle stopped. Everything acknowledged before stays, and the next run resumes. */
      type: 'store';
      message: string;
      error: StoreErrorV1;
    }
  | {
      /** A defect in the monitor or in an adapter or engine that threw instead of returning a value. */
      type: 'unexpected';
      message: string;
      stack?: string;
    }
  | {
      /** `runCycle` was called while a cycle of the same monitor was running. */
      type: 'busy';
      message: string;
    };
