import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ElectionContextSchema } from '@sipansos/core';
import { BUILTIN_CLAIMS, ClaimRegistrySchema } from '@sipansos/core/rules';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { main } from '../src/main.js';
import { loadRules } from '../src/runtime/load-rules.js';
import { memoryIo } from './memory-io.js';

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-claims-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json' }));
  return dir;
}

const officeClaims = async (dir: string) => ClaimRegistrySchema.parse(JSON.parse(await readFile(path.join(dir, 'claims.json'), 'utf8'))).claims;

const review = (slug: string, claimReviewed: string, datePublished: string, rating: string) => ({
  '@type': 'ClaimReview',
  url: `https://cekfakta.example.org/2024/11/${slug}`,
  claimReviewed,
  author: { '@type': 'Organization', name: 'Cek Fakta Contoh' },
  datePublished,
  reviewRating: { '@type': 'Rating', alternateName: rating },
});

const REVIEWS = JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    review('jembatan-tps', 'Jembatan menuju TPS Desa Karangsari sengaja dirobohkan agar warga tidak bisa mencoblos', '2024-11-25', 'Salah'),
    review('tinta-luntur', 'Tinta pemilu di TPS Lembah Harapan sengaja dibuat luntur supaya pemilih bisa mencoblos dua kali', '2024-11-26', 'Menyesatkan'),
  ],
});

describe('sipansos claims', () => {
  it('lists the built-in registry, as text and as JSON lines', async () => {
    const dir = await office();
    const io = memoryIo(dir);
    expect(await main(['claims', 'list'], io)).toBe(0);
    expect(io.out()).toContain(`${BUILTIN_CLAIMS.length} klaim / claims (0 kantor / office, ${BUILTIN_CLAIMS.length} bawaan / built-in dipakai / in use)`);
    expect(io.out()).toContain(BUILTIN_CLAIMS[0]!.review.url);
    const json = memoryIo(dir);
    expect(await main(['claims', 'list', '--json'], json)).toBe(0);
    const lines = json.out().trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(BUILTIN_CLAIMS.length);
    expect(lines[0]).toMatchObject({ id: BUILTIN_CLAIMS[0]!.id, origin: 'builtin' });
  });

  it('adds an office claim to claims.json beside the config, and refuses the same id without --replace', async () => {
    const dir = await office();
    const args = ['claims', 'add', '--wording', 'Surat suara cadangan di gudang KPU Lembah Harapan sudah dicoblos untuk paslon 1', '--verdict', 'Hoaks', '--url', 'https://kpu-lembah.example.go.id/klarifikasi/1', '--publisher', 'KPU Kabupaten Lembah Harapan', '--date', '2024-11-20', '--id', 'kantor-cadangan-tercoblos'];
    const io = memoryIo(dir);
    expect(await main(args, io)).toBe(0);
    expect(io.out()).toContain('klaim "kantor-cadangan-tercoblos" ditambahkan / added (false;');
    const [claim] = await officeClaims(dir);
    expect(claim).toMatchObject({ id: 'kantor-cadangan-tercoblos', verdict: 'false', review: { publisher: 'KPU Kabupaten Lembah Harapan' } });
    expect(claim!.topics).toEqual(expect.arrayContaining(['voting_process', 'organisers']));
    const again = memoryIo(dir);
    expect(await main(args, again)).toBe(1);
    expect(again.err()).toContain('--replace');
    const replace = memoryIo(dir);
    expect(await main([...args, '--replace', '--json'], replace)).toBe(0);
    expect(JSON.parse(replace.out())).toMatchObject({ action: 'replaced', claim: { id: 'kantor-cadangan-tercoblos' } });
    const list = memoryIo(dir);
    expect(await main(['claims', 'list', '--office'], list)).toBe(0);
    expect(list.out()).toContain('kantor-cadangan-tercoblos');
    expect(list.out()).toContain('1 klaim / claims (1 kantor / office');
  });

  it('names the option that is wrong and writes nothing', async () => {
    const dir = await office();
    const io = memoryIo(dir);
    expect(await main(['claims', 'add', '--wording', 'Surat suara cadangan sudah dicoblos semua', '--verdict', 'Benar', '--url', 'http://x.example.org/a', '--publisher', 'Contoh', '--date', '2024-11-20'], io)).toBe(1);
    expect(io.err()).toContain('--verdict: "Benar" rates the claim true');
    const url = memoryIo(dir);
    expect(await main(['claims', 'add', '--wording', 'Surat suara cadangan sudah dicoblos semua', '--verdict', 'Salah', '--url', 'http://x.example.org/a', '--publisher', 'Contoh', '--date', '2024-11-20'], url)).toBe(1);
    expect(url.err()).toMatch(/--url: .*https/);
    const missing = memoryIo(dir);
    expect(await main(['claims', 'add', '--wording', 'x'], missing)).toBe(2);
    expect(missing.err()).toContain('--verdict, --url, --publisher, --date');
    await expect(readFile(path.join(dir, 'claims.json'), 'utf8')).rejects.toThrow();
  });

  it('imports ClaimReview JSON-LD, updates on re-import, and the rules use the office claims', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'cekfakta.jsonld'), REVIEWS);
    const io = memoryIo(dir);
    expect(await main(['claims', 'import', 'cekfakta.jsonld'], io)).toBe(0);
    expect(io.out()).toContain('2 klaim dibaca / claims read: 2 baru / new, 0 diperbarui / updated, 0 tetap / unchanged; 2 klaim kantor / office claims');
    const claims = await officeClaims(dir);
    expect(claims.map((claim) => claim.verdict)).toEqual(['false', 'misleading']);
    const again = memoryIo(dir);
    expect(await main(['claims', 'import', 'cekfakta.jsonld', '--json'], again)).toBe(0);
    expect(JSON.parse(again.out())).toMatchObject({ read: 2, added: 0, unchanged: 2, office: 2 });
    const config = (await loadConfig('sipansos.config.json', dir))._unsafeUnwrap();
    const loaded = await loadRules(config, ElectionContextSchema.parse(EXAMPLE_CONTEXT));
    if ('problem' in loaded) throw new Error(loaded.problem.en);
    expect(loaded.rules.claims!.claims.length).toBe(BUILTIN_CLAIMS.length + 2);
    expect(loaded.rules.claims!.matchText('jembatan ke TPS karangsari sengaja dirobohkan biar warga tidak bisa nyoblos', { minScore: 0.4 })[0]?.claim.id).toBe(claims[0]!.id);
  });

  it('imports a CSV, and reports a bad row by row and column without writing', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'klaim.csv'), 'id,klaim,putusan,tautan,penerbit,tanggal,topik\nk-1,Kotak suara TPS 3 Karangsari dibuang ke sungai,Hoaks,https://cekfakta.example.org/k1,Cek Fakta Contoh,2024-11-27,counting\n');
    expect(await main(['claims', 'import', 'klaim.csv'], memoryIo(dir))).toBe(0);
    expect((await officeClaims(dir)).map((claim) => claim.id)).toEqual(['k-1']);
    await writeFile(path.join(dir, 'rusak.csv'), 'id,klaim,putusan,tautan,penerbit,tanggal,topik\nk-2,Kotak suara TPS 4 Karangsari dibuang ke sungai,Hoaks,https://cekfakta.example.org/k2,Cek Fakta Contoh,27-11-2024,counting\n');
    const io = memoryIo(dir);
    expect(await main(['claims', 'import', 'rusak.csv'], io)).toBe(1);
    expect(io.err()).toContain('rusak.csv row 2, column tanggal: expected a date written YYYY-MM-DD');
    expect((await officeClaims(dir)).map((claim) => claim.id)).toEqual(['k-1']);
  });

  it('dry-run checks without writing; bad JSON and usage mistakes have their exit codes', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'cekfakta.jsonld'), REVIEWS);
    const dry = memoryIo(dir);
    expect(await main(['claims', 'import', 'cekfakta.jsonld', '--dry-run'], dry)).toBe(0);
    expect(dry.out()).toContain('uji coba, tidak ditulis / dry run, not written');
    await expect(readFile(path.join(dir, 'claims.json'), 'utf8')).rejects.toThrow();
    await writeFile(path.join(dir, 'rusak.json'), '{"@type": "ClaimReview",');
    expect(await main(['claims', 'import', 'rusak.json'], memoryIo(dir))).toBe(1);
    expect(await main(['claims', 'import', 'klaim.txt'], memoryIo(dir))).toBe(2);
    expect(await main(['claims', 'import', 'cekfakta.jsonld', '--topic', 'cuaca'], memoryIo(dir))).toBe(2);
    expect(await main(['claims', 'hapus'], memoryIo(dir))).toBe(2);
  });

  it('refuses to run the rules on a broken claims.json', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'claims.json'), JSON.stringify({ claims: [{ id: 'X Y' }] }));
    const io = memoryIo(dir);
    expect(await main(['claims', 'list'], io)).toBe(1);
    expect(io.err()).toMatch(/berkas klaim tidak sah: .*claims\.json: claims\.0/);
  });
});
