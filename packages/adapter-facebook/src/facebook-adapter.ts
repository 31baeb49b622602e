import {
  AdapterSettingsError,
  createPlatformAdapter,
  META_SECRET_QUERY_PARAMS,
  metaUsageRateLimitReader,
  resolveMetaGraphSettings,
  type ManagedPlatformAdapter,
} from '@sipansos/core/adapter-kit';
import { type AdapterCapabilitiesV1, type ResolvedAccountV1 } from '@sipansos/core/spec';
import { FACEBOOK_DEFAULT_API_VERSION, FACEBOOK_GRAPH_BASE_URL, type FacebookAdapterSettings } from './facebook-adapter-settings.js';
import { captureFacebook, FACEBOOK_ENDPOINTS, readPage, type FacebookGraph } from './facebook-capture.js';
import { mapGraphError } from './facebook-graph-errors.js';
import { lookupFacebookPosts } from './facebook-lookup.js';
import { facebookPageToProfile } from './facebook-map-item.js';

export { FACEBOOK_PAGE_FIELDS, FACEBOOK_POST_FIELDS } from './facebook-capture.js';

/** Recorded in every capture this adapter makes. */
export const FACEBOOK_ADAPTER_VERSION = '0.1.0';
/** The adapter id in evidence. */
export const FACEBOOK_GRAPH_ADAPTER_ID = 'facebook-graph';

/**
 * Facebook through the Graph API: Page lookup, the Page's posts (message, times, permalink,
 * attachments, shares), and post lookup by id with the "deleted or no permission" check (a
 * control post read with the same token). Personal profiles are not reachable by any API:
 * use {@link createFacebookWebAdapter} for public pages and `sipansos import` for saved ones.
 *
 * Throws an `AdapterSettingsError` (a `TypeError`) naming the setting and its environment
 * variable when no access token is configured or a setting is unusable.
 *
 * @example
 * ```ts
 * const facebook = createFacebookAdapter({ controlPostId: '100200300400500_611223344556677' });
 * const page = await facebook.resolve('infodesasukamaju.contoh');
 * ```
 */
export function createFacebookAdapter(settings: FacebookAdapterSettings = {}): ManagedPlatformAdapter {
  const factory = 'createFacebookAdapter';
  const resolved = resolveMetaGraphSettings(settings, {
    factory,
    tokenHint: 'a Page or system-user token with Page Public Content Access',
    baseUrlVariable: 'SIPANSOS_FACEBOOK_BASE_URL',
    defaultBaseUrl: FACEBOOK_GRAPH_BASE_URL,
    apiVersionVariable: 'SIPANSOS_FACEBOOK_API_VERSION',
    defaultApiVersion: FACEBOOK_DEFAULT_API_VERSION,
    defaultMaxPages: 10,
  });
  const env = settings.env ?? process.env;
  const controlPostId = settings.controlPostId ?? (env['SIPANSOS_FACEBOOK_CONTROL_POST_ID']?.trim() || undefined);
  if (controlPostId !== undefined && !/^\d{1,32}(_\d{1,32})?$/.test(controlPostId)) {
    throw new AdapterSettingsError({ factory, setting: 'settings.controlPostId', variable: 'SIPANSOS_FACEBOOK_CONTROL_POST_ID', problem: 'must be a Graph post id such as "100200300400500_611223344556677"' });
  }
  const graph: FacebookGraph = { settings: resolved, controlPostId, pageIds: new Map() };

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

  const { rateLimit } = resolved;
  return createPlatformAdapter({
    config: {
      platform: 'facebook',
      adapterId: FACEBOOK_GRAPH_ADAPTER_ID,
      adapterVersion: FACEBOOK_ADAPTER_VERSION,
      capabilities,
      baseUrl: resolved.baseUrl,
      headers: { authorization: `Bearer ${resolved.accessToken}`, accept: 'application/json' },
      secrets: resolved.secrets,
      secretQueryParams: META_SECRET_QUERY_PARAMS,
      rateLimits: { [FACEBOOK_ENDPOINTS.page]: rateLimit, [FACEBOOK_ENDPOINTS.posts]: rateLimit, [FACEBOOK_ENDPOINTS.post]: rateLimit },
      concurrency: 2,
      readRateLimit: metaUsageRateLimitReader({ slowDownAtPercent: resolved.slowDownAtPercent }),
      // Meta counts usage over a rolling hour: without an announced time, wait the hour.
      mapHttpError: (failure) => mapGraphError(failure, { fallbackRetryAfterMs: 3_600_000 }),
      media: { allowedHosts: settings.mediaHosts ?? ['.fbcdn.net'] },
    },
    runtime: settings,
    adapter: {
      resolve: (call, handle) =>
        readPage(graph, call, handle).map(
          (response): ResolvedAccountV1 => ({
            account: { platform: 'facebook', handle: response.data.username ?? handle, id: response.data.id },
            observation: 'public',
            profile: facebookPageToProfile(response.data),
            raw: [response.raw],
          }),
        ),
      capture: (call, account, scope, options) => captureFacebook(graph, call, account, scope, options),
      lookup: (call, ids) => lookupFacebookPosts(graph, call, ids),
    },
  });
}
