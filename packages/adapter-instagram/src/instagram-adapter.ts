import { type Account, type CaptureScope, type CaptureWindow, type Item } from '@sipansos/core';
import {
  createPlatformAdapter,
  type AdapterCall,
  type HttpSuccess,
  type ManagedPlatformAdapter,
} from '@sipansos/core/adapter-kit';
import {
  type AdapterCaptureV1,
  type AdapterErrorV1,
  type CaptureOptionsV1,
  type RawResponseV1,
} from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { INSTAGRAM_DEFAULT_API_VERSION, INSTAGRAM_GRAPH_BASE_URL, type InstagramAdapterSettings } from './instagram-adapter-settings.js';
import { mapInstagramGraphError, metaUsageRateLimitReader } from './instagram-graph-errors.js';
import { instagramMediaToItem, instagramUserToProfile } from './instagram-map-item.js';
import { BusinessDiscoveryResponseSchema, type BusinessDiscoveryResponse } from './instagram-schemas.js';

/** Recorded in every capture this adapter makes. */
export const INSTAGRAM_ADAPTER_VERSION = '0.1.0';
/** The adapter id in evidence. */
export const INSTAGRAM_GRAPH_ADAPTER_ID = 'instagram-business-discovery';

/** Public IG User fields asked through business discovery. */
export const INSTAGRAM_USER_FIELDS = 'id,username,name,biography,website,profile_picture_url,followers_count,follows_count,media_count';
/** IG Media fields asked for each post. */
export const INSTAGRAM_MEDIA_FIELDS = 'id,caption,timestamp,permalink,media_type,media_product_type,media_url,thumbnail_url,like_count,comments_count,children{id,media_type,media_url,thumbnail_url}';

const ENDPOINT = 'GET /:version/:ig-user-id?fields=business_discovery';

/**
 * Instagram through the Graph API's business discovery: profile facts and posts (caption,
 * timestamp, permalink, media type and URLs, carousel children, like and comment counts) of
 * business and creator accounts. A personal account is `unsupported` on this path: read it
 * through saved pages (`parseInstagramPage`, `sipansos import`) or {@link createInstagramWebAdapter}.
 * Business discovery cannot look a post up by id, so there is no `lookup`; a post missing from
 * complete windows becomes `deleted_unverified` in core.
 *
 * Items are keyed by the post's shortcode (from `permalink`), the same key saved and public
 * pages give, so a caption edit seen on either path becomes a version of one item.
 *
 * Throws a `TypeError` naming the setting when the token or `igUserId` is missing.
 */
export function createInstagramAdapter(settings: InstagramAdapterSettings = {}): ManagedPlatformAdapter {
  const env = settings.env ?? process.env;
  const accessToken = settings.accessToken ?? env['SIPANSOS_META_ACCESS_TOKEN'];
  if (!accessToken) throw new TypeError('createInstagramAdapter: settings.accessToken is required (or set SIPANSOS_META_ACCESS_TOKEN)');
  const igUserId = settings.igUserId ?? env['SIPANSOS_INSTAGRAM_USER_ID'];
  if (!igUserId || !/^\d{1,32}$/.test(igUserId)) {
    throw new TypeError("createInstagramAdapter: settings.igUserId is required (or set SIPANSOS_INSTAGRAM_USER_ID): the numeric id of the office's own Instagram business account");
  }
  const baseUrl = settings.baseUrl ?? env['SIPANSOS_INSTAGRAM_BASE_URL'] ?? INSTAGRAM_GRAPH_BASE_URL;
  const apiVersion = settings.apiVersion ?? env['SIPANSOS_INSTAGRAM_API_VERSION'] ?? INSTAGRAM_DEFAULT_API_VERSION;
  if (!/^v\d{1,3}\.\d{1,2}$/.test(apiVersion)) throw new TypeError(`createInstagramAdapter: settings.apiVersion must look like "v25.0", got ${JSON.stringify(apiVersion)}`);
  const slowDownAtPercent = settings.slowDownAtPercent ?? Number(env['SIPANSOS_META_SLOW_DOWN_AT_PERCENT'] ?? 85);
  if (!Number.isFinite(slowDownAtPercent) || slowDownAtPercent < 1 || slowDownAtPercent > 100) {
    throw new TypeError('createInstagramAdapter: settings.slowDownAtPercent (or SIPANSOS_META_SLOW_DOWN_AT_PERCENT) must be a number from 1 to 100');
  }
  const pageSize = settings.pageSize ?? 25;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new TypeError('createInstagramAdapter: settings.pageSize must be a whole number from 1 to 100');
  const defaultMaxPages = settings.maxPages ?? 8;

  const discover = async (call: AdapterCall, handle: string, media: { after?: string } | undefined): Promise<Result<HttpSuccess<BusinessDiscoveryResponse>, AdapterErrorV1>> => {
    // The handle went through core's HandleSchema: letters, digits, ".", "_", "-" only, so it cannot break out of the field expression.
    const mediaField = media ? `,media${media.after ? `.after(${media.after.replace(/[^A-Za-z0-9_=-]/g, '')})` : ''}.limit(${pageSize}){${INSTAGRAM_MEDIA_FIELDS}}` : '';
    return await call.json({
        endpoint: ENDPOINT,
        path: `/${apiVersion}/${igUserId}`,
        query: { fields: `business_discovery.username(${handle}){${INSTAGRAM_USER_FIELDS}${mediaField}}` },
        schema: BusinessDiscoveryResponseSchema,
      });
  };

  return createPlatformAdapter({
    config: {
      platform: 'instagram',
      adapterId: INSTAGRAM_GRAPH_ADAPTER_ID,
      adapterVersion: INSTAGRAM_ADAPTER_VERSION,
      capabilities: {
        scopes: ['timeline', 'profile'],
        lookup: false,
        distinguishesPrivateFromDeleted: false,
        // Instagram marks no caption as edited; edits show only as changed text across captures.
        exposesEdits: false,
        exposesLikes: false,
        exposesFollows: false,
        mediaDownload: true,
      },
      baseUrl,
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      secrets: [accessToken],
      secretQueryParams: ['access_token', 'appsecret_proof'],
      rateLimits: { [ENDPOINT]: settings.rateLimit ?? { limit: 200, windowMs: 3_600_000 } },
      concurrency: settings.concurrency ?? 2,
      readRateLimit: metaUsageRateLimitReader({ slowDownAtPercent }),
      mapHttpError: (failure) => mapInstagramGraphError(failure),
      media: { allowedHosts: settings.mediaHosts ?? ['.cdninstagram.com', '.fbcdn.net'] },
      ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(settings.clock ? { clock: settings.clock } : {}),
      ...(settings.random ? { random: settings.random } : {}),
      ...(settings.onEvent ? { onEvent: settings.onEvent } : {}),
    },
    adapter: {
      resolve: async (call, handle) => {
        const response = await discover(call, handle, undefined);
        if (response.isErr()) return err(response.error);
        const user = response.value.data.business_discovery;
        return ok({ account: { platform: 'instagram', handle: user.username ?? handle, id: user.id }, observation: 'public', profile: instagramUserToProfile(user), raw: [response.value.raw] });
      },
      capture: (call, account, scope, options) => capture(call, account, scope, options),
    },
  });

  async function capture(call: AdapterCall, account: Account, scope: CaptureScope, options: CaptureOptionsV1): Promise<Result<AdapterCaptureV1, AdapterErrorV1>> {
    const startedAt = call.isoNow();
    const raw: RawResponseV1[] = [];
    if (scope === 'profile') {
      const response = await discover(call, account.handle, undefined);
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
    const maxPages = options.maxPages ?? defaultMaxPages;
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
      const response = await discover(call, account.handle, after ? { after } : {});
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
}
