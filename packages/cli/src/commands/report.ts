import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { collectCaseEvidence, ensureCheckpointCovers, exportAuditEntry, renderCaseReportFromStore } from '@sipansos/core';
import { loadCaseSettings } from '../cases/case-settings.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';

const USAGE = `sipansos report <kasus> --out F.html [--include-personal-data] [--no-verify]

Menulis laporan bukti kasus sebagai satu berkas HTML mandiri (tanpa sumber luar, tanpa skrip):
unggahan apa adanya dengan semua versinya, kata yang cocok disorot, aturan dan dasar hukum, hash,
waktu tangkap, hasil pemeriksaan penghapusan, lama tayang, dan status integritas penyimpanan.
Ekspor dicatat di log audit.

Writes the case's evidence report as one self-contained HTML file (no external resource, no
script). The export is recorded in the audit log.

  --out F.html              berkas tujuan / output file
  --include-personal-data   jangan samarkan NIP/NRP, NIK, telepon, surel / do not mask personal data
  --no-verify               lewati pemeriksaan penuh penyimpanan / skip the full store check
`;

/** `sipansos report`: the self-contained HTML evidence report of a case, audited. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: { id: 'laporan bukti kasus (HTML mandiri)', en: 'case evidence report (self-contained HTML)' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, out: { type: 'string' }, 'include-personal-data': { type: 'boolean', default: false }, 'no-verify': { type: 'boolean', default: false }, actor: { type: 'string' }, store: { type: 'string' } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const caseId = positionals[0];
    if (!caseId || !values.out) {
      printError(io, 'sebutkan kasus dan --out F.html', 'name the case and --out F.html');
      return EXIT.usage;
    }
    const office = await openOffice(io, values.config ?? 'sipansos.config.json', { subjects: 'optional', store: 'write', ...(values.store ? { storeDir: values.store } : {}) });
    if (isOfficeFailure(office)) {
      printError(io, office.line.id, office.line.en);
      return office.exitCode;
    }
    const store = office.store!;
    try {
      const settings = await loadCaseSettings(office.config);
      if ('problem' in settings) {
        printError(io, settings.problem.id, settings.problem.en);
        return EXIT.problem;
      }
      const includePersonalData = values['include-personal-data'] ?? false;
      const actor = values.actor ?? office.config.config.actor;
      const at = new Date(io.env.SIPANSOS_NOW ?? Date.now()).toISOString();
      // Sign a checkpoint over the case's captures first, so their proofs can be shown and checked.
      const evidence = await collectCaseEvidence(store, caseId);
      if (evidence.isOk()) {
        const signed = await ensureCheckpointCovers(store, evidence.value.captures.map((entry) => entry.id));
        if (signed.isErr() && signed.error.type !== 'unsupported') {
          const line = storeErrorLine(signed.error);
          printError(io, line.id, line.en);
          return EXIT.failure;
        }
      }
      const report = await renderCaseReportFromStore(store, {
        caseId,
        office: { name: office.config.config.office },
        generatedBy: actor,
        generatedAt: at,
        subjects: office.subjects ?? [],
        verifyStore: !values['no-verify'],
        deadlines: settings.deadlines,
        includePersonalData,
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
      await writeFile(path.resolve(io.cwd, values.out), report.value.html, { mode: 0o600 });
      const audit = await store.append('audit', [exportAuditEntry({ actor, at, action: 'export.report', target: { kind: 'case', id: caseId }, includePersonalData, destination: values.out, details: { findings: report.value.evidence.findings.length, storeVerified: report.value.verification?.ok ?? null } })]);
      if (audit.isErr()) {
        const line = storeErrorLine(audit.error);
        printError(io, `ekspor tidak tercatat di log audit: ${line.id}`, `the export could not be audited: ${line.en}`);
        return EXIT.failure;
      }
      io.stdout.write(`laporan ditulis ke / report written to ${values.out}${includePersonalData ? ' (DENGAN data pribadi / WITH personal data)' : ''}\n`);
      if (report.value.verification && !report.value.verification.ok) {
        io.stdout.write(`PERINGATAN / WARNING: penyimpanan gagal verifikasi (${report.value.verification.problems.length} masalah); laporan menyebutkannya / the store failed verification; the report says so\n`);
        return EXIT.problem;
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
