import type { ValidationIssue } from '../../../validation/validation-issue.js';

/**
 * Why an adapter could not look. Plain objects with a `type` discriminant (not classes, so two
 * installed copies of core still agree). A deleted post is NOT an error: it is
 * `ok({ status: 'gone' })` from `lookup`. An error means "we do not know".
 */
export type AdapterErrorV1 =
  | {
      /** The platform refused for now. Nothing may be sent before `retryAfterMs` has passed. */
      type: 'rate_limited';
      message: string;
      /** Milliseconds until a request may be made again. */
      retryAfterMs: number;
      /** Endpoint the limit applies to, when known. */
      endpoint?: string;
      /**
       * What the limit holds back: `account` — only the account (Page, Instagram account) the
       * call was about, so other accounts go on; `platform` — every call to the platform (an
       * app-wide limit); `endpoint` — calls to the same endpoint. Absent means `endpoint`.
       */
      pauses?: RateLimitPauseV1;
    }
  | {
      /** The token is missing, expired or lacks permission; or a login wall was served. */
      type: 'unauthorized';
      message: string;
      status?: number;
    }
  | {
      /** The account (or the thing asked for) does not exist on the platform. */
      type: 'not_found';
      message: string;
    }
  | {
      /** The account exists but only approved followers may see it. */
      type: 'private';
      message: string;
    }
  | {
      /** The platform suspended or deactivated the account. */
      type: 'suspended';
      message: string;
    }
  | {
      /** DNS, connection refused or reset, TLS failure. */
      type: 'network';
      message: string;
      code?: string;
    }
  | {
      /** No answer (or no complete body) within the deadline. */
      type: 'timeout';
      message: string;
      /** Which deadline ran out. */
      phase: 'headers' | 'body' | 'call';
    }
  | {
      /** Any other HTTP status. */
      type: 'http';
      message: string;
      status: number;
      /** Whether the same request may succeed later (5xx, 408). */
      retryable: boolean;
    }
  | {
      /** The body did not have the expected shape: markup or API changed, or a truncated body. */
      type: 'parse';
      message: string;
      /** sha256 of the raw body, so the drifted page can be found in the store. */
      bodySha256: string;
      issues: ValidationIssue[];
    }
  | {
      /** The caller passed something unusable (a handle with a path in it, an empty id list). */
      type: 'invalid_input';
      message: string;
      issues: ValidationIssue[];
    }
  | {
      /** The adapter does not support this (a scope, a capability). */
      type: 'unsupported';
      message: string;
    };

/** What a `rate_limited` error holds back (see {@link AdapterErrorV1}). */
export type RateLimitPauseV1 = 'account' | 'endpoint' | 'platform';

export type AdapterErrorTypeV1 = AdapterErrorV1['type'];

/** Error types after which the same request may succeed later without a change of input. */
export const RETRYABLE_ADAPTER_ERRORS: readonly AdapterErrorTypeV1[] = ['rate_limited', 'network', 'timeout'];
