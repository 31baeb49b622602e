import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountKey } from '../account/account-schema.js';
import { parseCsv } from './csv-parse.js';
import { parseSubjectsCsv, parseSubjectsJson } from './subject-import.js';

describe('subjects import', () => {
  it('reads a CSV with per-platform columns, several handles, quotes and a BOM', () => {
    const csv = '\ufeffid,name,category,agency,x,facebook,instagram\r\n' + 'asn-1,"Wijaya, Yudha",asn,"Dinas ""Pendidikan""",@yudha_guru;yudha2,yudha.w,\r\n' + 'kd-1,Slamet,kepala_desa,,,kades.mekarsari,kades_mekarsari\r\n';
    const result = parseSubjectsCsv(csv);
    expect(result.isOk()).toBe(true);
    const [first, second] = result._unsafeUnwrap();
    expect(first).toMatchObject({ id: 'asn-1', name: 'Wijaya, Yudha', agency: 'Dinas "Pendidikan"', category: 'asn' });
    expect(first!.accounts.map(accountKey)).toEqual(['x:@yudha_guru', 'x:@yudha2', 'facebook:@yudha.w']);
    expect(second!.accounts).toHaveLength(2);
  });

  it('reports the CSV line of each bad row and what was expected', () => {
    const csv = 'id,name,category,x\nok-1,Budi,asn,budi\nbad-1,Sari,guru,sari\nbad-2,Tono,asn,../../etc/passwd\n';
    const result = parseSubjectsCsv(csv, 'subjects.csv');
    expect(result.isErr()).toBe(true);
    const issues = result._unsafeUnwrapErr().issues;
    expect(issues).toContainEqual(expect.objectContaining({ path: 'row 3.category', line: 3, message: expect.stringContaining('category must be one of') }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'row 4.accounts.0.handle', line: 4, message: expect.stringContaining('no "/"') }));
  });

  it('rejects a missing required column and an unclosed quote with their position', () => {
    expect(parseSubjectsCsv('id,name\na,b\n')._unsafeUnwrapErr().message).toContain('missing column(s) category');
    const unclosed = parseSubjectsCsv('id,name,category\na,"b,asn\n')._unsafeUnwrapErr();
    expect(unclosed.issues[0]).toMatchObject({ line: 2, column: 3 });
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

  it('parses any CSV it writes back (RFC 4180 round trip)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '😀') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        const parsed = parseCsv(text);
        expect('rows' in parsed && parsed.rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
