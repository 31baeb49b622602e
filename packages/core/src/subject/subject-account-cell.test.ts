import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HandleSchema } from '../account/account-schema.js';
import { readAccountCell } from './subject-account-cell.js';

describe('account cells', () => {
  it.each([
    ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook', { platform: 'facebook', handle: '100012345678901', id: '100012345678901' }],
    ['https://m.facebook.com/profile.php?id=100012345678901&mibextid=ZbWKwL', 'x', { platform: 'facebook', handle: '100012345678901', id: '100012345678901' }],
    ['https://facebook.com/wulan.contoh', undefined, { platform: 'facebook', handle: 'wulan.contoh' }],
    ['https://web.facebook.com/people/Wulan-Contoh/100012345678901/', undefined, { platform: 'facebook', handle: '100012345678901', id: '100012345678901' }],
    ['facebook.com/wulan.contoh/', undefined, { platform: 'facebook', handle: 'wulan.contoh' }],
    ['https://www.instagram.com/wulan.contoh/', 'facebook', { platform: 'instagram', handle: 'wulan.contoh' }],
    ['https://instagram.com/wulan_contoh?igsh=MWx0', undefined, { platform: 'instagram', handle: 'wulan_contoh' }],
    ['https://x.com/wulan_contoh', undefined, { platform: 'x', handle: 'wulan_contoh' }],
    ['https://twitter.com/wulan_contoh/status/1790000000000000000?s=20', undefined, { platform: 'x', handle: 'wulan_contoh' }],
    ['https://www.tiktok.com/@wulan.contoh', undefined, { platform: 'tiktok', handle: 'wulan.contoh' }],
    ['@wulan_contoh', 'x', { platform: 'x', handle: 'wulan_contoh' }],
    ['instagram:wulan.contoh', undefined, { platform: 'instagram', handle: 'wulan.contoh' }],
  ])('reads %s', (text, column, account) => {
    expect(readAccountCell(text, column)).toEqual({ accounts: [account], problems: [] });
  });

  it('reads several accounts in one cell, separated by commas, semicolons or line breaks', () => {
    const reading = readAccountCell('@budi_contoh, budi.dua;\nhttps://x.com/budi_tiga\r\n budi4', 'x');
    expect(reading.accounts.map((account) => account.handle)).toEqual(['budi_contoh', 'budi.dua', 'budi_tiga', 'budi4']);
  });

  it('reads "no account" words as empty', () => {
    for (const none of ['-', '—', 'tidak ada', 'Tidak Punya', 'N/A', '']) expect(readAccountCell(none, 'facebook')).toEqual({ accounts: [], problems: [] });
  });

  it('reports links that are not profiles, unknown sites and entries without a platform', () => {
    const reading = readAccountCell('https://www.facebook.com/groups/123456, https://www.instagram.com/p/Cabc123/, https://example.org/budi, https://www.facebook.com/share/p/1AbC/', 'facebook');
    expect(reading.accounts).toEqual([]);
    expect(reading.problems.map((problem) => problem.en)).toEqual([
      expect.stringContaining('not a profile address'),
      expect.stringContaining('not a profile address'),
      expect.stringContaining('not on Facebook, Instagram, X'),
      expect.stringContaining('not a profile address'),
    ]);
    expect(readAccountCell('budi', undefined).problems[0]!.en).toContain('write the full profile address or platform:name');
  });

  it('never turns a path, an escaped path or a control character into a handle', () => {
    for (const hostile of ['../../etc', '..', 'https://facebook.com/%2e%2e%2fetc', 'https://x.com/a%00b', 'budi\\..\\win', 'a\u0007b']) {
      const reading = readAccountCell(hostile, 'x');
      expect(reading.accounts).toEqual([]);
      expect(reading.problems).toHaveLength(1);
    }
  });

  it('gives only handles the schema accepts, whatever the cell holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '.', '/', '%', '2', 'e', 'f', '@', ':', '?', '=', ' ', ',', '\n', '\u0000', 'https://', 'x.com/', 'facebook.com/') }), (text) => {
        for (const account of readAccountCell(text, 'x').accounts) {
          expect(HandleSchema.safeParse(account.handle).success).toBe(true);
          expect(account.handle).not.toMatch(/[/\\\u0000]|^\.+$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
