import type { Account, CaptureScope, CaptureWindow, Item } from '@sipansos/core';
import type { AdapterCall, ResolvedMetaGraphSettings } from '@sipansos/core/adapter-kit';
import type { AdapterCaptureV1, AdapterErrorV1, CaptureOptionsV1, RawResponseV1 } from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { facebookPageToProfile, facebookPostToItem } from './facebook-map-item.js';
import { FacebookPageSchema, FacebookPostsPageSchema, type FacebookPage } from './facebook-schemas.js';

/** Fields asked of a Page. */
export const FACEBOOK_PAGE_FIELDS = 'id,name,username,about,link,website,fan_count,followers_count,picture{url}';
/** Fields asked of each post (Page posts edge and post lookup). */
export const FACEBOOK_POST_FIELDS =
  'id,message,created_time,updated_time,permalink_url,from,parent_id,shares,attachments{type,media_type,url,title,description,media,target,subattachments}';

/** Endpoint ids (rate limits and accounting). */
export const FACEBOOK_ENDPOINTS = { page: 'GET /:version/:page', posts: 'GET /:version/:page/posts', post: 'GET /:version/:post' } as const;

/** What capture and lookup share of one adapter instance. */
export interface FacebookGraph {
  settings: ResolvedMetaGraphSettings;
  /** A control post known to be live (see `FacebookAdapterSettings.controlPostId`). */
  controlPostId: string | undefined;
  /** Page ids learnt by name, so a Page asked for by name is held by its id when Meta throttles it. */
  pageIds: Map<string, string>;
}

/** Read a Page by id or name. */
export function readPage(graph: FacebookGraph, call: AdapterCall, idOrName: string) {
  const knownId = graph.pageIds.get(idOrName.toLowerCase());
  return call
    .json({
      endpoint: FACEBOOK_ENDPOINTS.page,
      path: `/${graph.settings.apiVersion}/${encodeURIComponent(idOrName)}`,
      query: { fields: FACEBOOK_PAGE_FIELDS, ...graph.settings.commonQuery },
      schema: FacebookPageSchema,
      // Meta names a throttled Page by id; a Page asked for by name is held by its id once known.
      pauseKeys: knownId ? [knownId, idOrName] : [idOrName],
    })
    .map((response) => {
      if (graph.pageIds.size < 100_000) graph.pageIds.set(idOrName.toLowerCase(), response.data.id);
      return response;
    });
}

/** Read one scope (`profile` or `timeline`) of a Page. */
export async function captureFacebook(graph: FacebookGraph, call: AdapterCall, account: Account, scope: CaptureScope, options: CaptureOptionsV1): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> {
  const startedAt = call.isoNow();
  const raw: RawResponseV1[] = [];
  // A timeline read of a known Page id needs no Page lookup: one request less per cycle.
  if (scope === 'timeline' && account.id) {
    return readPosts(graph, call, { id: account.id, name: '', username: account.handle }, account, options, raw, startedAt);
  }
  const pageResult = await readPage(graph, call, account.id ?? account.handle);
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
  return readPosts(graph, call, page, resolved, options, raw, startedAt);
}

async function readPosts(graph: FacebookGraph, call: AdapterCall, page: FacebookPage, account: Account, options: CaptureOptionsV1, raw: RawResponseV1[], startedAt: string): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> {
  const maxPages = options.maxPages ?? graph.settings.maxPages;
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
      endpoint: FACEBOOK_ENDPOINTS.posts,
      path: `/${graph.settings.apiVersion}/${page.id}/posts`,
      query: { fields: FACEBOOK_POST_FIELDS, limit: String(graph.settings.pageSize), ...(after ? { after } : {}), ...graph.settings.commonQuery },
      schema: FacebookPostsPageSchema,
      // A throttle on this Page (32, 80001, its usage headers) holds only this Page's requests.
      pauseKeys: [page.id],
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
