import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCaseFixture } from './__fixtures__/case-fixture.js';
import { csvField, toCsv } from './csv-export.js';
import { casesToCsv, findingsToCsv, findingsToJsonl } from './findings-export.js';
import { formModelAToCsv, toFormModelA } from './form-model-a.js';

/** A strict RFC 4180 reader, to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += character;
  }
  return rows;
}

describe('CSV export', () => {
  it('defuses spreadsheet formulas', () => {
    for (const value of ['=HYPERLINK("http://x","klik")', '+1+1', '-2+3', '@SUM(A1)', '\tx']) expect(csvField(value).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('dukung 02')).toBe('dukung 02');
    expect(csvField(-5)).toBe('-5');
  });

  it('defuses the full-width formula signs that Apple Numbers folds to ASCII', () => {
    for (const value of ['\uff1d2+2', '\uff0b1', '\uff0d1', '\uff20SUM(A1)']) expect(csvField(value)).toBe(`'${value}`);
    expect(csvField('\uff08catatan\uff09')).toBe('\uff08catatan\uff09');
  });

  it('round-trips any text through an RFC 4180 reader, formulas defused', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const parsed = parseCsv(toCsv(['a', 'b'], rows));
        expect(parsed).toEqual([['a', 'b'], ...rows.map((row) => row.map((cell) => (/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(cell) ? `'${cell}` : cell)))]);
      }),
      { numRuns: 300 },
    );
  });

  it('exports findings and cases with personal data masked unless included', () => {
    const fixture = buildCaseFixture({ text: '=cmd|"/c calc"!A1 dukung Mas Bagus, telp 081234567890' });
    const csv = findingsToCsv(fixture.findings);
    expect(csv.split('\r\n')[0]).toMatch(/^id,kategori,category,aturan/);
    expect(csv).toContain('perlu diverifikasi');
    const masked = findingsToJsonl([{ ...fixture.findings[0]!, notes: ['NIP 198706122010011003'] }]);
    expect(masked).not.toContain('198706122010011003');
    expect(findingsToJsonl([{ ...fixture.findings[0]!, notes: ['NIP 198706122010011003'] }], { includePersonalData: true })).toContain('198706122010011003');
    expect(JSON.parse(masked.trim()).id).toBe('fnd-0001');
    const cases = casesToCsv([{ ...fixture.case, title: '=1+1 kasus NIP 198706122010011003' }]);
    expect(parseCsv(cases)[1]?.[1]).toBe("'=1+1 kasus NIP ••••••••••••••••03");
  });

  it('maps findings into Formulir Model A fields', () => {
    const fixture = buildCaseFixture();
    const [row] = toFormModelA(fixture.findings, { pengawas: 'Pokja Siber', suratTugas: 'ST-01/2024', subjects: [fixture.subject], captures: fixture.captures, context: { name: 'Pilkada Lembah Harapan 2024' } });
    expect(row).toMatchObject({ tahapan: 'Pilkada Lembah Harapan 2024 — Masa kampanye', pengawas: 'Pokja Siber', suratTugas: 'ST-01/2024' });
    expect(row?.uraian).toContain('Yudha Pratama Wijaya (ASN (PNS), Guru SMP');
    expect(row?.uraian).not.toContain('198706122010011003');
    expect(row?.analisis).toContain('dasar hukum perlu diverifikasi');
    expect(row?.dugaanPelanggaran).toContain('Netralitas');
    expect(row?.waktuTempat).toMatch(/^1 Oktober 2024 pukul 09\.15 WIB; /);
    expect(row?.uraian).toContain('melalui akun @yudhapw_guru (x:1790000001) melakukan unggahan');
    const [wita] = toFormModelA(fixture.findings, { pengawas: 'Pokja Siber', timeZone: 'WITA' });
    expect(wita?.uraian).toMatch(/^Pada 1 Oktober 2024 pukul 10\.15 WITA, /);
    expect(formModelAToCsv(row ? [row] : []).split('\r\n')[0]).toBe('tahapan,pengawas,suratTugas,bentukPengawasan,waktuTempat,uraian,analisis,dugaanPelanggaran,buktiPendukung');
  });
});
