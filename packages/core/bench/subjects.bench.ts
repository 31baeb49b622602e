/**
 * `pnpm bench subjects`: reading a 50 MiB office list of invented people (`;`, Indonesian
 * headers, a NIP, three profile addresses per row) with `readSubjectsCsv`, as
 * `sipansos subjects import` does.
 *
 * - `subjects_rows_per_s` / `subjects_rows_per_s_wall`: rows read per second of CPU / wall time.
 * - `subjects_heap_mb_after`: heap held after the read (the subjects themselves, and the row index
 *   of every id and account for duplicate checks), after a GC.
 * - `subjects_peak_rss_mb`: the process's peak resident memory.
 */
import { performance } from 'node:perf_hooks';
import { readSubjectsCsv } from '../src/index.js';
import { reportBench, type BenchEntry } from '../../../scripts/bench-results.js';

const BYTES = 50 * 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

let rows = 0;
async function* list(): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let chunk = 'No;Nama Lengkap;NIP;Kategori;Unit Kerja;Jabatan;Akun FB;Instagram;Twitter/X\n';
  let written = 0;
  while (written < BYTES) {
    const line = `${rows + 1};Pegawai Contoh Nomor ${rows};1980${String(rows).padStart(14, '0')};PNS;Dinas Contoh ${rows % 40};Staf Pelaksana;https://www.facebook.com/pegawai.contoh.${rows};https://www.instagram.com/pegawai_contoh_${rows}/;@pc_${rows}\n`;
    chunk += line;
    written += line.length;
    rows++;
    if (chunk.length > 256 * 1024) {
      yield encoder.encode(chunk);
      chunk = '';
    }
  }
  yield encoder.encode(chunk);
}

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await readSubjectsCsv(list(), { source: 'besar.csv' });
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (result.issueCount > 0 || result.subjects.length !== rows) throw new Error(`expected ${rows} subjects, got ${result.subjects.length} and ${result.issueCount} problems`);
gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const entries: BenchEntry[] = [
  { name: 'subjects_rows_per_s', value: Math.round(rows / ((cpu.user + cpu.system) / 1e6)), unit: 'rows/s (CPU time)' },
  { name: 'subjects_rows_per_s_wall', value: Math.round(rows / (wallMs / 1000)), unit: 'rows/s (wall clock)' },
  { name: 'subjects_heap_mb_after', value: Math.round((heapAfter - heapBefore) / 1024 / 1024), unit: 'MB' },
  { name: 'subjects_peak_rss_mb', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MB' },
];
reportBench('subjects', entries, [`${rows} rows, ${BYTES / 1024 / 1024} MiB; the generated text is produced as it is read`]);
