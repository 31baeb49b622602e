import type { AdapterClock, AdapterEvent, AdapterRetryPolicy, AdapterTimeouts, EndpointRateLimit } from '@sipansos/core/adapter-kit';
import { X_DEFAULT_PRICING, type XPricing } from './x-endpoints.js';

/** Settings of {@link createXAdapter}. Only the bearer token is required (here or in the environment). */
export interface XAdapterSettings {
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
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /**
   * Per-endpoint caps overriding {@link X_DEFAULT_RATE_LIMITS} (keys are endpoint ids such as
   * `GET /2/users/:id/tweets`). Lower them when several tools share one app.
   */
  rateLimits?: Partial<Record<string, EndpointRateLimit>>;
  /** Requests in flight at once per endpoint. @default 4 */
  concurrency?: number;
  timeouts?: AdapterTimeouts;
  retry?: AdapterRetryPolicy;
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
  /** Injected clock (tests use fake timers or a virtual clock). */
  clock?: AdapterClock;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Request, response, wait and error events, already redacted. */
  onEvent?: (event: AdapterEvent) => void;
  /** Environment to read `SIPANSOS_X_*` from. @default process.env */
  env?: Record<string, string | undefined>;
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
 * Apply defaults and the environment. Throws a `TypeError` naming the setting when the token is
 * missing or a number is out of range: construction is where a misconfiguration must surface.
 */
export function resolveXSettings(settings: XAdapterSettings): ResolvedXSettings {
  const env = settings.env ?? process.env;
  const bearerToken = settings.bearerToken ?? env.SIPANSOS_X_BEARER_TOKEN;
  if (!bearerToken || bearerToken.trim() === '') {
    throw new TypeError('createXAdapter: settings.bearerToken is missing — pass it, or set SIPANSOS_X_BEARER_TOKEN (an app-only bearer token from the X developer console)');
  }
  const baseUrl = settings.baseUrl ?? env.SIPANSOS_X_BASE_URL ?? X_DEFAULT_BASE_URL;
  const whole = (name: string, value: number | undefined, fallback: number, min: number, max: number): number => {
    const chosen = value ?? fallback;
    if (!Number.isInteger(chosen) || chosen < min || chosen > max) throw new TypeError(`createXAdapter: settings.${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
    return chosen;
  };
  return {
    bearerToken: bearerToken.trim(),
    baseUrl,
    pageSize: whole('pageSize', settings.pageSize, 100, 5, 100),
    timelineMaxPages: whole('timelineMaxPages', settings.timelineMaxPages, 32, 1, 1000),
    likesMaxPages: whole('likesMaxPages', settings.likesMaxPages, 5, 1, 1000),
    followsMaxPages: whole('followsMaxPages', settings.followsMaxPages, 5, 1, 1000),
    pricing: { ...X_DEFAULT_PRICING, ...settings.pricing },
  };
}
