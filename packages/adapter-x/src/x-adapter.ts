import { createPlatformAdapter, type ManagedPlatformAdapter } from '@sipansos/core/adapter-kit';
import { type ResolvedAccountV1 } from '@sipansos/core/spec';
import { err } from 'neverthrow';
import { resolveXSettings, type XAdapterSettings } from './x-adapter-settings.js';
import { captureX, checkUsername, fetchUser, X_HISTORY_LIMIT } from './x-capture.js';
import { estimateXCost } from './x-cost.js';
import { X_DEFAULT_RATE_LIMITS } from './x-endpoints.js';
import { mapProfile } from './x-map-item.js';
import { lookupPosts } from './x-lookup.js';
import { captureProfiles, resolveUsernames, X_USERS_BATCH } from './x-users-batch.js';
import { mapXHttpError } from './x-problems.js';

/** Names this adapter in evidence. */
export const X_ADAPTER_ID = 'x-api-v2';
/** Recorded in every capture; bump with the package. */
export const X_ADAPTER_VERSION = '0.1.0';

/**
 * An adapter for X API v2 with an app-only bearer token. Everything is keyed on the numeric
 * user id, so a renamed account stays one account. Rate limits, retries, deadlines, validation
 * and redaction come from core's `createPlatformAdapter`.
 *
 * Throws an `AdapterSettingsError` (a `TypeError`) naming the setting and its environment
 * variable when the bearer token is missing (neither `settings.bearerToken` nor
 * `SIPANSOS_X_BEARER_TOKEN`) or a setting is unusable.
 *
 * @example
 * ```ts
 * const x = createXAdapter({ bearerToken: process.env.SIPANSOS_X_BEARER_TOKEN });
 * const resolved = await x.resolve('contoh_akun');
 * ```
 */
export function createXAdapter(settings: XAdapterSettings = {}): ManagedPlatformAdapter {
  const resolved = resolveXSettings(settings);
  const rateLimits = { ...X_DEFAULT_RATE_LIMITS };
  for (const [endpoint, limit] of Object.entries(settings.rateLimits ?? {})) if (limit) rateLimits[endpoint as keyof typeof rateLimits] = limit;
  const config: Parameters<typeof createPlatformAdapter>[0]['config'] = {
    platform: 'x',
    adapterId: X_ADAPTER_ID,
    adapterVersion: X_ADAPTER_VERSION,
    baseUrl: resolved.baseUrl,
    capabilities: {
      scopes: ['timeline', 'likes', 'follows', 'profile'],
      lookup: true,
      distinguishesPrivateFromDeleted: true,
      exposesEdits: true,
      exposesLikes: false,
      exposesFollows: true,
      maxLookupBatch: 1_000,
      maxResolveBatch: X_USERS_BATCH,
      maxProfileBatch: X_USERS_BATCH,
      mediaDownload: true,
      historyLimit: X_HISTORY_LIMIT,
    },
    headers: { authorization: `Bearer ${resolved.bearerToken}`, 'user-agent': `sipansos-${X_ADAPTER_ID}/${X_ADAPTER_VERSION}` },
    secrets: [resolved.bearerToken],
    rateLimits,
    mapHttpError: mapXHttpError,
    estimateCost: estimateXCost(resolved.pricing),
    media: {
      allowedHosts: settings.media?.allowedHosts ?? ['pbs.twimg.com', 'video.twimg.com'],
      maxBytes: settings.media?.maxBytes ?? 52_428_800,
      allowedTypes: ['image/', 'video/'],
      ...(settings.media?.resolveHost ? { resolveHost: settings.media.resolveHost } : {}),
    },
  };
  return createPlatformAdapter({
    config,
    runtime: settings,
    adapter: {
      resolve: async (call, handle) => {
        const problem = checkUsername(handle);
        if (problem) return err(problem);
        const user = await fetchUser(call, { username: handle });
        return user.map(
          ({ user: found, raw }): ResolvedAccountV1 => ({
            account: { platform: 'x', handle: found.username, id: found.id },
            observation: found.protected ? 'private' : 'public',
            profile: mapProfile(found),
            raw: [raw],
          }),
        );
      },
      capture: (call, account, scope, options) => captureX(call, account, scope, options, resolved),
      lookup: (call, ids) => lookupPosts(call, ids),
      resolveMany: (call, handles) => resolveUsernames(call, handles),
      captureProfiles: (call, accounts) => captureProfiles(call, accounts),
    },
  });
}

