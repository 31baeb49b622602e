import { compareNumericIds } from './world-ids.js';
import { indexOf, type WorldIndex } from './world-index.js';
import type { SimulatedWorld, WorldAccount, WorldEndpoint, WorldPost, WorldPostVersion } from './world-model.js';
import { decodeCursor, encodeCursor, jsonResponse, mediaResponse, type WorldRequest, type WorldResponse } from './world-http.js';
import { failureAt, feedAt, statusAt } from './world-timeline.js';
import { versionAt } from './world-builder.js';

// The X API v2 as documented (docs.x.com): objects carry only default fields unless asked for
// with `tweet.fields` / `user.fields` / `media.fields`; expansions go to `includes`; per-item
// problems go to a top-level `errors` array of problem objects beside a 200; request-level
// problems are `application/problem+json` bodies with `title`, `detail`, `type`, `status`.

const PROBLEM = 'application/problem+json';
const NOT_FOUND_TYPE = 'https://api.twitter.com/2/problems/resource-not-found';
const NOT_AUTHORIZED_TYPE = 'https://api.twitter.com/2/problems/not-authorized-for-resource';
const INVALID_REQUEST_TYPE = 'https://api.twitter.com/2/problems/invalid-request';

interface XContext {
  world: SimulatedWorld;
  index: WorldIndex;
  request: WorldRequest;
  cycle: number;
  origin: string;
  tweetFields: Set<string>;
  userFields: Set<string>;
  mediaFields: Set<string>;
  expansions: Set<string>;
}

/** Answers one request to the simulated X API v2. */
export function handleXRequest(world: SimulatedWorld, request: WorldRequest): WorldResponse {
  const media = mediaResponse(request, world.mediaBytes);
  if (media) return media;
  const path = request.url.pathname.replace(/\/+$/, '');
  const route = matchRoute(path);
  if (!route || request.method !== 'GET') {
    return jsonResponse(404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] });
  }
  const authorization = request.header('authorization') ?? '';
  const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
  if (!token || (world.options.xBearerToken !== undefined && token !== world.options.xBearerToken)) {
    return jsonResponse(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }, { 'content-type': PROBLEM });
  }
  const budget = world.takeRequest(route.endpoint);
  const rateHeaders = {
    'x-rate-limit-limit': String(budget.limit),
    'x-rate-limit-remaining': String(budget.remaining),
    'x-rate-limit-reset': String(Math.ceil(budget.resetAtMs / 1000)),
  };
  if (!budget.allowed) {
    return jsonResponse(429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, { ...rateHeaders, 'content-type': PROBLEM });
  }
  const query = request.url.searchParams;
  const context: XContext = {
    world,
    index: indexOf(world),
    request,
    cycle: world.currentCycle(),
    origin: request.url.origin,
    tweetFields: listParameter(query.get('tweet.fields')),
    userFields: listParameter(query.get('user.fields')),
    mediaFields: listParameter(query.get('media.fields')),
    expansions: listParameter(query.get('expansions')),
  };
  const response = route.handle(context, route.parameter);
  return { ...response, headers: { ...rateHeaders, ...response.headers } };
}

interface Route {
  endpoint: WorldEndpoint;
  parameter: string;
  handle: (context: XContext, parameter: string) => WorldResponse;
}

function matchRoute(path: string): Route | undefined {
  let match: RegExpExecArray | null;
  if ((match = /^\/2\/users\/by\/username\/([^/]+)$/.exec(path))) return { endpoint: 'x_user_lookup', parameter: decodeURIComponent(match[1]!), handle: userByUsername };
  if (path === '/2/users/by') return { endpoint: 'x_user_lookup', parameter: '', handle: usersByUsernames };
  if ((match = /^\/2\/users\/(\d+)\/tweets$/.exec(path))) return { endpoint: 'x_user_tweets', parameter: match[1]!, handle: userTweets };
  if ((match = /^\/2\/users\/(\d+)\/liked_tweets$/.exec(path))) return { endpoint: 'x_liked_tweets', parameter: match[1]!, handle: likedTweets };
  if ((match = /^\/2\/users\/(\d+)\/following$/.exec(path))) return { endpoint: 'x_following', parameter: match[1]!, handle: following };
  if ((match = /^\/2\/users\/(\d+)$/.exec(path))) return { endpoint: 'x_user_lookup', parameter: match[1]!, handle: userById };
  if (path === '/2/users') return { endpoint: 'x_user_lookup', parameter: '', handle: usersByIds };
  if (path === '/2/tweets') return { endpoint: 'x_tweet_lookup', parameter: '', handle: tweetsByIds };
  if ((match = /^\/2\/tweets\/(\d+)$/.exec(path))) return { endpoint: 'x_tweet_lookup', parameter: match[1]!, handle: tweetById };
  return undefined;
}

function listParameter(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean));
}

function invalidRequest(parameter: string, value: string, message: string): WorldResponse {
  return jsonResponse(400, {
    errors: [{ parameters: { [parameter]: [value] }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: INVALID_REQUEST_TYPE,
  });
}

function maxResults(context: XContext, min: number, max: number, fallback: number): number | WorldResponse {
  const raw = context.request.url.searchParams.get('max_results');
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    return invalidRequest('max_results', raw, `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`);
  }
  return value;
}

// --- problems ---------------------------------------------------------------------------------

function userNotFound(value: string, parameter: string): Record<string, string> {
  const detail = parameter === 'username' || parameter === 'usernames' ? `Could not find user with ${parameter}: [${value}].` : `Could not find user with id: [${value}].`;
  return { value, detail, title: 'Not Found Error', resource_type: 'user', parameter, resource_id: value, type: NOT_FOUND_TYPE };
}

function userSuspended(value: string, parameter: string): Record<string, string> {
  return { value, detail: `User has been suspended: [${value}].`, title: 'Forbidden', resource_type: 'user', parameter, resource_id: value, type: NOT_FOUND_TYPE };
}

function userNotAuthorized(value: string, parameter: string): Record<string, string> {
  return { value, detail: `Sorry, you are not authorized to see the user with id: [${value}].`, title: 'Authorization Error', resource_type: 'user', parameter, resource_id: value, type: NOT_AUTHORIZED_TYPE };
}

function tweetNotFound(id: string, parameter: string): Record<string, string> {
  return { value: id, detail: `Could not find tweet with ${parameter}: [${id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter, resource_id: id, type: NOT_FOUND_TYPE };
}

function tweetNotAuthorized(id: string, parameter: string): Record<string, string> {
  return { value: id, detail: `Sorry, you are not authorized to see the Tweet with ${parameter}: [${id}].`, title: 'Authorization Error', resource_type: 'tweet', parameter, resource_id: id, section: 'data', type: NOT_AUTHORIZED_TYPE };
}

/** A problem about the request itself that X does not explain, beside a 200. */
function internalProblem(): Record<string, string> {
  return { title: 'Internal Error', detail: 'Something went wrong serving this page; try again.', type: 'about:blank' };
}

function serverError(status: 500 | 503): WorldResponse {
  const title = status === 503 ? 'Service Unavailable' : 'Internal Server Error';
  return jsonResponse(status, { title, detail: title, type: 'about:blank', status }, { 'content-type': PROBLEM });
}

// --- users ------------------------------------------------------------------------------------

function xAccount(context: XContext, id: string): WorldAccount | undefined {
  const account = context.index.accountById.get(id);
  return account?.platform === 'x' ? account : undefined;
}

function userObject(context: XContext, account: WorldAccount): Record<string, unknown> {
  const user: Record<string, unknown> = { id: account.id, name: account.displayName, username: account.handle };
  const fields = context.userFields;
  if (fields.has('created_at')) user.created_at = account.createdAt;
  if (fields.has('description')) user.description = account.bio;
  if (fields.has('protected')) user.protected = statusAt(account, context.cycle) === 'private';
  if (fields.has('verified')) user.verified = account.verified;
  if (fields.has('location')) user.location = 'Lembah Harapan';
  if (fields.has('url')) user.url = '';
  if (fields.has('profile_image_url')) user.profile_image_url = `${context.origin}/__media/pfp_${account.id}.png`;
  if (fields.has('public_metrics')) {
    const tweetCount = (context.index.postsByAccount.get(account.id) ?? []).filter((post) => versionAt(post, context.cycle)).length;
    user.public_metrics = { followers_count: account.followers, following_count: account.following, tweet_count: tweetCount, listed_count: 0, like_count: 0 };
  }
  return user;
}

/** A user lookup answer: the user, or a problem beside a 200 as X does for a missing/suspended user. */
function lookupUser(context: XContext, account: WorldAccount | undefined, value: string, parameter: string): { data?: Record<string, unknown>; error?: Record<string, string> } {
  if (!account) return { error: userNotFound(value, parameter) };
  if (statusAt(account, context.cycle) === 'suspended') return { error: userSuspended(value, parameter) };
  return { data: userObject(context, account) };
}

function userByUsername(context: XContext, username: string): WorldResponse {
  if (!/^[A-Za-z0-9_]{1,15}$/.test(username)) return invalidRequest('username', username, `The \`username\` query parameter value [${username}] does not match ^[A-Za-z0-9_]{1,15}$`);
  const found = lookupUser(context, context.index.accountByHandle.get(`x:${username.toLowerCase()}`), username, 'username');
  return jsonResponse(200, found.data ? { data: found.data } : { errors: [found.error] });
}

function usersByUsernames(context: XContext): WorldResponse {
  const usernames = listParameter(context.request.url.searchParams.get('usernames'));
  if (usernames.size === 0 || usernames.size > 100) return invalidRequest('usernames', [...usernames].join(','), 'The `usernames` query parameter must hold 1 to 100 usernames');
  const data: Record<string, unknown>[] = [];
  const errors: Record<string, string>[] = [];
  for (const username of usernames) {
    const found = lookupUser(context, context.index.accountByHandle.get(`x:${username.toLowerCase()}`), username, 'usernames');
    if (found.data) data.push(found.data);
    if (found.error) errors.push(found.error);
  }
  return jsonResponse(200, { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) });
}

function usersByIds(context: XContext): WorldResponse {
  const ids = listParameter(context.request.url.searchParams.get('ids'));
  if (ids.size === 0 || ids.size > 100) return invalidRequest('ids', [...ids].join(','), 'The `ids` query parameter must hold 1 to 100 ids');
  const bad = [...ids].find((id) => !/^\d{1,19}$/.test(id));
  if (bad) return invalidRequest('ids', bad, `The \`ids\` query parameter value [${bad}] does not match ^[0-9]{1,19}$`);
  const data: Record<string, unknown>[] = [];
  const errors: Record<string, string>[] = [];
  for (const id of ids) {
    const found = lookupUser(context, xAccount(context, id), id, 'ids');
    if (found.data) data.push(found.data);
    if (found.error) errors.push(found.error);
  }
  return jsonResponse(200, { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) });
}

function userById(context: XContext, id: string): WorldResponse {
  const found = lookupUser(context, xAccount(context, id), id, 'id');
  return jsonResponse(200, found.data ? { data: found.data } : { errors: [found.error] });
}

/** The account whose lists are read, or the 200-with-errors X answers for a missing, suspended or protected one. */
function readableAccount(context: XContext, id: string): WorldAccount | WorldResponse {
  const account = xAccount(context, id);
  if (!account) return jsonResponse(200, { errors: [userNotFound(id, 'id')] });
  const status = statusAt(account, context.cycle);
  if (status === 'suspended') return jsonResponse(200, { errors: [userSuspended(id, 'id')] });
  if (status === 'private') return jsonResponse(200, { errors: [userNotAuthorized(id, 'id')] });
  return account;
}

// --- tweets -----------------------------------------------------------------------------------

function visibleVersions(post: WorldPost, cycle: number): WorldPostVersion[] {
  return post.versions.filter((version) => version.fromCycle <= cycle);
}

function tweetObject(context: XContext, post: WorldPost, version: WorldPostVersion): Record<string, unknown> {
  const fields = context.tweetFields;
  const history = visibleVersions(post, context.cycle).map((entry) => entry.id);
  const tweet: Record<string, unknown> = { id: version.id, text: version.text, edit_history_tweet_ids: history };
  const target = post.target ? context.index.postByVersionId.get(post.target.postId) : undefined;
  const targetId = target ? (versionAt(target, context.cycle)?.id ?? target.id) : undefined;
  if (fields.has('created_at')) tweet.created_at = version.at;
  if (fields.has('author_id')) tweet.author_id = post.accountId;
  if (fields.has('lang')) tweet.lang = 'in';
  if (fields.has('possibly_sensitive')) tweet.possibly_sensitive = false;
  if (fields.has('conversation_id')) tweet.conversation_id = post.kind === 'reply' && targetId ? targetId : version.id;
  if (fields.has('in_reply_to_user_id') && post.kind === 'reply' && post.target) tweet.in_reply_to_user_id = post.target.accountId;
  if (fields.has('referenced_tweets') && targetId) {
    tweet.referenced_tweets = [{ type: post.kind === 'repost' ? 'retweeted' : post.kind === 'quote' ? 'quoted' : 'replied_to', id: targetId }];
  }
  if (fields.has('attachments') && post.media.length > 0) tweet.attachments = { media_keys: post.media.map((media) => media.key) };
  if (fields.has('entities')) {
    const entities = tweetEntities(context, version.text);
    if (entities) tweet.entities = entities;
  }
  if (fields.has('public_metrics')) {
    tweet.public_metrics = { retweet_count: post.shareCount, reply_count: post.replyCount, like_count: post.likeCount, quote_count: 0, bookmark_count: 0, impression_count: post.likeCount * 20 + 7 };
  }
  if (fields.has('edit_controls')) {
    const first = post.versions[0]!;
    tweet.edit_controls = { edits_remaining: Math.max(0, 5 - (history.length - 1)), is_edit_eligible: post.kind === 'post', editable_until: new Date(Date.parse(first.at) + 3_600_000).toISOString() };
  }
  return tweet;
}

/** Hashtags and mentions with offsets counted in Unicode code points, as X v2 counts them. */
function tweetEntities(context: XContext, text: string): Record<string, unknown> | undefined {
  const codePoints = Array.from(text);
  const hashtags: Record<string, unknown>[] = [];
  const mentions: Record<string, unknown>[] = [];
  for (let index = 0; index < codePoints.length; index++) {
    const char = codePoints[index]!;
    const previous = index > 0 ? codePoints[index - 1]! : ' ';
    if ((char === '#' || char === '@') && !/[A-Za-z0-9_]/.test(previous)) {
      let end = index + 1;
      while (end < codePoints.length && /^[A-Za-z0-9_]$/.test(codePoints[end]!)) end++;
      const word = codePoints.slice(index + 1, end).join('');
      if (word.length > 0) {
        if (char === '#') hashtags.push({ start: index, end, tag: word });
        else {
          const mentioned = context.index.accountByHandle.get(`x:${word.toLowerCase()}`);
          mentions.push({ start: index, end, username: word, ...(mentioned ? { id: mentioned.id } : {}) });
        }
      }
    }
  }
  if (hashtags.length === 0 && mentions.length === 0) return undefined;
  return { ...(hashtags.length ? { hashtags } : {}), ...(mentions.length ? { mentions } : {}) };
}

function mediaObject(context: XContext, key: string, media: WorldPost['media'][number]): Record<string, unknown> {
  const object: Record<string, unknown> = { media_key: key, type: media.type };
  const url = `${context.origin}/__media/${key}.png`;
  if (context.mediaFields.has('url') && media.type === 'photo') object.url = url;
  if (context.mediaFields.has('preview_image_url')) object.preview_image_url = url;
  if (context.mediaFields.has('alt_text') && media.altText) object.alt_text = media.altText;
  if (context.mediaFields.has('width')) object.width = 1;
  if (context.mediaFields.has('height')) object.height = 1;
  return object;
}

/**
 * `includes` for a list of tweets, by the requested expansions. A referenced post X cannot include
 * (deleted, or its author not public) is named in `problems`, as X names it in `errors`.
 */
function includesFor(context: XContext, tweets: { post: WorldPost; version: WorldPostVersion }[], problems: Record<string, string>[] = []): Record<string, unknown> | undefined {
  const users = new Map<string, Record<string, unknown>>();
  const referenced = new Map<string, Record<string, unknown>>();
  const media = new Map<string, Record<string, unknown>>();
  const addUser = (accountId: string): void => {
    const account = context.index.accountById.get(accountId);
    if (account && !users.has(accountId)) users.set(accountId, userObject(context, account));
  };
  for (const { post } of tweets) {
    if (context.expansions.has('author_id')) addUser(post.accountId);
    if (context.expansions.has('attachments.media_keys')) for (const item of post.media) media.set(item.key, mediaObject(context, item.key, item));
    if (post.target && (context.expansions.has('referenced_tweets.id') || context.expansions.has('referenced_tweets.id.author_id'))) {
      const target = context.index.postByVersionId.get(post.target.postId);
      const version = target ? versionAt(target, context.cycle) : undefined;
      const targetPublic = target !== undefined && statusAt(context.index.accountById.get(target.accountId)!, context.cycle) === 'public';
      if (target && version && targetPublic) {
        if (context.expansions.has('referenced_tweets.id')) referenced.set(version.id, tweetObject(context, target, version));
        if (context.expansions.has('referenced_tweets.id.author_id')) addUser(target.accountId);
      } else if (target && context.expansions.has('referenced_tweets.id') && !problems.some((problem) => problem.resource_id === (version?.id ?? target.id))) {
        const id = version?.id ?? target.id;
        problems.push(version ? tweetNotAuthorized(id, 'referenced_tweets.id') : tweetNotFound(id, 'referenced_tweets.id'));
      }
    }
    if (post.kind === 'reply' && post.target && context.expansions.has('in_reply_to_user_id')) addUser(post.target.accountId);
  }
  const includes: Record<string, unknown> = {};
  if (users.size) includes.users = [...users.values()];
  if (referenced.size) includes.tweets = [...referenced.values()];
  if (media.size) includes.media = [...media.values()];
  return Object.keys(includes).length ? includes : undefined;
}

function userTweets(context: XContext, id: string): WorldResponse {
  const account = readableAccount(context, id);
  if (!('platform' in account)) return account;
  const failure = failureAt(account, 'x_user_tweets', context.cycle);
  if (failure) return serverError(failure);
  const limit = maxResults(context, 5, 100, 10);
  if (typeof limit !== 'number') return limit;
  const query = context.request.url.searchParams;
  const exclude = listParameter(query.get('exclude'));
  let feed = feedAt(context.index.postsByAccount.get(account.id) ?? [], account, context.cycle, context.world.options.xTimelineDepth);
  if (exclude.has('replies')) feed = feed.filter((entry) => entry.post.kind !== 'reply');
  if (exclude.has('retweets')) feed = feed.filter((entry) => entry.post.kind !== 'repost');
  const sinceId = query.get('since_id');
  const untilId = query.get('until_id');
  const startTime = query.get('start_time');
  const endTime = query.get('end_time');
  for (const [name, value] of [['since_id', sinceId], ['until_id', untilId]] as const) {
    if (value !== null && !/^\d{1,19}$/.test(value)) return invalidRequest(name, value, `The \`${name}\` query parameter value [${value}] is not valid`);
  }
  if (sinceId) feed = feed.filter((entry) => compareNumericIds(entry.version.id, sinceId) > 0);
  if (untilId) feed = feed.filter((entry) => compareNumericIds(entry.version.id, untilId) < 0);
  if (startTime) feed = feed.filter((entry) => entry.version.at >= new Date(startTime).toISOString());
  if (endTime) feed = feed.filter((entry) => entry.version.at <= new Date(endTime).toISOString());
  const token = query.get('pagination_token');
  if (token !== null) {
    const after = decodeCursor(token);
    if (!after?.startsWith('after:')) return invalidRequest('pagination_token', token, `The \`pagination_token\` query parameter value [${token}] is not valid`);
    const afterId = after.slice('after:'.length);
    feed = feed.filter((entry) => compareNumericIds(entry.version.id, afterId) < 0);
  }
  const page = feed.slice(0, limit);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (page.length > 0) {
    meta.newest_id = page[0]!.version.id;
    meta.oldest_id = page[page.length - 1]!.version.id;
  }
  if (feed.length > page.length) meta.next_token = encodeCursor(`after:${page[page.length - 1]!.version.id}`);
  if (account.partialPages?.includes(context.cycle) && page.length > 1) {
    // A 200 that is only part of the page: half the posts, no next page, and X's own word that something failed.
    const half = page.slice(0, Math.ceil(page.length / 2));
    const problems: Record<string, string>[] = [];
    const includes = includesFor(context, half, problems);
    return jsonResponse(200, { data: half.map((entry) => tweetObject(context, entry.post, entry.version)), ...(includes ? { includes } : {}), errors: [...problems, internalProblem()], meta: { result_count: half.length, newest_id: half[0]!.version.id, oldest_id: half.at(-1)!.version.id } });
  }
  if (page.length === 0) return jsonResponse(200, { meta });
  const problems: Record<string, string>[] = [];
  const includes = includesFor(context, page, problems);
  return jsonResponse(200, { data: page.map((entry) => tweetObject(context, entry.post, entry.version)), ...(includes ? { includes } : {}), ...(problems.length ? { errors: problems } : {}), meta });
}

function offsetPage<T>(context: XContext, items: T[], limit: number): { page: T[]; meta: Record<string, unknown> } | WorldResponse {
  const token = context.request.url.searchParams.get('pagination_token');
  let start = 0;
  if (token !== null) {
    const decoded = decodeCursor(token);
    if (!decoded?.startsWith('offset:')) return invalidRequest('pagination_token', token, `The \`pagination_token\` query parameter value [${token}] is not valid`);
    start = Number(decoded.slice('offset:'.length));
  }
  const page = items.slice(start, start + limit);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (start + limit < items.length) meta.next_token = encodeCursor(`offset:${start + limit}`);
  if (start > 0) meta.previous_token = encodeCursor(`offset:${Math.max(0, start - limit)}`);
  return { page, meta };
}

function likedTweets(context: XContext, id: string): WorldResponse {
  const account = readableAccount(context, id);
  if (!('platform' in account)) return account;
  const limit = maxResults(context, 10, 100, 100);
  if (typeof limit !== 'number') return limit;
  const liked = context.world.likes
    .filter((like) => like.accountId === account.id && like.fromCycle <= context.cycle && (like.untilCycle === undefined || context.cycle < like.untilCycle))
    .map((like) => {
      const post = context.index.postByVersionId.get(like.postId);
      const version = post ? versionAt(post, context.cycle) : undefined;
      return post && version && statusAt(context.index.accountById.get(post.accountId)!, context.cycle) === 'public' ? { post, version, fromCycle: like.fromCycle } : undefined;
    })
    .filter((entry): entry is NonNullable<typeof entry> => entry !== undefined)
    .sort((a, b) => b.fromCycle - a.fromCycle || compareNumericIds(b.version.id, a.version.id));
  const paged = offsetPage(context, liked, limit);
  if (!('page' in paged)) return paged;
  if (paged.page.length === 0) return jsonResponse(200, { meta: paged.meta });
  const includes = includesFor(context, paged.page);
  return jsonResponse(200, { data: paged.page.map((entry) => tweetObject(context, entry.post, entry.version)), ...(includes ? { includes } : {}), meta: paged.meta });
}

function following(context: XContext, id: string): WorldResponse {
  const account = readableAccount(context, id);
  if (!('platform' in account)) return account;
  const limit = maxResults(context, 1, 1000, 100);
  if (typeof limit !== 'number') return limit;
  const users = context.world.follows
    .filter((follow) => follow.accountId === account.id && follow.fromCycle <= context.cycle && (follow.untilCycle === undefined || context.cycle < follow.untilCycle))
    .map((follow) => context.index.accountById.get(follow.targetAccountId))
    .filter((target): target is WorldAccount => target !== undefined && statusAt(target, context.cycle) !== 'suspended');
  const paged = offsetPage(context, users, limit);
  if (!('page' in paged)) return paged;
  if (paged.page.length === 0) return jsonResponse(200, { meta: paged.meta });
  return jsonResponse(200, { data: paged.page.map((user) => userObject(context, user)), meta: paged.meta });
}

/** One id's lookup: the tweet, or the problem X reports for it. */
function lookupTweet(context: XContext, id: string, parameter: string): { tweet?: { post: WorldPost; version: WorldPostVersion }; error?: Record<string, string> } {
  const post = context.index.postByVersionId.get(id);
  const version = post?.versions.find((entry) => entry.id === id);
  if (!post || post.platform !== 'x' || !version || version.fromCycle > context.cycle || !versionAt(post, context.cycle)) return { error: tweetNotFound(id, parameter) };
  const author = context.index.accountById.get(post.accountId)!;
  if (statusAt(author, context.cycle) !== 'public') return { error: tweetNotAuthorized(id, parameter) };
  return { tweet: { post, version } };
}

function tweetsByIds(context: XContext): WorldResponse {
  const raw = context.request.url.searchParams.get('ids') ?? '';
  const ids = [...listParameter(raw)];
  if (ids.length === 0 || ids.length > 100) return invalidRequest('ids', raw, 'The `ids` query parameter must hold 1 to 100 ids');
  const bad = ids.find((id) => !/^\d{1,19}$/.test(id));
  if (bad) return invalidRequest('ids', bad, `The \`ids\` query parameter value [${bad}] does not match ^[0-9]{1,19}$`);
  const found: { post: WorldPost; version: WorldPostVersion }[] = [];
  const errors: Record<string, string>[] = [];
  for (const id of ids) {
    const result = lookupTweet(context, id, 'ids');
    if (result.tweet) found.push(result.tweet);
    if (result.error) errors.push(result.error);
  }
  const includes = found.length ? includesFor(context, found) : undefined;
  return jsonResponse(200, {
    ...(found.length ? { data: found.map((entry) => tweetObject(context, entry.post, entry.version)) } : {}),
    ...(includes ? { includes } : {}),
    ...(errors.length ? { errors } : {}),
  });
}

function tweetById(context: XContext, id: string): WorldResponse {
  const result = lookupTweet(context, id, 'id');
  if (!result.tweet) return jsonResponse(200, { errors: [result.error] });
  const includes = includesFor(context, [result.tweet]);
  return jsonResponse(200, { data: tweetObject(context, result.tweet.post, result.tweet.version), ...(includes ? { includes } : {}) });
}
