import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubjectSchema } from './subject-schema.js';
import { createSubjectTableReader, type SubjectTableCell, type SubjectTableSettings } from './subject-table.js';

function readTable(rows: SubjectTableCell[][], settings: Partial<SubjectTableSettings> = {}) {
  const reader = createSubjectTableReader({ source: 'daftar.xlsx', ...settings });
  rows.forEach((cells, index) => reader.push({ row: index + 1, cells }));
  return reader.finish();
}

const HEADER = ['No', 'Nama Lengkap', 'NIP/NRP', 'Status Kepegawaian', 'Unit Kerja', 'Akun FB', 'Instagram', 'Twitter/X', 'Tanggal Lahir'];

describe('subject table reader', () => {
  it('finds the header below title rows, reads office headers and category words, skips blank and numbered-only rows', () => {
    const result = readTable([
      ['DAFTAR ASN DAN NON ASN KABUPATEN CONTOH'],
      [],
      ['Keadaan per 1 Juli 2026'],
      HEADER,
      [1, 'Wulan Sari Contoh', '198701012010012001', 'PNS', 'Dinas Kesehatan', 'https://www.facebook.com/profile.php?id=100012345678901', 'https://www.instagram.com/wulan.contoh/', '@wulan_contoh', '1987-01-01'],
      [2, '', '', '', '', '', '', '', ''],
      [3, 'Agus  Salim\nContoh', '', 'Honorer', 'Sekretariat Daerah', 'https://facebook.com/agus.contoh?mibextid=ZbWKwL, agus.kedua', '-', 'https://x.com/agus_contoh?s=20', ''],
      [4, 'Slamet Contoh', 12345678, 'Kepala Desa', null, 'kades.contoh', null, null, null],
    ]);
    expect(result.issues).toEqual([]);
    expect(result.headerRow).toBe(4);
    expect(result.rowCount).toBe(3);
    expect(result.idsFromNames).toBe(true);
    expect(result.columns.filter((column) => column.ignored).map((column) => [column.column, column.header])).toEqual([['I', 'Tanggal Lahir']]);
    expect(result.subjects).toEqual([
      {
        id: 'wulan-sari-contoh',
        name: 'Wulan Sari Contoh',
        category: 'asn',
        employeeNumber: '198701012010012001',
        agency: 'Dinas Kesehatan',
        accounts: [
          { platform: 'facebook', handle: '100012345678901', id: '100012345678901' },
          { platform: 'instagram', handle: 'wulan.contoh' },
          { platform: 'x', handle: 'wulan_contoh' },
        ],
      },
      {
        id: 'agus-salim-contoh',
        name: 'Agus Salim Contoh',
        category: 'ptt',
        agency: 'Sekretariat Daerah',
        accounts: [
          { platform: 'facebook', handle: 'agus.contoh' },
          { platform: 'facebook', handle: 'agus.kedua' },
          { platform: 'x', handle: 'agus_contoh' },
        ],
      },
      { id: 'slamet-contoh', name: 'Slamet Contoh', category: 'kepala_desa', employeeNumber: '12345678', accounts: [{ platform: 'facebook', handle: 'kades.contoh' }] },
    ]);
  });

  it('refuses an 18-digit NIP Excel stored as a number, or wrote in scientific notation, and says to format the column as text', () => {
    const result = readTable([HEADER, [1, 'Budi Contoh', 198701012010011000, 'PNS'], [2, 'Sari Contoh', '1.98701E+17', 'PNS']]);
    expect(result.subjects).toEqual([]);
    expect(result.issues).toMatchObject([
      { row: 2, column: 'C', header: 'NIP/NRP', message: { id: expect.stringContaining('format kolom ini sebagai Teks'), en: expect.stringContaining('format this column as Text') } },
      { row: 3, column: 'C', message: { en: expect.stringContaining('scientific notation') } },
    ]);
  });

  it('reads a formula by its saved value only and reports a formula without one, or an Excel error', () => {
    const result = readTable([
      ['Nama', 'Kategori', 'Facebook'],
      ['Dewi Contoh', 'PPPK', { formula: 'CONCAT("dewi",".contoh")' }],
      ['Eko Contoh', { error: '#N/A' }, 'eko.contoh'],
    ]);
    expect(result.issues).toMatchObject([
      { row: 2, column: 'C', message: { id: expect.stringContaining('rumus tanpa nilai tersimpan'), en: expect.stringContaining('formula with no saved value') } },
      { row: 3, column: 'B', message: { en: expect.stringContaining('#N/A') } },
    ]);
  });

  it('reports hostile cells (a path as a handle, control characters) and shows them escaped', () => {
    const result = readTable([
      ['Nama', 'Kategori', 'X'],
      ['Budi Contoh', 'ASN', '../../etc/passwd'],
      ['Sari\u001b[2J Contoh', 'ASN', 'sari'],
      ['Tono Contoh', 'ASN', 'tono\u202e'],
    ]);
    expect(result.subjects).toEqual([]);
    expect(result.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [2, 'C'],
      [3, 'A'],
      [4, 'C'],
    ]);
    expect(result.issues[0]!.message.en).toContain('"../../etc/passwd" is not valid');
    expect(result.issues[1]!.message.en).toContain('\\u{1b}[2J');
    expect(result.issues[2]!.message.en).toContain('\\u{202e}');
    for (const issue of result.issues) expect(issue.message.en).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('names the first row of a repeated name or account', () => {
    const result = readTable([
      ['Nama', 'Kategori', 'Facebook'],
      ['Siti Aminah', 'ASN', 'siti.aminah'],
      ['Siti Aminah', 'PPPK', 'siti.lain'],
      ['Rudi Contoh', 'ASN', 'https://www.facebook.com/siti.aminah/'],
    ]);
    expect(result.subjects.map((subject) => subject.id)).toEqual(['siti-aminah']);
    expect(result.issues).toMatchObject([
      { row: 3, column: 'A', message: { en: expect.stringContaining('same name as row 2') } },
      { row: 4, column: 'C', message: { en: 'account facebook:@siti.aminah is also listed on row 2' } },
    ]);
  });

  it('keeps the first problems and counts them all', () => {
    const rows: SubjectTableCell[][] = [['Nama', 'Kategori']];
    for (let index = 0; index < 250; index++) rows.push([`Orang ${index}`, 'guru']);
    const result = readTable(rows, { maxIssues: 5 });
    expect(result.issues).toHaveLength(5);
    expect(result.issueCount).toBe(250);
    expect(result.rowsWithProblems).toBe(250);
    expect(result.issues[0]!.message.id).toContain('kategori "guru" tidak dikenal');
  });

  it('takes a default category for rows without one, and without a category column asks for one once', () => {
    const list = [['Nama', 'Akun Facebook'], ['Kades Contoh', 'kades.contoh'], ['Kades Dua', 'kades.dua']];
    expect(readTable(list, { defaultCategory: 'kepala_desa' }).subjects.map((subject) => subject.category)).toEqual(['kepala_desa', 'kepala_desa']);
    const without = readTable(list);
    expect(without.issueCount).toBe(1);
    expect(without.issues[0]).toMatchObject({ row: 1, message: { en: expect.stringContaining('no "Kategori" (category) column') } });
  });

  it('uses an id column when there is one and says when there is no header at all', () => {
    const withIds = readTable([['ID', 'NAMA', 'KATEGORI'], ['asn-001', 'Wulan Sari', 'asn'], ['bad id!', 'Agus', 'asn']]);
    expect(withIds.subjects.map((subject) => subject.id)).toEqual(['asn-001']);
    expect(withIds.issues[0]).toMatchObject({ row: 3, column: 'A', message: { en: expect.stringContaining('id "bad id!" is not valid') } });
    const noHeader = readTable([['a', 'b'], ['c', 'd']]);
    expect(noHeader.issues).toMatchObject([{ message: { en: expect.stringContaining('no header row found') } }]);
    expect(noHeader.issues[0]!.row).toBeUndefined();
  });

  it('gives only subjects SubjectSchema accepts as they are, whatever the cells hold', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '1', '.', '_', '-', ' ', '/', '@', ',', ';', '\n', '\u0000', '\u202e', 'é', 'https://x.com/', 'facebook.com/', '9'), maxLength: 30 });
    const hostile = fc.oneof(text, fc.integer({ min: 0, max: 10 ** 9 }), fc.constant(198701012010011000), fc.constant(null), fc.constant('x'.repeat(2100)));
    const mostly = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: hostile });
    const word = fc.stringMatching(/^[a-z][a-z._]{0,12}$/);
    const columns: Array<[string, fc.Arbitrary<unknown>]> = [
      ['No', fc.nat(999)],
      ['id', mostly(fc.oneof(fc.constant(null), word))],
      ['Nama', mostly(fc.stringMatching(/^[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}$/))],
      ['Kategori', mostly(fc.constantFrom('PNS', 'Honorer', 'Kepala Desa', 'p3k', 'TNI AD'))],
      ['NIP', mostly(fc.oneof(fc.stringMatching(/^\d{18}$/), fc.integer({ min: 10000, max: 99999999 })))],
      ['Instansi', mostly(text)],
      ['Jabatan', mostly(text)],
      ['Wilayah', mostly(text)],
      ['Kecamatan', mostly(text)],
      ['Nomor Urut Paslon', mostly(fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 }), fc.constant('2')))],
      ['Keterangan', mostly(text)],
      ['Akun', mostly(word.map((handle) => `https://www.instagram.com/${handle}/`))],
      ['Facebook', mostly(fc.array(word, { maxLength: 3 }).map((handles) => handles.join(', ')))],
      ['X', mostly(word.map((handle) => `@${handle}`))],
    ];
    const header = columns.map(([name]) => name);
    const row = fc.tuple(...columns.map(([, arbitrary]) => arbitrary)) as fc.Arbitrary<SubjectTableCell[]>;
    let seen = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const result = readTable([header, ...rows]);
        seen += result.subjects.length;
        for (const subject of result.subjects) {
          const parsed = SubjectSchema.safeParse(subject);
          expect(parsed.success).toBe(true);
          expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(subject));
        }
      }),
      { numRuns: 400 },
    );
    expect(seen).toBeGreaterThan(20);
  });

  it('reads a header with invisible characters and shows a hostile header escaped', () => {
    const result = readTable([['Na\u200bma', 'Kategori', 'Catatan\u001b[31m\u202e'], ['Budi Contoh', 'PNS', '']]);
    expect(result.subjects.map((subject) => subject.name)).toEqual(['Budi Contoh']);
    expect(result.columns[0]!.header).toBe('Na\\u{200b}ma');
    expect(result.columns[2]).toMatchObject({ header: 'Catatan\\u{1b}[31m\\u{202e}', ignored: 'unknown' });
  });

  it('takes a list of names alone when a default category says who they are', () => {
    const result = readTable([['Nama Lengkap'], ['Kades Satu Contoh'], ['Kades Dua Contoh']], { defaultCategory: 'kepala_desa' });
    expect(result.subjects.map((subject) => [subject.id, subject.category])).toEqual([
      ['kades-satu-contoh', 'kepala_desa'],
      ['kades-dua-contoh', 'kepala_desa'],
    ]);
  });
});
