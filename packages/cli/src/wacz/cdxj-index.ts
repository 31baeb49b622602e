import { compareCodeUnits } from '@sipansos/core/evidence';
import type { WarcIndexEntry } from './warc-index-entry.js';

/**
 * The SURT form of a URL as CDXJ keys use it: host labels reversed and comma-joined (without
 * `www.`), `)`, then path and query, lower-cased: `https://www.x.com/a?b=1` → `com,x)/a?b=1`.
 */
export function surtOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.toLowerCase();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\d*\./, '').split('.').reverse().join(',');
  const port = parsed.port ? `:${parsed.port}` : '';
  const query = [...parsed.searchParams.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
  return `${host}${port})${parsed.pathname.toLowerCase()}${query ? `?${query.toLowerCase()}` : ''}`;
}

/** `20241001021500` from an ISO instant. */
export function warcTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** `indexes/index.cdxj`: one line per record, `<surt> <timestamp> <json>`, sorted. */
export function cdxjIndex(entries: readonly WarcIndexEntry[]): string {
  return entries
    .map((entry) => `${surtOf(entry.url)} ${warcTimestamp(entry.date)} ${JSON.stringify({ url: entry.url, mime: entry.mime, status: String(entry.status), digest: entry.digest, length: String(entry.length), offset: String(entry.offset), filename: entry.filename })}`)
    .sort()
    .map((line) => `${line}\n`)
    .join('');
}
