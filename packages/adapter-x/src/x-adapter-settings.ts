import { adapterSettingsReader, type AdapterRuntimeSettings, type EndpointRateLimit } from '@sipansos/core/adapter-kit';
import { X_DEFAULT_PRICING, type XPricing } from './x-endpoints.js';

/** Settings of {@link createXAdapter}. Only the bearer token is required (here or in the environment). */
export interface XAdapterSettings extends AdapterRuntimeSettings {
  /**
   * App-only bearer token of an X developer app.
   * @default process.env.SIPANSOS_X_BEARER_TOKEN
   */
  bearerToken?: string;
  /**
   * Where the X API lives; point it at an API-compatible local server or a recording proxy.
   * @default process.env.SIPANSOS_X_BASE_URL ?? 'https://api.x.com'
   */
  baseUrl?: string;
  /**
   * Per-endpoint caps overriding {@link X_DEFAULT_RATE_LIMITS} (keys are endpoint ids such as
   * `GET /2/users/:id/tweets`). Lower them when several tools share one app.
   */
  rateLimits?: Partial<Record<string, EndpointRateLimit>>;
  /** Posts per timeline/likes page (`max_results`, 5–100). @default 100 */
  pageSize?: number;
  /** Timeline pages read at most per capture: 32 × 100 reaches X's 3,200-post window. @default 32 */
  timelineMaxPages?: number;
  /** Liked-posts pages read at most per capture. @default 5 */
  likesMaxPages?: number;
  /** Following pages (1,000 accounts each) read at most per capture. @default 5 */
  followsMaxPages?: number;
  /** Pay-per-use prices for the cost estimate. @default X_DEFAULT_PRICING */
  pricing?: Partial<XPricing>;
  /** Media download guard. Hosts default to X's media CDN. */
  media?: {
    /** @default ['pbs.twimg.com', 'video.twimg.com'] */
    allowedHosts?: readonly string[];
    /** @default 52_428_800 */
    maxBytes?: number;
    resolveHost?: (host: string) => Promise<readonly string[]>;
  };
}

/** Settings with defaults applied. */
export interface ResolvedXSettings {
  bearerToken: string;
  baseUrl: string;
  pageSize: number;
  timelineMaxPages: number;
  likesMaxPages: number;
  followsMaxPages: number;
  pricing: XPricing;
}

/** X's public API. */
export const X_DEFAULT_BASE_URL = 'https://api.x.com';

/**
 * Apply defaults and the environment (`SIPANSOS_X_BEARER_TOKEN`, `SIPANSOS_X_BASE_URL`). Throws
 * an `AdapterSettingsError` (a `TypeError`) naming the setting and its variable when the token is
 * missing or a number is out of range: construction is where a misconfiguration must surface.
 */
export function resolveXSettings(settings: XAdapterSettings): ResolvedXSettings {
  const read = adapterSettingsReader('createXAdapter', settings, settings.env ?? process.env);
  const bearerToken = read.string({ name: 'bearerToken', variable: 'SIPANSOS_X_BEARER_TOKEN', hint: 'an app-only bearer token from the X developer console', secret: true });
  const baseUrl = read.string({ name: 'baseUrl', variable: 'SIPANSOS_X_BASE_URL', fallback: X_DEFAULT_BASE_URL, pattern: /^https?:\/\/\S+$/i, hint: 'must be an absolute http(s) URL' });
  const whole = (name: string, fallback: number, min: number, max: number): number => read.number({ name, fallback, min, max, integer: true });
  return {
    bearerToken,
    baseUrl,
    pageSize: whole('pageSize', 100, 5, 100),
    timelineMaxPages: whole('timelineMaxPages', 32, 1, 1000),
    likesMaxPages: whole('likesMaxPages', 5, 1, 1000),
    followsMaxPages: whole('followsMaxPages', 5, 1, 1000),
    pricing: { ...X_DEFAULT_PRICING, ...settings.pricing },
  };
}
