import path from 'node:path';
import { FINDING_CATEGORIES, isValidLocalDate, startOfLocalDate, type Capture, type Finding } from '@sipansos/core';
import { formatLocalTimestamp } from '@sipansos/core';
import {
  FINDING_CATEGORY_LABELS,
  exportAuditEntry,
  findingsToCsv,
  findingsToJsonl,
  formModelAToCsv,
  maskPersonalData,
  toFormModelA,
  toJsonl,
  type ExportAction,
} from '@sipansos/core/report';
import { auditExport, withCaseOffice } from '../cases/case-office.js';
import { FINDING_REVIEW_USAGE, runFindingReview } from './findings-review.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { NOW_ENVIRONMENT } from '../runtime/environment.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalText } from '../runtime/terminal-text.js';
import { writeOutput } from '../runtime/write-output.js';

const FORMATS = ['text', 'json', 'csv', 'jsonl', 'form-a', 'form-a-csv'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `sipansos findings [--json] [--category C] [--since D] [--subject S] [--format F] [--out FILE]
                  [--include-personal-data] [--pengawas NAMA] [--surat-tugas NOMOR]

Menampilkan atau mengekspor temuan otomatis (penanda untuk ditinjau petugas, bukan putusan).
Lists or exports the automated findings (flags for human review, not verdicts).

  --category C   ${FINDING_CATEGORIES.join(' | ')}
  --since D      sejak tanggal (YYYY-MM-DD, zona kantor) atau waktu ISO / since a date or ISO time
                 (waktu ditampilkan dalam zona pemilihan / times shown in the election's zone)
  --subject S    hanya subjek ini / only this subject id
  --json         sama dengan / same as --format json (satu objek per baris / one object per line)
  --format F     ${FORMATS.join(' | ')}; form-a = kolom Formulir Model A / Form A fields
  --out FILE     tulis ke berkas / write to a file
  --include-personal-data  jangan samarkan NIP/NRP, NIK, telepon, surel / do not mask personal data

Setiap ekspor (format selain text) dicatat di log audit: siapa, kapan, apa, dan apakah data
pribadi disertakan. / Every export (any format but text) is recorded in the audit log.

${FINDING_REVIEW_USAGE}`;

/** `sipansos findings`: list findings, or export them (JSON, CSV, JSONL, Formulir Model A), audited. */
export const findingsCommand: CliCommand = {
  name: 'findings',
  summary: { id: 'temuan: daftar, ekspor (CSV, JSONL, Formulir Model A), tinjau', en: 'findings: list, export (CSV, JSONL, Form A), review' },
  usage: USAGE,
  environment: NOW_ENVIRONMENT,
  async run(args: string[], io: CliIo): Promise<number> {
    if (args[0] === 'review') return runFindingReview(args.slice(1), io);
    const parsed = parseCommandArgs(args, io, {
      ...CONFIG_OPTION,
      json: { type: 'boolean', default: false },
      category: { type: 'string' },
      since: { type: 'string' },
      subject: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'include-personal-data': { type: 'boolean', default: false },
      pengawas: { type: 'string' },
      'surat-tugas': { type: 'string' },
      actor: { type: 'string' },
      store: { type: 'string' },
    });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    const format = (values.format ?? (values.json ? 'json' : 'text')) as Format;
    if (!(FORMATS as readonly string[]).includes(format)) {
      printError(io, `--format harus salah satu dari ${FORMATS.join(', ')}`, `--format must be one of ${FORMATS.join(', ')}`);
      return EXIT.usage;
    }
    if (values.category && !(FINDING_CATEGORIES as readonly string[]).includes(values.category)) {
      printError(io, `--category harus salah satu dari ${FINDING_CATEGORIES.join(', ')}`, `--category must be one of ${FINDING_CATEGORIES.join(', ')}`);
      return EXIT.usage;
    }
    const isExport = format !== 'text';
    return withCaseOffice(io, { config: values.config, store: values.store, access: isExport ? 'write' : 'read' }, async ({ office, store, settings }) => {
      let from: string | undefined;
      if (values.since) {
        const since = values.since;
        const time = isValidLocalDate(since) ? startOfLocalDate(since, settings.deadlines.timeZone).getTime() : Date.parse(since);
        if (Number.isNaN(time)) {
          printError(io, `--since harus tanggal YYYY-MM-DD atau waktu ISO, bukan "${since}"`, `--since must be a date YYYY-MM-DD or an ISO time, not "${since}"`);
          return EXIT.usage;
        }
        from = new Date(time).toISOString();
      }
      const queried = await store.query('finding', { ...(values.category ? { category: values.category } : {}), ...(values.subject ? { subjectId: values.subject } : {}), ...(from ? { from } : {}) });
      if (queried.isErr()) {
        const line = storeErrorLine(queried.error);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const findings: Finding[] = queried.value.map((entry) => entry.record);
      const includePersonalData = values['include-personal-data'] ?? false;
      const timeZone = await officeTimeZone(office, settings.deadlines.timeZone);
      if (format === 'text') {
        for (const finding of findings) {
          const words = finding.spans.map((span) => span.text).join(' | ');
          io.stdout.write(`${terminalText(finding.id, 64)}  ${formatLocalTimestamp(finding.actAt, timeZone)}  ${FINDING_CATEGORY_LABELS[finding.category].id}  ${terminalText(finding.ruleId, 60)}  ${terminalText(finding.subjectId, 40)}  "${terminalText(includePersonalData ? words : maskPersonalData(words), 80)}"\n`);
        }
        io.stdout.write(`${findings.length} temuan (penanda untuk ditinjau, bukan putusan) / findings (flags for review, not verdicts)\n`);
        return EXIT.ok;
      }
      let text: string;
      let action: ExportAction;
      if (format === 'json' || format === 'jsonl') {
        text = findingsToJsonl(findings, { includePersonalData });
        action = 'export.jsonl';
      } else if (format === 'csv') {
        text = findingsToCsv(findings, { includePersonalData });
        action = 'export.csv';
      } else {
        const captureIds = [...new Set(findings.map((finding) => finding.evidence.captureId))];
        const captures: Capture[] = [];
        for (const id of captureIds) {
          const stored = await store.get('capture', id);
          if (stored.isOk() && stored.value) captures.push(stored.value.record);
        }
        const rows = toFormModelA(findings, { pengawas: values.pengawas ?? office.config.config.office, ...(values['surat-tugas'] ? { suratTugas: values['surat-tugas'] } : {}), subjects: office.subjects ?? [], captures, includePersonalData, timeZone });
        text = format === 'form-a-csv' ? formModelAToCsv(rows) : toJsonl(rows);
        action = 'export.form_a';
      }
      if (values.out) {
        const written = await writeOutput(io, path.resolve(io.cwd, values.out), text);
        if (written !== undefined) return written;
      } else io.stdout.write(text);
      const unaudited = await auditExport(
        io,
        store,
        exportAuditEntry({
          actor: values.actor ?? office.config.config.actor,
          at: new Date(io.env.SIPANSOS_NOW ?? Date.now()).toISOString(),
          action,
          target: { kind: 'findings', id: values.subject ?? '*' },
          includePersonalData,
          destination: values.out ?? '(stdout)',
          details: { format, findings: findings.length, ...(values.category ? { category: values.category } : {}), ...(from ? { since: from } : {}) },
        }),
      );
      if (unaudited !== undefined) return unaudited;
      if (values.out) io.stdout.write(`${findings.length} temuan ditulis ke / findings written to ${values.out}${includePersonalData ? ' (DENGAN data pribadi / WITH personal data)' : ''}\n`);
      return EXIT.ok;
    });
  },
};
