import { createHmac } from 'node:crypto';
import { type Account, type CaptureScope, type CaptureWindow, type Item } from '@sipansos/core';
import {
  createPlatformAdapter,
  type AdapterCall,
  type HttpSuccess,
  type ManagedPlatformAdapter,
} from '@sipansos/core/adapter-kit';
import {
  type AdapterCaptureV1,
  type AdapterCapabilitiesV1,
  type AdapterErrorV1,
  type CaptureOptionsV1,
  type LookupBatchV1,
  type LookupResultV1,
  type RawResponseV1,
  type ResolvedAccountV1,
} from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { FACEBOOK_DEFAULT_API_VERSION, FACEBOOK_GRAPH_BASE_URL, type FacebookAdapterSettings } from './facebook-adapter-settings.js';
import { isObjectUnavailable, mapGraphError, metaUsageRateLimitReader } from './facebook-graph-errors.js';
import { facebookPageToProfile, facebookPostToItem } from './facebook-map-item.js';
import { FacebookPageSchema, FacebookPostSchema, FacebookPostsPageSchema, type FacebookPage } from './facebook-schemas.js';

/** Recorded in every capture this adapter makes. */
export const FACEBOOK_ADAPTER_VERSION = '0.1.0';
/** The adapter id in evidence. */
export const FACEBOOK_GRAPH_ADAPTER_ID = 'facebook-graph';

/** Fields asked of a Page. */
export const FACEBOOK_PAGE_FIELDS = 'id,name,username,about,link,website,fan_count,followers_count,picture{url}';
/** Fields asked of each post (Page posts edge and post lookup). */
export const FACEBOOK_POST_FIELDS =
  'id,message,created_time,updated_time,permalink_url,from,parent_id,shares,attachments{type,media_type,url,title,description,media,target,subattachments}';

const ENDPOINT_PAGE = 'GET /:version/:page';
const ENDPOINT_POSTS = 'GET /:version/:page/posts';
const ENDPOINT_POST = 'GET /:version/:post';

/**
 * Facebook through the Graph API: Page lookup, the Page's posts (message, times, permalink,
 * attachments, shares), and post lookup by id with the "deleted or no permission" check (a
 * control post read with the same token). Personal profiles are not reachable by any API:
 * use {@link createFacebookWebAdapter} for public pages and `sipansos import` for saved ones.
 *
 * Throws a `TypeError` naming the setting when no access token is configured or a setting is
 * unusable.
 *
 * @example
 * ```ts
 * const facebook = createFacebookAdapter({ controlPostId: '100200300400500_611223344556677' });
 * const page = await facebook.resolve('infodesasukamaju.contoh');
 * ```
 */
export function createFacebookAdapter(settings: FacebookAdapterSettings = {}): ManagedPlatformAdapter {
  const env = settings.env ?? process.env;
  const accessToken = settings.accessToken ?? env['SIPANSOS_META_ACCESS_TOKEN'];
  if (!accessToken) {
    throw new TypeError('createFacebookAdapter: settings.accessToken is required (or set SIPANSOS_META_ACCESS_TOKEN): a Page or system-user token with Page Public Content Access');
  }
  const baseUrl = settings.baseUrl ?? env['SIPANSOS_FACEBOOK_BASE_URL'] ?? FACEBOOK_GRAPH_BASE_URL;
  const apiVersion = settings.apiVersion ?? env['SIPANSOS_FACEBOOK_API_VERSION'] ?? FACEBOOK_DEFAULT_API_VERSION;
  if (!/^v\d{1,3}\.\d{1,2}$/.test(apiVersion)) throw new TypeError(`createFacebookAdapter: settings.apiVersion must look like "v25.0", got ${JSON.stringify(apiVersion)}`);
  const controlPostId = settings.controlPostId ?? env['SIPANSOS_FACEBOOK_CONTROL_POST_ID'];
  if (controlPostId !== undefined && !/^\d{1,32}(_\d{1,32})?$/.test(controlPostId)) {
    throw new TypeError('createFacebookAdapter: settings.controlPostId must be a Graph post id such as "100200300400500_611223344556677"');
  }
  const slowDownAtPercent = settings.slowDownAtPercent ?? Number(env['SIPANSOS_META_SLOW_DOWN_AT_PERCENT'] ?? 85);
  if (!Number.isFinite(slowDownAtPercent) || slowDownAtPercent < 1 || slowDownAtPercent > 100) {
    throw new TypeError('createFacebookAdapter: settings.slowDownAtPercent (or SIPANSOS_META_SLOW_DOWN_AT_PERCENT) must be a number from 1 to 100');
  }
  const pageSize = settings.pageSize ?? 25;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new TypeError('createFacebookAdapter: settings.pageSize must be a whole number from 1 to 100');
  const defaultMaxPages = settings.maxPages ?? 10;
  const appSecretProof = settings.appSecret ? createHmac('sha256', settings.appSecret).update(accessToken).digest('hex') : undefined;
  const common = appSecretProof ? { appsecret_proof: appSecretProof } : {};

  const capabilities: AdapterCapabilitiesV1 = {
    scopes: ['timeline', 'profile'],
    lookup: true,
    // Only a control post lets "deleted" be told from "no longer permitted".
    distinguishesPrivateFromDeleted: controlPostId !== undefined,
    // Graph keeps no edit history and `updated_time` also moves for comments: edits show only
    // as changed text across captures, which core's diff records as versions.
    exposesEdits: false,
    exposesLikes: false,
    exposesFollows: false,
    maxLookupBatch: 50,
    mediaDownload: true,
  };

  const rateLimit = settings.rateLimit ?? { limit: 200, windowMs: 3_600_000 };
  const readPage = (call: AdapterCall, idOrName: string) =>
    call.json({ endpoint: ENDPOINT_PAGE, path: `/${apiVersion}/${encodeURIComponent(idOrName)}`, query: { fields: FACEBOOK_PAGE_FIELDS, ...common }, schema: FacebookPageSchema });

  return createPlatformAdapter({
    config: {
      platform: 'facebook',
      adapterId: FACEBOOK_GRAPH_ADAPTER_ID,
      adapterVersion: FACEBOOK_ADAPTER_VERSION,
      capabilities,
      baseUrl,
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      secrets: [accessToken, ...(settings.appSecret ? [settings.appSecret] : []), ...(appSecretProof ? [appSecretProof] : [])],
      secretQueryParams: ['access_token', 'appsecret_proof', 'client_secret'],
      rateLimits: { [ENDPOINT_PAGE]: rateLimit, [ENDPOINT_POSTS]: rateLimit, [ENDPOINT_POST]: rateLimit },
      concurrency: settings.concurrency ?? 2,
      readRateLimit: metaUsageRateLimitReader({ slowDownAtPercent }),
      // Meta counts usage over a rolling hour: without an announced time, wait the hour.
      mapHttpError: (failure) => mapGraphError(failure, { fallbackRetryAfterMs: 3_600_000 }),
      media: { allowedHosts: settings.mediaHosts ?? ['.fbcdn.net'] },
      ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(settings.clock ? { clock: settings.clock } : {}),
      ...(settings.random ? { random: settings.random } : {}),
      ...(settings.onEvent ? { onEvent: settings.onEvent } : {}),
    },
    adapter: {
      resolve: (call, handle) =>
        readPage(call, handle).map(
          (response): ResolvedAccountV1 => ({
            account: { platform: 'facebook', handle: response.data.username ?? handle, id: response.data.id },
            observation: 'public',
            profile: facebookPageToProfile(response.data),
            raw: [response.raw],
          }),
        ),
      capture: (call, account, scope, options) => capture(call, account, scope, options),
      lookup: (call, ids) => lookup(call, ids),
    },
  });

  async function capture(call: AdapterCall, account: Account, scope: CaptureScope, options: CaptureOptionsV1): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> {
    const startedAt = call.isoNow();
    const raw: RawResponseV1[] = [];
    // A timeline read of a known Page id needs no Page lookup: one request less per cycle.
    if (scope === 'timeline' && account.id) {
      return readPosts(call, { id: account.id, name: '', username: account.handle }, account, options, raw, startedAt);
    }
    const pageResult = await readPage(call, account.id ?? account.handle);
    if (pageResult.isErr()) return err(pageResult.error);
    const page = pageResult.value.data;
    const resolved: Account = { ...account, id: page.id, ...(page.username ? { handle: page.username } : {}) };
    raw.push(pageResult.value.raw);
    if (scope === 'profile') {
      const profileItem: Item = {
        platform: 'facebook',
        id: `profile:${page.id}`,
        kind: 'profile',
        author: { id: page.id, ...(page.username ? { handle: page.username } : {}), name: page.name },
        media: [],
        links: page.website ? [page.website] : [],
        hashtags: [],
        mentions: [],
        ...(page.link ? { url: page.link } : {}),
        profile: facebookPageToProfile(page),
      };
      return ok({ account: resolved, scope, status: 'ok', accountObservation: 'public', items: [profileItem], window: { complete: true, reachedEnd: true }, raw, startedAt, capturedAt: call.isoNow() });
    }
    return readPosts(call, page, resolved, options, raw, startedAt);
  }

  async function readPosts(call: AdapterCall, page: FacebookPage, account: Account, options: CaptureOptionsV1, raw: RawResponseV1[], startedAt: string): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> {
    const maxPages = options.maxPages ?? defaultMaxPages;
    const items: Item[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    let cutBy: CaptureWindow['cutBy'];
    let reachedEnd = false;
    for (let pageNumber = 0; ; pageNumber++) {
      if (pageNumber >= maxPages) {
        cutBy = 'page_limit';
        break;
      }
      const response = await call.json({
        endpoint: ENDPOINT_POSTS,
        path: `/${apiVersion}/${page.id}/posts`,
        query: { fields: FACEBOOK_POST_FIELDS, limit: String(pageSize), ...(after ? { after } : {}), ...common },
        schema: FacebookPostsPageSchema,
      });
      if (response.isErr()) {
        // The pages already read are contiguous and stay evidence; the first page failing is a failure.
        if (pageNumber === 0) return err(response.error);
        cutBy = 'error';
        break;
      }
      raw.push(response.value.raw);
      let stop = false;
      for (const post of response.value.data.data) {
        if (options.sinceId && post.id === options.sinceId) {
          cutBy = 'since_id';
          stop = true;
          break;
        }
        if (seen.has(post.id)) continue;
        seen.add(post.id);
        items.push(facebookPostToItem(post, page));
        if (options.maxItems !== undefined && items.length >= options.maxItems) {
          cutBy = 'item_limit';
          stop = true;
          break;
        }
      }
      if (stop) break;
      const paging = response.value.data.paging;
      const nextAfter = paging?.cursors?.after;
      // No `next` link means the last page (Meta: a short or even empty page may still have one).
      if (!paging?.next || !nextAfter || nextAfter === after) {
        reachedEnd = true;
        break;
      }
      after = nextAfter;
    }
    const newest = items[0];
    const oldest = items.at(-1);
    const window: CaptureWindow = {
      // An empty answer proves nothing: Meta filters by visibility and permission silently.
      complete: items.length > 0,
      reachedEnd,
      ...(cutBy ? { cutBy } : {}),
      ...(options.sinceId ? { sinceId: options.sinceId } : {}),
      ...(newest ? { newest: { id: newest.id, ...(newest.createdAt ? { at: newest.createdAt } : {}) } } : {}),
      ...(oldest ? { oldest: { id: oldest.id, ...(oldest.createdAt ? { at: oldest.createdAt } : {}) } } : {}),
    };
    return ok({ account, scope: 'timeline', status: 'ok', accountObservation: 'public', items, window, raw, startedAt, capturedAt: call.isoNow() });
  }

  function readPost(call: AdapterCall, id: string) {
    return call.json({ endpoint: ENDPOINT_POST, path: `/${apiVersion}/${id}`, query: { fields: FACEBOOK_POST_FIELDS, ...common }, schema: FacebookPostSchema });
  }

  async function lookup(call: AdapterCall, ids: readonly string[]): Promise<Result<LookupBatchV1, AdapterErrorV1>> {
    const results: LookupResultV1[] = [];
    const raw: RawResponseV1[] = [];
    const ambiguous: Array<{ id: string; reason: string }> = [];
    let stopReason: string | undefined;
    for (const id of ids) {
      if (stopReason) {
        results.push({ id, status: 'unknown', reason: stopReason });
        continue;
      }
      if (!/^\d{1,32}(_\d{1,32})?$/.test(id)) {
        results.push({ id, status: 'unknown', reason: 'not a Graph post id (a post read from a web page has no Graph id)' });
        continue;
      }
      const response = await readPost(call, id);
      if (response.isOk()) {
        raw.push(response.value.raw);
        results.push({ id, status: 'live', item: facebookPostToItem(response.value.data) });
        continue;
      }
      const error = response.error;
      if (error.type === 'unauthorized') return err(error);
      if (isObjectUnavailable(error)) {
        ambiguous.push({ id, reason: error.message });
        results.push({ id, status: 'unknown', reason: error.message });
        continue;
      }
      if (error.type === 'rate_limited' || error.type === 'timeout') stopReason = `not asked: ${error.message}`;
      results.push({ id, status: 'unknown', reason: error.message });
    }
    if (ambiguous.length > 0) {
      const control = await checkControl(call);
      if (control.kind === 'unauthorized') return err(control.error);
      for (const entry of ambiguous) {
        const index = results.findIndex((result) => result.id === entry.id);
        if (control.kind === 'live') results[index] = { id: entry.id, status: 'gone', reason: `${entry.reason}; the control post still reads with the same token, so the post is gone` };
        else results[index] = { id: entry.id, status: 'unknown', reason: `${entry.reason}; ${control.reason}` };
      }
      if (control.kind === 'live') raw.push(control.raw);
    }
    return ok({ results, raw });
  }

  async function checkControl(call: AdapterCall): Promise<{ kind: 'live'; raw: RawResponseV1 } | { kind: 'unauthorized'; error: AdapterErrorV1 } | { kind: 'unknown'; reason: string }> {
    if (!controlPostId) return { kind: 'unknown', reason: 'no control post is configured (settings.controlPostId), so "deleted" cannot be told from "no permission"' };
    const control: Result<HttpSuccess<unknown>, AdapterErrorV1> = await readPost(call, controlPostId);
    if (control.isOk()) return { kind: 'live', raw: control.value.raw };
    const error = control.error;
    if (error.type === 'unauthorized' || isObjectUnavailable(error) || error.type === 'not_found') {
      return {
        kind: 'unauthorized',
        error: {
          type: 'unauthorized',
          message: `the control post ${controlPostId} cannot be read with this token either (${error.message}); the token has lost access, so missing posts are not deletions`,
        },
      };
    }
    return { kind: 'unknown', reason: `the control post could not be checked: ${error.message}` };
  }
}
