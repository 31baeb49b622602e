import { readFileSync } from 'node:fs';
import { ItemSchema } from '@sipansos/core';
import { readSavedPage, type SavedPage } from '@sipansos/core/adapter-kit';
import { sha256Hex } from '@sipansos/core/evidence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFacebookPage } from './facebook-html-parser.js';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
}
function page(name: string): SavedPage {
  const bytes = fixture(name);
  return readSavedPage(bytes)._unsafeUnwrap();
}

describe('parseFacebookPage', () => {
  it('reads the posts of a public Page even when a login prompt is also on the page', () => {
    const result = parseFacebookPage(page('facebook-page-public.html'))._unsafeUnwrap();
    expect(result.observation).toBe('public');
    expect(result.account).toEqual({ id: '100200300400500', handle: 'infodesasukamaju.contoh', name: 'Info Desa Sukamaju Contoh' });
    expect(result.items.map((item) => [item.id, item.kind])).toEqual([
      ['pfbid02aBcDeFgHiJkLmNoPq1', 'post'],
      ['722334455667788', 'share'],
    ]);
    const [first, share] = result.items;
    expect(first?.createdAt).toBe('2024-11-19T04:00:00.000Z');
    expect(first?.text).toContain('mari sukseskan Pilkada');
    expect(first?.hashtags).toEqual(['PilkadaDamai']);
    expect(first?.links).toEqual(['https://sukamaju.desa.example/pilkada']);
    expect(first?.media).toEqual([{ type: 'photo', url: 'https://scontent.example.invalid/v/t39/tps-sukamaju.jpg', altText: "Mungkin gambar teks yang bertuliskan 'AYO KE TPS 27 NOVEMBER'" }]);
    // Tracking parameters are dropped from permalinks.
    expect(first?.url).toBe('https://www.facebook.com/infodesasukamaju.contoh/posts/pfbid02aBcDeFgHiJkLmNoPq1');
    expect(first?.author).toEqual({ handle: 'infodesasukamaju.contoh', name: 'Info Desa Sukamaju Contoh' });
    expect(share?.text).toBe('Mohon doa restu untuk Bapak calon kita 🙏 Nomor 2 pasti menang! #Coblos2');
    expect(share?.target).toMatchObject({ kind: 'post', id: '611223344556677', author: { handle: 'hendra.yuliani.contoh' }, text: 'Terima kasih warga Sukamaju atas sambutannya!' });
  });

  it('reads an Indonesian mbasic profile: ids and owner from data-ft, text from paragraphs', () => {
    const result = parseFacebookPage(page('facebook-profile-mbasic-id.html'))._unsafeUnwrap();
    expect(result.account).toMatchObject({ id: '100077788899900', handle: 'sari.wulandari.contoh' });
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toMatchObject({
      id: '1234567890123456',
      kind: 'post',
      author: { id: '100077788899900', handle: 'sari.wulandari.contoh', name: 'Sari Wulandari Contoh' },
      hashtags: ['BersamaHendraYuliani'],
    });
    expect(result.items[0]?.text).toContain('pasangan nomor 2!\n#BersamaHendraYuliani');
    // mbasic shows only relative times ("Kemarin"): no createdAt is invented.
    expect(result.items[0]?.createdAt).toBeUndefined();
  });

  it('reads the same items from the page saved as MHTML', () => {
    const saved = page('facebook-profile-saved.mhtml');
    expect(saved.url).toBe('https://m.facebook.com/sari.wulandari.contoh');
    const fromMhtml = parseFacebookPage(saved)._unsafeUnwrap();
    const fromHtml = parseFacebookPage(page('facebook-profile-mbasic-id.html'))._unsafeUnwrap();
    expect(fromMhtml.items).toEqual(fromHtml.items);
  });

  it('reads comments seen under a post, with the commented post as target', () => {
    const result = parseFacebookPage(page('facebook-post-with-comments.html'))._unsafeUnwrap();
    const comments = result.items.filter((item) => item.kind === 'comment');
    expect(result.items[0]).toMatchObject({ id: '611223344556677', kind: 'post' });
    expect(comments).toEqual([
      expect.objectContaining({ id: 'comment:611223344556677001', author: { handle: 'sari.wulandari.contoh', name: 'Sari Wulandari Contoh' }, text: 'Siap mendukung Pak Hendra! Nomor 2 menang 💪', target: { kind: 'post', id: '611223344556677' }, createdAt: '2024-11-17T08:00:00.000Z' }),
      expect.objectContaining({ id: 'comment:611223344556677002', author: { handle: 'rudi.hartono.contoh', name: 'Rudi Hartono Contoh' } }),
    ]);
  });

  it('reports a login wall as unauthorized, never as an account without posts', () => {
    expect(parseFacebookPage(page('facebook-login-wall.html'))._unsafeUnwrapErr().type).toBe('unauthorized');
  });

  it('reports a checkpoint page as unauthorized', () => {
    const error = parseFacebookPage(page('facebook-checkpoint.html'))._unsafeUnwrapErr();
    expect(error.type).toBe('unauthorized');
    expect(error.message).toContain('checkpoint');
  });

  it('reports "content not available" as not_found', () => {
    expect(parseFacebookPage(page('facebook-content-unavailable.html'))._unsafeUnwrapErr().type).toBe('not_found');
  });

  it('reports drifted markup as a parse error carrying the page hash', () => {
    const drifted = page('facebook-page-drifted.html');
    const error = parseFacebookPage(drifted)._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'parse', bodySha256: sha256Hex(fixture('facebook-page-drifted.html')) });
  });

  it('accepts an explicit "no posts" notice as an empty timeline', () => {
    const html = '<html><head><title>Budi | Facebook</title><meta property="og:site_name" content="Facebook"></head><body><div>Tidak ada postingan yang tersedia</div></body></html>';
    expect(parseFacebookPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrap().items).toEqual([]);
  });

  it('treats a page that is not Facebook at all as drift, not as empty', () => {
    const html = '<html><body><p>hello</p></body></html>';
    expect(parseFacebookPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrapErr().type).toBe('parse');
  });
});

describe('parseFacebookPage under truncated and mutated pages', () => {
  const sources = ['facebook-page-public.html', 'facebook-profile-mbasic-id.html', 'facebook-post-with-comments.html'].map((name) => new TextDecoder().decode(fixture(name)));
  const fullCounts = sources.map((html) => parseFacebookPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrap().items.length);

  it('returns a typed error or at most the items of the whole page, quickly, for any cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (index, fraction) => {
        const html = sources[index] ?? '';
        const cut = html.slice(0, Math.floor(html.length * fraction));
        const started = performance.now();
        const result = parseFacebookPage({ html: cut, bodySha256: sha256Hex(cut) });
        expect(performance.now() - started).toBeLessThan(2_000);
        if (result.isOk()) expect(result.value.items.length).toBeLessThanOrEqual(fullCounts[index] ?? 0);
        else expect(['parse', 'unauthorized', 'not_found']).toContain(result.error.type);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on mutated markup', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 8 })), { maxLength: 15 }), (index, edits) => {
        let html = sources[index] ?? '';
        for (const [position, insert] of edits) {
          const at = position % (html.length + 1);
          html = html.slice(0, at) + insert + html.slice(at + insert.length);
        }
        const result = parseFacebookPage({ html, bodySha256: sha256Hex(html) });
        if (result.isErr()) expect(['parse', 'unauthorized', 'not_found']).toContain(result.error.type);
        else for (const item of result.value.items) expect(ItemSchema.safeParse(item).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
