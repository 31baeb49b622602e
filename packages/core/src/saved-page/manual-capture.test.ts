import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../hashing/sha256.js';
import { buildManualCapture, manualCaptureId, redactUrlSecrets } from './manual-capture.js';
import type { SavedPageParser } from './saved-page.js';
import { detectSavedFileFormat, platformFromUrl } from './saved-page.js';

const account = { platform: 'facebook', handle: 'sari.wulandari.contoh' };
const base = {
  account,
  sourceUrl: 'https://www.facebook.com/sari.wulandari.contoh',
  importedBy: 'petugas.andi',
  importedAt: '2024-11-20T08:15:00+07:00',
};
const html = new Uint8Array(Buffer.from('<!doctype html><html><body><div role="article">Ayo coblos nomor 2</div></body></html>'));
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const oneItemParser: SavedPageParser = () =>
  ok({
    items: [{ platform: 'facebook', id: '1001', kind: 'post', author: { handle: 'sari.wulandari.contoh' }, createdAt: '2024-11-19T10:00:00Z', text: 'Ayo coblos nomor 2', media: [], links: [], hashtags: [], mentions: [] }],
    account: { handle: 'sari.wulandari.contoh' },
    observation: 'public',
  });

describe('buildManualCapture', () => {
  it('turns a saved page into a manual capture with the items the platform parser read', () => {
    const result = buildManualCapture({ ...base, bytes: html, parser: oneItemParser, note: 'dilihat di beranda', fileName: 'sari.html' })._unsafeUnwrap();
    expect(result.format).toBe('html');
    expect(result.blob.sha256).toBe(sha256Hex(html));
    expect(result.capture.adapter).toEqual({ id: 'manual', version: expect.any(String) });
    expect(result.capture.rawBlobs).toEqual([sha256Hex(html)]);
    expect(result.capture.items.map((item) => item.id)).toEqual(['1001']);
    expect(result.capture.manual).toEqual({ importedBy: 'petugas.andi', sourceUrl: base.sourceUrl, note: 'dilihat di beranda', fileName: 'sari.html', mediaType: 'text/html' });
    expect(result.capture.capturedAt).toBe(base.importedAt);
    expect(result.capture.accountKey).toBe('facebook:@sari.wulandari.contoh');
    // A saved page never proves that something older is absent.
    expect(result.capture.window.complete).toBe(false);
    expect(result.capture.window.newest).toEqual({ id: '1001', at: '2024-11-19T10:00:00Z' });
    expect(result.warnings).toEqual([]);
  });

  it('keeps a screenshot as evidence without items and without calling the parser', () => {
    let called = false;
    const parser: SavedPageParser = () => {
      called = true;
      return ok({ items: [], observation: 'public' });
    };
    const result = buildManualCapture({ ...base, bytes: png, parser })._unsafeUnwrap();
    expect(called).toBe(false);
    expect(result.format).toBe('png');
    expect(result.capture.items).toEqual([]);
    expect(result.capture.manual?.mediaType).toBe('image/png');
  });

  it('refuses a saved login wall, which documents nothing of the account', () => {
    const parser: SavedPageParser = () => err({ type: 'unauthorized', message: 'the page is a login wall' });
    const result = buildManualCapture({ ...base, bytes: html, parser });
    expect(result._unsafeUnwrapErr().type).toBe('unauthorized');
  });

  it('keeps a page whose markup is not recognised as evidence and reports the parse problem with its hash', () => {
    const parser: SavedPageParser = (page) => err({ type: 'parse', message: 'no posts container', bodySha256: page.bodySha256, issues: [] });
    const result = buildManualCapture({ ...base, bytes: html, parser })._unsafeUnwrap();
    expect(result.capture.items).toEqual([]);
    expect(result.parseProblem).toMatchObject({ type: 'parse', bodySha256: sha256Hex(html) });
    expect(result.warnings[0]).toContain('no posts container');
  });

  it('warns when the page shows another account than the one named', () => {
    const parser: SavedPageParser = () => ok({ items: [], account: { handle: 'orang.lain' }, observation: 'public' });
    expect(buildManualCapture({ ...base, bytes: html, parser })._unsafeUnwrap().warnings[0]).toContain('orang.lain');
  });

  it('turns a parser that throws into a parse problem instead of an exception', () => {
    const parser: SavedPageParser = () => {
      throw new Error('boom');
    };
    expect(buildManualCapture({ ...base, bytes: html, parser })._unsafeUnwrap().parseProblem?.type).toBe('parse');
  });

  it('rejects empty and unknown files with a message saying what to hand in', () => {
    expect(buildManualCapture({ ...base, bytes: new Uint8Array() })._unsafeUnwrapErr().type).toBe('invalid_input');
    const unknown = buildManualCapture({ ...base, bytes: new Uint8Array([0, 1, 2, 3]) });
    expect(unknown._unsafeUnwrapErr().message).toContain('PNG');
  });

  it('never keeps an access token from the address in the evidence', () => {
    const result = buildManualCapture({ ...base, bytes: png, sourceUrl: 'https://www.facebook.com/x?access_token=EAAsecret&ref=share' })._unsafeUnwrap();
    expect(JSON.stringify(result.capture)).not.toContain('EAAsecret');
    expect(result.capture.manual?.sourceUrl).toContain('ref=share');
  });
});

describe('helpers', () => {
  it('names captures by time and content hash', () => {
    expect(manualCaptureId('2024-11-20T08:15:00+07:00', 'ab'.repeat(32))).toBe('manual-20241120T011500Z-abababababab');
  });
  it('detects platforms and formats', () => {
    expect(platformFromUrl('https://m.facebook.com/story.php?story_fbid=1')).toBe('facebook');
    expect(platformFromUrl('https://www.instagram.com/p/Cx1/')).toBe('instagram');
    expect(platformFromUrl('https://x.com/a/status/1')).toBe('x');
    expect(platformFromUrl('not a url')).toBeUndefined();
    expect(detectSavedFileFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(redactUrlSecrets('https://a.example/?token=1')).toBe('https://a.example/?token=REDACTED');
  });
});
