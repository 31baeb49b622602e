import { describe, expect, it } from 'vitest';
import { accountKey } from '../account/account-schema.js';
import { parseSubjectsCsv, parseSubjectsFile, parseSubjectsJson } from './subject-import.js';

describe('subjects import', () => {
  it('reads a CSV with canonical headers, per-platform columns, several handles, quotes and a BOM', () => {
    const csv = '\ufeffid,name,category,agency,x,facebook,instagram\r\n' + 'asn-1,"Wijaya, Yudha",asn,"Dinas ""Pendidikan""",@yudha_guru;yudha2,yudha.w,\r\n' + 'kd-1,Slamet,kepala_desa,,,kades.mekarsari,kades_mekarsari\r\n';
    const result = parseSubjectsCsv(csv);
    expect(result.isOk()).toBe(true);
    const [first, second] = result._unsafeUnwrap();
    expect(first).toMatchObject({ id: 'asn-1', name: 'Wijaya, Yudha', agency: 'Dinas "Pendidikan"', category: 'asn' });
    expect(first!.accounts.map(accountKey)).toEqual(['x:@yudha_guru', 'x:@yudha2', 'facebook:@yudha.w']);
    expect(second!.accounts).toHaveLength(2);
  });

  it('reports the row, column and a bilingual message of each bad row', () => {
    const csv = 'id,name,category,x\nok-1,Budi,asn,budi\nbad-1,Sari,guru,sari\nbad-2,Tono,asn,../../etc/passwd\n';
    const error = parseSubjectsCsv(csv, 'subjects.csv')._unsafeUnwrapErr();
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'row 3.C "category"', line: 3, message: expect.stringMatching(/^kategori "guru" tidak dikenal.* \/ category "guru" is not known/) }));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'row 4.D "x"', line: 4, message: expect.stringContaining('is not valid') }));
    expect(error.message).toMatch(/^subjects\.csv: row 3\.C "category": .* \(\+1 more\)$/);
  });

  it('reads .tsv and .txt as CSV and everything else as JSON', () => {
    expect(parseSubjectsFile('Nama\tKategori\nBudi\tPNS\n', 'daftar.tsv')._unsafeUnwrap()[0]).toMatchObject({ id: 'budi', category: 'asn' });
    expect(parseSubjectsFile('[]', 'subjects.json')._unsafeUnwrap()).toEqual([]);
  });

  it('reads JSON as an array or { subjects } and rejects duplicate ids and handles with control characters', () => {
    const ok = parseSubjectsJson(JSON.stringify({ subjects: [{ id: 'p-1', name: 'Polisi Satu', category: 'polri', accounts: [{ platform: 'x', handle: 'polisi1' }] }] }));
    expect(ok._unsafeUnwrap()[0]!.accounts[0]).toEqual({ platform: 'x', handle: 'polisi1' });
    const duplicate = parseSubjectsJson(JSON.stringify([{ id: 'a', name: 'A', category: 'asn' }, { id: 'a', name: 'B', category: 'ptt' }]));
    expect(duplicate._unsafeUnwrapErr().issues).toContainEqual(expect.objectContaining({ path: '1.id' }));
    const control = parseSubjectsJson(JSON.stringify([{ id: 'a', name: 'A', category: 'asn', accounts: [{ platform: 'x', handle: 'ab\u0000c' }] }]));
    expect(control._unsafeUnwrapErr().issues[0]!.path).toBe('0.accounts.0.handle');
    const unknown = parseSubjectsJson(JSON.stringify([{ id: 'a', name: 'A', category: 'guru' }]));
    expect(unknown._unsafeUnwrapErr().issues[0]!.message).toContain('asn, pppk, ptt');
  });

  it('reports a truncated JSON file with line and column, not a stack trace', () => {
    const result = parseSubjectsJson('[\n  {"id": "a",\n  "name": "A"', 'subjects.json');
    const error = result._unsafeUnwrapErr();
    expect(error.message).toMatch(/^subjects\.json:3:\d+: the JSON ends too early/);
  });
});
