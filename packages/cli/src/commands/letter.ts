import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { localDateAt, type RouteCode } from '@sipansos/core';
import { resolveReferral, toCaseReferral, type CaseReferral } from '@sipansos/core/cases';
import { collectCaseEvidence, exportAuditEntry, renderLetter } from '@sipansos/core/report';
import { auditExport, withCaseOffice } from '../cases/case-office.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { storeErrorLine } from '../runtime/runtime-error.js';

const USAGE = `sipansos letter <kasus> --out F.html [--number N] [--date YYYY-MM-DD] [--city KOTA]
                [--signatory-name NAMA] [--signatory-title JABATAN] [--route R-...] [--include-personal-data]

Menulis surat rekomendasi atau penerusan kasus sebagai HTML siap cetak, dari templat kantor
(templates/rekomendasi.json, templates/penerusan.json di samping konfigurasi) atau templat
bawaan, dengan ringkasan kajian. Tujuan surat diambil dari rujukan kasus; sebelum kasus sampai
tahap rekomendasi, tujuan dihitung dari tabel rute pada tanggal perbuatan (draf).

Writes the recommendation or forwarding letter as printable HTML from the office's template or
the built-in one. Before the case reaches rekomendasi the recipient is resolved from the routing
table at the date of the act (a draft). The export is recorded in the audit log.
`;

/** `sipansos letter`: the referral or recommendation letter of a case as printable HTML, audited. */
export const letterCommand: CliCommand = {
  name: 'letter',
  summary: { id: 'surat rekomendasi/penerusan (HTML siap cetak)', en: 'recommendation/referral letter (printable HTML)' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      {
        ...CONFIG_OPTION,
        out: { type: 'string' },
        number: { type: 'string' },
        date: { type: 'string' },
        city: { type: 'string' },
        'signatory-name': { type: 'string' },
        'signatory-title': { type: 'string' },
        route: { type: 'string' },
        'include-personal-data': { type: 'boolean', default: false },
        actor: { type: 'string' },
        store: { type: 'string' },
      },
      true,
    );
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const caseId = positionals[0];
    if (!caseId || !values.out) {
      printError(io, 'sebutkan kasus dan --out F.html', 'name the case and --out F.html');
      return EXIT.usage;
    }
    const out = values.out;
    return withCaseOffice(io, { config: values.config, store: values.store, access: 'write' }, async ({ office, store, settings }) => {
      const evidence = await collectCaseEvidence(store, caseId);
      if (evidence.isErr()) {
        if (evidence.error.type === 'case_not_found') {
          printError(io, `kasus ${caseId} tidak ditemukan`, `case ${caseId} not found`);
          return EXIT.problem;
        }
        const line = storeErrorLine(evidence.error);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const value = evidence.value.case.record;
      const findings = evidence.value.findings.map((entry) => entry.record);
      const subject = office.subjects?.find((entry) => entry.id === value.subjectId);
      const now = new Date(io.env.SIPANSOS_NOW ?? Date.now());
      let referral: CaseReferral | undefined = value.referral;
      let draft = false;
      if (!referral) {
        const category = subject?.category ?? findings[0]?.subjectCategory;
        const actAt = findings.map((finding) => finding.actAt).sort()[0];
        if (!category || !actAt) {
          printError(io, 'tujuan surat belum dapat ditentukan (tanpa temuan/subjek)', 'the recipient cannot be resolved (no finding or subject)');
          return EXIT.problem;
        }
        const resolved = resolveReferral({
          table: settings.routing,
          subjectCategory: category,
          actAt,
          timeZone: settings.deadlines.timeZone,
          ...(values.route ? { routeCode: values.route as RouteCode } : findings[0]?.routes[0] ? { routeCode: findings[0].routes[0] } : {}),
          ...(value.decision?.violationType ? { violationType: value.decision.violationType } : {}),
        });
        if (resolved.isErr()) {
          printError(io, resolved.error.message, resolved.error.type);
          return EXIT.problem;
        }
        referral = toCaseReferral(resolved.value, { actAt, preparedAt: now.toISOString() });
        draft = true;
      }
      const includePersonalData = values['include-personal-data'] ?? false;
      const template = settings.templates[referral.kind];
      const html = renderLetter({
        case: value,
        findings,
        captures: evidence.value.captures.map((entry) => entry.record),
        office: { name: office.config.config.office, ...(values.city ? { city: values.city } : {}) },
        letter: { date: values.date ?? localDateAt(now, settings.deadlines.timeZone), ...(values.number ? { number: values.number } : {}) },
        referral,
        includePersonalData,
        ...(subject ? { subject } : {}),
        ...(template ? { template } : {}),
        ...(values['signatory-name'] ? { signatory: { name: values['signatory-name'], title: values['signatory-title'] ?? 'Ketua' } } : {}),
      });
      if (html.isErr()) {
        printError(io, `surat tidak dapat dibuat: ${html.error.message}`, `cannot write the letter: ${html.error.type}`);
        return EXIT.problem;
      }
      await writeFile(path.resolve(io.cwd, out), html.value, { mode: 0o600 });
      const actor = values.actor ?? office.config.config.actor;
      const unaudited = await auditExport(io, store, exportAuditEntry({ actor, at: now.toISOString(), action: 'export.letter', target: { kind: 'case', id: caseId }, includePersonalData, destination: out, details: { routeCode: referral.routeCode, entryId: referral.entryId, draft } }));
      if (unaudited !== undefined) return unaudited;
      io.stdout.write(`surat ${referral.kind} (${referral.routeCode}) ditulis ke / letter written to ${out}${draft ? ' — DRAF: kasus belum tahap rekomendasi / DRAFT: the case has not reached rekomendasi' : ''}\n`);
      return EXIT.ok;
    });
  },
};
