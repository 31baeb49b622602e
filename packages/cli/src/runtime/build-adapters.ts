import { AdapterSettingsError, type SharedRateBudget } from '@sipansos/core/adapter-kit';
import { type PlatformAdapterV1 } from '@sipansos/core/spec';
import { createFacebookAdapter } from '@sipansos/adapter-facebook';
import { createInstagramAdapter } from '@sipansos/adapter-instagram';
import { createXAdapter } from '@sipansos/adapter-x';
import type { CliConfig } from '../config/config-schema.js';
import type { BilingualLine } from './runtime-error.js';

/** The environment variables the CLI reads for platforms. Tokens are never printed or stored. */
export const PLATFORM_ENV = {
  xToken: 'SIPANSOS_X_BEARER_TOKEN',
  xBaseUrl: 'SIPANSOS_X_BASE_URL',
  metaToken: 'SIPANSOS_META_ACCESS_TOKEN',
  facebookBaseUrl: 'SIPANSOS_FACEBOOK_BASE_URL',
  instagramBaseUrl: 'SIPANSOS_INSTAGRAM_BASE_URL',
  /** The office's own Instagram business account id, through which business discovery reads others. */
  instagramUserId: 'SIPANSOS_INSTAGRAM_USER_ID',
  /** A Facebook post known to be live: without it a missing Facebook post is never confirmed deleted. */
  facebookControlPostId: 'SIPANSOS_FACEBOOK_CONTROL_POST_ID',
} as const;

/** Adapters built from the config and the environment, and why any platform was left out. */
export interface BuiltAdapters {
  adapters: PlatformAdapterV1[];
  notes: BilingualLine[];
  problems: BilingualLine[];
  /** Platforms left out, and why: their subjects' accounts are skipped (`sipansos status` lists them). */
  skipped: Map<string, BilingualLine>;
}

/**
 * One adapter per enabled platform whose token is set. A platform without its token is left out
 * with a note (its accounts are reported as skipped), so an office with only an X token can run.
 * Capture workers pass the office's `sharedBudget`, so their requests count against one budget.
 */
export function buildAdapters(config: CliConfig, env: Record<string, string | undefined>, shared: { sharedBudget?: SharedRateBudget } = {}): BuiltAdapters {
  const built: BuiltAdapters = { adapters: [], notes: [], problems: [], skipped: new Map() };
  const attempt = (platform: string, make: () => PlatformAdapterV1): void => {
    try {
      built.adapters.push(make());
    } catch (error) {
      // Factories fail one way: an AdapterSettingsError naming the setting and its variable
      // (never a token). Anything else is a bug and must not pass as "platform skipped".
      if (!(error instanceof AdapterSettingsError)) throw error;
      const message = error.message;
      const line = { id: `adaptor ${platform} tidak dapat dibuat: ${message}`, en: `cannot build the ${platform} adapter: ${message}` };
      built.problems.push(line);
      built.skipped.set(platform, line);
    }
  };
  const skip = (platform: string, variable: string): void => {
    built.skipped.set(platform, { id: `${variable} belum diisi`, en: `${variable} is not set` });
    built.notes.push({
      id: `${platform} dilewati: ${variable} belum diisi (akun ${platform} tidak direkam)`,
      en: `${platform} skipped: ${variable} is not set (${platform} accounts are not captured)`,
    });
  };
  for (const platform of ['x', 'facebook', 'instagram'] as const) {
    if (!config.platforms[platform].enabled) built.skipped.set(platform, { id: 'platform dimatikan di konfigurasi', en: 'platform disabled in the config' });
  }
  if (config.platforms.x.enabled) {
    if (env[PLATFORM_ENV.xToken]) attempt('x', () => createXAdapter({ env, ...shared }));
    else skip('x', PLATFORM_ENV.xToken);
  }
  if (config.platforms.facebook.enabled) {
    if (env[PLATFORM_ENV.metaToken]) {
      attempt('facebook', () => createFacebookAdapter({ env, ...shared }));
      if (!env[PLATFORM_ENV.facebookControlPostId]) {
        built.notes.push({
          id: `facebook: ${PLATFORM_ENV.facebookControlPostId} belum diisi, unggahan Facebook yang hilang tidak akan dikonfirmasi terhapus`,
          en: `facebook: ${PLATFORM_ENV.facebookControlPostId} is not set, so missing Facebook posts are never confirmed deleted`,
        });
      }
    } else skip('facebook', PLATFORM_ENV.metaToken);
  }
  if (config.platforms.instagram.enabled) {
    if (!env[PLATFORM_ENV.metaToken]) skip('instagram', PLATFORM_ENV.metaToken);
    else if (!env[PLATFORM_ENV.instagramUserId]) skip('instagram', PLATFORM_ENV.instagramUserId);
    else attempt('instagram', () => createInstagramAdapter({ env, ...shared }));
  }
  return built;
}
