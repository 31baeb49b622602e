import { indexOf, type WorldIndex } from './world-index.js';
import type { SimulatedWorld, WorldAccount, WorldPost, WorldPostVersion } from './world-model.js';
import { decodeCursor, encodeCursor, jsonResponse, mediaResponse, parseGraphFields, type GraphField, type WorldRequest, type WorldResponse } from './world-http.js';
import { failureAt, feedAt, statusAt } from './world-timeline.js';
import { versionAt } from './world-builder.js';

// The Meta Graph API as documented (developers.facebook.com/docs/graph-api): nodes answer only
// the fields asked for (`id` always), edges page with `paging.cursors.{before,after}` and a
// `paging.next` URL while more remain, times are `2024-09-23T13:10:00+0000`, and every failure is
// `{ error: { message, type, code, error_subcode?, fbtrace_id } }`. Facebook pages and Instagram
// business discovery share this one API, so both base URLs may point at it.

interface GraphContext {
  world: SimulatedWorld;
  index: WorldIndex;
  request: WorldRequest;
  cycle: number;
  origin: string;
  fields: GraphField[];
}

const DEFAULT_POST_FIELDS = ['id', 'message', 'created_time'];

/** Answers one request to the simulated Graph API (Facebook pages and Instagram business discovery). */
export function handleGraphRequest(world: SimulatedWorld, request: WorldRequest): WorldResponse {
  const media = mediaResponse(request, world.mediaBytes);
  if (media) return media;
  const saved = savedPageResponse(world, request);
  if (saved) return saved;
  const segments = request.url.pathname.split('/').filter(Boolean);
  if (segments[0] && /^v\d+\.\d+$/.test(segments[0])) segments.shift();
  if (request.method !== 'GET' || segments.length === 0 || segments.length > 2) {
    return graphError(400, 'Unknown path components: ' + request.url.pathname, 'OAuthException', 2500);
  }
  const token = request.url.searchParams.get('access_token') ?? /^Bearer (.+)$/i.exec(request.header('authorization') ?? '')?.[1];
  if (!token) return graphError(400, 'An active access token must be used to query information about the current user.', 'OAuthException', 2500);
  if (token.startsWith('expired')) {
    return graphError(400, 'Error validating access token: Session has expired on Monday, 25-Nov-24 10:00:00 PST. The current time is Tuesday, 26-Nov-24 02:00:00 PST.', 'OAuthException', 190, 463);
  }
  if (world.options.metaAccessToken !== undefined && token !== world.options.metaAccessToken) {
    return graphError(400, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException', 190);
  }
  const budget = world.takeRequest('graph');
  const usagePercent = Math.min(100, Math.round(((budget.limit - budget.remaining) / budget.limit) * 100));
  const usage = { 'x-app-usage': JSON.stringify({ call_count: budget.allowed ? usagePercent : 100, total_cputime: Math.floor(usagePercent / 3), total_time: Math.floor(usagePercent / 2) }) };
  if (!budget.allowed) {
    const response = graphError(403, '(#4) Application request limit reached', 'OAuthException', 4, undefined, true);
    return { ...response, headers: { ...response.headers, ...usage } };
  }
  const context: GraphContext = {
    world,
    index: indexOf(world),
    request,
    cycle: world.currentCycle(),
    origin: request.url.origin,
    fields: parseGraphFields(request.url.searchParams.get('fields') ?? ''),
  };
  const response = route(context, segments[0]!, segments[1]);
  return { ...response, headers: { ...usage, ...response.headers } };
}

function route(context: GraphContext, node: string, edge: string | undefined): WorldResponse {
  const discovery = context.fields.find((field) => field.name === 'business_discovery');
  if (discovery && edge === undefined) return businessDiscovery(context, node, discovery);
  if (/^\d+_\d+$/.test(node)) return edge === undefined ? postNode(context, node) : unsupportedGet(node);
  const page = pageByIdOrUsername(context, node);
  if (!page) {
    // Graph resolves usernames only for pages: a personal profile's or an unknown name is an alias error.
    if (!/^\d+$/.test(node)) return graphError(404, `(#803) Some of the aliases you requested do not exist: ${node}`, 'OAuthException', 803);
    return unsupportedGet(node);
  }
  if (statusAt(page, context.cycle) !== 'public') {
    return /^\d+$/.test(node) ? unsupportedGet(node) : graphError(404, `(#803) Some of the aliases you requested do not exist: ${node}`, 'OAuthException', 803);
  }
  const failure = failureAt(page, 'graph', context.cycle);
  if (failure) return graphError(failure, failure === 503 ? 'Service temporarily unavailable' : 'An unknown error occurred', 'OAuthException', failure === 503 ? 2 : 1, undefined, true);
  if (edge === undefined) return jsonResponse(200, pageObject(context, page, context.fields));
  if (edge === 'posts' || edge === 'feed' || edge === 'published_posts') return pagePosts(context, page);
  return graphError(400, `(#100) Tried accessing nonexisting field (${edge}) on node type (Page)`, 'OAuthException', 100);
}

function graphError(status: number, message: string, type: string, code: number, subcode?: number, transient?: boolean): WorldResponse {
  const error: Record<string, unknown> = { message, type, code };
  if (subcode !== undefined) error.error_subcode = subcode;
  if (transient !== undefined) error.is_transient = transient;
  error.fbtrace_id = 'AsimulatedWorldTrace';
  return jsonResponse(status, { error });
}

function unsupportedGet(id: string): WorldResponse {
  return graphError(
    400,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    'GraphMethodException',
    100,
    33,
  );
}

/** Graph's time format: `2024-09-23T13:10:00+0000`. */
export function graphTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}+0000`;
}

function pageByIdOrUsername(context: GraphContext, node: string): WorldAccount | undefined {
  const byId = context.index.accountById.get(node);
  if (byId) return byId.kind === 'facebook_page' ? byId : undefined;
  const byName = context.index.accountByHandle.get(`facebook:${node.toLowerCase()}`);
  return byName?.kind === 'facebook_page' ? byName : undefined;
}

function pick(fields: GraphField[], defaults: string[]): Set<string> {
  const names = fields.length ? fields.map((field) => field.name) : defaults;
  return new Set(['id', ...names]);
}

function pageObject(context: GraphContext, page: WorldAccount, fields: GraphField[]): Record<string, unknown> {
  const wanted = pick(fields, ['name']);
  const all: Record<string, unknown> = {
    id: page.id,
    name: page.displayName,
    username: page.handle,
    about: page.bio,
    category: 'Public figure',
    link: `https://www.facebook.com/${page.handle}`,
    fan_count: page.followers,
    followers_count: page.followers,
    verification_status: page.verified ? 'blue_verified' : 'not_verified',
    picture: { data: { url: `${context.origin}/__media/pfp_${page.id}.png`, is_silhouette: false, width: 50, height: 50 } },
  };
  return Object.fromEntries(Object.entries(all).filter(([key]) => wanted.has(key)));
}

function postObject(context: GraphContext, post: WorldPost, version: WorldPostVersion, fields: GraphField[]): Record<string, unknown> {
  const wanted = pick(fields, DEFAULT_POST_FIELDS);
  const page = context.index.accountById.get(post.accountId)!;
  const [, localId] = post.id.split('_');
  const target = post.target ? context.index.postByVersionId.get(post.target.postId) : undefined;
  const targetPage = target ? context.index.accountById.get(target.accountId) : undefined;
  const all: Record<string, unknown> = {
    id: post.id,
    message: version.text,
    created_time: graphTime(post.createdAt),
    updated_time: graphTime(version.at),
    permalink_url: `https://www.facebook.com/${page.handle}/posts/${localId}`,
    from: { name: page.displayName, id: page.id },
    status_type: post.kind === 'share' ? 'shared_story' : post.media.length ? 'added_photos' : 'mobile_status_update',
    shares: { count: post.shareCount },
  };
  if (post.media.length) all.full_picture = `${context.origin}/__media/${post.media[0]!.key}.png`;
  if (target && targetPage) all.parent_id = target.id;
  const attachments: Record<string, unknown>[] = [];
  if (target && targetPage) {
    const [, targetLocal] = target.id.split('_');
    const targetVersion = versionAt(target, context.cycle);
    attachments.push({
      type: 'share',
      media_type: 'link',
      title: targetPage.displayName,
      ...(targetVersion ? { description: targetVersion.text } : {}),
      url: `https://www.facebook.com/${targetPage.handle}/posts/${targetLocal}`,
      target: { id: target.id, url: `https://www.facebook.com/${targetPage.handle}/posts/${targetLocal}` },
    });
  }
  for (const media of post.media) {
    const src = `${context.origin}/__media/${media.key}.png`;
    attachments.push({
      type: media.type,
      media_type: media.type,
      ...(media.altText ? { description: media.altText } : {}),
      media: { image: { src, width: 1, height: 1 } },
      url: `https://www.facebook.com/photo/?fbid=${media.key}`,
      target: { id: media.key, url: `https://www.facebook.com/photo/?fbid=${media.key}` },
    });
  }
  if (attachments.length) all.attachments = { data: attachments };
  const object = Object.fromEntries(Object.entries(all).filter(([key]) => wanted.has(key)));
  if (wanted.has('message') && !version.text) delete object.message;
  return object;
}

function postNode(context: GraphContext, id: string): WorldResponse {
  const post = context.index.postByVersionId.get(id);
  const version = post ? versionAt(post, context.cycle) : undefined;
  const page = post ? context.index.accountById.get(post.accountId) : undefined;
  if (!post || !version || !page || post.platform !== 'facebook' || statusAt(page, context.cycle) !== 'public') return unsupportedGet(id);
  return jsonResponse(200, postObject(context, post, version, context.fields));
}

function limitOf(raw: string | null | undefined, fallback: number): number {
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 100) : fallback;
}

function pagePosts(context: GraphContext, page: WorldAccount): WorldResponse {
  const query = context.request.url.searchParams;
  const feed = feedAt(context.index.postsByAccount.get(page.id) ?? [], page, context.cycle, Number.POSITIVE_INFINITY);
  const limit = limitOf(query.get('limit'), 25);
  let start = 0;
  const after = query.get('after');
  if (after !== null) {
    const decoded = decodeCursor(after);
    const position = decoded?.startsWith('post:') ? feed.findIndex((entry) => entry.post.id === decoded.slice(5)) : -1;
    if (position < 0) return graphError(400, `(#100) The after cursor is not valid: ${after}`, 'OAuthException', 100);
    start = position + 1;
  }
  const slice = feed.slice(start, start + limit);
  const body: Record<string, unknown> = { data: slice.map((entry) => postObject(context, entry.post, entry.version, context.fields)) };
  if (slice.length) {
    const paging: Record<string, unknown> = { cursors: { before: encodeCursor(`post:${slice[0]!.post.id}`), after: encodeCursor(`post:${slice[slice.length - 1]!.post.id}`) } };
    if (start + limit < feed.length) {
      const next = new URL(context.request.url.href);
      next.searchParams.set('after', encodeCursor(`post:${slice[slice.length - 1]!.post.id}`));
      next.searchParams.set('limit', String(limit));
      paging.next = next.href;
    }
    body.paging = paging;
  }
  return jsonResponse(200, body);
}

// --- Instagram business discovery -------------------------------------------------------------

function businessDiscovery(context: GraphContext, node: string, discovery: GraphField): WorldResponse {
  if (!/^\d+$/.test(node)) return unsupportedGet(node);
  const username = discovery.modifiers.username ?? '';
  const account = context.index.accountByHandle.get(`instagram:${username.toLowerCase()}`);
  const professional = account && (account.kind === 'instagram_business' || account.kind === 'instagram_creator');
  if (!account || !professional || statusAt(account, context.cycle) !== 'public') {
    return jsonResponse(400, {
      error: {
        message: 'Invalid user id',
        type: 'OAuthException',
        code: 110,
        error_subcode: 2207013,
        is_transient: false,
        error_user_title: 'Cannot find User',
        error_user_msg: `The user with username: ${username} cannot be found.`,
        fbtrace_id: 'AsimulatedWorldTrace',
      },
    });
  }
  const failure = failureAt(account, 'graph', context.cycle);
  if (failure) return graphError(failure, 'An unknown error occurred', 'OAuthException', 1, undefined, true);
  const children = discovery.children ?? [{ name: 'id', modifiers: {} }];
  const feed = feedAt(context.index.postsByAccount.get(account.id) ?? [], account, context.cycle, Number.POSITIVE_INFINITY);
  const all: Record<string, unknown> = {
    id: account.id,
    ig_id: Number(BigInt(account.id) % 10_000_000_000n),
    username: account.handle,
    name: account.displayName,
    biography: account.bio,
    website: '',
    followers_count: account.followers,
    follows_count: account.following,
    media_count: feed.length,
    profile_picture_url: `${context.origin}/__media/pfp_${account.id}.png`,
  };
  const result: Record<string, unknown> = { id: account.id };
  for (const field of children) {
    if (field.name === 'media') {
      const media = mediaEdge(context, account, feed, field);
      if ('error' in media) return media.error;
      result.media = media.body;
    } else if (field.name in all) result[field.name] = all[field.name];
  }
  return jsonResponse(200, { business_discovery: result, id: node });
}

function mediaEdge(context: GraphContext, account: WorldAccount, feed: ReturnType<typeof feedAt>, field: GraphField): { body: Record<string, unknown> } | { error: WorldResponse } {
  const limit = limitOf(field.modifiers.limit, 25);
  let start = 0;
  if (field.modifiers.after !== undefined) {
    const decoded = decodeCursor(field.modifiers.after);
    const position = decoded?.startsWith('media:') ? feed.findIndex((entry) => entry.post.id === decoded.slice(6)) : -1;
    if (position < 0) return { error: graphError(400, `(#100) The after cursor is not valid: ${field.modifiers.after}`, 'OAuthException', 100) };
    start = position + 1;
  }
  const slice = feed.slice(start, start + limit);
  const wanted = pick(field.children ?? [], ['id']);
  const data = slice.map(({ post, version }) => {
    const first = post.media[0];
    const all: Record<string, unknown> = {
      id: post.id,
      caption: version.text,
      media_type: post.media.length > 1 ? 'CAROUSEL_ALBUM' : first?.type === 'video' ? 'VIDEO' : 'IMAGE',
      media_product_type: 'FEED',
      media_url: first ? `${context.origin}/__media/${first.key}.png` : undefined,
      permalink: `https://www.instagram.com/p/${post.id}/`,
      timestamp: graphTime(post.createdAt),
      like_count: post.likeCount,
      comments_count: post.replyCount,
      username: account.handle,
    };
    return Object.fromEntries(Object.entries(all).filter(([key, value]) => wanted.has(key) && value !== undefined));
  });
  const body: Record<string, unknown> = { data };
  if (slice.length) {
    const cursors = { before: encodeCursor(`media:${slice[0]!.post.id}`), after: encodeCursor(`media:${slice[slice.length - 1]!.post.id}`) };
    body.paging = { cursors, ...(start + limit < feed.length ? { next: `${context.origin}${context.request.url.pathname}?fields=${encodeURIComponent(`business_discovery.username(${account.handle}){media.after(${cursors.after}).limit(${limit})}`)}` } : {}) };
  }
  return { body };
}

// --- saved pages ------------------------------------------------------------------------------

function savedPageResponse(world: SimulatedWorld, request: WorldRequest): WorldResponse | undefined {
  const match = /^\/__saved\/(facebook|instagram)\/([^/]+)\.html$/.exec(request.url.pathname);
  if (!match) return undefined;
  const page = world.savedPages().find((entry) => entry.platform === match[1] && entry.handle === decodeURIComponent(match[2]!));
  if (!page) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not found' };
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.html };
}
