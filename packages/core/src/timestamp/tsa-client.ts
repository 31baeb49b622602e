import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import type { TimestampError } from './timestamp-error.js';
import { createTimestampRequest, tokenFromResponse, verifyTimestampToken, type TimestampTokenInfo } from './timestamp-token.js';

/** Settings of {@link requestTimestamp}. */
export interface RequestTimestampOptions {
  /** The TSA's URL (HTTP POST, `application/timestamp-query`). */
  tsaUrl: string;
  /** The sha256 (hex) to timestamp. */
  imprint: string;
  /** PEM roots the TSA's certificate must chain to; a token that does not is refused, not stored. */
  trustAnchors: readonly string[];
  /** Extra PEM intermediates for chain building. */
  intermediates?: readonly string[];
  /**
   * The `fetch` to use (inside Node, `globalThis.fetch` is undici).
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Deadline of one attempt, in milliseconds.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Further attempts after a network error, a timeout or an HTTP 5xx/429.
   * @default 2
   */
  retries?: number;
  /**
   * Wait before the first retry, doubled each time.
   * @default 500
   */
  retryDelayMs?: number;
  /** Stops waiting and retrying. */
  signal?: AbortSignal;
}

/** A checked token: its DER bytes and what it says. */
export interface TimestampToken {
  tsaUrl: string;
  /** DER of the `TimeStampToken` (CMS ContentInfo), as `openssl ts -verify -token_in` reads it. */
  token: Uint8Array;
  info: TimestampTokenInfo;
}

const MAX_RESPONSE_BYTES = 1_000_000;

/**
 * Ask one TSA to timestamp a digest (RFC 3161 over HTTP, RFC 3161 §3.4) with deadline and
 * retries, and check its answer fully before handing it back: status, imprint, nonce,
 * signature and chain to the trust anchors.
 */
export function requestTimestamp(options: RequestTimestampOptions): ResultAsync<TimestampToken, TimestampError> {
  const request = createTimestampRequest(options.imprint);
  if (request.isErr()) return errAsync({ ...request.error, tsaUrl: options.tsaUrl });
  const { der, nonce } = request.value;
  const retries = options.retries ?? 2;
  const attempt = (left: number, delay: number): ResultAsync<Uint8Array, TimestampError> =>
    post(options, der).orElse((error) => {
      const retryable = error.type === 'tsa_unreachable' || error.type === 'tsa_timeout' || (error.type === 'tsa_http' && error.cause === 'retryable');
      if (!retryable || left <= 0 || options.signal?.aborted) return errAsync(error);
      return ResultAsync.fromSafePromise(wait(delay, options.signal)).andThen(() => attempt(left - 1, delay * 2));
    });
  return attempt(retries, options.retryDelayMs ?? 500)
    .andThen((body) => {
      const token = tokenFromResponse(body);
      return token.isOk() ? okAsync(token.value) : errAsync(token.error);
    })
    .andThen((token) =>
      verifyTimestampToken(token, { imprint: options.imprint, nonce, trustAnchors: options.trustAnchors, ...(options.intermediates ? { intermediates: options.intermediates } : {}) }).map((info) => ({ tsaUrl: options.tsaUrl, token, info })),
    )
    .mapErr((error) => ({ ...error, tsaUrl: options.tsaUrl }));
}

function post(options: RequestTimestampOptions, der: Uint8Array): ResultAsync<Uint8Array, TimestampError> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  const run = async (): Promise<Uint8Array> => {
    const response = await fetchImpl(options.tsaUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: der,
      signal: AbortSignal.any(signals),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const retryable = response.status >= 500 || response.status === 429;
      throw Object.assign(new Error(`HTTP ${response.status}`), { tsaHttp: true, retryable });
    }
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_RESPONSE_BYTES) throw Object.assign(new Error(`the answer is ${length} bytes, more than a token needs`), { tsaHttp: true, retryable: false });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_RESPONSE_BYTES) throw Object.assign(new Error(`the answer is ${bytes.byteLength} bytes, more than a token needs`), { tsaHttp: true, retryable: false });
    return bytes;
  };
  return ResultAsync.fromPromise(run(), (error): TimestampError => {
    const failure = error as Error & { tsaHttp?: boolean; retryable?: boolean; cause?: { code?: string } };
    if (failure.tsaHttp) return { type: 'tsa_http', message: `the TSA answered ${failure.message}`, cause: failure.retryable ? 'retryable' : 'final' };
    if (failure.name === 'TimeoutError' || (failure.name === 'AbortError' && !options.signal?.aborted)) return { type: 'tsa_timeout', message: `the TSA did not answer within ${timeoutMs} ms` };
    return { type: 'tsa_unreachable', message: `the TSA could not be reached: ${failure.cause?.code ?? failure.message}`, cause: failure.cause?.code ?? failure.message };
  });
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
