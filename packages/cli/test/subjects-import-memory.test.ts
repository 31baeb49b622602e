import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const MIB = 1024 * 1024;

/** A large office list of invented people: `;`-separated, Indonesian headers, profile addresses. */
async function writeLargeCsv(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write('No;Nama Lengkap;NIP;Kategori;Unit Kerja;Jabatan;Akun FB;Instagram;Twitter/X\n');
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    const nip = `1980${String(rows).padStart(14, '0')}`;
    const line = `${rows + 1};Pegawai Contoh Nomor ${rows};${nip};PNS;Dinas Contoh ${rows % 40};Staf Pelaksana;https://www.facebook.com/pegawai.contoh.${rows};https://www.instagram.com/pegawai_contoh_${rows}/;@pc_${rows}\n`;
    written += line.length;
    rows++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return rows;
}

describe('sipansos subjects import of a large list', () => {
  it('imports a 20 MiB CSV with the heap growing by less than 15 times the file size', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-subjects-large-'));
    try {
      await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json' }));
      const file = path.join(dir, 'besar.csv');
      const rows = await writeLargeCsv(file, 20 * MIB);
      const size = (await stat(file)).size;

      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      const sample = (): void => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      };
      // The import awaits file reads and writes throughout, so the sampler runs while it works.
      const sampler = setInterval(sample, 5);
      const io = memoryIo(dir);
      let code: number;
      try {
        code = await main(['subjects', 'import', 'besar.csv'], io);
      } finally {
        clearInterval(sampler);
        sample();
      }
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      expect(io.out()).toContain(`${rows} baru / new, 0 diperbarui / updated, 0 tetap / unchanged; total ${rows}`);
      const growth = peak - baseline;
      // The list before this change held the text, every row, every record and two zod copies of
      // every subject: about 40 times the file (2 GB for 50 MB).
      expect(growth).toBeLessThan(15 * size);
      expect((await stat(path.join(dir, 'subjects.json'))).size).toBeGreaterThan(size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
