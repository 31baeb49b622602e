import { describe, expect, it } from 'vitest';
import type { Item } from '../capture/item-schema.js';
import { compactVersionItem } from './compact-version-item.js';

function post(id: string, overrides: Partial<Item> = {}): Item {
  return {
    platform: 'x',
    id,
    kind: 'post',
    author: { id: '9001', handle: 'sari_contoh' },
    createdAt: '2024-11-20T08:15:00Z',
    text: `Kampanye desa ${id}`,
    media: [],
    links: [],
    hashtags: [],
    mentions: [],
    ...overrides,
  };
}

describe('compactVersionItem', () => {
  it('gives the same JSON, key order included, and leaves its input as it was', () => {
    const item = post('1', { url: 'https://x.example/1', metrics: { likes: 3 }, editHistoryIds: ['1'] });
    const before = JSON.stringify(item);
    const compact = compactVersionItem(item);
    expect(JSON.stringify(compact)).toBe(before);
    expect(JSON.stringify(item)).toBe(before);
    expect(compact).toStrictEqual(item);
  });

  it('keeps lists with content as they are', () => {
    const item = post('2', { links: ['https://contoh.example/a'], hashtags: ['desa'], media: [{ type: 'photo', altText: 'foto' }], mentions: [{ handle: 'budi_contoh' }] });
    const compact = compactVersionItem(item);
    expect(compact.links).toEqual(['https://contoh.example/a']);
    expect(compact.hashtags).toEqual(['desa']);
    expect(compact.media).toEqual([{ type: 'photo', altText: 'foto' }]);
    expect(compact.mentions).toEqual([{ handle: 'budi_contoh' }]);
  });

  it('shares one author object between items of the same author, and keeps distinct authors apart', () => {
    const first = compactVersionItem(post('3'));
    const second = compactVersionItem(post('4'));
    const other = compactVersionItem(post('5', { author: { handle: 'sari_contoh', id: '9001' } }));
    expect(second.author).toBe(first.author);
    expect(second.media).toBe(first.media);
    // Same fields in another order: another JSON, so not shared.
    expect(other.author).not.toBe(first.author);
    expect(JSON.stringify(other.author)).toBe('{"handle":"sari_contoh","id":"9001"}');
  });

  it('refuses changes to the shared parts, so no item can change another', () => {
    const first = compactVersionItem(post('6'));
    const second = compactVersionItem(post('7'));
    expect(() => (first.links as string[]).push('https://contoh.example/b')).toThrow(TypeError);
    expect(() => {
      (first.author as { handle?: string }).handle = 'ganti';
    }).toThrow(TypeError);
    expect(second.links).toEqual([]);
    expect(second.author.handle).toBe('sari_contoh');
  });

  it('does not share an author with an explicitly undefined field', () => {
    const item = post('8', { author: { id: '9001', handle: 'sari_contoh', name: undefined } });
    const compact = compactVersionItem(item);
    expect(compact.author).toBe(item.author);
    expect(compact).toStrictEqual(item);
  });
});
