import { readFileSync } from 'node:fs';
import { ItemSchema } from '@sipansos/core';
import { type SavedPage } from '@sipansos/core/adapter-kit';
import { sha256Hex } from '@sipansos/core/evidence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstagramPage } from './instagram-html-parser.js';

const text = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const page = (name: string): SavedPage => {
  const html = text(name);
  return { html, bodySha256: sha256Hex(html) };
};

describe('parseInstagramPage', () => {
  it('reads posts, captions and counts from the embedded JSON of a public profile (Indonesian UI)', () => {
    const result = parseInstagramPage(page('instagram-profile-public.html'))._unsafeUnwrap();
    expect(result.account).toEqual({ id: '5500110022', handle: 'dewi.lestari.contoh', name: 'Dewi Lestari' });
    expect(result.profile).toMatchObject({ displayName: 'Dewi Lestari', followersCount: 1204, followingCount: 318, isPrivate: false });
    expect(result.items.map((item) => item.id)).toEqual(['DCdewi0002y', 'DCdewi0001y']);
    expect(result.items[0]).toMatchObject({
      kind: 'post',
      author: { id: '5500110022', handle: 'dewi.lestari.contoh', name: 'Dewi Lestari' },
      createdAt: '2024-11-19T04:00:00.000Z',
      text: 'Bersama Ibu-ibu PKK mendukung pasangan nomor 2 💪 #Coblos2 #HendraYuliani',
      hashtags: ['Coblos2', 'HendraYuliani'],
      metrics: { likes: 88, comments: 12 },
      url: 'https://www.instagram.com/p/DCdewi0002y/',
      media: [{ type: 'photo', url: 'https://scontent.cdninstagram.com/v/t51/pkk.jpg', altText: 'Photo by Dewi Lestari. May be an image of 6 people.' }],
    });
    // A post without a caption has no text; the caption object is never read as a comment.
    expect(result.items[1]?.text).toBeUndefined();
    expect(result.items[1]?.media.map((media) => media.type)).toEqual(['photo', 'video']);
    expect(result.items.some((item) => item.kind === 'comment')).toBe(false);
  });

  it('reads the post grid of a saved profile without embedded JSON', () => {
    const result = parseInstagramPage(page('instagram-profile-saved-dom.html'))._unsafeUnwrap();
    expect(result.account).toMatchObject({ handle: 'rudi.hartono.contoh', name: 'Rudi Hartono' });
    expect(result.items.map((item) => [item.id, item.media[0]?.type])).toEqual([
      ['DCrudi0003z', 'photo'],
      ['DCrudi0002z', 'video'],
      ['DCrudi0001z', 'photo'],
    ]);
    expect(result.items[0]?.media[0]?.altText).toBe('Coblos nomor 2 ya teman-teman! #Coblos2');
    // A relative src from "Save page as…" is not a platform URL.
    expect(result.items[0]?.media[0]?.url).toBeUndefined();
  });

  it('reads a saved post page with its caption and the comments under it', () => {
    const result = parseInstagramPage(page('instagram-post-with-comments.html'))._unsafeUnwrap();
    const [post, ...comments] = result.items;
    expect(post).toMatchObject({ id: 'DCkOpi0003x', kind: 'post', author: { handle: 'tokokopi.sukamaju.contoh' }, createdAt: '2024-11-19T04:00:00.000Z', text: 'Diskon 20% untuk pendukung nomor 2! Tunjukkan jari dua ✌️ #Coblos2' });
    expect(comments).toEqual([
      expect.objectContaining({ id: 'comment:17860000000000001', kind: 'comment', author: { handle: 'dewi.lestari.contoh' }, text: 'Siap! Nomor 2 pasti menang 🙌', target: { kind: 'post', id: 'DCkOpi0003x' }, createdAt: '2024-11-19T05:10:00.000Z' }),
      expect.objectContaining({ id: 'comment:17860000000000002', author: { handle: 'sari.wulandari.contoh' } }),
    ]);
  });

  it('reports a private account as private, never as an account without posts', () => {
    expect(parseInstagramPage(page('instagram-private.html'))._unsafeUnwrapErr().type).toBe('private');
  });

  it('reports a login wall and a challenge as unauthorized', () => {
    expect(parseInstagramPage(page('instagram-login-wall.html'))._unsafeUnwrapErr().type).toBe('unauthorized');
    expect(parseInstagramPage(page('instagram-challenge.html'))._unsafeUnwrapErr().type).toBe('unauthorized');
  });

  it('reports an unavailable page as not_found', () => {
    expect(parseInstagramPage(page('instagram-not-available.html'))._unsafeUnwrapErr().type).toBe('not_found');
  });

  it('reports drifted markup as parse with the page hash', () => {
    const drifted = page('instagram-profile-drifted.html');
    expect(parseInstagramPage(drifted)._unsafeUnwrapErr()).toMatchObject({ type: 'parse', bodySha256: drifted.bodySha256 });
  });

  it('accepts a profile that shows zero posts as empty', () => {
    const html = '<html><head><title>X (@x.contoh) • Instagram</title><meta property="og:site_name" content="Instagram"><meta property="og:description" content="5 Pengikut, 2 Mengikuti, 0 Postingan - Lihat foto"></head><body><h2>Belum Ada Postingan</h2></body></html>';
    expect(parseInstagramPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrap().items).toEqual([]);
  });
});

describe('parseInstagramPage under truncated and mutated pages', () => {
  const sources = ['instagram-profile-public.html', 'instagram-profile-saved-dom.html', 'instagram-post-with-comments.html'].map(text);
  const full = sources.map((html) => parseInstagramPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrap().items.length);
  const allowed = ['parse', 'unauthorized', 'not_found', 'private'];

  it('returns a typed error or no more items than the whole page, quickly, for any cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (index, fraction) => {
        const html = (sources[index] ?? '').slice(0, Math.floor((sources[index] ?? '').length * fraction));
        const started = performance.now();
        const result = parseInstagramPage({ html, bodySha256: sha256Hex(html) });
        expect(performance.now() - started).toBeLessThan(2_000);
        if (result.isOk()) expect(result.value.items.length).toBeLessThanOrEqual(full[index] ?? 0);
        else expect(allowed).toContain(result.error.type);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on mutated markup or JSON, and every item it returns is valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 8 })), { maxLength: 15 }), (index, edits) => {
        let html = sources[index] ?? '';
        for (const [position, insert] of edits) {
          const at = position % (html.length + 1);
          html = html.slice(0, at) + insert + html.slice(at + insert.length);
        }
        const result = parseInstagramPage({ html, bodySha256: sha256Hex(html) });
        if (result.isErr()) expect(allowed).toContain(result.error.type);
        else for (const item of result.value.items) expect(ItemSchema.safeParse(item).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
