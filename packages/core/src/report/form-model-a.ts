import type { Capture } from '../capture/capture-schema.js';
import { itemKey } from '../capture/item-schema.js';
import type { ElectionContext } from '../election/election-context-schema.js';
import { formatLocalDateTime } from '../election/local-time-text.js';
import type { IndonesianTimeZone } from '../election/time-zone.js';
import type { Finding } from '../findings/finding-schema.js';
import type { Subject } from '../subject/subject-schema.js';
import { toCsv } from './csv-export.js';
import { maskEmployeeNumber, personalDataFilter } from './mask-personal-data.js';
import { FINDING_CATEGORY_LABELS, ITEM_KIND_LABELS, LEGAL_BASIS_UNVERIFIED, PHASE_LABELS, SANCTION_LABELS, SUBJECT_CATEGORY_LABELS } from './report-labels.js';

/**
 * The fields of Bawaslu's supervision report, *Formulir Model A* (Laporan Hasil Pengawasan,
 * `procedure.md` §10): tahapan, pengawas, surat tugas, bentuk pengawasan, uraian, analisis,
 * dugaan pelanggaran. One row per finding; staff complete and sign the form.
 */
export interface FormModelARow {
  /** Election stage (tahapan) at the time of the act. */
  tahapan: string;
  pengawas: string;
  suratTugas: string;
  bentukPengawasan: string;
  /** When and where (platform and account). */
  waktuTempat: string;
  /** What was observed: who posted what, quoted. */
  uraian: string;
  /** Why it may be a violation: the rule, the matched words, the legal basis. */
  analisis: string;
  /** The suspected violation: category, possible sanctions, referral route. */
  dugaanPelanggaran: string;
  /** Evidence references: finding id, capture, item hash. */
  buktiPendukung: string;
}

/** What the form needs beyond the findings. */
export interface FormModelAOptions {
  pengawas: string;
  suratTugas?: string;
  /** @default 'Patroli siber (pengawasan media sosial)' */
  bentukPengawasan?: string;
  context?: Pick<ElectionContext, 'name'>;
  subjects?: readonly Subject[];
  captures?: readonly Capture[];
  /** @default false */
  includePersonalData?: boolean;
  /** The election's zone: times are written in it, named. @default 'WIB' */
  timeZone?: IndonesianTimeZone;
}

/** Findings mapped into the fields of Formulir Model A. */
export function toFormModelA(findings: readonly Finding[], options: FormModelAOptions): FormModelARow[] {
  const display = personalDataFilter(options.includePersonalData ?? false);
  const items = new Map((options.captures ?? []).flatMap((capture) => capture.items.map((item) => [itemKey(item), item] as const)));
  const subjects = new Map((options.subjects ?? []).map((subject) => [subject.id, subject]));
  const zone = options.timeZone ?? 'WIB';
  return findings.map((finding) => {
    const when = formatLocalDateTime(finding.actAt, zone);
    const item = items.get(finding.itemKey);
    const subject = subjects.get(finding.subjectId);
    const who = subject
      ? `${subject.name} (${SUBJECT_CATEGORY_LABELS[subject.category].id}${subject.position ? `, ${subject.position}` : ''}${subject.agency ? `, ${subject.agency}` : ''}${subject.employeeNumber ? `, NIP/NRP ${options.includePersonalData ? subject.employeeNumber : maskEmployeeNumber(subject.employeeNumber)}` : ''})`
      : `subjek ${finding.subjectId} (${SUBJECT_CATEGORY_LABELS[finding.subjectCategory].id})`;
    const quote = item?.text ? ` dengan isi: "${display(item.text.length > 1000 ? `${item.text.slice(0, 1000)} …` : item.text)}"` : '';
    const url = item?.url ? ` (${item.url})` : '';
    return {
      tahapan: `${options.context?.name ? `${options.context.name} — ` : ''}${finding.phase ? PHASE_LABELS[finding.phase].id : 'di luar jadwal tahapan'}`,
      pengawas: options.pengawas,
      suratTugas: options.suratTugas ?? '',
      bentukPengawasan: options.bentukPengawasan ?? 'Patroli siber (pengawasan media sosial)',
      waktuTempat: `${when}; media sosial ${finding.accountKey}${url}`,
      uraian: `Pada ${when}, ${who} melalui akun ${item?.author.handle ? `@${item.author.handle} (${finding.accountKey})` : finding.accountKey} melakukan ${ITEM_KIND_LABELS[finding.itemKind].id}${quote}.`,
      analisis: `Memenuhi aturan "${finding.title.id}" (${finding.ruleId}); kata yang cocok: ${finding.spans.map((span) => `"${display(span.text)}"`).join(', ') || '—'}. Dasar hukum: ${finding.legalBasis.map((basis) => `${basis.instrument} ${basis.article}${basis.verified ? '' : ` (${LEGAL_BASIS_UNVERIFIED.id})`}`).join('; ')}. Temuan otomatis ini perlu dikaji petugas.`,
      dugaanPelanggaran: `${FINDING_CATEGORY_LABELS[finding.category].id}; kemungkinan sanksi: ${finding.sanctions.map((sanction) => SANCTION_LABELS[sanction].id).join(' / ')}; rute: ${finding.routes.join(', ') || '—'}`,
      buktiPendukung: `temuan ${finding.id}; capture ${finding.evidence.captureId}; hash item ${finding.evidence.itemHash}${finding.evidence.rawBlobs.length ? `; respons mentah ${finding.evidence.rawBlobs.join(', ')}` : ''}`,
    };
  });
}

const FORM_A_HEADER: Array<keyof FormModelARow> = ['tahapan', 'pengawas', 'suratTugas', 'bentukPengawasan', 'waktuTempat', 'uraian', 'analisis', 'dugaanPelanggaran', 'buktiPendukung'];

/** Form A rows as CSV (column names are the form's field names). */
export function formModelAToCsv(rows: readonly FormModelARow[]): string {
  return toCsv(FORM_A_HEADER, rows.map((row) => FORM_A_HEADER.map((key) => row[key])));
}
