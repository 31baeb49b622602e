import { err, ok, type Result } from 'neverthrow';
import type { Capture } from '../capture/capture-schema.js';
import { itemKey } from '../capture/item-schema.js';
import type { Case, CaseReferral, CaseState } from '../cases/case-schema.js';
import { CASE_STATE_LABELS } from '../cases/case-transitions.js';
import { formatLocalDateTime, INDONESIAN_MONTHS } from '../election/local-time-text.js';
import { localDateAt, type IndonesianTimeZone } from '../election/time-zone.js';
import type { Finding, RouteCode } from '../findings/finding-schema.js';
import type { Subject } from '../subject/subject-schema.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { htmlDocument } from './html-document.js';
import { escapeHtml, escapeVisible } from './html-escape.js';
import { DEFAULT_LETTER_TEMPLATES, LETTER_PLACEHOLDERS, LetterTemplateSchema, type LetterPlaceholder, type LetterTemplateInput } from './letter-template.js';
import { caseAbout } from './letter-subject-line.js';
import { maskEmployeeNumber, personalDataFilter } from './mask-personal-data.js';
import { FINDINGS_ARE_FLAGS, ITEM_KIND_LABELS, platformName, LEGAL_BASIS_UNVERIFIED, PHASE_LABELS, SEVERITY_LABELS, SUBJECT_CATEGORY_LABELS, VIOLATION_TYPE_LABELS } from './report-labels.js';

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
  /**
   * The office, and the city of its seat printed before the date. Without `city`, the seat is read
   * from a name such as "Bawaslu Kabupaten Lembah Harapan".
   */
  office: { name: string; city?: string };
  /** The letter's number and date (local date, e.g. `2024-10-10`). */
  letter: { number?: string; date: string };
  signatory?: { name: string; title: string };
  /** The referral to address; defaults to the case's. */
  referral?: CaseReferral;
  /** An office template; defaults to the built-in one for the referral's kind. */
  template?: LetterTemplateInput;
  /** The election's zone: every time in the letter is written in it, named. @default 'WIB' */
  timeZone?: IndonesianTimeZone;
  /**
   * Print the letter as a draft (a DRAF watermark on every page, screen and print). By default a
   * letter is a draft until the case has reached `rekomendasi` with its referral set.
   */
  draft?: boolean;
  /**
   * Show the employee number (NIP/NRP) in full. By default it is shown when the recipient is the
   * authority that needs it to identify the person ({@link EMPLOYEE_NUMBER_ROUTES}), masked otherwise.
   */
  showEmployeeNumber?: boolean;
  /** Show other personal data in quoted posts (NIK, phone numbers, e-mail) unmasked. @default false */
  includePersonalData?: boolean;
}

/**
 * Routes whose recipient must identify the employee by number: BKN and the PPK (ASN, PPPK, PTT),
 * the Ankum (TNI, by NRP) and Propam (Polri, by NRP).
 */
export const EMPLOYEE_NUMBER_ROUTES: readonly RouteCode[] = ['R-ASN', 'R-PTT', 'R-TNI', 'R-POLRI'];

/** States in which the case has its recommendation: a letter written earlier is a draft. */
const LETTER_STATES: readonly CaseState[] = ['rekomendasi', 'tindak_lanjut', 'selesai'];

/** Whether a letter for this case is a draft: before `rekomendasi`, or with no referral recorded. */
export function isDraftLetter(value: Case): boolean {
  return !value.referral || !LETTER_STATES.includes(value.state);
}

/** Whether a letter on this referral shows the employee number in full (see {@link EMPLOYEE_NUMBER_ROUTES}). */
export function letterShowsEmployeeNumber(referral: Pick<CaseReferral, 'routeCode'>): boolean {
  return EMPLOYEE_NUMBER_ROUTES.includes(referral.routeCode);
}

/** The seat in an office name: "Bawaslu Kabupaten Lembah Harapan" → "Lembah Harapan"; Bawaslu RI → Jakarta. */
export function officeSeatOf(officeName: string): string {
  const rest = officeName.replace(/^\s*(?:Badan Pengawas Pemilihan Umum|Bawaslu)(?:\s+(?:Kabupaten|Kab\.|Kota Administrasi|Kota|Provinsi))?(?:\s+|$)/i, '').trim();
  return /^(?:RI|Republik Indonesia)$/i.test(rest) ? 'Jakarta' : rest;
}

const EMOJI_FONTS = '"Noto Color Emoji","Apple Color Emoji","Segoe UI Emoji"';

const LETTER_STYLE = `
@page{size:A4;margin:2.5cm 2cm}
body{font:12pt/1.5 "Times New Roman",Times,"Liberation Serif","DejaVu Serif",serif,${EMOJI_FONTS};color:#000;max-width:17cm;margin:1cm auto}
.kop{text-align:center;font-size:14pt;border-bottom:3px double #000;padding-bottom:6px;margin-bottom:12px;text-transform:uppercase}
table{border-collapse:collapse}td{vertical-align:top;padding:1px 6px 1px 0}.right{text-align:right;padding-left:3cm;white-space:nowrap}
.kajian,.kutipan{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #555;padding-left:8px}
.ttd{margin-top:1.5cm;margin-left:55%}.nama{margin-top:2cm;font-weight:bold;text-decoration:underline}
.hash{font-family:"Courier New","Liberation Mono","DejaVu Sans Mono",monospace;font-size:9pt;overflow-wrap:anywhere}
.ctl{font-family:monospace;font-size:9pt;border:1px solid #000}
.catatan{font-size:9pt;color:#333;border-top:1px solid #999;margin-top:1cm;padding-top:4px}
.unverified{font-style:italic}
.lampiran{break-before:page;page-break-before:always;font-size:10pt;margin-top:1.5cm}
.lampiran h2{font-size:12pt;text-transform:uppercase;text-align:center}
.lampiran table{width:100%}.lampiran td{border:1px solid #999;padding:2px 4px}.lampiran td:first-child{width:28%}
.draf-tanda{position:fixed;top:38%;left:0;right:0;text-align:center;font:bold 150pt/1 "DejaVu Sans",Arial,sans-serif;letter-spacing:.1em;color:rgba(200,0,0,.2);transform:rotate(-35deg);pointer-events:none;z-index:1000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.draf-catatan{border:2px solid #be0000;color:#be0000;font:bold 10pt/1.4 "DejaVu Sans",Arial,sans-serif;padding:4px 8px;margin-bottom:12px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{body{margin:0;max-width:none}}
`;

/** `2024-10-10` → `10 Oktober 2024`. */
export function formatIndonesianDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${INDONESIAN_MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

function list(items: string[], ordered = false): string {
  if (items.length === 0) return '—';
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
}

/**
 * The referral or recommendation letter of a case as printable HTML, from a template the
 * office can edit. Every value is escaped; personal data is masked unless included, except the
 * employee number for a recipient who needs it. What the case is about (*Hal*) comes from its
 * findings and route; internal ids and hashes go to an annex page; every time is written in the
 * election's zone, named; a letter before the recommendation stage is marked DRAF on every page.
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
  const zone = input.timeZone ?? 'WIB';
  const draft = input.draft ?? isDraftLetter(input.case);
  const showEmployeeNumber = input.showEmployeeNumber ?? (letterShowsEmployeeNumber(referral) || (input.includePersonalData ?? false));
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
  const firstAct = [...findings.map((finding) => finding.actAt), referral.actAt].sort()[0] ?? referral.actAt;
  const city = input.office.city ?? officeSeatOf(input.office.name);
  const date = formatIndonesianDate(input.letter.date);
  const about = caseAbout({ categories: findings.map((finding) => finding.category), referral, ...(subject ? { subjectCategory: subject.category } : findings[0] ? { subjectCategory: findings[0].subjectCategory } : {}) });
  const accountOf = (finding: Finding) => {
    const item = items.get(finding.itemKey);
    const platform = item?.platform ?? finding.accountKey.split(':')[0] ?? '';
    const handle = item?.author.handle ?? subject?.accounts.find((account) => account.platform === platform && account.id && `${platform}:${account.id}` === finding.accountKey)?.handle;
    return `${handle ? `akun @${escapeVisible(handle)}` : 'akun'} di ${escapeHtml(platformName(platform))}`;
  };
  const evidenceList = list(
    findings.map(
      (finding) =>
        `temuan ${escapeVisible(finding.id)}: item <span class="hash">${escapeHtml(finding.evidence.itemHash)}</span>; capture ${escapeVisible(finding.evidence.captureId)}${finding.evidence.rawBlobs.length ? `; respons mentah <span class="hash">${finding.evidence.rawBlobs.map(escapeHtml).join(', ')}</span>` : ''}`,
    ),
  );
  const values: Record<LetterPlaceholder, string> = {
    'office.name': escapeVisible(input.office.name),
    'office.city': escapeVisible(city),
    'letter.number': escapeVisible(input.letter.number ?? input.case.referral?.letterNumber ?? '……………………'),
    'letter.date': escapeHtml(date),
    'letter.placeDate': city ? `${escapeVisible(city)}, ${escapeHtml(date)}` : escapeHtml(date),
    'letter.kind': referral.kind === 'rekomendasi' ? 'Rekomendasi' : 'Penerusan',
    recipients: referral.recipients.map(party).join('<br>'),
    copies: list(referral.copies.map(party), true),
    'subject.name': escapeVisible(subject?.name ?? input.case.subjectId),
    'subject.category': subject ? escapeHtml(SUBJECT_CATEGORY_LABELS[subject.category].id) : '—',
    'subject.employeeNumber': subject?.employeeNumber ? escapeHtml(showEmployeeNumber ? subject.employeeNumber : maskEmployeeNumber(subject.employeeNumber)) : '—',
    'subject.agency': text(subject?.agency),
    'subject.position': text(subject?.position),
    'subject.accounts': subject ? subject.accounts.map((account) => `@${escapeVisible(account.handle)} (${escapeHtml(platformName(account.platform))})`).join(', ') || '—' : '—',
    'case.id': escapeVisible(input.case.id),
    'case.about': escapeHtml(about),
    'case.title': text(input.case.title),
    'case.state': escapeHtml(CASE_STATE_LABELS[input.case.state].id),
    'case.violationType': input.case.decision?.violationType ? escapeHtml(VIOLATION_TYPE_LABELS[input.case.decision.violationType].id) : '—',
    'act.date': escapeHtml(formatIndonesianDate(localDateAt(new Date(firstAct), zone))),
    'kajian.summary': input.case.kajianSummary ? escapeVisible(display(input.case.kajianSummary)) : '(ringkasan kajian belum diisi)',
    findings: list(
      findings.map((finding) => {
        const item = items.get(finding.itemKey);
        const quoted = item?.text ? `<div class="kutipan">${escapeVisible(display(item.text.length > 2000 ? `${item.text.slice(0, 2000)} …` : item.text))}</div>` : '';
        const words = finding.spans.map((span) => `“${escapeVisible(display(span.text))}”`).join(', ');
        const when = `${escapeHtml(formatLocalDateTime(finding.actAt, zone))}${finding.phase ? ` (${escapeHtml(PHASE_LABELS[finding.phase].id.toLowerCase())})` : ''}`;
        return `${escapeVisible(finding.title.id)} — ${escapeHtml(ITEM_KIND_LABELS[finding.itemKind].id)} melalui ${accountOf(finding)} pada ${when}${words ? `; kata yang cocok: ${words}` : ''}${item?.url ? `; alamat: <span class="hash">${escapeVisible(item.url)}</span>` : ''}${quoted}`;
      }),
      true,
    ),
    'legal.basis': list([...legal.values()], true),
    'route.code': escapeHtml(referral.routeCode),
    'route.basis': escapeVisible(referral.basis ?? 'UU 10/2016 Ps 30 huruf e'),
    'evidence.hashes': evidenceList,
    annex: annexHtml(input, referral, zone, evidenceList),
    'signatory.name': escapeVisible(input.signatory?.name ?? '……………………'),
    'signatory.title': escapeVisible(input.signatory?.title ?? `Ketua ${input.office.name}`),
    'notice.flags': `${escapeHtml(FINDINGS_ARE_FLAGS.id)}`,
  };
  let body = template.body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_match, name: string) => values[name as LetterPlaceholder]);
  // The annex is part of every letter: a template that leaves it out still gets it at the end.
  if (!used.includes('annex')) body += `\n${values.annex}`;
  if (draft) {
    body = `<div class="draf-tanda" aria-hidden="true">DRAF</div>
<p class="draf-catatan">DRAF — kasus masih pada tahap ${escapeHtml(CASE_STATE_LABELS[input.case.state].id.toLowerCase())}; surat ini belum dapat dikirim sebelum kasus sampai tahap rekomendasi. <span lang="en">/ DRAFT — not to be sent before the case reaches the recommendation stage.</span></p>
${body}`;
  }
  return ok(htmlDocument({ title: `${draft ? 'DRAF — ' : ''}${template.title.id} — ${about}`, style: LETTER_STYLE + template.style, body }));
}

/** The annex page: the references a clerk or an examiner needs, kept out of the letter's prose. */
function annexHtml(input: LetterInput, referral: CaseReferral, zone: IndonesianTimeZone, evidenceList: string): string {
  const rows: Array<[string, string]> = [
    ['Nomor kasus internal', `<span class="hash">${escapeVisible(input.case.id)}</span> (versi ${input.case.version}; ${escapeHtml(CASE_STATE_LABELS[input.case.state].id)})`],
    ['Rute rujukan', `${escapeHtml(referral.routeCode)} — entri ${escapeVisible(referral.entryId)}, tabel ${escapeVisible(referral.tableId)} versi ${escapeVisible(referral.tableVersion)}; disiapkan ${escapeHtml(formatLocalDateTime(referral.preparedAt, zone))}`],
    ...input.findings.map(
      (finding): [string, string] => [
        `Temuan ${escapeVisible(finding.id)}`,
        `aturan ${escapeVisible(finding.ruleId)} (perangkat aturan ${escapeVisible(finding.ruleSetId)} versi ${escapeVisible(finding.ruleSetVersion)}); tingkat ${escapeHtml(SEVERITY_LABELS[finding.severity].id.toLowerCase())}; waktu perbuatan <span class="hash">${escapeHtml(finding.actAt)}</span> (UTC)`,
      ],
    ),
  ];
  return `<section class="lampiran">
<h2>Lampiran: Rujukan Bukti Elektronik</h2>
<p>Nilai berikut menunjuk rekaman dalam penyimpanan bukti ${escapeVisible(input.office.name)}; keasliannya dapat diperiksa dengan bundel verifikasi (<span class="hash">sipansos verify-bundle</span>). Waktu ditulis dalam ${escapeHtml(zone)} kecuali disebut UTC.</p>
<table>${rows.map(([label, value]) => `<tr><td>${label}</td><td>${value}</td></tr>`).join('')}</table>
<p>Hash bukti elektronik (SHA-256):</p>
${evidenceList}
</section>`;
}
