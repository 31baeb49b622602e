import type { HttpFailure } from '@sipansos/core/adapter-kit';
import type { AdapterErrorV1, LookupResultV1 } from '@sipansos/core/spec';
import type { XProblem } from './x-schemas.js';

/** How X's words about one resource are read. */
export type XProblemKind = 'not_found' | 'suspended' | 'not_authorized' | 'other';

/**
 * Read one problem object. X's titles are stable: "Not Found Error" (deleted or never
 * existed), "Authorization Error" (protected author, or a suspended one on post lookup), and
 * "Forbidden" with "User has been suspended" for a suspended user.
 */
export function classifyProblem(problem: XProblem): XProblemKind {
  const title = (problem.title ?? '').toLowerCase();
  const detail = (problem.detail ?? '').toLowerCase();
  const type = (problem.type ?? '').toLowerCase();
  if (detail.includes('suspended')) return 'suspended';
  if (title === 'not found error') return 'not_found';
  if (title === 'authorization error' || type.endsWith('/not-authorized-for-resource')) return 'not_authorized';
  return 'other';
}

/** The words of a problem, for `reason` fields and messages. */
export function problemText(problem: XProblem): string {
  return [problem.title, problem.detail ?? problem.message].filter(Boolean).join(': ') || 'X reported a problem without details';
}

/**
 * Per-id status of a post lookup: "Not Found" → `gone`; "Authorization Error" (suspended or
 * protected author) → `hidden`; anything else → `unknown`. Never guesses `gone`.
 */
export function lookupStatusFromProblem(problem: XProblem): LookupResultV1['status'] {
  const kind = classifyProblem(problem);
  if (kind === 'not_found') return 'gone';
  if (kind === 'not_authorized' || kind === 'suspended') return 'hidden';
  return 'unknown';
}

/** The problem about the requested account itself (not about an expanded object). */
export function accountProblem(errors: readonly XProblem[] | undefined): XProblem | undefined {
  return errors?.find((problem) => problem.section !== 'includes' && (problem.resource_type === undefined || problem.resource_type === 'user'));
}

/**
 * A problem about the page itself that X does not explain (an internal error, a timeout
 * behind X's front door): not about an expanded object (`section: includes`), and not one of
 * the stable not-found / suspended / not-authorized answers. A page carrying one may lack posts.
 */
export function unexplainedPageProblem(errors: readonly XProblem[] | undefined): XProblem | undefined {
  return errors?.find((problem) => problem.section !== 'includes' && problem.parameter !== 'referenced_tweets.id' && classifyProblem(problem) === 'other');
}

/** An account-level problem as an adapter error: the account could not be read. */
export function accountProblemError(problem: XProblem, what: string): AdapterErrorV1 {
  const text = `${what}: ${problemText(problem)}`;
  switch (classifyProblem(problem)) {
    case 'not_found':
      return { type: 'not_found', message: text };
    case 'suspended':
      return { type: 'suspended', message: text };
    case 'not_authorized':
      return { type: 'private', message: text };
    default:
      return { type: 'http', status: 200, retryable: false, message: `${text} (an error X did not explain; nothing was read)` };
  }
}

/**
 * X-specific refinements of the HTTP status mapping: a 429 whose problem type is
 * `usage-capped` (the monthly pay-per-use post cap) is rate-limited until X's reset header, and
 * a 403 `client-forbidden` names the access level rather than the token.
 */
export function mapXHttpError(failure: HttpFailure): AdapterErrorV1 | undefined {
  const body = failure.json as { type?: unknown; title?: unknown; detail?: unknown } | undefined;
  const type = typeof body?.type === 'string' ? body.type : '';
  if (failure.status === 403 && type.endsWith('/client-forbidden')) {
    return { type: 'unauthorized', status: 403, message: `${failure.endpoint}: X says this app's access level does not include the endpoint (${String(body?.detail ?? 'client-forbidden')})` };
  }
  if (failure.status === 429 && type.endsWith('/usage-capped')) {
    return { type: 'rate_limited', endpoint: failure.endpoint, retryAfterMs: failure.retryAfterMs ?? 3_600_000, message: `${failure.endpoint}: X's usage cap for this billing cycle is reached` };
  }
  return undefined;
}
