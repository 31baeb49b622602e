import type { Account } from '@sipansos/core';
import type { AdapterCall } from '@sipansos/core/adapter-kit';
import type { AdapterErrorV1, ProfileBatchV1, ResolveBatchV1, ResolveResultV1 } from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { checkUsername, profileCapture } from './x-capture.js';
import { X_ENDPOINTS, X_USER_FIELDS } from './x-endpoints.js';
import { mapProfile } from './x-map-item.js';
import { accountProblemError } from './x-problems.js';
import { XUsersLookupSchema, type XProblem } from './x-schemas.js';

/** X's users lookups take at most 100 usernames or ids per request. */
export const X_USERS_BATCH = 100;

/** The problem X names for one username or id of a multi-user lookup (matched case-blind). */
function problemFor(errors: readonly XProblem[] | undefined, value: string): XProblem | undefined {
  const wanted = value.toLowerCase();
  return errors?.find((problem) => (problem.resource_id ?? (typeof problem.value === 'string' ? problem.value : ''))?.toLowerCase() === wanted);
}

function unnamed(what: string): AdapterErrorV1 {
  return { type: 'http', status: 200, retryable: true, message: `${what}: X neither served it nor named a problem with it` };
}

/**
 * Resolve up to 100 usernames with one `GET /2/users/by?usernames=`. X answers found users in
 * `data` and the others (missing, suspended) one by one in `errors`; a protected user is served
 * with `protected: true` and resolves as private.
 */
export async function resolveUsernames(call: AdapterCall, handles: readonly string[]): Promise<Result<ResolveBatchV1, AdapterErrorV1>> {
  const results: ResolveResultV1[] = [];
  const valid: string[] = [];
  for (const handle of handles) {
    const problem = checkUsername(handle);
    if (problem) results.push({ handle, status: 'error', error: problem });
    else valid.push(handle);
  }
  if (valid.length === 0) return ok({ results, raw: [] });
  const response = await call.json({ endpoint: X_ENDPOINTS.usersByUsernames, path: '/2/users/by', query: { usernames: valid, 'user.fields': X_USER_FIELDS }, schema: XUsersLookupSchema });
  if (response.isErr()) return err(response.error);
  const body = response.value.data;
  const served = new Map((body.data ?? []).map((user) => [user.username.toLowerCase(), user]));
  for (const handle of valid) {
    const user = served.get(handle.toLowerCase());
    if (user) {
      results.push({ handle, status: 'resolved', account: { platform: 'x', handle: user.username, id: user.id }, observation: user.protected ? 'private' : 'public', profile: mapProfile(user) });
      continue;
    }
    const problem = problemFor(body.errors, handle);
    results.push({ handle, status: 'error', error: problem ? accountProblemError(problem, `@${handle}`) : unnamed(`@${handle}`) });
  }
  return ok({ results, raw: [response.value.raw] });
}

/**
 * Read up to 100 accounts' profiles with one `GET /2/users?ids=`: each served user becomes the
 * same `profile` capture a single read gives, all citing the one raw body.
 */
export async function captureProfiles(call: AdapterCall, accounts: ReadonlyArray<Account & { id: string }>): Promise<Result<ProfileBatchV1, AdapterErrorV1>> {
  const startedAt = call.isoNow();
  const response = await call.json({ endpoint: X_ENDPOINTS.usersByIds, path: '/2/users', query: { ids: accounts.map((account) => account.id), 'user.fields': X_USER_FIELDS }, schema: XUsersLookupSchema });
  if (response.isErr()) return err(response.error);
  const body = response.value.data;
  const capturedAt = call.isoNow();
  const served = new Map((body.data ?? []).map((user) => [user.id, user]));
  const results: ProfileBatchV1['results'] = accounts.map((account) => {
    const user = served.get(account.id);
    if (user) return { accountId: account.id, capture: profileCapture(account, user, [response.value.raw], startedAt, capturedAt) };
    const problem = problemFor(body.errors, account.id);
    return { accountId: account.id, error: problem ? accountProblemError(problem, `user ${account.id}`) : unnamed(`user ${account.id}`) };
  });
  return ok({ results, requests: call.requests() });
}
