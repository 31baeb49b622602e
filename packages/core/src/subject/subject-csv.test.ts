import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter, readSubjectsCsv, readSubjectsCsvText } from './subject-csv.js';

const ROWS = [
  ['No', 'Nama', 'NIP', 'Kategori', 'Instansi', 'Akun Facebook'],
  ['1', 'Wijaya, Yudha Contoh', '198701012010011001', 'PNS', 'Dinas "Pendidikan"', 'https://www.facebook.com/yudha.contoh'],
  ['2', 'Sari Contoh', '', 'Honorer', 'Kecamatan Contoh', 'sari.contoh; sari.dua'],
];

function toCsv(rows: string[][], delimiter: string): string {
  return rows.map((row) => row.map((cell) => (/[",;\t\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n');
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

describe('subjects CSV', () => {
  it.each([',', ';', '\t'])('reads the same subjects with %j as the delimiter', async (delimiter) => {
    const text = `\ufeff${toCsv(ROWS, delimiter)}\r\n`;
    expect(detectCsvDelimiter(text)).toBe(delimiter);
    const result = await readSubjectsCsv(chunksOf(new TextEncoder().encode(text), 7), { source: 'daftar.csv' });
    expect(result.delimiter).toBe(delimiter);
    expect(result.issues).toEqual([]);
    expect(result.subjects.map((subject) => [subject.name, subject.category, subject.agency, subject.accounts.length])).toEqual([
      ['Wijaya, Yudha Contoh', 'asn', 'Dinas "Pendidikan"', 1],
      ['Sari Contoh', 'ptt', 'Kecamatan Contoh', 2],
    ]);
  });

  it('picks ";" even when unquoted commas sit inside names, and "," under a title row', () => {
    expect(detectCsvDelimiter('Nama;Kategori;Instansi\nWijaya, Yudha;PNS;Dinas, Kantor\n')).toBe(';');
    expect(detectCsvDelimiter('DAFTAR ASN; PPPK; DAN HONORER\nNama,Kategori,Facebook\nBudi,PNS,budi\n')).toBe(',');
  });

  it('numbers rows as Excel does when a quoted cell spans lines, and names the row of an unclosed quote', async () => {
    const text = 'Nama,Kategori,Keterangan\n"Budi Contoh",PNS,"baris satu\nbaris dua"\nTono Contoh,guru,\n';
    const result = readSubjectsCsvText(text, { source: 'a.csv' });
    expect(result.issues).toMatchObject([{ row: 3, column: 'B' }]);
    const unclosed = await readSubjectsCsv(chunksOf(new TextEncoder().encode('Nama,Kategori\nBudi,PNS\n"Sari,PNS\n'), 5), { source: 'a.csv' });
    expect(unclosed.issues).toMatchObject([{ row: 3, message: { en: expect.stringContaining('never closed') } }]);
  });

  it('reads a Windows-1252 file (Excel\'s plain "CSV") and says so', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Nama;Kategori\nJos'), 0xe9, ...new TextEncoder().encode(' Contoh;PNS\n')]);
    const result = await readSubjectsCsv(chunksOf(bytes, 3), { source: 'a.csv' });
    expect(result.encoding).toBe('windows-1252');
    expect(result.subjects[0]!.name).toBe('José Contoh');
  });

  it('reads any cell text a spreadsheet writes back, whatever the chunk boundaries', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r\n', ' ', 'é', '😀') }).filter((value) => value.trim() !== '' && !/[\n\r]/.test(value.trim().slice(-1)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(',', ';', '\t'), fc.array(cell, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), async (delimiter, notes, size) => {
        const rows = [['Nama', 'Kategori', 'Keterangan'], ...notes.map((note, index) => [`Orang ${index}`, 'ASN', note])];
        const text = rows.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n');
        const result = await readSubjectsCsv(chunksOf(new TextEncoder().encode(text), size), { source: 'a.csv' });
        expect(result.issues).toEqual([]);
        expect(result.subjects.map((subject) => subject.notes)).toEqual(notes.map((note) => note.replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 150 },
    );
  });
});
