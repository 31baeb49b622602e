import { WARCParser } from 'warcio';
import type { WarcIndexEntry } from './warc-index-entry.js';

/**
 * Index the `response` records of a patrol capture's WARC (uncompressed, kept byte for byte as
 * recorded): offset, length, URL, date, status and payload digest of each.
 */
export async function indexPatrolWarc(bytes: Uint8Array, filename: string, captureId: string): Promise<WarcIndexEntry[]> {
  const parser = new WARCParser((async function* () {
    yield bytes;
  })());
  const entries: WarcIndexEntry[] = [];
  for await (const record of parser) {
    const payload = await record.readFully(false);
    if (record.warcType !== 'response' || !record.warcTargetURI) continue;
    const status = Number(record.httpHeaders?.statusCode ?? 200);
    const mime = (record.httpHeaders?.headers.get('Content-Type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? 'application/octet-stream';
    const digest = record.warcHeader('WARC-Payload-Digest') ?? `sha256:${await sha256(payload)}`;
    entries.push({ url: record.warcTargetURI, date: new Date(record.warcDate ?? 0).toISOString(), mime, status, digest, offset: parser.offset, length: parser.recordLength, filename, recordId: record.warcHeader('WARC-Record-ID') ?? '', captureId });
  }
  return entries;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}
