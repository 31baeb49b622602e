import { copyFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'subjects');

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-subjects-formats-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json' }));
  return dir;
}

async function officeSubjects(dir: string): Promise<unknown[]> {
  return JSON.parse(await readFile(path.join(dir, 'subjects.json'), 'utf8')) as unknown[];
}

/** An office list as a clerk makes it: a merged title row, a blank row, then the table. */
async function writeWorkbook(file: string, rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daftar ASN');
  sheet.addRow(['DAFTAR ASN KECAMATAN CONTOH (DATA KARANGAN)']);
  sheet.mergeCells('A1:G1');
  sheet.addRow([]);
  sheet.addRow(['No', 'Nama Lengkap', 'NIP', 'Kategori', 'Instansi', 'Link Facebook', 'Instagram']);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

const EXPECTED_FROM_FIXTURES = [
  {
    id: 'wulan-sari-contoh-s-pd',
    name: 'Wulan Sari Contoh, S.Pd.',
    category: 'asn',
    employeeNumber: '198701012010012001',
    agency: 'SD Negeri 1 Contoh',
    position: 'Guru Ahli Pertama',
    accounts: [
      { platform: 'facebook', handle: '100012345678901', id: '100012345678901' },
      { platform: 'instagram', handle: 'wulan.contoh' },
      { platform: 'x', handle: 'wulan_contoh' },
    ],
  },
  {
    id: 'agus-gus-salim-contoh',
    name: 'Agus "Gus" Salim Contoh',
    category: 'ptt',
    agency: 'Kantor Camat Contoh',
    position: 'Staf',
    accounts: [
      { platform: 'facebook', handle: 'agus.salim.contoh' },
      { platform: 'facebook', handle: 'agus.kedua' },
      { platform: 'x', handle: 'agus_contoh' },
    ],
  },
  {
    id: 'slamet-riyadi-contoh',
    name: 'Slamet Riyadi Contoh',
    category: 'kepala_desa',
    agency: 'Desa Mekarsari Contoh',
    position: 'Kepala Desa',
    accounts: [
      { platform: 'facebook', handle: 'kades.mekarsari.contoh' },
      { platform: 'instagram', handle: 'kades_mekarsari_contoh' },
    ],
  },
];

describe('sipansos subjects import: lists as offices keep them', () => {
  it.each(['daftar-koma.csv', 'daftar-titik-koma.csv', 'daftar-tab.csv'])('imports %s (title rows, Indonesian headers, profile addresses)', async (fixture) => {
    const dir = await office();
    await copyFile(path.join(FIXTURES, fixture), path.join(dir, fixture));
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', fixture], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(io.out()).toContain('baris judul kolom / header row: 3');
    expect(io.out()).toContain('"Tanggal Lahir"');
    expect(io.out()).toContain('tidak dikenal, diabaikan / unknown, ignored');
    expect(io.out()).toContain('3 baru / new, 0 diperbarui / updated, 0 tetap / unchanged; total 3');
    expect(await officeSubjects(dir)).toEqual(EXPECTED_FROM_FIXTURES);
  });

  it('imports an Excel list (title row, cached formula values, a short NRP typed as a number) and merges it as a CSV', async () => {
    const dir = await office();
    await writeWorkbook(path.join(dir, 'daftar.xlsx'), [
      [1, 'Dewi Lestari Contoh', '198802022011012002', 'PPPK', 'Dinas Kesehatan', 'https://www.facebook.com/dewi.lestari.contoh', { formula: 'CONCAT("https://www.instagram.com/","dewi.contoh")', result: 'https://www.instagram.com/dewi.contoh' }],
      [2, 'Bripka Eko Contoh', 87654321, 'Polri', 'Polsek Contoh', 'eko.contoh', null],
    ]);
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'daftar.xlsx'], io)).toBe(0);
    expect(io.out()).toContain('daftar.xlsx: Excel (.xlsx), lembar pertama / first sheet');
    const written = await readFile(path.join(dir, 'subjects.json'), 'utf8');
    const subjects = JSON.parse(written) as unknown[];
    expect(written).toBe(`${JSON.stringify(subjects, null, 2)}\n`);
    expect(subjects).toEqual([
      {
        id: 'dewi-lestari-contoh',
        name: 'Dewi Lestari Contoh',
        category: 'pppk',
        employeeNumber: '198802022011012002',
        agency: 'Dinas Kesehatan',
        accounts: [
          { platform: 'facebook', handle: 'dewi.lestari.contoh' },
          { platform: 'instagram', handle: 'dewi.contoh' },
        ],
      },
      { id: 'bripka-eko-contoh', name: 'Bripka Eko Contoh', category: 'polri', employeeNumber: '87654321', agency: 'Polsek Contoh', accounts: [{ platform: 'facebook', handle: 'eko.contoh' }] },
    ]);

    const again = memoryIo(dir);
    expect(await main(['subjects', 'import', 'daftar.xlsx'], again)).toBe(0);
    expect(again.out()).toContain('0 baru / new, 0 diperbarui / updated, 2 tetap / unchanged; total 2');
    await copyFile(path.join(FIXTURES, 'daftar-titik-koma.csv'), path.join(dir, 'tambahan.csv'));
    const more = memoryIo(dir);
    expect(await main(['subjects', 'import', 'tambahan.csv'], more)).toBe(0);
    expect(more.out()).toContain('3 baru / new, 0 diperbarui / updated, 0 tetap / unchanged; total 5');
  });

  it('names the Excel row and column of each problem, bilingual, and writes nothing', async () => {
    const dir = await office();
    await writeWorkbook(path.join(dir, 'salah.xlsx'), [
      [1, 'Budi Contoh', 198701012010011000, 'PNS', 'Dinas Pendidikan', 'budi.contoh', null],
      [2, 'Sari Contoh', '198901012012012002', 'guru', 'Dinas Pendidikan', 'sari.contoh', null],
      [3, 'Tono Contoh', '199001012015011003', 'PNS', 'Dinas Pendidikan', { text: 'Facebook', hyperlink: 'https://www.facebook.com/tono.contoh' }, { formula: 'B6' }],
      [4, 'Rina Contoh', '199101012016012004', 'PNS', 'Dinas Pendidikan', '../../etc/passwd', null],
    ]);
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'salah.xlsx'], io)).toBe(1);
    const lines = io.err().split('\n');
    expect(lines[0]).toBe('galat: salah.xlsx: ada masalah, tidak ada yang ditulis / error: salah.xlsx: there are problems, nothing written');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}salah\.xlsx baris 4, kolom C "NIP": NIP\/NRP tersimpan sebagai angka .*format kolom ini sebagai Teks.* \/ row 4, column C: the NIP\/NRP is stored as a number/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}salah\.xlsx baris 5, kolom D "Kategori": kategori "guru" tidak dikenal.* \/ row 5, column D: category "guru" is not known/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}salah\.xlsx baris 6, kolom F "Link Facebook": sel ini berupa tautan .* \/ row 6, column F: this cell is a link whose shown text is not the profile address/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}salah\.xlsx baris 6, kolom G "Instagram": sel berisi rumus tanpa nilai tersimpan \(=B6\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}salah\.xlsx baris 7, kolom F "Link Facebook": akun "\.\.\/\.\.\/etc\/passwd" tidak sah/));
    expect(lines).toContain('5 masalah di 4 baris / 5 problem(s) on 4 row(s) (--max-errors)');
    await expect(stat(path.join(dir, 'subjects.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--dry-run shows the columns, a preview and the changes, and writes nothing', async () => {
    const dir = await office();
    await copyFile(path.join(FIXTURES, 'daftar-titik-koma.csv'), path.join(dir, 'daftar.csv'));
    const first = memoryIo(dir);
    expect(await main(['subjects', 'import', 'daftar.csv', '--dry-run'], first)).toBe(0);
    await expect(stat(path.join(dir, 'subjects.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(first.out().split('\n')).toEqual([
      'daftar.csv: CSV, pemisah / delimiter ";", utf-8',
      'baris judul kolom / header row: 3',
      '  A   "No"                       -> nomor baris, dilewati / row numbers, skipped',
      '  B   "Nama Lengkap"             -> nama / name',
      '  C   "NIP/NRP"                  -> NIP/NRP',
      '  D   "Status Kepegawaian"       -> kategori / category',
      '  E   "Unit Kerja"               -> instansi / agency',
      '  F   "Jabatan"                  -> jabatan / position',
      '  G   "Akun FB"                  -> akun / accounts facebook',
      '  H   "Instagram"                -> akun / accounts instagram',
      '  I   "Twitter/X"                -> akun / accounts x',
      '  J   "Tanggal Lahir"            -> tidak dikenal, diabaikan / unknown, ignored',
      'catatan: tidak ada kolom id; id dibuat dari nama / note: no id column; ids are made from names',
      'pratinjau / preview (3 dari / of 3):',
      '  wulan-sari-contoh-s-pd   asn            Wulan Sari Contoh, S.Pd.  facebook:@100012345678901, instagram:@wulan.contoh, x:@wulan_contoh',
      '  agus-gus-salim-contoh    ptt            Agus "Gus" Salim Contoh  facebook:@agus.salim.contoh, facebook:@agus.kedua, x:@agus_contoh',
      '  slamet-riyadi-contoh     kepala_desa    Slamet Riyadi Contoh  facebook:@kades.mekarsari.contoh, instagram:@kades_mekarsari_contoh',
      '3 baris dibaca / rows read',
      'uji coba, tidak ditulis / dry run, not written: 3 baru / new, 0 diperbarui / updated, 0 tetap / unchanged; total 3',
      '',
    ]);
    expect(await main(['subjects', 'import', 'daftar.csv'], memoryIo(dir))).toBe(0);
    const before = await readFile(path.join(dir, 'subjects.json'), 'utf8');
    await writeFile(path.join(dir, 'ubah.csv'), 'Nama;Kategori;Instansi\nSlamet Riyadi Contoh;Kades;Desa Sukamaju Contoh\n');
    const dry = memoryIo(dir);
    expect(await main(['subjects', 'import', 'ubah.csv', '--dry-run'], dry)).toBe(0);
    expect(dry.out()).toContain('uji coba, tidak ditulis / dry run, not written: 0 baru / new, 1 diperbarui / updated, 0 tetap / unchanged; total 3');
    expect(await readFile(path.join(dir, 'subjects.json'), 'utf8')).toBe(before);
  });

  it('shows at most --max-errors problems and the total', async () => {
    const dir = await office();
    const rows = ['Nama,Kategori'];
    for (let index = 0; index < 120; index++) rows.push(`Orang Contoh ${index},guru`);
    await writeFile(path.join(dir, 'banyak.csv'), `${rows.join('\n')}\n`);
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'banyak.csv', '--max-errors', '5'], io)).toBe(1);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines[1]).toContain('banyak.csv baris 2, kolom B "Kategori"');
    expect(lines.at(-1)).toBe('120 masalah di 120 baris, 115 tidak ditampilkan / 120 problem(s) on 120 row(s), 115 not shown (--max-errors)');
  });

  it('fills rows without a category from --category, and refuses an old .xls with what to do', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'kades.csv'), 'Nama Lengkap,Akun Facebook\nKades Satu Contoh,kades.satu\nKades Dua Contoh,kades.dua\n');
    expect(await main(['subjects', 'import', 'kades.csv', '--category', 'Kepala Desa'], memoryIo(dir))).toBe(0);
    expect((await officeSubjects(dir)).map((subject) => (subject as { category: string }).category)).toEqual(['kepala_desa', 'kepala_desa']);
    const badCategory = memoryIo(dir);
    expect(await main(['subjects', 'import', 'kades.csv', '--category', 'guru'], badCategory)).toBe(2);
    await writeFile(path.join(dir, 'lama.xls'), 'not really excel');
    const old = memoryIo(dir);
    expect(await main(['subjects', 'import', 'lama.xls'], old)).toBe(1);
    expect(old.err()).toContain('save it as Excel (.xlsx) or "CSV UTF-8" first');
  });
});

describe('sipansos validate: bounded output', () => {
  it('prints at most --max-errors problems of a large bad JSON list, then the total', async () => {
    const dir = await office();
    const list = Array.from({ length: 5000 }, (_, index) => ({ id: `s-${index}`, name: `Orang ${index}`, category: 'guru' }));
    await writeFile(path.join(dir, 'besar.json'), JSON.stringify(list));
    const io = memoryIo(dir);
    expect(await main(['validate', 'besar.json'], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines.at(-1)).toBe('  5000 masalah, 4950 tidak ditampilkan / 5000 problems, 4950 not shown (--max-errors)');
  });

  it('checks an Excel subject list', async () => {
    const dir = await office();
    await writeWorkbook(path.join(dir, 'daftar.xlsx'), [[1, 'Dewi Contoh', '198802022011012002', 'PPPK', 'Dinas Kesehatan', 'dewi.contoh', null]]);
    const io = memoryIo(dir);
    expect(await main(['validate', 'daftar.xlsx'], io)).toBe(0);
    expect(io.out()).toBe('OK daftar.xlsx (daftar subjek / subjects (xlsx), 1)\n');
  });
});
