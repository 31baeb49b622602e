import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VerifyProblemV1, VerifyReportV1 } from '@sipansos/core/spec';
import { createFsStore } from '@sipansos/store-fs';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig } from '../config/load-config.js';
import { parseCommandArgs } from '../runtime/cli-options.js';
import { configErrorLine, storeErrorLine } from '../runtime/runtime-error.js';
import { terminalText } from '../runtime/terminal-text.js';

const USAGE = `sipansos verify [--store DIR] [--config FILE] [--json]

Memeriksa seluruh store bukti: menghitung ulang hash setiap blob dan setiap catatan, memeriksa
rantai hash dan nomor urut setiap log, akar Merkle dan tanda tangan setiap checkpoint. Store
dibuka hanya-baca, jadi boleh dijalankan saat "sipansos run" sedang menulis. Keluar 0 bila utuh;
1 bila ada yang berubah, dengan catatan rusak pertama (berkas, nomor urut, hash yang diharapkan
dan yang ditemukan); 3 bila store tidak dapat dibuka.

Checks the whole evidence store: re-hashes every blob and record, checks each log's hash chain
and sequence numbers, and each checkpoint's Merkle root and signature. The store is opened
read-only, so this may run while "sipansos run" writes. Exits 0 when intact; 1 when anything
changed, naming the first bad record (file, sequence number, expected and found hash); 3 when
the store cannot be opened.

  --store DIR     folder store (bawaan: store.dir dari konfigurasi) / store folder
                  (default: store.dir from the config)
  --config FILE   berkas konfigurasi / config file (default: sipansos.config.json)
  --json          laporan sebagai JSON / report as JSON
`;

function describeProblem(problem: VerifyProblemV1): string {
  const parts = [
    `berkas/file ${terminalText(problem.file ?? '-')}`,
    ...(problem.seq !== undefined ? [`urutan/seq ${problem.seq}`] : []),
    ...(problem.expected !== undefined ? [`diharapkan/expected ${terminalText(problem.expected, 200)}`] : []),
    ...(problem.found !== undefined ? [`ditemukan/found ${terminalText(problem.found, 200)}`] : []),
  ];
  return `${parts.join(', ')} — ${problem.type}: ${terminalText(problem.message, 300)}`;
}

function printReport(io: CliIo, dir: string, report: VerifyReportV1): void {
  const { blobs, records, checkpoints, bytes } = report.checked;
  const counts = `${records} catatan/records, ${blobs} blob, ${checkpoints} checkpoint, ${bytes} byte`;
  if (report.ok) {
    io.stdout.write(`UTUH / INTACT ${dir}\n  diperiksa / checked: ${counts}\n`);
    return;
  }
  const first = report.problems[0]!;
  io.stdout.write(`RUSAK / DAMAGED ${dir}\n`);
  io.stdout.write(`  catatan rusak pertama / first bad record: ${describeProblem(first)}\n`);
  io.stdout.write(`  ${report.problems.length} masalah / problems; diperiksa / checked: ${counts}\n`);
  for (const problem of report.problems.slice(1, 50)) io.stdout.write(`  - ${describeProblem(problem)}\n`);
  if (report.problems.length > 50) io.stdout.write(`  ... ${report.problems.length - 50} lagi / more (--json untuk semua / for all)\n`);
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: { id: 'periksa keutuhan store bukti', en: 'check the evidence store is intact' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { store: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false } });
    if ('exitCode' in parsed) return parsed.exitCode;
    let dir: string;
    let signingKeyPem: string | undefined;
    if (parsed.values.store !== undefined && parsed.values.config === undefined) {
      dir = path.resolve(io.cwd, parsed.values.store);
    } else {
      const loaded = await loadConfig(parsed.values.config ?? 'sipansos.config.json', io.cwd);
      if (loaded.isErr()) {
        const line = configErrorLine(loaded.error);
        printError(io, `${line.id}; atau beri --store DIR`, `${line.en}; or pass --store DIR`);
        return EXIT.usage;
      }
      dir = parsed.values.store !== undefined ? path.resolve(io.cwd, parsed.values.store) : loaded.value.resolve(loaded.value.config.store.dir);
      // With the office key at hand, a checkpoint signed by any other key is reported too.
      signingKeyPem = await readFile(loaded.value.resolve(loaded.value.config.signingKey), 'utf8').catch(() => undefined);
    }
    let store;
    try {
      store = createFsStore({ dir, readOnly: true, ...(signingKeyPem ? { signingKeyPem } : {}) });
    } catch (error) {
      printError(io, `store tidak dapat dibuat: ${(error as Error).message}`, `cannot create the store: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const opened = await store.open();
    if (opened.isErr()) {
      const line = storeErrorLine(opened.error);
      printError(io, `${line.id} (${dir})`, `${line.en} (${dir})`);
      return EXIT.failure;
    }
    const verified = await store.verify();
    await store.close();
    if (verified.isErr()) {
      const line = storeErrorLine(verified.error);
      printError(io, line.id, line.en);
      return EXIT.failure;
    }
    if (parsed.values.json) io.stdout.write(`${JSON.stringify({ store: dir, open: opened.value, ...verified.value }, null, 2)}\n`);
    else printReport(io, dir, verified.value);
    return verified.value.ok ? EXIT.ok : EXIT.problem;
  },
};
