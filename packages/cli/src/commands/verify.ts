import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VerifyProblemV1, VerifyReportV1 } from '@sipansos/core/spec';
import { checkpointTimestamps } from '@sipansos/core/evidence';
import { createFsStore } from '@sipansos/store-fs';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig } from '../config/load-config.js';
import { parseCommandArgs } from '../runtime/cli-options.js';
import { createConfiguredStore, type ConfiguredStore } from '../runtime/configured-store.js';
import { configErrorLine, storeErrorLine } from '../runtime/runtime-error.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { printStoreRecovery } from '../runtime/store-integrity.js';
import { checkStoreTimestamps, type StoreTimestampCheck } from '../runtime/store-timestamps.js';
import { terminalText } from '../runtime/terminal-text.js';
import { commandTimestampSettings, officeSignedLine, tsaTimeLine, type TimestampSettings } from '../runtime/timestamp-settings.js';
import type { IndonesianTimeZone } from '@sipansos/core';

const USAGE = `sipansos verify [--store DIR] [--config FILE] [--json] [--repair]

Memeriksa seluruh store bukti: menghitung ulang hash setiap blob dan setiap catatan, memeriksa
rantai hash dan nomor urut setiap log, akar Merkle dan tanda tangan setiap checkpoint, dan bahwa
setiap log (capture, temuan, kasus, audit, ...) masih memuat kepala log yang ditandatangani
checkpoint terakhir. Store dibuka hanya-baca, jadi boleh dijalankan saat "sipansos run" sedang
menulis. Keluar 0 bila utuh; 1 bila ada yang berubah, dengan catatan rusak pertama (berkas, nomor
urut, hash yang diharapkan dan yang ditemukan); 3 bila store tidak dapat dibuka.

Checks the whole evidence store: re-hashes every blob and record, checks each log's hash chain
and sequence numbers, each checkpoint's Merkle root and signature, and that every log (captures,
findings, cases, audit, ...) still holds the head the latest checkpoint signed. The store is
opened read-only, so this may run while "sipansos run" writes. Exits 0 when intact; 1 when
anything changed, naming the first bad record (file, sequence number, expected and found hash);
3 when the store cannot be opened.

Dengan "timestamp" di konfigurasi, setiap token TSA (RFC 3161) yang disimpan juga diperiksa: cap
hash checkpoint, tanda tangan TSA, rantai ke akar TSA yang dipercaya kantor; laporan menyebut waktu
tanda tangan kantor (jam kantor sendiri) dan genTime tiap TSA. / With "timestamp" in the config,
every kept RFC 3161 token is checked too (the checkpoint hash it stamps, the TSA signature, the
chain to the TSA roots the office trusts); the report states the office's signing time (its own
clock) and each TSA's genTime.

Store rusak / a damaged store: hanya baris terakhir yang tidak lengkap (bentuk yang ditinggalkan
crash) dipotong otomatis, dilaporkan di stderr dan dicatat di log audit. Baris lengkap yang hash
atau rantainya salah, atau log yang kehilangan entri yang ditandatangani, membuat store
hanya-baca: setiap perintah yang menulis menolak dengan kode keluar 3 sampai petugas memeriksanya
dan menjalankan --repair. / Only an incomplete last line (the shape a crash leaves) is cut
automatically, reported on stderr and recorded in the audit log. A complete line whose hash or
chain is wrong, or a log that lost entries a checkpoint signed, makes the store read-only: every
writing command refuses with exit code 3 until an operator examines it and runs --repair.

  --store DIR     folder store (bawaan: store dari konfigurasi, folder atau PostgreSQL) /
                  store folder (default: the config's store, a folder or PostgreSQL)
  --config FILE   berkas konfigurasi / config file (default: sipansos.config.json)
  --json          laporan sebagai JSON / report as JSON
  --repair        sebagai penulis: potong baris lengkap yang rusak di akhir log (disimpan di
                  recovered/), terima entri yang hilang, catat semuanya di log audit, dan tanda
                  tangani checkpoint baru; lalu periksa. Kerusakan yang diikuti entri sehat tidak
                  diperbaiki (pulihkan dari cadangan). Perlu kunci kantor dari konfigurasi. /
                  as the writer: cut complete bad lines at the end of a log (kept in recovered/),
                  accept missing entries, record all of it in the audit log and sign a new
                  checkpoint; then verify. Damage followed by sound entries is not repaired
                  (restore from a backup). Needs the office key from the config.
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

function printTimestamps(io: CliIo, stamps: StoreTimestampCheck, zone: IndonesianTimeZone): void {
  io.stdout.write(`  token TSA / TSA tokens: ${stamps.checked.length} sah / valid, ${stamps.problems.length} rusak / bad\n`);
  const latest = stamps.checked.at(-1);
  if (latest) {
    io.stdout.write(`  checkpoint ${latest.checkpointHash.slice(0, 16)}…: ${officeSignedLine(latest.signedAt, zone)}\n`);
    for (const token of stamps.checked.filter((value) => value.checkpointHash === latest.checkpointHash)) io.stdout.write(`    ${terminalText(tsaTimeLine(token.info.genTime, token.tsaUrl, zone), 400)}\n`);
  }
  for (const problem of stamps.problems) {
    io.stdout.write(`  - token ${problem.tokenSha256} (TSA ${terminalText(problem.tsaUrl)}, checkpoint ${problem.checkpointHash.slice(0, 16)}…) — ${problem.type}: ${terminalText(problem.message, 300)}\n`);
  }
}

/** Open the store as its repairing writer; an exit code when the repair could not be done. */
async function repairStore(io: CliIo, dir: string, signingKeyPem: string | undefined, actor: string | undefined): Promise<number | undefined> {
  if (!signingKeyPem) {
    printError(io, '--repair menandatangani checkpoint baru: perlu kunci kantor (signingKey di konfigurasi)', '--repair signs a new checkpoint: it needs the office key (signingKey in the config)');
    return EXIT.usage;
  }
  const store = createFsStore({ dir, repair: true, signingKeyPem, ...(actor ? { actor } : {}) });
  const opened = await store.open();
  if (opened.isErr()) {
    const line = storeErrorLine(opened.error);
    printError(io, `perbaikan gagal: ${line.id} (${dir})`, `repair failed: ${line.en} (${dir})`);
    return opened.error.type === 'corrupt' ? EXIT.problem : EXIT.failure;
  }
  printStoreRecovery(io, opened.value);
  if (opened.value.recovered.length === 0) io.stderr.write('tidak ada yang perlu diperbaiki / nothing to repair\n');
  const closed = await store.close();
  if (closed.isErr()) {
    const line = storeErrorLine(closed.error);
    printError(io, line.id, line.en);
    return EXIT.failure;
  }
  return undefined;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: { id: 'periksa keutuhan store bukti', en: 'check the evidence store is intact' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { store: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false }, repair: { type: 'boolean', default: false } });
    if ('exitCode' in parsed) return parsed.exitCode;
    let dir: string;
    let signingKeyPem: string | undefined;
    let actor: string | undefined;
    let timestamps: TimestampSettings | undefined;
    let zone: IndonesianTimeZone = 'WIB';
    if (parsed.values.store !== undefined && parsed.values.config === undefined && !parsed.values.repair) {
      dir = path.resolve(io.cwd, parsed.values.store);
    } else {
      const loaded = await loadConfig(parsed.values.config ?? 'sipansos.config.json', io.cwd);
      if (loaded.isErr()) {
        const line = configErrorLine(loaded.error);
        printError(io, `${line.id}; atau beri --store DIR`, `${line.en}; or pass --store DIR`);
        return EXIT.usage;
      }
      const configured = loaded.value.config.store;
      // With the office key at hand, a checkpoint signed by any other key is reported too.
      const keyFile = loaded.value.config.signingKey;
      signingKeyPem = keyFile === null ? undefined : await readFile(loaded.value.resolve(keyFile), 'utf8').catch(() => undefined);
      actor = loaded.value.config.actor;
      const settings = await commandTimestampSettings(io, loaded.value);
      if ('exitCode' in settings) return settings.exitCode;
      timestamps = settings.settings;
      zone = await officeTimeZone({ config: loaded.value });
      if (parsed.values.store === undefined && configured.kind === 'postgres') {
        if (parsed.values.repair) {
          printError(io, '--repair hanya untuk store folder; pulihkan baris PostgreSQL yang rusak dari cadangan', '--repair is for the folder store; restore damaged PostgreSQL rows from a backup');
          return EXIT.usage;
        }
        return verifyStore(io, await createConfiguredStore(loaded.value, { access: 'read', ...(signingKeyPem ? { signingKeyPem } : {}) }), parsed.values.json, timestamps, zone);
      }
      dir = parsed.values.store !== undefined ? path.resolve(io.cwd, parsed.values.store) : loaded.value.resolve('dir' in configured ? configured.dir : 'store');
    }
    if (parsed.values.repair) {
      const repaired = await repairStore(io, dir, signingKeyPem, actor);
      if (repaired !== undefined) return repaired;
    }
    let store;
    try {
      store = createFsStore({ dir, readOnly: true, ...(signingKeyPem ? { signingKeyPem } : {}) });
    } catch (error) {
      printError(io, `store tidak dapat dibuat: ${(error as Error).message}`, `cannot create the store: ${(error as Error).message}`);
      return EXIT.usage;
    }
    return verifyStore(io, { store, where: dir }, parsed.values.json, timestamps, zone);
  },
};

/** Open a store as a reader, verify it (and its TSA tokens) and print the report; the exit code. */
async function verifyStore(io: CliIo, { store, where: dir }: ConfiguredStore, json: boolean, timestamps: TimestampSettings | undefined, zone: IndonesianTimeZone): Promise<number> {
  const opened = await store.open();
  if (opened.isErr()) {
    const line = storeErrorLine(opened.error);
    printError(io, `${line.id} (${dir})`, `${line.en} (${dir})`);
    return EXIT.failure;
  }
  const verified = await store.verify();
  const stamps: StoreTimestampCheck | undefined = verified.isOk() && timestamps ? await checkStoreTimestamps(store, timestamps) : undefined;
  // Tokens need the TSA roots from the config: say so rather than pass over them silently.
  const unchecked = verified.isOk() && !timestamps ? (await checkpointTimestamps(store)).map((list) => list.length).unwrapOr(0) : 0;
  await store.close();
  if (verified.isErr()) {
    const line = storeErrorLine(verified.error);
    printError(io, line.id, line.en);
    return EXIT.failure;
  }
  const intact = verified.value.ok && (stamps?.problems.length ?? 0) === 0;
  if (json) io.stdout.write(`${JSON.stringify({ store: dir, open: opened.value, ...verified.value, ok: intact, ...(stamps ? { timestamps: stamps } : {}) }, null, 2)}\n`);
  else {
    printReport(io, dir, verified.value);
    if (stamps) printTimestamps(io, stamps, zone);
    if (unchecked > 0) io.stdout.write(`  catatan: ${unchecked} token TSA tidak diperiksa; beri --config dengan "timestamp" (akar TSA) / note: ${unchecked} TSA tokens not checked; pass --config with "timestamp" (the TSA roots)\n`);
  }
  return intact ? EXIT.ok : EXIT.problem;
}
