import type { Account, CaptureScope, CaptureWindow, Item } from '@sipansos/core';
import type { AdapterCall, HttpSuccess, ResolvedMetaGraphSettings } from '@sipansos/core/adapter-kit';
import type { AdapterCaptureV1, AdapterErrorV1, CaptureOptionsV1, RawResponseV1 } from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { instagramMediaToItem, instagramUserToProfile } from './instagram-map-item.js';
import { BusinessDiscoveryResponseSchema, type BusinessDiscoveryResponse } from './instagram-schemas.js';

/** Public IG User fields asked through business discovery. */
export const INSTAGRAM_USER_FIELDS = 'id,username,name,biography,website,profile_picture_url,followers_count,follows_count,media_count';
/** IG Media fields asked for each post. */
export const INSTAGRAM_MEDIA_FIELDS = 'id,caption,timestamp,permalink,media_type,media_product_type,media_url,thumbnail_url,like_count,comments_count,children{id,media_type,media_url,thumbnail_url}';

/** The one endpoint business discovery uses (rate limits and accounting). */
export const INSTAGRAM_DISCOVERY_ENDPOINT = 'GET /:version/:ig-user-id?fields=business_discovery';

/** What resolve and capture share of one adapter instance. */
export interface InstagramDiscovery {
  settings: ResolvedMetaGraphSettings;
  /** The office's own business account: every discovery is asked as it. */
  igUserId: string;
}

/** One business discovery request: the profile, and a page of media when `media` is given. */
export async function discover(discovery: InstagramDiscovery, call: AdapterCall, handle: string, media: { after?: string } | undefined): Promise<Result<HttpSuccess<BusinessDiscoveryResponse>, AdapterErrorV1>> {
  const { settings, igUserId } = discovery;
  // The handle went through core's HandleSchema: letters, digits, ".", "_", "-" only, so it cannot break out of the field expression.
  const mediaField = media ? `,media${media.after ? `.after(${media.after.replace(/[^A-Za-z0-9_=-]/g, '')})` : ''}.limit(${settings.pageSize}){${INSTAGRAM_MEDIA_FIELDS}}` : '';
  return await call.json({
    endpoint: INSTAGRAM_DISCOVERY_ENDPOINT,
    path: `/${settings.apiVersion}/${igUserId}`,
    query: { fields: `business_discovery.username(${handle}){${INSTAGRAM_USER_FIELDS}${mediaField}}`, ...settings.commonQuery },
    schema: BusinessDiscoveryResponseSchema,
    // 613 or 80002 on one account holds only that account; a BUC pause of the office's own
    // account (every discovery is asked as it) holds them all.
    pauseKeys: [handle.toLowerCase(), igUserId],
  });
}

/** Read one scope (`profile` or `timeline`) of a business or creator account. */
export async function captureInstagram(discovery: InstagramDiscovery, call: AdapterCall, account: Account, scope: CaptureScope, options: CaptureOptionsV1): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> {
  const startedAt = call.isoNow();
  const raw: RawResponseV1[] = [];
  if (scope === 'profile') {
    const response = await discover(discovery, call, account.handle, undefined);
    if (response.isErr()) return err(response.error);
    const user = response.value.data.business_discovery;
    const item: Item = {
      platform: 'instagram',
      id: `profile:${user.id}`,
      kind: 'profile',
      author: { id: user.id, ...(user.username ? { handle: user.username } : {}), ...(user.name ? { name: user.name } : {}) },
      media: [],
      links: user.website ? [user.website] : [],
      hashtags: [],
      mentions: [],
      profile: instagramUserToProfile(user),
    };
    return ok({ account: { ...account, id: user.id }, scope, status: 'ok', accountObservation: 'public', items: [item], window: { complete: true, reachedEnd: true }, raw: [response.value.raw], startedAt, capturedAt: call.isoNow() });
  }
  const maxPages = options.maxPages ?? discovery.settings.maxPages;
  const items: Item[] = [];
  const seen = new Set<string>();
  let after: string | undefined;
  let cutBy: CaptureWindow['cutBy'];
  let reachedEnd = false;
  let resolved: Account = account;
  for (let pageNumber = 0; ; pageNumber++) {
    if (pageNumber >= maxPages) {
      cutBy = 'page_limit';
      break;
    }
    const response = await discover(discovery, call, account.handle, after ? { after } : {});
    if (response.isErr()) {
      if (pageNumber === 0) return err(response.error);
      cutBy = 'error';
      break;
    }
    raw.push(response.value.raw);
    const user = response.value.data.business_discovery;
    resolved = { ...account, id: user.id, ...(user.username ? { handle: user.username } : {}) };
    const media = user.media?.data ?? [];
    let stop = false;
    for (const entry of media) {
      const item = instagramMediaToItem(entry, user);
      if (options.sinceId && (item.id === options.sinceId || entry.id === options.sinceId)) {
        cutBy = 'since_id';
        stop = true;
        break;
      }
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
      if (options.maxItems !== undefined && items.length >= options.maxItems) {
        cutBy = 'item_limit';
        stop = true;
        break;
      }
    }
    if (stop) break;
    const nextAfter = user.media?.paging?.cursors?.after;
    // The end: no media, no cursor, the same cursor again, or every post the account has.
    if (media.length === 0 || !nextAfter || nextAfter === after || (user.media_count !== undefined && items.length >= user.media_count)) {
      reachedEnd = true;
      break;
    }
    after = nextAfter;
  }
  const newest = items[0];
  const oldest = items.at(-1);
  return ok({
    account: resolved,
    scope,
    status: 'ok',
    accountObservation: 'public',
    items,
    window: {
      // An empty answer proves nothing (an account with posts can answer empty): never complete.
      complete: items.length > 0,
      reachedEnd,
      ...(cutBy ? { cutBy } : {}),
      ...(options.sinceId ? { sinceId: options.sinceId } : {}),
      ...(newest ? { newest: { id: newest.id, ...(newest.createdAt ? { at: newest.createdAt } : {}) } } : {}),
      ...(oldest ? { oldest: { id: oldest.id, ...(oldest.createdAt ? { at: oldest.createdAt } : {}) } } : {}),
    },
    raw,
    startedAt,
    capturedAt: call.isoNow(),
  });
}
