import path from 'node:path';
import { localDateAt, type RouteCode } from '@sipansos/core';
import { CASE_STATE_LABELS, resolveReferral, toCaseReferral, type CaseReferral } from '@sipansos/core/cases';
import { collectCaseEvidence, exportAuditEntry, isDraftLetter, letterShowsEmployeeNumber, renderLetter } from '@sipansos/core/report';
import { auditExport, withCaseOffice } from '../cases/case-office.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { NOW_ENVIRONMENT } from '../runtime/environment.js';
import { terminalJson } from '../runtime/terminal-text.js';
import { writeOutput } from '../runtime/write-output.js';

const USAGE = `sipansos letter <kasus> --out F.html [--number N] [--date YYYY-MM-DD] [--city KOTA]
                [--signatory-name NAMA] [--signatory-title JABATAN] [--route R-...] [--include-personal-data] [--json]

Menulis surat rekomendasi atau penerusan kasus sebagai HTML siap cetak, dari templat kantor
(templates/rekomendasi.json, templates/penerusan.json di samping konfigurasi) atau templat
bawaan, dengan ringkasan kajian. Tujuan surat diambil dari rujukan kasus; sebelum kasus sampai
tahap rekomendasi, tujuan dihitung dari tabel rute pada tanggal perbuatan dan surat bertanda DRAF.
Hal surat menyebut dugaan pelanggarannya (netralitas, kampanye di luar jadwal, politik uang, ...);
nomor kasus, versi aturan dan hash ada di lampiran. NIP/NRP ditulis lengkap bila penerima
membutuhkannya (BKN, PPK, Ankum, Propam). Waktu ditulis dalam zona pemilihan (WIB/WITA/WIT).
--city bawaan: "seat" di sipansos.config.json, atau dari nama kantor.

Writes the recommendation or forwarding letter as printable HTML from the office's template or
the built-in one. Before the case reaches rekomendasi the recipient is resolved from the routing
table at the date of the act and the letter is watermarked DRAF. The Hal names the suspected
violation; case ids, rule versions and hashes go to the annex. The NIP/NRP is written in full when
the recipient needs it (BKN, PPK, Ankum, Propam). Times are in the election's zone, named.
--city defaults to "seat" in sipansos.config.json, else to the office name's city.
The export is recorded in the audit log.
`;

/** `sipansos letter`: the referral or recommendation letter of a case as printable HTML, audited. */
export const letterCommand: CliCommand = {
  name: 'letter',
  summary: { id: 'surat rekomendasi/penerusan (HTML siap cetak)', en: 'recommendation/referral letter (printable HTML)' },
  usage: USAGE,
  environment: NOW_ENVIRONMENT,
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
        json: { type: 'boolean', default: false },
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
      const draft = isDraftLetter(value);
      const timeZone = await officeTimeZone(office, settings.deadlines.timeZone);
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
          timeZone,
          ...(values.route ? { routeCode: values.route as RouteCode } : findings[0]?.routes[0] ? { routeCode: findings[0].routes[0] } : {}),
          ...(value.decision?.violationType ? { violationType: value.decision.violationType } : {}),
        });
        if (resolved.isErr()) {
          printError(io, resolved.error.message, resolved.error.type);
          return EXIT.problem;
        }
        referral = toCaseReferral(resolved.value, { actAt, preparedAt: now.toISOString() });
      }
      const includePersonalData = values['include-personal-data'] ?? false;
      const employeeNumberShown = Boolean(subject?.employeeNumber) && (includePersonalData || letterShowsEmployeeNumber(referral));
      const template = settings.templates[referral.kind];
      const city = values.city ?? office.config.config.seat;
      const html = renderLetter({
        case: value,
        findings,
        captures: evidence.value.captures.map((entry) => entry.record),
        office: { name: office.config.config.office, ...(city ? { city } : {}) },
        letter: { date: values.date ?? localDateAt(now, timeZone), ...(values.number ? { number: values.number } : {}) },
        referral,
        timeZone,
        draft,
        includePersonalData,
        ...(subject ? { subject } : {}),
        ...(template ? { template } : {}),
        ...(values['signatory-name'] ? { signatory: { name: values['signatory-name'], title: values['signatory-title'] ?? 'Ketua' } } : {}),
      });
      if (html.isErr()) {
        printError(io, `surat tidak dapat dibuat: ${html.error.message}`, `cannot write the letter: ${html.error.type}`);
        return EXIT.problem;
      }
      const written = await writeOutput(io, path.resolve(io.cwd, out), html.value);
      if (written !== undefined) return written;
      const actor = values.actor ?? office.config.config.actor;
      const unaudited = await auditExport(io, store, exportAuditEntry({ actor, at: now.toISOString(), action: 'export.letter', target: { kind: 'case', id: caseId }, includePersonalData: includePersonalData || employeeNumberShown, destination: out, details: { routeCode: referral.routeCode, entryId: referral.entryId, draft, employeeNumberShown } }));
      if (unaudited !== undefined) return unaudited;
      const kind = referral.kind === 'rekomendasi' ? 'rekomendasi / recommendation' : 'penerusan / forwarding';
      const state = CASE_STATE_LABELS[value.state];
      if (values.json) io.stdout.write(`${terminalJson({ written: out, caseId, kind: referral.kind, routeCode: referral.routeCode, draft, employeeNumberShown })}\n`);
      else io.stdout.write(`surat ${kind} ditulis ke / letter written to ${out}${draft ? ` — DRAF: kasus masih ${state.id.toLowerCase()}, belum tahap rekomendasi / DRAFT: the case is at ${state.en.toLowerCase()}, not yet at the recommendation stage` : ''}${employeeNumberShown ? ' (NIP/NRP ditulis lengkap untuk penerima / employee number in full for the recipient)' : ''}\n`);
      return EXIT.ok;
    });
  },
};
