import { err, ok, type Result } from 'neverthrow';
import type { Capture } from '../capture/capture-schema.js';
import { itemKey } from '../capture/item-schema.js';
import type { Case, CaseReferral } from '../cases/case-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import type { Subject } from '../subject/subject-schema.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { htmlDocument } from './html-document.js';
import { escapeHtml, escapeVisible } from './html-escape.js';
import { DEFAULT_LETTER_TEMPLATES, LETTER_PLACEHOLDERS, LetterTemplateSchema, type LetterPlaceholder, type LetterTemplateInput } from './letter-template.js';
import { maskEmployeeNumber, personalDataFilter } from './mask-personal-data.js';
import { FINDINGS_ARE_FLAGS, LEGAL_BASIS_UNVERIFIED, SUBJECT_CATEGORY_LABELS } from './report-labels.js';

/** Why a letter could not be written. */
export type LetterError =
  | InvalidInputError
  | { type: 'unknown_placeholder'; message: string; placeholders: string[] }
  | { type: 'no_referral'; message: string; caseId: string };

/** What a letter needs. */
export interface LetterInput {
  case: Case;
  subject?: Subject;
  findings: Finding[];
  /** Captures holding the findings' items, to quote the post. */
  captures?: Capture[];
  office: { name: string; city?: string };
  /** The letter's number and date (local date, e.g. `2024-10-10`). */
  letter: { number?: string; date: string };
  signatory?: { name: string; title: string };
  /** The referral to address; defaults to the case's. */
  referral?: CaseReferral;
  /** An office template; defaults to the built-in one for the referral's kind. */
  template?: LetterTemplateInput;
  /** @default false */
  includePersonalData?: boolean;
}

const LETTER_STYLE = `
@page{size:A4;margin:2.5cm 2cm}
body{font:12pt/1.5 "Times New Roman",Times,serif;color:#000;max-width:17cm;margin:1cm auto}
.kop{text-align:center;font-size:14pt;border-bottom:3px double #000;padding-bottom:6px;margin-bottom:12px;text-transform:uppercase}
table{border-collapse:collapse}td{vertical-align:top;padding:1px 6px 1px 0}.right{text-align:right;padding-left:3cm;white-space:nowrap}
.kajian,.kutipan{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #555;padding-left:8px}
.ttd{margin-top:1.5cm;margin-left:55%}.nama{margin-top:2cm;font-weight:bold;text-decoration:underline}
.hash{font-family:"Courier New",monospace;font-size:9pt;overflow-wrap:anywhere}
.ctl{font-family:monospace;font-size:9pt;border:1px solid #000}
.catatan{font-size:9pt;color:#333;border-top:1px solid #999;margin-top:1cm;padding-top:4px}
.unverified{font-style:italic}
@media print{body{margin:0;max-width:none}}
`;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `2024-10-10` → `10 Oktober 2024`. */
export function formatIndonesianDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

function list(items: string[], ordered = false): string {
  if (items.length === 0) return '—';
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
}

/**
 * The referral or recommendation letter of a case as printable HTML, from a template the
 * office can edit. Every value is escaped; personal data is masked unless included.
 */
export function renderLetter(input: LetterInput): Result<string, LetterError> {
  const referral = input.referral ?? input.case.referral;
  if (!referral) {
    return err({ type: 'no_referral', caseId: input.case.id, message: `kasus ${input.case.id} belum punya tujuan rujukan; pindahkan ke "rekomendasi" atau berikan rujukan / case ${input.case.id} has no referral yet; move it to rekomendasi or pass one` });
  }
  const parsedTemplate = LetterTemplateSchema.safeParse(input.template ?? DEFAULT_LETTER_TEMPLATES[referral.kind]);
  if (!parsedTemplate.success) return err(invalidInputFromZod('letter template', parsedTemplate.error));
  const template = parsedTemplate.data;
  const used = [...template.body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((match) => match[1] ?? '');
  const unknown = [...new Set(used.filter((name) => !(LETTER_PLACEHOLDERS as readonly string[]).includes(name)))];
  if (unknown.length > 0) {
    return err({ type: 'unknown_placeholder', placeholders: unknown, message: `isian tidak dikenal dalam templat ${template.id}: ${unknown.join(', ')} / unknown placeholders; use: ${LETTER_PLACEHOLDERS.join(', ')}` });
  }
  const display = personalDataFilter(input.includePersonalData ?? false);
  const text = (value: string | undefined) => (value ? escapeVisible(display(value)) : '—');
  const { subject, findings } = input;
  const items = new Map((input.captures ?? []).flatMap((capture) => capture.items.map((item) => [itemKey(item), item] as const)));
  const party = (entry: CaseReferral['recipients'][number]) => `${escapeVisible(entry.name ?? entry.title.id)}${entry.name ? ` (${escapeVisible(entry.title.id)})` : ''}${entry.address ? `<br>${escapeVisible(entry.address)}` : ''}`;
  const legal = new Map<string, string>();
  for (const finding of findings) {
    for (const basis of finding.legalBasis) {
      const key = `${basis.instrument}|${basis.article}`;
      if (!legal.has(key)) legal.set(key, `${escapeVisible(basis.instrument)} ${escapeVisible(basis.article)}${basis.quote ? `: “${escapeVisible(basis.quote)}”` : ''}${basis.verified ? '' : ` <span class="unverified">(${escapeHtml(LEGAL_BASIS_UNVERIFIED.id)} / ${escapeHtml(LEGAL_BASIS_UNVERIFIED.en)})</span>`}`);
    }
  }
  const actDates = [...findings.map((finding) => finding.actAt), referral.actAt].sort();
  const values: Record<LetterPlaceholder, string> = {
    'office.name': escapeVisible(input.office.name),
    'office.city': escapeVisible(input.office.city ?? ''),
    'letter.number': escapeVisible(input.letter.number ?? input.case.referral?.letterNumber ?? '……………………'),
    'letter.date': escapeHtml(formatIndonesianDate(input.letter.date)),
    'letter.kind': referral.kind === 'rekomendasi' ? 'Rekomendasi' : 'Penerusan',
    recipients: referral.recipients.map(party).join('<br>'),
    copies: list(referral.copies.map(party), true),
    'subject.name': escapeVisible(subject?.name ?? input.case.subjectId),
    'subject.category': subject ? escapeHtml(SUBJECT_CATEGORY_LABELS[subject.category].id) : '—',
    'subject.employeeNumber': subject?.employeeNumber ? escapeHtml(input.includePersonalData ? subject.employeeNumber : maskEmployeeNumber(subject.employeeNumber)) : '—',
    'subject.agency': text(subject?.agency),
    'subject.position': text(subject?.position),
    'subject.accounts': subject ? subject.accounts.map((account) => `${escapeHtml(account.platform)} @${escapeVisible(account.handle)}`).join(', ') || '—' : '—',
    'case.id': escapeVisible(input.case.id),
    'case.title': text(input.case.title),
    'case.state': escapeHtml(input.case.state),
    'case.violationType': escapeHtml(input.case.decision?.violationType ?? '—'),
    'act.date': escapeHtml(formatIndonesianDate(actDates[0] ?? referral.actAt)),
    'kajian.summary': input.case.kajianSummary ? escapeVisible(display(input.case.kajianSummary)) : '(ringkasan kajian belum diisi)',
    findings: list(
      findings.map((finding) => {
        const item = items.get(finding.itemKey);
        const quoted = item?.text ? `<div class="kutipan">${escapeVisible(display(item.text.length > 2000 ? `${item.text.slice(0, 2000)} …` : item.text))}</div>` : '';
        const words = finding.spans.map((span) => `“${escapeVisible(display(span.text))}”`).join(', ');
        return `${escapeVisible(finding.title.id)} — ${escapeHtml(finding.itemKind)} ${escapeHtml(finding.accountKey)} pada ${escapeHtml(finding.actAt)}${words ? `; kata yang cocok: ${words}` : ''}${item?.url ? `; alamat: <span class="hash">${escapeVisible(item.url)}</span>` : ''}${quoted}`;
      }),
      true,
    ),
    'legal.basis': list([...legal.values()], true),
    'route.code': escapeHtml(referral.routeCode),
    'route.basis': escapeVisible(routeBasisText(referral)),
    'evidence.hashes': list(findings.map((finding) => `temuan ${escapeVisible(finding.id)}: item <span class="hash">${escapeHtml(finding.evidence.itemHash)}</span>; capture ${escapeVisible(finding.evidence.captureId)}${finding.evidence.rawBlobs.length ? `; respons mentah <span class="hash">${finding.evidence.rawBlobs.map(escapeHtml).join(', ')}</span>` : ''}`)),
    'signatory.name': escapeVisible(input.signatory?.name ?? '……………………'),
    'signatory.title': escapeVisible(input.signatory?.title ?? `Ketua ${input.office.name}`),
    'notice.flags': `${escapeHtml(FINDINGS_ARE_FLAGS.id)}`,
  };
  const body = template.body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_match, name: string) => values[name as LetterPlaceholder]);
  return ok(htmlDocument({ title: `${template.title.id} — ${input.case.id}`, style: LETTER_STYLE + template.style, body }));
}

function routeBasisText(referral: CaseReferral): string {
  return `${referral.basis ? `${referral.basis}, ` : ''}rute ${referral.routeCode} (${referral.entryId}, tabel ${referral.tableId}@${referral.tableVersion})`;
}
