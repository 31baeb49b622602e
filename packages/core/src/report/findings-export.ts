import type { Case } from '../cases/case-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import { toCsv, toJsonl } from './csv-export.js';
import { maskPersonalData } from './mask-personal-data.js';
import { FINDING_CATEGORY_LABELS } from './report-labels.js';

/** Options of the spreadsheet exports. */
export interface ExportOptions {
  /** Leave NIP/NRP, NIK, phone numbers and e-mail addresses unmasked. @default false */
  includePersonalData?: boolean;
}

const FINDING_HEADER = ['id', 'kategori', 'category', 'aturan', 'judul', 'subjek', 'kategori_subjek', 'akun', 'item', 'jenis', 'tahapan', 'waktu_perbuatan', 'tingkat', 'sanksi', 'rute', 'kata_cocok', 'dasar_hukum', 'dasar_hukum_terverifikasi', 'capture', 'hash_item', 'dibuat'];

/** The text fields of a finding that may hold personal data, masked. */
export function maskFinding(finding: Finding): Finding {
  return { ...finding, spans: finding.spans.map((span) => ({ ...span, text: maskPersonalData(span.text) })), notes: finding.notes.map(maskPersonalData) };
}

/** The text fields of a case that may hold personal data, masked. */
export function maskCase(value: Case): Case {
  return {
    ...value,
    title: maskPersonalData(value.title),
    transitions: value.transitions.map((transition) => ({ ...transition, reason: maskPersonalData(transition.reason) })),
    notes: value.notes.map((note) => ({ ...note, text: maskPersonalData(note.text) })),
    ...(value.kajianSummary !== undefined ? { kajianSummary: maskPersonalData(value.kajianSummary) } : {}),
    authorityResponses: value.authorityResponses.map((response) => ({ ...response, summary: maskPersonalData(response.summary), ...(response.sanction ? { sanction: maskPersonalData(response.sanction) } : {}) })),
    reminders: value.reminders.map((reminder) => ({ ...reminder, note: maskPersonalData(reminder.note) })),
  };
}

/** Findings as CSV for the office's spreadsheets. */
export function findingsToCsv(findings: readonly Finding[], options: ExportOptions = {}): string {
  const rows = findings.map((raw) => {
    const finding = options.includePersonalData ? raw : maskFinding(raw);
    return [
      finding.id,
      FINDING_CATEGORY_LABELS[finding.category].id,
      finding.category,
      finding.ruleId,
      finding.title.id,
      finding.subjectId,
      finding.subjectCategory,
      finding.accountKey,
      finding.itemKey,
      finding.itemKind,
      finding.phase ?? '',
      finding.actAt,
      finding.severity,
      finding.sanctions.join('; '),
      finding.routes.join('; '),
      finding.spans.map((span) => span.text).join(' | '),
      finding.legalBasis.map((basis) => `${basis.instrument} ${basis.article}`).join('; '),
      finding.legalBasis.every((basis) => basis.verified) ? 'ya' : 'perlu diverifikasi',
      finding.evidence.captureId,
      finding.evidence.itemHash,
      finding.createdAt,
    ];
  });
  return toCsv(FINDING_HEADER, rows);
}

/** Findings as JSON Lines (full records, personal data masked unless included). */
export function findingsToJsonl(findings: readonly Finding[], options: ExportOptions = {}): string {
  return toJsonl(options.includePersonalData ? findings : findings.map(maskFinding));
}

const CASE_HEADER = ['id', 'judul', 'subjek', 'status', 'asal', 'dibuka', 'dibuka_oleh', 'terakhir_berubah', 'temuan', 'rute', 'jenis_pelanggaran', 'tujuan', 'dikirim', 'nomor_surat', 'jawaban_instansi', 'pengingat', 'versi'];

/** Cases as CSV. */
export function casesToCsv(cases: readonly Case[], options: ExportOptions = {}): string {
  const rows = cases.map((raw) => {
    const value = options.includePersonalData ? raw : maskCase(raw);
    return [
      value.id,
      value.title,
      value.subjectId,
      value.state,
      value.origin,
      value.openedAt,
      value.openedBy,
      value.transitions.at(-1)?.at ?? value.openedAt,
      value.findingIds.join('; '),
      value.routes.join('; '),
      value.decision?.violationType ?? '',
      value.referral?.recipients.map((party) => party.name ?? party.title.id).join('; ') ?? '',
      value.referral?.sentAt ?? '',
      value.referral?.letterNumber ?? '',
      value.authorityResponses.at(-1)?.outcome ?? '',
      value.reminders.length,
      value.version,
    ];
  });
  return toCsv(CASE_HEADER, rows);
}

/** Cases as JSON Lines. */
export function casesToJsonl(cases: readonly Case[], options: ExportOptions = {}): string {
  return toJsonl(options.includePersonalData ? cases : cases.map(maskCase));
}
