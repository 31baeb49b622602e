import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMhtml, decodeQuotedPrintable, looksLikeMhtml } from './mhtml-decode.js';

const BOUNDARY = '----MultipartBoundary--Hq3c9Yk2QpVtb8Zx1----';

// In the shape Chrome writes with "Save page as… Webpage, Single File".
function chromeMhtml(htmlQuotedPrintable: string, extraParts = ''): Uint8Array {
  const text = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://www.facebook.com/sari.wulandari.contoh',
    'Subject: Sari Wulandari | Facebook',
    'Date: Wed, 20 Nov 2024 08:15:00 +0700',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${BOUNDARY}"`,
    '',
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://www.facebook.com/sari.wulandari.contoh',
    '',
    htmlQuotedPrintable,
    '',
    extraParts,
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('decodeMhtml', () => {
  it('reads the HTML part of a Chrome archive, undoing quoted-printable soft breaks and UTF-8 escapes', () => {
    const qp = '<html><head><meta charset=3D"utf-8"></head><body><p>Ayo dukung pasa=\r\nngan nomor 2 =E2=80=94 Bu Sari</p></body></html>';
    const result = decodeMhtml(chromeMhtml(qp));
    expect(result.isOk()).toBe(true);
    const document = result._unsafeUnwrap();
    expect(document.html).toContain('<p>Ayo dukung pasangan nomor 2 — Bu Sari</p>');
    expect(document.html).toContain('<meta charset="utf-8">');
    expect(document.snapshotUrl).toBe('https://www.facebook.com/sari.wulandari.contoh');
    expect(document.savedDate).toBe('Wed, 20 Nov 2024 08:15:00 +0700');
  });

  it('decodes base64 parts such as images', () => {
    const image = [
      `--${BOUNDARY}`,
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://scontent.example/photo.png',
      '',
      Buffer.from('PNGDATA').toString('base64'),
      '',
    ].join('\r\n');
    const document = decodeMhtml(chromeMhtml('<html><body>x</body></html>', image))._unsafeUnwrap();
    const png = document.parts.find((part) => part.mediaType === 'image/png');
    expect(Buffer.from(png?.bytes ?? []).toString()).toBe('PNGDATA');
    expect(png?.contentLocation).toBe('https://scontent.example/photo.png');
  });

  it('honours a non-UTF-8 charset on the HTML part', () => {
    const text = [
      'MIME-Version: 1.0',
      `Content-Type: multipart/related; boundary="${BOUNDARY}"; type="text/html"`,
      '',
      `--${BOUNDARY}`,
      'Content-Type: text/html; charset=windows-1252',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>caf=E9</p>',
      `--${BOUNDARY}--`,
    ].join('\n');
    expect(decodeMhtml(new Uint8Array(Buffer.from(text, 'latin1')))._unsafeUnwrap().html).toBe('<p>café</p>');
  });

  it('rejects a file that is not multipart with a message naming what was found', () => {
    const result = decodeMhtml(new Uint8Array(Buffer.from('Content-Type: text/plain\r\n\r\nhello')));
    expect(result._unsafeUnwrapErr().type).toBe('invalid_input');
    expect(result._unsafeUnwrapErr().message).toContain('text/plain');
  });

  it('recognises MHTML by its header and not plain HTML', () => {
    expect(looksLikeMhtml(chromeMhtml('<html></html>'))).toBe(true);
    expect(looksLikeMhtml(new Uint8Array(Buffer.from('<!doctype html><html></html>')))).toBe(false);
  });

  it('never throws on truncated or mutated archives', () => {
    const archive = chromeMhtml('<html><body><p>Salam dari Desa Sukamaju =E2=80=94 pilih nomor 1</p></body></html>');
    fc.assert(
      fc.property(fc.nat({ max: archive.length }), fc.array(fc.tuple(fc.nat({ max: archive.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), (cut, mutations) => {
        const bytes = archive.slice(0, cut);
        for (const [index, value] of mutations) if (index < bytes.length) bytes[index] = value;
        const result = decodeMhtml(bytes);
        if (result.isErr()) expect(result.error.type).toBe('invalid_input');
        else expect(typeof result.value.html).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeQuotedPrintable', () => {
  it('round-trips any bytes encoded as =XX escapes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const encoded = [...bytes].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('=\r\n');
        expect([...decodeQuotedPrintable(encoded)]).toEqual([...bytes]);
      }),
    );
  });
});
