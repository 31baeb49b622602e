import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSchema, type Item } from '../capture/item-schema.js';
import { changedContentFields, itemContentHash, sameContent } from './item-content.js';

const item = fc
  .record({
    text: fc.option(fc.constantFrom('Dukung paslon 2', 'Rapat desa', ''), { nil: undefined }),
    media: fc.array(fc.record({ type: fc.constantFrom('photo', 'video'), altText: fc.option(fc.constantFrom('foto', 'kegiatan'), { nil: undefined }) }), { maxLength: 2 }),
    links: fc.array(fc.constantFrom('https://contoh.id/a', 'https://contoh.id/b'), { maxLength: 2 }),
    target: fc.option(fc.record({ kind: fc.constant('post' as const), id: fc.constantFrom('1', '2') }), { nil: undefined }),
    url: fc.constantFrom('https://x.example/1', 'https://x.example/1?s=20'),
    likes: fc.nat(100),
    handle: fc.constantFrom('budi_contoh', 'budi_baru'),
  })
  .map(({ likes, handle, ...content }): Item => ItemSchema.parse({ platform: 'x', id: '1', kind: 'post', author: { id: '1001', handle }, metrics: { likes }, ...content }));

describe('item content', () => {
  it('sameContent agrees with the content hash', () => {
    fc.assert(
      fc.property(item, item, (a, b) => {
        expect(sameContent(a, b)).toBe(itemContentHash(a) === itemContentHash(b));
        expect(changedContentFields(a, b).length === 0).toBe(sameContent(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('metrics, URLs and a renamed author are not edits', () => {
    const before = ItemSchema.parse({ platform: 'x', id: '1', kind: 'post', author: { handle: 'lama' }, text: 'halo', url: 'https://a', metrics: { likes: 1 } });
    const after = ItemSchema.parse({ platform: 'x', id: '1', kind: 'post', author: { handle: 'baru' }, text: 'halo', url: 'https://b', metrics: { likes: 9 } });
    expect(itemContentHash(before)).toBe(itemContentHash(after));
    expect(changedContentFields(before, { ...after, text: 'halo!' })).toEqual(['text']);
  });
});
