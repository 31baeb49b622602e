import type { ValidationIssue } from '../../../validation/validation-issue.js';

/** Why a store operation failed. Plain objects with a `type` discriminant. */
export type StoreErrorV1 =
  | {
      /** Another process holds the writer lock. */
      type: 'locked';
      message: string;
      holder: { pid: number; host: string; since: string };
    }
  | {
      /** The store is open read-only (damage found on open, or opened as a reader). */
      type: 'read_only';
      message: string;
    }
  | {
      /**
       * A write could not be made durable (fsync failed). Nothing in the failed batch was
       * acknowledged, and the store refuses further writes until reopened.
       */
      type: 'not_durable';
      message: string;
      cause?: string;
    }
  | {
      /** Reading or writing failed at the operating-system level. */
      type: 'io';
      message: string;
      operation: string;
      code?: string;
    }
  | {
      /** Stored data does not match its hash or chain. */
      type: 'corrupt';
      message: string;
      file?: string;
      seq?: number;
      expected?: string;
      found?: string;
    }
  | {
      type: 'not_found';
      message: string;
      what: string;
      id: string;
    }
  | {
      /** A record with this id already exists with different content. Evidence is never overwritten. */
      type: 'conflict';
      message: string;
      kind: string;
      id: string;
    }
  | {
      type: 'invalid_input';
      message: string;
      issues: ValidationIssue[];
    }
  | {
      /** The store was closed, or never opened. */
      type: 'closed';
      message: string;
    }
  | {
      /** The store lacks the capability asked for. */
      type: 'unsupported';
      message: string;
    };

export type StoreErrorTypeV1 = StoreErrorV1['type'];
