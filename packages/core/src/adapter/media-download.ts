import { err, ok, ResultAsync, type Result } from 'neverthrow';
import { sha256Hex } from '../hashing/sha256.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { MediaDownloadV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { AdapterHttp, CallState } from './adapter-http.js';
import type { MediaDownloadConfig } from './platform-adapter-config.js';
import { isPrivateAddress } from './private-address.js';
import type { Redactor } from './redaction.js';

/** The endpoint id media downloads are queued and counted under. */
export const MEDIA_ENDPOINT = 'GET media';

/**
 * Download media with the guard every adapter shares: https only, a host allow-list checked on
 * every redirect hop, no loopback or private address (literal or resolved), a size cap and a
 * content-type check. No API credentials are sent to media hosts.
 */
export function downloadMedia(http: AdapterHttp, call: CallState, config: MediaDownloadConfig, redactor: Redactor, url: string): ResultAsync<MediaDownloadV1, AdapterErrorV1> {
  return ResultAsync.fromSafePromise(follow(http, call, config, redactor, url)).andThen((result) => result);
}

async function follow(http: AdapterHttp, call: CallState, config: MediaDownloadConfig, redactor: Redactor, start: string): Promise<Result<MediaDownloadV1, AdapterErrorV1>> {
  const maxRedirects = config.maxRedirects ?? 3;
  const allowedTypes = config.allowedTypes ?? ['image/', 'video/'];
  let current = start;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const checked = await checkUrl(current, config, redactor);
    if (checked.isErr()) return err(checked.error);
    const exchanged = await http.exchange(call, {
      endpoint: MEDIA_ENDPOINT,
      method: 'GET',
      url: checked.value,
      headers: { accept: allowedTypes.map((type) => `${type}*`).join(', ') },
      idempotent: true,
      maxBytes: config.maxBytes ?? 52_428_800,
      redirect: 'manual',
      redactBody: false,
    });
    if (exchanged.isErr()) return err(exchanged.error);
    const response = exchanged.value;
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      if (!location) return err(refused(redactor, current, 'a redirect without a Location header'));
      try {
        current = new URL(location, checked.value).toString();
      } catch {
        return err(refused(redactor, current, 'a redirect to an unreadable Location'));
      }
      continue;
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!allowedTypes.some((prefix) => mediaType.startsWith(prefix.toLowerCase()))) {
      return err({
        type: 'parse',
        message: `media ${redactor.url(checked.value.toString())}: content type "${mediaType || '(none)'}" is not one of ${allowedTypes.join(', ')}`,
        bodySha256: sha256Hex(response.bytes),
        issues: [{ path: 'content-type', message: `expected ${allowedTypes.join(' or ')}, got "${mediaType || '(none)'}"` }],
      });
    }
    return ok({ bytes: response.bytes, mediaType, url: redactor.url(checked.value.toString()) });
  }
  return err(refused(redactor, current, `more than ${maxRedirects} redirects`));
}

async function checkUrl(value: string, config: MediaDownloadConfig, redactor: Redactor): Promise<Result<URL, AdapterErrorV1>> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return err(refused(redactor, value, 'not a URL'));
  }
  if (url.protocol !== 'https:') return err(refused(redactor, value, 'only https media is downloaded'));
  if (url.username || url.password) return err(refused(redactor, value, 'credentials in a media URL'));
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (isPrivateAddress(host)) return err(refused(redactor, value, 'a loopback or private address'));
  if (!hostAllowed(host, config.allowedHosts)) {
    return err(refused(redactor, value, `host ${host} is not in the allow-list (${config.allowedHosts.join(', ')})`));
  }
  if (config.resolveHost) {
    let addresses: readonly string[];
    try {
      addresses = await config.resolveHost(host);
    } catch (error) {
      return err({ type: 'network', message: `media host ${host} did not resolve: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (addresses.some((address) => isPrivateAddress(address))) return err(refused(redactor, value, `host ${host} resolves to a loopback or private address`));
  }
  return ok(url);
}

/** `pbs.twimg.com` matches exactly; `.fbcdn.net` matches that domain's subdomains. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const rule = entry.toLowerCase();
    return rule.startsWith('.') ? host.endsWith(rule) && host.length > rule.length : host === rule;
  });
}

function refused(redactor: Redactor, url: string, why: string): AdapterErrorV1 {
  const message = `media ${redactor.url(url)} refused: ${why}`;
  return { type: 'invalid_input', message, issues: [{ path: 'url', message: why }] };
}
