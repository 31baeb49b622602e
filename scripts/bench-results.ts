import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureCalibration, type BenchCalibration } from './bench-calibration.js';

/** One benchmark figure, as written to `bench-results/<name>.json`. */
export interface BenchEntry {
  name: string;
  value: number;
  unit: string;
}

/**
 * Print a benchmark's figures as a table and write them to `bench-results/<benchName>.json`
 * (at the workspace root). Every benchmark ends with this call. The machine's calibration figures
 * (`calibration_char_loop_mb_per_s`, `calibration_sha256_mb_per_s`) are appended to the entries,
 * measured now unless the benchmark passes its own from the same run.
 */
export function reportBench(benchName: string, figures: BenchEntry[], notes: string[] = [], calibration: BenchCalibration = measureCalibration()): void {
  const entries = [
    ...figures,
    { name: 'calibration_char_loop_mb_per_s', value: Math.round(calibration.charLoopMbPerS), unit: 'MB/s (bare charCodeAt loop)' },
    { name: 'calibration_sha256_mb_per_s', value: Math.round(calibration.sha256MbPerS), unit: 'MB/s (sha256, 1 MiB buffers)' },
  ];
  const root = path.resolve(import.meta.dirname, '..');
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${benchName}.json`);
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
  const width = Math.max(...entries.map((entry) => entry.name.length));
  process.stdout.write(`\n== bench ${benchName} ==\n`);
  for (const entry of entries) {
    const value = Number.isInteger(entry.value) ? String(entry.value) : entry.value.toFixed(entry.value < 10 ? 3 : 1);
    process.stdout.write(`${entry.name.padEnd(width)}  ${value} ${entry.unit}\n`);
  }
  for (const note of notes) process.stdout.write(`  ${note}\n`);
  process.stdout.write(`-> ${path.relative(process.cwd(), file)}\n`);
}
