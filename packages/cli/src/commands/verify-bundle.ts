import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { verifyBundle, verifyBundleTimestamps, type BundleFileContent, type BundleProblem } from '@sipansos/core/evidence';
import { formatLocalDateTime } from '@sipansos/core';
import { readBundleDirectory } from '../bundle/bundle-directory.js';
import { readBundleZip } from '../bundle/bundle-zip-reader.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { parseCommandArgs } from '../runtime/cli-options.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';

const USAGE = `sipansos verify-bundle <folder|berkas.zip> [--trusted-key-id ID] [--json]

Memeriksa bundel verifikasi tanpa akses ke penyimpanan kantor: setiap berkas terhadap SHA256SUMS,
setiap blob terhadap namanya, setiap rekaman terhadap hash-nya, tanda tangan checkpoint dengan
kunci publik kantor, dan bukti inklusi Merkle setiap capture. Keluar 0 bila utuh, 1 bila ada
berkas yang rusak (setiap berkas disebutkan). ZIP dibaca per entri dengan batas: entri yang
tumpang-tindih, rasio kompresi tak wajar, atau nama tidak aman ditolak sebelum diekstrak.

Checks a verification bundle without the office's store: every file against SHA256SUMS, every
blob against its name, every record against its hash, the checkpoint signature with the office
key, and each capture's Merkle inclusion proof. Exits 0 when intact, 1 naming every damaged file.
A ZIP is read entry by entry within limits: overlapping entries, absurd compression ratios and
unsafe names are refused before anything is inflated.

  --trusted-key-id ID   id kunci kantor yang diketahui dari saluran lain / the office key id
                        known from elsewhere (sha256 of the public key, DER)
  --tsa-trust-anchor F  berkas PEM akar TSA yang dipercaya (boleh berulang); tanpa ini akar dari
                        bundel dipakai / PEM file of a trusted TSA root (repeatable); without it
                        the bundle's own roots are used
  --json                laporan sebagai JSON / report as JSON

Token RFC 3161 di timestamps/ diperiksa: cap hash checkpoint, tanda tangan TSA, dan rantai
sertifikat ke akar TSA. / RFC 3161 tokens in timestamps/ are checked: the checkpoint hash they
stamp, the TSA signature and the certificate chain to the TSA roots.
`;

/** `sipansos verify-bundle`: check a bundle directory or ZIP without the office's store. */
export const verifyBundleCommand: CliCommand = {
  name: 'verify-bundle',
  summary: { id: 'periksa bundel verifikasi secara luring', en: 'check a verification bundle offline' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { json: { type: 'boolean', default: false }, 'trusted-key-id': { type: 'string' }, 'tsa-trust-anchor': { type: 'string', multiple: true } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const target = parsed.positionals[0];
    if (!target || parsed.positionals.length > 1) {
      printError(io, 'sebutkan satu folder bundel', 'name one bundle directory');
      return EXIT.usage;
    }
    const absolute = path.resolve(io.cwd, target);
    let files: ReadonlyMap<string, BundleFileContent>;
    const extra: BundleProblem[] = [];
    const kind = await lstat(absolute).then((stat) => (stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other')).catch(() => 'missing');
    if (kind === 'file') {
      const zip = await readBundleZip(absolute);
      if ('type' in zip) {
        printError(io, `ZIP bundel tidak terbaca: ${terminalText(zip.message, 300)}`, `cannot read the bundle ZIP: ${terminalText(zip.message, 300)}`);
        return EXIT.problem;
      }
      files = zip.files;
      for (const damaged of zip.damaged) extra.push({ type: 'file_hash', file: damaged.entry ?? target, message: damaged.message });
    } else {
      const read = await readBundleDirectory(absolute);
      if ('type' in read) {
        printError(io, `bundel tidak terbaca: ${read.message}`, `cannot read the bundle: ${read.message}`);
        return read.type === 'io' || read.type === 'not_a_directory' ? EXIT.failure : EXIT.problem;
      }
      files = read.files;
      for (const name of read.skipped) extra.push({ type: 'unlisted_file', file: name, message: `${name} is not a regular file (link or special file) and was not read` });
    }
    const trusted = parsed.values['trusted-key-id'];
    const report = verifyBundle(files, trusted ? { trustedKeyId: trusted } : {});
    const anchorFiles = (parsed.values['tsa-trust-anchor'] as string[] | undefined) ?? [];
    let anchors: string[] | undefined;
    try {
      anchors = anchorFiles.length > 0 ? await Promise.all(anchorFiles.map((file) => readFile(path.resolve(io.cwd, file), 'utf8'))) : undefined;
    } catch (error) {
      printError(io, `akar TSA tidak terbaca: ${(error as Error).message}`, `cannot read a TSA root: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const stamps = await verifyBundleTimestamps(files, anchors ? { trustAnchors: anchors } : {});
    report.problems.push(...stamps.problems);
    report.warnings.push(...stamps.warnings);
    if (extra.length > 0) report.problems.unshift(...extra);
    report.ok = report.problems.length === 0;
    if (parsed.values.json) {
      io.stdout.write(`${terminalJson({ ...report, timestamps: stamps.checked })}\n`);
      return report.ok ? EXIT.ok : EXIT.problem;
    }
    if (report.ok) {
      io.stdout.write(`UTUH / INTACT ${terminalText(target)}: kasus / case ${terminalText(report.caseId ?? '?')}; ${report.checked.files} berkas / files, ${report.checked.blobs} blob, ${report.checked.records} rekaman / records, ${report.checked.proofs} bukti / proofs\n`);
      for (const stamp of stamps.checked) {
        // A bundle does not say the election's zone: WIB, with the UTC instant beside it.
        const signed = `${formatLocalDateTime(stamp.signedAt, 'WIB', { seconds: true })} (${stamp.signedAt})`;
        const gen = `${formatLocalDateTime(stamp.genTime, 'WIB', { seconds: true })} (${stamp.genTime})`;
        io.stdout.write(`checkpoint (${stamp.treeSize} capture): ditandatangani kantor pada ${signed} (jam kantor sendiri) / signed by the office at ${signed} (its own clock)\n`);
        io.stdout.write(`  ${terminalText(`ada paling lambat ${gen} menurut TSA ${stamp.tsaUrl} / existed no later than ${gen} according to TSA ${stamp.tsaUrl}`, 400)} (${terminalText(stamp.file)})\n`);
      }
      if (report.keyId) io.stdout.write(`id kunci kantor / office key id: ${report.keyId}${trusted ? ' (cocok / matches)' : ' — bandingkan dengan yang diumumkan kantor / compare with the one the office publishes'}\n`);
    } else {
      io.stdout.write(`RUSAK / DAMAGED ${terminalText(target)}: ${report.problems.length} masalah / problems\n`);
      for (const problem of report.problems) io.stdout.write(`  ${terminalText(problem.file, 200)}${problem.line ? `:${problem.line}` : ''}  ${problem.type}: ${terminalText(problem.message, 300)}\n`);
    }
    for (const warning of report.warnings) io.stdout.write(`  catatan / note: ${warning}\n`);
    return report.ok ? EXIT.ok : EXIT.problem;
  },
};
