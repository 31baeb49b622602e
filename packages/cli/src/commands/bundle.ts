import path from 'node:path';
import { bundleFromStore, bundleToZip } from '@sipansos/core/evidence';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { exportAuditEntry, renderCaseReportFromStore } from '@sipansos/core/report';
import { writeBundleDirectory } from '../bundle/bundle-directory.js';
import { auditExport, signCaseCheckpoint, withCaseOffice } from '../cases/case-office.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { stampCheckpoint } from '../runtime/store-timestamps.js';
import { NOW_ENVIRONMENT } from '../runtime/environment.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { commandTimestampSettings, type TimestampSettings } from '../runtime/timestamp-settings.js';
import { writeOutputFile } from '../runtime/write-output.js';

const USAGE = `sipansos bundle <kasus> --out FOLDER|BERKAS.zip [--zip] [--include-personal-data] [--no-report] [--json]

Membuat bundel verifikasi luring untuk satu kasus: blob mentah, rekaman, checkpoint bertanda
tangan, kunci publik kantor, bukti inklusi Merkle, laporan bukti, dan VERIFY.md (cara memeriksa
dengan sha256sum, jq, openssl). Pihak lain memeriksanya dengan "sipansos verify-bundle FOLDER"
tanpa akses ke penyimpanan kantor. Respons mentah tidak disamarkan (hash-nya akan rusak):
perlakukan bundel sebagai data pribadi. Ekspor dicatat di log audit.

Makes an offline verification bundle for one case: a directory, or one ZIP file with --zip (or an
--out ending in .zip). Raw responses are not masked
(that would break their hashes): handle the bundle as personal data. The export is audited.
`;

/** `sipansos bundle`: write a case's offline verification bundle (directory or ZIP), audited. */
export const bundleCommand: CliCommand = {
  name: 'bundle',
  summary: { id: 'bundel verifikasi luring sebuah kasus', en: 'offline verification bundle of a case' },
  usage: USAGE,
  environment: NOW_ENVIRONMENT,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, out: { type: 'string' }, 'include-personal-data': { type: 'boolean', default: false }, 'no-report': { type: 'boolean', default: false }, zip: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, actor: { type: 'string' }, store: { type: 'string' } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const caseId = positionals[0];
    if (!caseId || !values.out) {
      printError(io, 'sebutkan kasus dan --out FOLDER', 'name the case and --out DIR');
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
      let reportHtml: string | undefined;
      if (!values['no-report']) {
        const report = await renderCaseReportFromStore(store, { caseId, office: { name: office.config.config.office }, generatedBy: actor, generatedAt: at, subjects: office.subjects ?? [], deadlines: settings.deadlines, includePersonalData });
        if (report.isErr()) {
          if (report.error.type === 'case_not_found') {
            printError(io, `kasus ${caseId} tidak ditemukan`, `case ${caseId} not found`);
            return EXIT.problem;
          }
          const line = storeErrorLine(report.error);
          printError(io, line.id, line.en);
          return EXIT.failure;
        }
        reportHtml = report.value.html;
      }
      const loadedTimestamps = await commandTimestampSettings(io, office.config);
      if ('exitCode' in loadedTimestamps) return loadedTimestamps.exitCode;
      const timestamps = loadedTimestamps.settings;
      if (timestamps) await stampLatestCheckpoint(io, store, timestamps, actor);
      const files = await bundleFromStore(store, { caseId, office: office.config.config.office, createdAt: at, createdBy: actor, includePersonalData, ...(reportHtml ? { reportHtml } : {}), ...(timestamps ? { tsaTrustAnchors: timestamps.trustAnchors } : {}) });
      if (files.isErr()) {
        const error = files.error;
        if (error.type === 'case_not_found') printError(io, `kasus ${caseId} tidak ditemukan`, `case ${caseId} not found`);
        else if (error.type === 'bundle_invalid') printError(io, `bundel tidak dapat dibuat: ${error.message}`, `cannot make the bundle: ${error.message}`);
        else {
          const line = storeErrorLine(error);
          printError(io, line.id, line.en);
        }
        return error.type === 'case_not_found' || error.type === 'bundle_invalid' ? EXIT.problem : EXIT.failure;
      }
      const target = path.resolve(io.cwd, out);
      if (values.zip || /\.zip$/i.test(out)) {
        const zip = bundleToZip(files.value, new Date(at));
        if (zip.isErr()) {
          printError(io, `ZIP tidak dapat dibuat: ${zip.error.message}`, `cannot make the ZIP: ${zip.error.message}`);
          return EXIT.problem;
        }
        try {
          await writeOutputFile(target, zip.value, { exclusive: true });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          printError(io, `bundel tidak dapat ditulis: ${(error as Error).message}`, `cannot write the bundle: ${(error as Error).message}`);
          return code === 'EEXIST' ? EXIT.usage : EXIT.failure;
        }
      } else {
        const written = await writeBundleDirectory(target, files.value);
        if (written) {
          printError(io, `bundel tidak dapat ditulis: ${written.message}`, `cannot write the bundle: ${written.message}`);
          return written.type === 'exists' ? EXIT.usage : EXIT.failure;
        }
      }
      const unaudited = await auditExport(io, store, exportAuditEntry({ actor, at, action: 'export.bundle', target: { kind: 'case', id: caseId }, includePersonalData, destination: out, details: { files: files.value.size, zip: Boolean(values.zip || /\.zip$/i.test(out)) } }));
      if (unaudited !== undefined) return unaudited;
      if (values.json) io.stdout.write(`${terminalJson({ written: out, caseId, files: files.value.size, zip: Boolean(values.zip || /\.zip$/i.test(out)) })}\n`);
      else io.stdout.write(`bundel ditulis ke / bundle written to ${out} (${files.value.size} berkas / files); periksa dengan / check with: sipansos verify-bundle ${out}\n`);
      return EXIT.ok;
    });
  },
};

// The case's captures are under the latest checkpoint; a TSA that has not stamped it yet is asked now.
async function stampLatestCheckpoint(io: CliIo, store: EvidenceStoreV1, settings: TimestampSettings, actor: string): Promise<void> {
  const latest = store.proofs ? await store.proofs.latestCheckpoint() : undefined;
  if (!latest || latest.isErr() || !latest.value) return;
  const stamped = await stampCheckpoint(store, latest.value, settings, actor);
  for (const failure of stamped.failures) io.stderr.write(`catatan: TSA ${terminalText(failure.tsaUrl ?? '?')} gagal (${failure.type}); bundel tanpa tokennya / note: TSA failed (${terminalText(failure.message, 300)}); the bundle lacks its token\n`);
}
