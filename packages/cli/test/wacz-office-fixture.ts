import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CaptureSchema } from '@sipansos/core';
import { createFsStore } from '@sipansos/store-fs';
import { WARCRecord, WARCSerializer } from 'warcio';

/** The invented texts a replay must show. */
export const API_POST_TEXT = 'Ayo dukung paslon nomor 2, kata Bu Guru Contoh (teks uji arsip)';
export const PATROL_POST_TEXT = 'Postingan patroli: relawan Desa Contoh siap menangkan paslon 2';
export const PATROL_PAGE_URL = 'https://www.facebook.com/halaman.contoh.invalid/posts/100000000000001';
export const API_URL = 'https://api.x.com/2/users/1790000009/tweets?max_results=100&tweet.fields=created_at';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function patrolWarc(): Promise<Uint8Array> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Halaman Contoh</title></head><body><article><p>${PATROL_POST_TEXT}</p></article></body></html>`;
  const body = new TextEncoder().encode(html);
  const records = [
    await WARCRecord.create({ url: PATROL_PAGE_URL, date: '2024-10-01T03:10:00Z', type: 'request', warcVersion: 'WARC/1.1', statusline: 'GET /halaman.contoh.invalid/posts/100000000000001 HTTP/1.1', httpHeaders: { Host: 'www.facebook.com' } }, (async function* () {})()),
    await WARCRecord.create({ url: PATROL_PAGE_URL, date: '2024-10-01T03:10:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.byteLength) } }, (async function* () {
      yield body;
    })()),
  ];
  const parts = await Promise.all(records.map((record) => WARCSerializer.serialize(record, { gzip: false })));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * An office whose store holds an X API capture (a JSON body with {@link API_POST_TEXT}) and a
 * browser patrol capture (a WARC of a page with {@link PATROL_POST_TEXT}); invented accounts.
 */
export async function waczOffice(parent: string): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'sipansos-wacz-'));
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), signingKeyPem, { mode: 0o600 });
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Kabupaten Contoh', actor: 'petugas-a' }));
  await writeFile(path.join(dir, 'subjects.json'), '[]');
  const apiBody = new TextEncoder().encode(JSON.stringify({ data: [{ id: '1861000000000000009', text: API_POST_TEXT, created_at: '2024-10-01T02:15:00.000Z' }], meta: { result_count: 1 } }));
  const warc = await patrolWarc();
  const item = (id: string, text: string, url: string) => ({ kind: 'post', platform: 'x', id, author: { handle: 'guru_contoh' }, createdAt: '2024-10-01T02:15:00Z', text, url });
  const api = CaptureSchema.parse({
    id: 'cap-api-1',
    adapter: { id: 'x-api', version: '1.0.0' },
    platform: 'x',
    account: { platform: 'x', handle: 'guru_contoh', id: '1790000009' },
    accountKey: 'x:1790000009',
    scope: 'timeline',
    capturedAt: '2024-10-01T03:00:00Z',
    requests: [{ method: 'GET', url: API_URL, status: 200, at: '2024-10-01T03:00:00Z', bodySha256: sha256(apiBody) }],
    rawBlobs: [sha256(apiBody)],
    items: [item('1861000000000000009', API_POST_TEXT, 'https://x.com/guru_contoh/status/1861000000000000009')],
    window: { complete: true },
  });
  const patrol = CaptureSchema.parse({
    id: 'cap-patrol-1',
    adapter: { id: 'patrol', version: '1.0.0' },
    platform: 'facebook',
    account: { platform: 'facebook', handle: 'halaman.contoh.invalid' },
    accountKey: 'facebook:halaman.contoh.invalid',
    scope: 'timeline',
    capturedAt: '2024-10-01T03:10:00Z',
    rawBlobs: [sha256(warc)],
    items: [{ ...item('100000000000001', PATROL_POST_TEXT, PATROL_PAGE_URL), platform: 'facebook', author: { handle: 'halaman.contoh.invalid' } }],
    window: { complete: false },
    patrol: { actor: 'petugas-a', browser: { product: 'Chromium/130', userAgent: 'Mozilla/5.0 (uji)' }, urlChain: [PATROL_PAGE_URL], warcSha256: sha256(warc) },
  });
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem });
  (await store.open())._unsafeUnwrap();
  (await store.putBlob(apiBody))._unsafeUnwrap();
  (await store.putBlob(warc))._unsafeUnwrap();
  (await store.append('capture', [api, patrol]))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  return dir;
}
