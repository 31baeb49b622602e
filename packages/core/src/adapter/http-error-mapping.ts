import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';

/** What core knows of a failed response when it maps it to an {@link AdapterErrorV1}. */
export interface HttpFailure {
  /** The endpoint id the request was made for, e.g. `GET /2/users/:id/tweets`. */
  endpoint: string;
  status: number;
  headers: Headers;
  /** The body as text (already redacted), possibly cut at the size cap. */
  bodyText: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  /** Milliseconds until a retry may be made, from `Retry-After` or the rate-limit reset. */
  retryAfterMs?: number;
  /** The request's `pauseKeys` (the platform objects it was about), when it named any. */
  pauseKeys?: readonly string[];
}

/**
 * The default HTTP status → error mapping. 401/403 → `unauthorized`; 404/410 → `not_found`;
 * 429 → `rate_limited`; 408 and 5xx → retryable `http`; anything else → `http`.
 */
export function defaultHttpErrorMapping(failure: HttpFailure): AdapterErrorV1 {
  const { status, endpoint } = failure;
  const detail = summarise(failure);
  if (status === 401 || status === 403) {
    return { type: 'unauthorized', status, message: `${endpoint}: HTTP ${status} — the platform refused the credentials or their permissions${detail}` };
  }
  if (status === 404 || status === 410) return { type: 'not_found', message: `${endpoint}: HTTP ${status}${detail}` };
  if (status === 429) {
    return {
      type: 'rate_limited',
      endpoint,
      retryAfterMs: failure.retryAfterMs ?? 60_000,
      message: `${endpoint}: HTTP 429 — rate limited${detail}`,
    };
  }
  const retryable = status === 408 || status >= 500;
  return { type: 'http', status, retryable, message: `${endpoint}: HTTP ${status}${detail}` };
}

function summarise(failure: HttpFailure): string {
  const json = failure.json as { title?: unknown; detail?: unknown; error?: { message?: unknown } } | undefined;
  const parts: string[] = [];
  if (json && typeof json === 'object') {
    if (typeof json.title === 'string') parts.push(json.title);
    if (typeof json.detail === 'string') parts.push(json.detail);
    if (json.error && typeof json.error.message === 'string') parts.push(json.error.message);
  }
  const text = parts.length > 0 ? parts.join(': ') : failure.bodyText.slice(0, 200).replace(/\s+/g, ' ').trim();
  return text ? ` (${text.slice(0, 300)})` : '';
}
