import { WARCRecord, WARCSerializer } from 'warcio';
import type { RecordedExchange } from './exchange-recorder.js';

/** What the `warcinfo` record says of the capture. */
export interface WarcInfo {
  software: string;
  browser: string;
  userAgent: string;
  actor: string;
  /** e.g. "patrol capture: custody, not origin". */
  description: string;
}

const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false } as const;
// The body is stored decoded, so these no longer describe it; the original values are kept under another name.
const REWRITTEN_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

/**
 * One uncompressed WARC/1.1 file: a `warcinfo` record, then a `request` and a `response` record
 * per exchange (each with WARC-Target-URI, WARC-Date, WARC-Payload-Digest and WARC-Block-Digest
 * as `sha256:<hex>`). Exchanges must already be free of secrets.
 */
export async function writeWarcFile(exchanges: readonly RecordedExchange[], info: WarcInfo, createdAt: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const warcinfo = WARCRecord.createWARCInfo(
    { filename: 'patrol.warc', warcVersion: 'WARC/1.1', date: createdAt },
    { software: info.software, browser: info.browser, 'http-header-user-agent': info.userAgent, operator: info.actor, description: info.description, format: 'WARC File Format 1.1', conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/' },
  );
  parts.push(await WARCSerializer.serialize(warcinfo, { gzip: false, digest: DIGEST }));
  for (const exchange of exchanges) {
    const target = new URL(exchange.url);
    const requestHeaders: Record<string, string> = {};
    for (const header of exchange.requestHeaders) if (!header.name.startsWith(':')) requestHeaders[header.name] = join(requestHeaders[header.name], header.value);
    if (!Object.keys(requestHeaders).some((name) => name.toLowerCase() === 'host')) requestHeaders['Host'] = target.host;
    const request = WARCRecord.create(
      { url: exchange.url, date: exchange.at, type: 'request', warcVersion: 'WARC/1.1', statusline: `${exchange.method} ${target.pathname}${target.search} HTTP/1.1`, httpHeaders: requestHeaders },
      chunks(exchange.requestBody ?? new Uint8Array(0)),
    );
    const responseHeaders: Record<string, string> = {};
    for (const header of exchange.responseHeaders) {
      const lower = header.name.toLowerCase();
      const name = REWRITTEN_HEADERS.has(lower) ? `X-Archive-Orig-${header.name}` : header.name;
      responseHeaders[name] = join(responseHeaders[name], header.value);
    }
    responseHeaders['Content-Length'] = String(exchange.body.byteLength);
    const response = WARCRecord.create(
      { url: exchange.url, date: exchange.at, type: 'response', warcVersion: 'WARC/1.1', statusline: `HTTP/1.1 ${exchange.status} ${exchange.statusText || 'OK'}`, httpHeaders: responseHeaders },
      chunks(exchange.body),
    );
    const responseBytes = await WARCSerializer.serialize(response, { gzip: false, digest: DIGEST });
    const responseId = response.warcHeaders.headers.get('WARC-Record-ID');
    if (responseId) request.warcHeaders.headers.set('WARC-Concurrent-To', responseId);
    parts.push(await WARCSerializer.serialize(request, { gzip: false, digest: DIGEST }), responseBytes);
  }
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function join(previous: string | undefined, value: string): string {
  return previous === undefined ? value : `${previous}, ${value}`;
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  if (bytes.byteLength > 0) yield bytes;
}
