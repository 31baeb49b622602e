import { createHmac } from 'node:crypto';
import { adapterSettingsReader } from './adapter-settings.js';
import { DEFAULT_META_SLOW_DOWN_AT_PERCENT } from './meta-usage-headers.js';
import type { AdapterRuntimeSettings } from './platform-adapter-config.js';
import type { EndpointRateLimit } from './sliding-window-limiter.js';

// The settings both Meta adapters read the same way (token, API version, app secret proof,
// page size, slow-down threshold, rate cap), checked once here.

/** The environment variable holding the Meta access token, shared by both Meta adapters. */
export const META_ACCESS_TOKEN_VARIABLE = 'SIPANSOS_META_ACCESS_TOKEN';
/** The environment variable holding the usage percentage from which Meta requests slow down. */
export const META_SLOW_DOWN_VARIABLE = 'SIPANSOS_META_SLOW_DOWN_AT_PERCENT';
/** Query parameters whose values are secret on the Graph API. */
export const META_SECRET_QUERY_PARAMS: readonly string[] = ['access_token', 'appsecret_proof', 'client_secret'];

/** Settings both Meta Graph adapters take (each documents its own defaults and variables). */
export interface MetaGraphSettings extends AdapterRuntimeSettings {
  accessToken?: string;
  baseUrl?: string;
  apiVersion?: string;
  /** When set, every request carries `appsecret_proof` (HMAC-SHA256 of the token). */
  appSecret?: string;
  pageSize?: number;
  maxPages?: number;
  slowDownAtPercent?: number;
  rateLimit?: EndpointRateLimit;
  mediaHosts?: readonly string[];
}

/** {@link MetaGraphSettings} checked, with defaults and the environment applied. */
export interface ResolvedMetaGraphSettings {
  accessToken: string;
  baseUrl: string;
  apiVersion: string;
  pageSize: number;
  maxPages: number;
  slowDownAtPercent: number;
  rateLimit: EndpointRateLimit;
  /** Query parameters every request carries (`appsecret_proof` when an app secret is set). */
  commonQuery: Record<string, string>;
  /** Every secret value the adapter holds, for redaction. */
  secrets: string[];
}

/** Where one adapter's Meta settings come from when not given. */
export interface MetaGraphSettingsSource {
  /** The factory's name, for messages. */
  factory: string;
  /** What the token must grant, for the "token is required" message. */
  tokenHint: string;
  baseUrlVariable: string;
  defaultBaseUrl: string;
  apiVersionVariable: string;
  defaultApiVersion: string;
  defaultMaxPages: number;
}

/**
 * Read and check a Meta adapter's settings (settings object first, then the environment).
 * Throws an `AdapterSettingsError` naming the setting and its variable.
 */
export function resolveMetaGraphSettings(settings: MetaGraphSettings, source: MetaGraphSettingsSource): ResolvedMetaGraphSettings {
  const read = adapterSettingsReader(source.factory, settings, settings.env ?? process.env);
  const accessToken = read.string({ name: 'accessToken', variable: META_ACCESS_TOKEN_VARIABLE, hint: source.tokenHint, secret: true });
  const baseUrl = read.string({ name: 'baseUrl', variable: source.baseUrlVariable, fallback: source.defaultBaseUrl, pattern: /^https?:\/\/\S+$/i, hint: 'must be an absolute http(s) URL' });
  const apiVersion = read.string({ name: 'apiVersion', variable: source.apiVersionVariable, fallback: source.defaultApiVersion, pattern: /^v\d{1,3}\.\d{1,2}$/, hint: 'must look like "v25.0"' });
  const slowDownAtPercent = read.number({ name: 'slowDownAtPercent', variable: META_SLOW_DOWN_VARIABLE, fallback: DEFAULT_META_SLOW_DOWN_AT_PERCENT, min: 1, max: 100 });
  const pageSize = read.number({ name: 'pageSize', fallback: 25, min: 1, max: 100, integer: true });
  const maxPages = read.number({ name: 'maxPages', fallback: source.defaultMaxPages, min: 1, max: 1000, integer: true });
  const rateLimit = settings.rateLimit ?? { limit: 200, windowMs: 3_600_000 };
  const appSecret = read.optionalString({ name: 'appSecret', secret: true });
  const appSecretProof = appSecret ? createHmac('sha256', appSecret).update(accessToken).digest('hex') : undefined;
  return {
    accessToken,
    baseUrl,
    apiVersion,
    pageSize,
    maxPages,
    slowDownAtPercent,
    rateLimit,
    commonQuery: appSecretProof ? { appsecret_proof: appSecretProof } : {},
    secrets: [accessToken, ...(appSecret ? [appSecret] : []), ...(appSecretProof ? [appSecretProof] : [])],
  };
}
