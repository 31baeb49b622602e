/** One request as the suite saw it leave the adapter. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Epoch ms the request was handed to fetch. */
  startedAt: number;
  /** Epoch ms the response headers arrived (absent when fetch failed). */
  headersAt?: number;
  status?: number;
  /** Response headers that bear on waiting: `retry-after`, `x-rate-limit-*`. */
  retryAfter?: string;
  rateLimitReset?: string;
  rateLimitRemaining?: string;
}

/**
 * A `fetch` that records every request, then calls whatever global `fetch` is at call time
 * (so msw, once listening, still intercepts).
 */
export function recordingFetch(): { fetch: typeof globalThis.fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const record: RecordedRequest = { method: init?.method ?? (input instanceof Request ? input.method : 'GET'), url, startedAt: Date.now() };
    requests.push(record);
    const response = await globalThis.fetch(input, init);
    record.headersAt = Date.now();
    record.status = response.status;
    const retryAfter = response.headers.get('retry-after');
    const reset = response.headers.get('x-rate-limit-reset');
    const remaining = response.headers.get('x-rate-limit-remaining');
    if (retryAfter !== null) record.retryAfter = retryAfter;
    if (reset !== null) record.rateLimitReset = reset;
    if (remaining !== null) record.rateLimitRemaining = remaining;
    return response;
  };
  return { fetch, requests };
}

/** The earliest time the platform allowed a next request after `record`, from its headers. */
export function notBefore(record: RecordedRequest): number {
  const at = record.headersAt ?? record.startedAt;
  let earliest = at;
  if (record.retryAfter !== undefined) {
    const seconds = /^\d+$/.test(record.retryAfter.trim()) ? Number(record.retryAfter) * 1000 : Date.parse(record.retryAfter) - at;
    if (Number.isFinite(seconds)) earliest = Math.max(earliest, at + seconds);
  }
  if (record.rateLimitReset !== undefined && (record.status === 429 || record.rateLimitRemaining === '0')) {
    const reset = Number(record.rateLimitReset) * 1000;
    if (Number.isFinite(reset)) earliest = Math.max(earliest, reset);
  }
  return earliest;
}
