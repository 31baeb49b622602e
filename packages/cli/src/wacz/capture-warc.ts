import { createHash } from 'node:crypto';
import type { Capture } from '@sipansos/core';
import { redactUrlSecrets } from '@sipansos/core/adapter-kit';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { WarcIndexEntry } from './warc-index-entry.js';

/** The media type a raw body shows at its start (bodies are stored without their headers). */
export function sniffMediaType(body: Uint8Array): string {
  const head = Buffer.from(body.subarray(0, 512)).toString('utf8').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'application/json';
  if (head.startsWith('<')) return 'text/html; charset=utf-8';
  return 'application/octet-stream';
}

/** A deterministic `urn:uuid:` from a name, so exporting twice gives the same record ids. */
export function recordIdFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `<urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}>`;
}

/**
 * Every raw response of these captures as WARC/1.1 `response` records (one gzip member each),
 * for the request URL without tokens, dated when the request was made. `blob` returns the
 * stored body or `undefined` when the store lacks it (named in `missing`).
 */
export async function captureResponsesWarc(captures: readonly Capture[], blob: (sha256: string) => Promise<Uint8Array | undefined>, filename: string): Promise<{ bytes: Uint8Array; entries: WarcIndexEntry[]; missing: string[] }> {
  const parts: Uint8Array[] = [];
  const entries: WarcIndexEntry[] = [];
  const missing: string[] = [];
  let offset = 0;
  for (const capture of captures) {
    for (const [index, request] of capture.requests.entries()) {
      if (!request.bodySha256) continue;
      const body = await blob(request.bodySha256);
      if (!body) {
        missing.push(request.bodySha256);
        continue;
      }
      const mime = sniffMediaType(body);
      // Stored URLs are already without tokens; a parameter that could still carry one is masked.
      const url = redactUrlSecrets(request.url);
      const recordId = recordIdFor(`${capture.id}#${index}`);
      const status = request.status ?? 200;
      const record = await WARCRecord.create(
        {
          url,
          date: request.at,
          type: 'response',
          warcVersion: 'WARC/1.1',
          statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`,
          httpHeaders: { 'Content-Type': mime, 'Content-Length': String(body.byteLength) },
          warcHeaders: { 'WARC-Record-ID': recordId },
        },
        (async function* () {
          yield body;
        })(),
      );
      const bytes = await WARCSerializer.serialize(record, { gzip: true, digest: { algo: 'sha-256', prefix: 'sha256:', base32: false } });
      parts.push(bytes);
      entries.push({ url, date: new Date(request.at).toISOString(), mime: mime.split(';')[0] as string, status, digest: `sha256:${request.bodySha256}`, offset, length: bytes.byteLength, filename, recordId, captureId: capture.id });
      offset += bytes.byteLength;
    }
  }
  return { bytes: new Uint8Array(Buffer.concat(parts)), entries, missing };
}
