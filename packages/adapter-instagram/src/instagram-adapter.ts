import { adapterSettingsReader, createPlatformAdapter, META_SECRET_QUERY_PARAMS, resolveMetaGraphSettings, type ManagedPlatformAdapter } from '@sipansos/core/adapter-kit';
import { err, ok } from 'neverthrow';
import { INSTAGRAM_DEFAULT_API_VERSION, INSTAGRAM_GRAPH_BASE_URL, type InstagramAdapterSettings } from './instagram-adapter-settings.js';
import { captureInstagram, discover, INSTAGRAM_DISCOVERY_ENDPOINT, type InstagramDiscovery } from './instagram-capture.js';
import { mapInstagramGraphError, metaUsageRateLimitReader } from './instagram-graph-errors.js';
import { instagramUserToProfile } from './instagram-map-item.js';

export { INSTAGRAM_MEDIA_FIELDS, INSTAGRAM_USER_FIELDS } from './instagram-capture.js';

/** Recorded in every capture this adapter makes. */
export const INSTAGRAM_ADAPTER_VERSION = '0.1.0';
/** The adapter id in evidence. */
export const INSTAGRAM_GRAPH_ADAPTER_ID = 'instagram-business-discovery';

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
 * Throws an `AdapterSettingsError` (a `TypeError`) naming the setting and its environment
 * variable when the token or `igUserId` is missing or a setting is unusable.
 */
export function createInstagramAdapter(settings: InstagramAdapterSettings = {}): ManagedPlatformAdapter {
  const factory = 'createInstagramAdapter';
  const resolved = resolveMetaGraphSettings(settings, {
    factory,
    tokenHint: 'a user or system-user token with instagram_basic and pages_read_engagement',
    baseUrlVariable: 'SIPANSOS_INSTAGRAM_BASE_URL',
    defaultBaseUrl: INSTAGRAM_GRAPH_BASE_URL,
    apiVersionVariable: 'SIPANSOS_INSTAGRAM_API_VERSION',
    defaultApiVersion: INSTAGRAM_DEFAULT_API_VERSION,
    defaultMaxPages: 8,
  });
  const igUserId = adapterSettingsReader(factory, settings, settings.env ?? process.env).string({
    name: 'igUserId',
    variable: 'SIPANSOS_INSTAGRAM_USER_ID',
    pattern: /^\d{1,32}$/,
    hint: "the numeric id of the office's own Instagram business account",
  });
  const discovery: InstagramDiscovery = { settings: resolved, igUserId };

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
      baseUrl: resolved.baseUrl,
      headers: { authorization: `Bearer ${resolved.accessToken}`, accept: 'application/json' },
      secrets: resolved.secrets,
      secretQueryParams: META_SECRET_QUERY_PARAMS,
      rateLimits: { [INSTAGRAM_DISCOVERY_ENDPOINT]: resolved.rateLimit },
      concurrency: 2,
      readRateLimit: metaUsageRateLimitReader({ slowDownAtPercent: resolved.slowDownAtPercent }),
      mapHttpError: (failure) => mapInstagramGraphError(failure),
      media: { allowedHosts: settings.mediaHosts ?? ['.cdninstagram.com', '.fbcdn.net'] },
    },
    runtime: settings,
    adapter: {
      resolve: async (call, handle) => {
        const response = await discover(discovery, call, handle, undefined);
        if (response.isErr()) return err(response.error);
        const user = response.value.data.business_discovery;
        return ok({ account: { platform: 'instagram', handle: user.username ?? handle, id: user.id }, observation: 'public', profile: instagramUserToProfile(user), raw: [response.value.raw] });
      },
      capture: (call, account, scope, options) => captureInstagram(discovery, call, account, scope, options),
    },
  });
}
