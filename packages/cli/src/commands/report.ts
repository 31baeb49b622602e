import path from 'node:path';
import { exportAuditEntry, renderCaseReportFromStore } from '@sipansos/core/report';
import { auditExport, signCaseCheckpoint, withCaseOffice } from '../cases/case-office.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { NOW_ENVIRONMENT } from '../runtime/environment.js';
import { terminalJson } from '../runtime/terminal-text.js';
import { writeOutput } from '../runtime/write-output.js';

const USAGE = `sipansos report <kasus> --out F.html [--include-personal-data] [--no-verify]

Menulis laporan bukti kasus sebagai satu berkas HTML mandiri (tanpa sumber luar, tanpa skrip):
unggahan apa adanya dengan semua versinya, kata yang cocok disorot, aturan dan dasar hukum, hash,
waktu tangkap, hasil pemeriksaan penghapusan, lama tayang, dan status integritas penyimpanan.
Semua waktu ditulis dalam zona pemilihan (WIB/WITA/WIT) dari election.json.
Ekspor dicatat di log audit.

Writes the case's evidence report as one self-contained HTML file (no external resource, no
script); every time in the election's zone, named. The export is recorded in the audit log.

  --out F.html              berkas tujuan / output file
  --include-personal-data   jangan samarkan NIP/NRP, NIK, telepon, surel / do not mask personal data
  --no-verify               lewati pemeriksaan penuh penyimpanan / skip the full store check
  --json                    ringkasan sebagai JSON / summary as JSON

Berkas ditulis di samping lalu diganti namanya: disk penuh tidak meninggalkan berkas setengah jadi.
The file is written beside the target and renamed: a full disk leaves no half-written file.
`;

/** `sipansos report`: the self-contained HTML evidence report of a case, audited. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: { id: 'laporan bukti kasus (HTML mandiri)', en: 'case evidence report (self-contained HTML)' },
  usage: USAGE,
  environment: NOW_ENVIRONMENT,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, out: { type: 'string' }, 'include-personal-data': { type: 'boolean', default: false }, 'no-verify': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, actor: { type: 'string' }, store: { type: 'string' } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const caseId = positionals[0];
    if (!caseId || !values.out) {
      printError(io, 'sebutkan kasus dan --out F.html', 'name the case and --out F.html');
      return EXIT.usage;
    }
    const out = values.out;
    return withCaseOffice(io, { config: values.config, store: values.store, access: 'write' }, async ({ office, store, settings }) => {
      const includePersonalData = values['include-personal-data'] ?? false;
      const actor = values.actor ?? office.config.config.actor;
      const at = new Date(io.env.SIPANSOS_NOW ?? Date.now()).toISOString();
      // Sign a checkpoint over the case's captures first, so their proofs can be shown and checked.
      const unsigned = await signCaseCheckpoint(io, store, caseId);
      if (unsigned !== undefined) return unsigned;
      const report = await renderCaseReportFromStore(store, {
        caseId,
        office: { name: office.config.config.office },
        generatedBy: actor,
        generatedAt: at,
        subjects: office.subjects ?? [],
        verifyStore: !values['no-verify'],
        deadlines: settings.deadlines,
        includePersonalData,
        timeZone: await officeTimeZone(office, settings.deadlines.timeZone),
      });
      if (report.isErr()) {
        const error = report.error;
        if (error.type === 'case_not_found') printError(io, `kasus ${caseId} tidak ditemukan`, `case ${caseId} not found`);
        else {
          const line = storeErrorLine(error);
          printError(io, line.id, line.en);
        }
        return error.type === 'case_not_found' ? EXIT.problem : EXIT.failure;
      }
      const written = await writeOutput(io, path.resolve(io.cwd, out), report.value.html);
      if (written !== undefined) return written;
      const unaudited = await auditExport(io, store, exportAuditEntry({ actor, at, action: 'export.report', target: { kind: 'case', id: caseId }, includePersonalData, destination: out, details: { findings: report.value.evidence.findings.length, storeVerified: report.value.verification?.ok ?? null } }));
      if (unaudited !== undefined) return unaudited;
      const storeVerified = report.value.verification?.ok ?? null;
      if (values.json) io.stdout.write(`${terminalJson({ written: out, caseId, includePersonalData, findings: report.value.evidence.findings.length, storeVerified })}\n`);
      else io.stdout.write(`laporan ditulis ke / report written to ${out}${includePersonalData ? ' (DENGAN data pribadi / WITH personal data)' : ''}\n`);
      if (report.value.verification && !report.value.verification.ok) {
        if (values.json) return EXIT.problem;
        io.stdout.write(`PERINGATAN / WARNING: penyimpanan gagal verifikasi (${report.value.verification.problems.length} masalah); laporan menyebutkannya / the store failed verification; the report says so\n`);
        return EXIT.problem;
      }
      return EXIT.ok;
    });
  },
};
