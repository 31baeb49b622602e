import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-subjects-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json' }));
  return dir;
}

const CSV = `id,name,category,agency,x,facebook
asn-101,Wulan Sari Contoh,asn,Dinas Kesehatan,wulan_contoh,wulan.sari.contoh
ptt-102,Agus Salim Contoh,ptt,Sekretariat Daerah,,agus.salim.contoh;agus.kedua
`;

describe('sipansos subjects import', () => {
  it('imports a CSV into the office subjects file and reports what changed', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'new.csv'), CSV);
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'new.csv'], io)).toBe(0);
    expect(io.out()).toContain('2 baru / new, 0 diperbarui / updated, 0 tetap / unchanged; total 2');
    const written = JSON.parse(await readFile(path.join(dir, 'subjects.json'), 'utf8'));
    expect(written[1]).toMatchObject({ id: 'ptt-102', accounts: [{ platform: 'facebook', handle: 'agus.salim.contoh' }, { platform: 'facebook', handle: 'agus.kedua' }] });
  });

  it('updates a subject with the same id and keeps the others', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'new.csv'), CSV);
    await main(['subjects', 'import', 'new.csv'], memoryIo(dir));
    await writeFile(path.join(dir, 'update.json'), JSON.stringify([{ id: 'asn-101', name: 'Wulan Sari Contoh', category: 'asn', agency: 'Dinas Pendidikan', accounts: [{ platform: 'x', handle: 'wulan_contoh' }] }]));
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'update.json'], io)).toBe(0);
    expect(io.out()).toContain('0 baru / new, 1 diperbarui / updated, 0 tetap / unchanged; total 2');
    const list = memoryIo(dir);
    expect(await main(['subjects', 'list'], list)).toBe(0);
    expect(list.out()).toContain('2 subjek / subjects');
  });

  it('writes nothing when the merged list gives one account to two subjects', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'new.csv'), CSV);
    await main(['subjects', 'import', 'new.csv'], memoryIo(dir));
    const before = await readFile(path.join(dir, 'subjects.json'), 'utf8');
    await writeFile(path.join(dir, 'clash.json'), JSON.stringify([{ id: 'asn-999', name: 'Orang Lain Contoh', category: 'asn', accounts: [{ platform: 'x', handle: 'wulan_contoh' }] }]));
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'clash.json'], io)).toBe(1);
    expect(io.err()).toMatch(/^galat: daftar gabungan tidak sah, tidak ada yang ditulis: .*also belongs to subject "asn-101" \/ error: the merged list is invalid/);
    expect(await readFile(path.join(dir, 'subjects.json'), 'utf8')).toBe(before);
  });

  it('names the row and column of a bad CSV row and exits 1', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'bad.csv'), 'id,name,category\nasn-1,Nama Contoh,pegawai\n');
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'bad.csv'], io)).toBe(1);
    expect(io.err()).toContain('bad.csv baris 2, kolom C "category": kategori "pegawai" tidak dikenal');
    expect(io.err()).toContain('/ row 2, column C: category "pegawai" is not known');
  });

  it('says how to start when there is no config', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-noconfig-'));
    const io = memoryIo(dir);
    expect(await main(['subjects', 'import', 'x.csv'], io)).toBe(1);
    expect(io.err()).toMatch(/^galat: konfigurasi .* tidak ditemukan; jalankan "sipansos init <folder>" .* \/ error: config .* not found/);
  });
});
