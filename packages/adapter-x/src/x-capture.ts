import type { Account, CaptureScope, CaptureWindow, Item, ItemAuthor } from '@sipansos/core';
import type { AdapterCall } from '@sipansos/core/adapter-kit';
import type { AdapterCaptureV1, AdapterErrorV1, CaptureOptionsV1, RawResponseV1 } from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import type { ResolvedXSettings } from './x-adapter-settings.js';
import { tweetQuery, X_ENDPOINTS, X_USER_FIELDS } from './x-endpoints.js';
import { mapFollow, mapLike, mapProfileItem, mapTweet, responseContext } from './x-map-item.js';
import { accountProblem, accountProblemError, problemText, unexplainedPageProblem } from './x-problems.js';
import { XTweetsPageSchema, XUserResponseSchema, XUsersPageSchema, type XUser } from './x-schemas.js';

/** A page that X answers with an unexplained problem is read again this many times. */
export const X_PAGE_PROBLEM_RETRIES = 2;

/** X serves at most this many of an account's most recent posts on the timeline endpoint. */
export const X_HISTORY_LIMIT = 3_200;

type CaptureResult = Result<AdapterCaptureV1, AdapterErrorV1>;

interface CaptureFrame {
  call: AdapterCall;
  account: Account & { id: string };
  settings: ResolvedXSettings;
  options: CaptureOptionsV1;
  startedAt: string;
  /** Bodies read before the capture proper (an id lookup). */
  raw: RawResponseV1[];
}

/** Read one scope of an account. Accounts without an id are first resolved by username. */
export async function captureX(call: AdapterCall, account: Account, scope: CaptureScope, options: CaptureOptionsV1, settings: ResolvedXSettings): Promise<CaptureResult> {
  const startedAt = call.isoNow();
  const raw: RawResponseV1[] = [];
  let id = account.id;
  let handle = account.handle;
  if (!id) {
    const handleProblem = checkUsername(account.handle);
    if (handleProblem) return err(handleProblem);
    const user = await fetchUser(call, { username: account.handle });
    if (user.isErr()) return err(user.error);
    raw.push(user.value.raw);
    id = user.value.user.id;
    handle = user.value.user.username;
  }
  if (!/^\d{1,20}$/.test(id)) return err({ type: 'invalid_input', message: `capture: X account ids are numeric, got "${id}"`, issues: [{ path: 'account.id', message: 'expected digits only' }] });
  const frame: CaptureFrame = { call, account: { ...account, id, handle }, settings, options, startedAt, raw };
  switch (scope) {
    case 'timeline':
      return captureTimeline(frame);
    case 'likes':
      return captureLikes(frame);
    case 'follows':
      return captureFollows(frame);
    case 'profile':
      return captureProfile(frame);
  }
}

/** X usernames: letters, digits and `_`, at most 15 characters. */
export function checkUsername(username: string): AdapterErrorV1 | undefined {
  if (/^[A-Za-z0-9_]{1,15}$/.test(username)) return undefined;
  const message = `"${username}" cannot be an X username (letters, digits and "_" only, at most 15 characters)`;
  return { type: 'invalid_input', message, issues: [{ path: 'handle', message }] };
}

/** Look a user up by username or id. Account-level problems become errors. */
export async function fetchUser(call: AdapterCall, by: { username: string } | { id: string }): Promise<Result<{ user: XUser; raw: RawResponseV1 }, AdapterErrorV1>> {
  const request =
    'username' in by
      ? { endpoint: X_ENDPOINTS.userByUsername, path: `/2/users/by/username/${encodeURIComponent(by.username)}` }
      : { endpoint: X_ENDPOINTS.userById, path: `/2/users/${by.id}` };
  const response = await call.json({ ...request, query: { 'user.fields': X_USER_FIELDS }, schema: XUserResponseSchema });
  if (response.isErr()) return err(response.error);
  const body = response.value.data;
  if (body.data) return ok({ user: body.data, raw: response.value.raw });
  const problem = accountProblem(body.errors);
  const what = 'username' in by ? `@${by.username}` : `user ${by.id}`;
  if (problem) return err(accountProblemError(problem, what));
  return err({ type: 'parse', message: `${request.endpoint}: neither data nor errors in the answer for ${what}`, bodySha256: response.value.bodySha256, issues: [{ path: 'data', message: 'missing' }] });
}

function ownAuthor(account: Account & { id: string }): ItemAuthor {
  return { id: account.id, handle: account.handle };
}

function edges(items: readonly Item[]): Pick<CaptureWindow, 'newest' | 'oldest'> {
  const first = items[0];
  const last = items.at(-1);
  const out: Pick<CaptureWindow, 'newest' | 'oldest'> = {};
  if (first) out.newest = first.createdAt ? { id: first.id, at: first.createdAt } : { id: first.id };
  if (last) out.oldest = last.createdAt ? { id: last.id, at: last.createdAt } : { id: last.id };
  return out;
}

function finish(frame: CaptureFrame, scope: CaptureScope, fields: Pick<AdapterCaptureV1, 'status' | 'items' | 'window' | 'raw'> & { accountObservation?: AdapterCaptureV1['accountObservation'] }): CaptureResult {
  return ok({
    account: frame.account,
    scope,
    status: fields.status,
    accountObservation: fields.accountObservation ?? 'public',
    items: fields.items,
    window: fields.window,
    raw: [...frame.raw, ...fields.raw],
    startedAt: frame.startedAt,
    capturedAt: frame.call.isoNow(),
    requests: frame.call.requests(),
    estimatedCostUsd: frame.call.estimatedCostUsd(),
  });
}

/**
 * The timeline, newest first, page by page. The window is complete between its newest and
 * oldest post when every page was read; it records why paging stopped: the start of the
 * history, `since_id`, the page or item cap, X's 3,200-post limit, or an error midway.
 */
async function captureTimeline(frame: CaptureFrame): Promise<CaptureResult> {
  const { call, account, settings, options } = frame;
  const maxPages = options.maxPages ?? settings.timelineMaxPages;
  const items: Item[] = [];
  const raw: RawResponseV1[] = [];
  let token: string | undefined;
  let seen = 0;
  let retries = 0;
  for (let page = 0; ; page++) {
    const response = await call.json({
      endpoint: X_ENDPOINTS.userTweets,
      path: `/2/users/${account.id}/tweets`,
      query: { max_results: settings.pageSize, since_id: options.sinceId, pagination_token: token, ...tweetQuery() },
      schema: XTweetsPageSchema,
    });
    if (response.isErr()) {
      if (page === 0) return err(response.error);
      return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false, cutBy: 'error', ...edges(items), ...since(options) } });
    }
    const body = response.value.data;
    raw.push(response.value.raw);
    // A 200 that carries an unexplained problem about the page itself is not the whole page:
    // read it again (the body stays as evidence); if it persists, nothing past it is proven.
    const pageProblem = unexplainedPageProblem(body.errors);
    if (pageProblem && retries < X_PAGE_PROBLEM_RETRIES) {
      retries++;
      page--;
      continue;
    }
    if (pageProblem) {
      const text = `timeline of user ${account.id}, page ${page + 1}: X answered 200 with a problem (${call.redact(problemText(pageProblem))}) ${retries + 1} times`;
      if (items.length === 0 && !body.data?.length) return err({ type: 'http', status: 200, retryable: true, message: `${text}; nothing was read` });
      const context = responseContext(body.includes, body.errors);
      for (const tweet of body.data ?? []) items.push(mapTweet(tweet, context, ownAuthor(account)));
      return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false, cutBy: 'error', ...edges(items), ...since(options) } });
    }
    if (!body.data && page === 0) {
      const problem = accountProblem(body.errors);
      if (problem) return err(accountProblemError(problem, `timeline of user ${account.id}`));
    }
    const context = responseContext(body.includes, body.errors);
    for (const tweet of body.data ?? []) {
      items.push(mapTweet(tweet, context, ownAuthor(account)));
      seen++;
      if (options.maxItems !== undefined && items.length >= options.maxItems) {
        return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: true, reachedEnd: false, cutBy: 'item_limit', ...edges(items), ...since(options) } });
      }
    }
    token = body.meta?.next_token;
    if (token && page + 1 < maxPages) continue;
    if (token) {
      return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: true, reachedEnd: false, cutBy: 'page_limit', ...edges(items), ...since(options) } });
    }
    if (options.sinceId) {
      return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: true, reachedEnd: false, cutBy: 'since_id', ...edges(items), ...since(options) } });
    }
    if (seen === 0) {
      // An empty first page can be X's flakiness as well as an empty account: never let it
      // stand for "every post is gone".
      return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false } });
    }
    if (seen >= X_HISTORY_LIMIT - settings.pageSize) {
      return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: true, reachedEnd: false, cutBy: 'platform_limit', ...edges(items) } });
    }
    return finish(frame, 'timeline', { status: 'ok', items, raw, window: { complete: true, reachedEnd: true, ...edges(items) } });
  }
}

function since(options: CaptureOptionsV1): Pick<CaptureWindow, 'sinceId'> {
  return options.sinceId ? { sinceId: options.sinceId } : {};
}

/**
 * Liked posts. X made likes private in June 2024: for another account the endpoint answers
 * with nothing usable, which is reported as `unavailable` — never as "everything was unliked".
 */
async function captureLikes(frame: CaptureFrame): Promise<CaptureResult> {
  const { call, account, settings, options } = frame;
  const maxPages = options.maxPages ?? settings.likesMaxPages;
  const items: Item[] = [];
  const raw: RawResponseV1[] = [];
  const unavailable = (why: AdapterCaptureV1['window']) => finish(frame, 'likes', { status: 'unavailable', items: [], raw, window: why });
  let token: string | undefined;
  for (let page = 0; ; page++) {
    const response = await call.json({
      endpoint: X_ENDPOINTS.likedTweets,
      path: `/2/users/${account.id}/liked_tweets`,
      query: { max_results: settings.pageSize, pagination_token: token, ...tweetQuery() },
      schema: XTweetsPageSchema,
    });
    if (response.isErr()) {
      // A 403 here is X withholding likes from this app, not a broken token.
      if (page === 0 && response.error.type === 'unauthorized' && response.error.status === 403) return unavailable({ complete: false, reachedEnd: false });
      if (page === 0) return err(response.error);
      return finish(frame, 'likes', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false, cutBy: 'error' } });
    }
    raw.push(response.value.raw);
    const body = response.value.data;
    if (page === 0 && (!body.data || body.data.length === 0)) {
      const problem = accountProblem(body.errors);
      if (problem && (problem.title ?? '').toLowerCase() === 'not found error') return err(accountProblemError(problem, `likes of user ${account.id}`));
      return unavailable({ complete: false, reachedEnd: false });
    }
    const context = responseContext(body.includes, body.errors);
    for (const tweet of body.data ?? []) items.push(mapLike(tweet, context, ownAuthor(account)));
    token = body.meta?.next_token;
    if (!token) return finish(frame, 'likes', { status: 'ok', items, raw, window: { complete: true, reachedEnd: true } });
    if (page + 1 >= maxPages) return finish(frame, 'likes', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false, cutBy: 'page_limit' } });
  }
}

/**
 * Accounts followed, 1,000 per page. The list has no time order, so only a list read to its end
 * is `complete` (an unfollow can only be told from a complete list).
 */
async function captureFollows(frame: CaptureFrame): Promise<CaptureResult> {
  const { call, account, settings, options } = frame;
  const maxPages = options.maxPages ?? settings.followsMaxPages;
  const items: Item[] = [];
  const raw: RawResponseV1[] = [];
  let token: string | undefined;
  for (let page = 0; ; page++) {
    const response = await call.json({
      endpoint: X_ENDPOINTS.following,
      path: `/2/users/${account.id}/following`,
      query: { max_results: 1000, pagination_token: token, 'user.fields': X_USER_FIELDS },
      schema: XUsersPageSchema,
    });
    if (response.isErr()) {
      if (page === 0 && response.error.type === 'unauthorized' && response.error.status === 403) {
        return finish(frame, 'follows', { status: 'unavailable', items: [], raw, window: { complete: false, reachedEnd: false } });
      }
      if (page === 0) return err(response.error);
      return finish(frame, 'follows', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false, cutBy: 'error' } });
    }
    raw.push(response.value.raw);
    const body = response.value.data;
    if (page === 0 && !body.data) {
      const problem = accountProblem(body.errors);
      if (problem) return err(accountProblemError(problem, `follows of user ${account.id}`));
    }
    for (const user of body.data ?? []) items.push(mapFollow(user, ownAuthor(account)));
    token = body.meta?.next_token;
    if (!token) return finish(frame, 'follows', { status: 'ok', items, raw, window: { complete: true, reachedEnd: true } });
    if (page + 1 >= maxPages) return finish(frame, 'follows', { status: 'ok', items, raw, window: { complete: false, reachedEnd: false, cutBy: 'page_limit' } });
  }
}

/** The profile as one `profile` item. */
async function captureProfile(frame: CaptureFrame): Promise<CaptureResult> {
  const user = await fetchUser(frame.call, { id: frame.account.id });
  if (user.isErr()) return err(user.error);
  const capture = profileCapture(frame.account, user.value.user, [...frame.raw, user.value.raw], frame.startedAt, frame.call.isoNow());
  return ok({ ...capture, requests: frame.call.requests(), estimatedCostUsd: frame.call.estimatedCostUsd() });
}

/** One account's `profile` capture from a served user object. */
export function profileCapture(account: Account & { id: string }, user: XUser, raw: AdapterCaptureV1['raw'], startedAt: string, capturedAt: string): AdapterCaptureV1 {
  const item = mapProfileItem(user);
  return {
    account: { ...account, handle: user.username },
    scope: 'profile',
    status: 'ok',
    accountObservation: user.protected ? 'private' : 'public',
    items: [item],
    window: { complete: true, reachedEnd: true, newest: { id: item.id }, oldest: { id: item.id } },
    raw,
    startedAt,
    capturedAt,
    // Counted once for the whole batch (ProfileBatchV1.requests), not per account.
    requests: {},
  };
}
