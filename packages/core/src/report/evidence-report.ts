import type { Capture } from '../capture/capture-schema.js';
import { itemKey, type Item } from '../capture/item-schema.js';
import type { CaseDeadline } from '../cases/case-deadlines.js';
import type { Case } from '../cases/case-schema.js';
import { CASE_STATE_LABELS } from '../cases/case-transitions.js';
import type { Finding, MatchSpan } from '../findings/finding-schema.js';
import { formatLocalDateTime } from '../election/local-time-text.js';
import type { IndonesianTimeZone } from '../election/time-zone.js';
import { hashRecord } from '../hashing/sha256.js';
import type { EvidenceReportInput, ReportBlob, ReportItemHistory, ReportLookup } from './evidence-report-input.js';
import { highlightText } from './highlight-text.js';
import { boxedImageHtml, IMAGE_BOX_CSS } from './image-boxes.js';
import { formatIndonesianDate } from './letter.js';
import { htmlDocument } from './html-document.js';
import { escapeHtml, escapeVisible, hasDisguisingCharacters } from './html-escape.js';
import { maskEmployeeNumber, personalDataFilter } from './mask-personal-data.js';
import {
  ACCOUNT_OBSERVATION_LABELS,
  AUTHORITY_OUTCOME_LABELS,
  CAPTURE_SCOPE_LABELS,
  CASE_ORIGIN_LABELS,
  DECISION_OUTCOME_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDINGS_ARE_FLAGS,
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
  LEGAL_BASIS_UNVERIFIED,
  LOOKUP_STATUS_LABELS,
  PHASE_LABELS,
  SANCTION_LABELS,
  SEVERITY_LABELS,
  SUBJECT_CATEGORY_LABELS,
  VIOLATION_TYPE_LABELS,
  labelOf,
  platformName,
  type BilingualLabel,
} from './report-labels.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/** Image types shown inline. SVG is left out: it is a document that can carry script. */
const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
const INLINE_VIDEO_TYPES = new Set(['video/mp4', 'video/webm', 'video/ogg']);

const REPORT_STYLE = `
:root{color-scheme:light}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif,"Noto Color Emoji","Apple Color Emoji","Segoe UI Emoji";margin:0 auto;max-width:1100px;padding:24px;color:#1b1b1b;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:2px solid #1f3b63;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:20px 0 6px}
.en{color:#555;font-style:italic}
.notice{border:2px solid #b26b00;background:#fff6e5;padding:10px 14px;margin:12px 0}
.ok{border-color:#1d7a34;background:#eaf7ee}.bad{border-color:#a31515;background:#fdecec}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #c9c9c9;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f0f3f7}th[scope=row]{width:24%}
.hash{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;overflow-wrap:anywhere}
.sip-badge{display:inline-block;border-radius:3px;padding:1px 7px;margin:0 4px 4px 0;font-size:12px;font-weight:600;border:1px solid #555}
.sip-badge.deleted{background:#a31515;color:#fff;border-color:#a31515}.sip-badge.edited{background:#b26b00;color:#fff;border-color:#b26b00}
.sip-badge.neutral{background:#eef;color:#223}.sip-badge.warn{background:#fff3cd;color:#5c4100;border-color:#b26b00}
.post{border:1px solid #8a8a8a;border-left:6px solid #1f3b63;margin:10px 0;padding:10px 12px;background:#fafafa}
.post-label{font-size:12px;color:#444;margin-bottom:4px}
.post-text{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;unicode-bidi:isolate;direction:ltr;font-family:inherit;background:#fff;border:1px dashed #aaa;padding:8px;max-height:none}
mark{background:#ffe066;color:#000;outline:1px solid #b58900}
.ctl{background:#a31515;color:#fff;font-family:ui-monospace,monospace;font-size:11px;padding:0 2px;border-radius:2px}
.media img,.media video{max-width:100%;max-height:480px;border:1px solid #999;display:block;margin:6px 0}
${IMAGE_BOX_CSS}
.unverified{color:#a31515;font-weight:600}
footer{margin-top:40px;font-size:12px;color:#555;border-top:1px solid #ccc;padding-top:8px}
@media print{body{max-width:none;padding:0}.post{break-inside:avoid}}
`;

function bi(label: BilingualLabel): string {
  return `${escapeHtml(label.id)} <span class="en">/ ${escapeHtml(label.en)}</span>`;
}

function row(header: string, value: string): string {
  return `<tr><th scope="row">${header}</th><td>${value}</td></tr>`;
}

/** A time in the election's zone, named; the exact UTC instant stays in `datetime` and the tooltip. */
function time(value: string | undefined, zone: IndonesianTimeZone): string {
  return value ? `<time datetime="${escapeHtml(value)}" title="${escapeHtml(value)}">${escapeHtml(formatLocalDateTime(value, zone, { seconds: true }))}</time>` : '—';
}

function zoneOf(input: Pick<EvidenceReportInput, 'timeZone'>): IndonesianTimeZone {
  return input.timeZone ?? 'WIB';
}

/** A code in words, Indonesian first. */
function word(labels: Readonly<Record<string, BilingualLabel>>, code: string): string {
  return bi(labelOf(labels, code));
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { photo: 'foto / photo', video: 'video', gif: 'GIF', audio: 'audio', other: 'berkas lain / other file' };
const TARGET_KINDS: Readonly<Record<string, string>> = { post: 'unggahan / post', account: 'akun / account', group: 'grup / group', page: 'halaman / page' };

const CONFIRMED_BY: Readonly<Record<string, string>> = {
  lookup: 'pemeriksaan per id / lookup by id',
  corroborated_lookup: 'pemeriksaan per id yang diperkuat / corroborated lookup',
  complete_misses: 'beberapa tangkapan lengkap tanpa unggahan ini / several complete captures lacked it',
  original_lookup: 'pemeriksaan unggahan asli / lookup of the original',
  original_unavailable: 'unggahan asli tidak tersedia / original unavailable',
};

function hash(value: string | undefined): string {
  return value ? `<span class="hash">${escapeHtml(value)}</span>` : '—';
}

/** Human duration, e.g. "3 hari 4 jam / 3 days 4 hours". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const id = [days ? `${days} hari` : '', hours ? `${hours} jam` : '', !days && rest ? `${rest} menit` : ''].filter(Boolean).join(' ') || 'kurang dari 1 menit';
  const en = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', !days && rest ? `${rest} minute${rest === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ') || 'under a minute';
  return `${id} / ${en}`;
}

interface ItemView {
  key: string;
  /** Every distinct version, oldest first. */
  versions: Array<{ item: Item; firstSeenAt?: string; captureId?: string; contentHash: string }>;
  captures: Capture[];
  history?: ReportItemHistory;
  findings: Finding[];
}

function itemContentHash(item: Item): string {
  return hashRecord({ text: item.text ?? null, media: item.media.map((media) => media.blobSha256 ?? media.url ?? null), target: item.target?.text ?? null });
}

function collectItems(input: EvidenceReportInput): ItemView[] {
  const keys = [...new Set(input.findings.map((finding) => finding.itemKey))];
  // Items of staff captures the case rests on without a finding are shown too.
  for (const capture of input.captures) {
    if (input.case.captureIds.includes(capture.id)) for (const item of capture.items) keys.push(itemKey(item));
  }
  const views: ItemView[] = [];
  for (const key of [...new Set(keys)]) {
    const history = input.itemHistories?.[key];
    const holding = input.captures.filter((capture) => capture.items.some((item) => itemKey(item) === key)).sort((a, b) => compareCodeUnits(a.capturedAt, b.capturedAt));
    const versions: ItemView['versions'] = [];
    const seen = new Set<string>();
    if (history?.versions?.length) {
      for (const version of history.versions) {
        // Deduplicate on one scheme for both sources; show deletion detection's own hash.
        const own = itemContentHash(version.item);
        if (seen.has(own)) continue;
        seen.add(own);
        const contentHash = version.contentHash ?? own;
        versions.push({ item: version.item, firstSeenAt: version.firstSeenAt, ...(version.firstSeenCaptureId ? { captureId: version.firstSeenCaptureId } : {}), contentHash });
      }
    }
    for (const capture of holding) {
      for (const item of capture.items) {
        if (itemKey(item) !== key) continue;
        const contentHash = itemContentHash(item);
        if (seen.has(contentHash)) continue;
        seen.add(contentHash);
        versions.push({ item, firstSeenAt: capture.capturedAt, captureId: capture.id, contentHash });
      }
    }
    versions.sort((a, b) => compareCodeUnits(a.firstSeenAt ?? '', b.firstSeenAt ?? ''));
    views.push({ key, versions, captures: holding, ...(history ? { history } : {}), findings: input.findings.filter((finding) => finding.itemKey === key) });
  }
  return views;
}

function statusBadges(view: ItemView): string {
  const badges: string[] = [];
  const status = view.history?.status;
  if (status) {
    const label = ITEM_STATUS_LABELS[status] ?? { id: status, en: status };
    const css = status === 'deleted' || status === 'deleted_unverified' ? 'deleted' : status === 'live' ? 'neutral' : 'warn';
    badges.push(`<span class="sip-badge ${css}">${escapeHtml(label.id)} / ${escapeHtml(label.en)}</span>`);
  } else {
    badges.push('<span class="sip-badge warn">Status penghapusan tidak diperiksa / Deletion status not checked</span>');
  }
  const latest = view.versions.at(-1)?.item;
  const edited = view.versions.length > 1 || Boolean(latest?.editedAt) || (latest?.editHistoryIds?.length ?? 0) > 1 || Boolean(view.history?.earlierVersionsNotCaptured);
  if (edited) badges.push(`<span class="sip-badge edited">Disunting (${view.versions.length} versi tersimpan) / Edited (${view.versions.length} versions kept)</span>`);
  if (view.history?.replacedBy) badges.push(`<span class="sip-badge warn">Dihapus lalu diunggah ulang sebagai ${escapeVisible(view.history.replacedBy)} / Deleted and re-posted</span>`);
  return badges.join('');
}

/**
 * How long the post was public. The lower bound runs from the platform's creation time when it
 * gives one (a single capture says little: the post was live well before), else from the first
 * capture, to the last sighting; a deleted post also gets an upper bound, to the first capture
 * that lacked it.
 */
function publicDuration(view: ItemView, zone: IndonesianTimeZone): string {
  const history = view.history;
  const first = history?.firstSeenAt ?? view.versions[0]?.firstSeenAt ?? view.captures[0]?.capturedAt;
  const last = history?.lastSeenAt ?? view.captures.at(-1)?.capturedAt;
  const created = history?.createdAt ?? view.versions[0]?.item.createdAt;
  const start = created && Number.isFinite(Date.parse(created)) ? created : first;
  const deleted = history?.status === 'deleted' || history?.status === 'deleted_unverified';
  const missingFrom = deleted ? history?.episode?.firstMissingAt : undefined;
  const parts: string[] = [];
  if (start && last) {
    const from = start === created ? `sejak dibuat ${time(created, zone)}` : `sejak pertama teramati ${time(first, zone)}`;
    parts.push(`<strong>Paling sedikit ${escapeHtml(formatDuration(Date.parse(last) - Date.parse(start)))}</strong> — ${from} sampai terakhir teramati ${time(last, zone)} <span class="en">/ at least this long, ${start === created ? 'from creation' : 'from the first capture'} to the last sighting</span>`);
  }
  if (start && missingFrom) {
    parts.push(`<strong>Paling lama ${escapeHtml(formatDuration(Date.parse(missingFrom) - Date.parse(start)))}</strong> — sampai pertama kali tidak ditemukan ${time(missingFrom, zone)} <span class="en">/ at most this long, to the first capture that lacked it</span>`);
  }
  if (start && start !== created) parts.push('<span class="en">Platform tidak memberi waktu pembuatan; dihitung dari tangkapan pertama / the platform gave no creation time; counted from the first capture</span>');
  if (first && last && first !== last) parts.push(`Tertangkap dari ${time(first, zone)} sampai ${time(last, zone)} <span class="en">/ captured from first to last</span>`);
  const confirmed = history?.episode?.confirmedAt;
  if (confirmed) {
    const by = history?.episode?.confirmedBy;
    parts.push(`Penghapusan dikonfirmasi ${time(confirmed, zone)}${by ? ` (${escapeHtml(CONFIRMED_BY[by] ?? by)})` : ''} <span class="en">/ deletion confirmed</span>`);
  }
  return parts.length ? parts.join('<br>') : 'Tidak cukup data / not enough data';
}

function spansFor(view: ItemView, field: string): MatchSpan[] {
  return view.findings.flatMap((finding) => finding.spans.filter((span) => span.field === field));
}

function mediaHtml(item: Item, blobs: ReadonlyMap<string, ReportBlob> | undefined, display: (text: string) => string, spans: readonly MatchSpan[] = []): string {
  if (item.media.length === 0) return '';
  const parts = item.media.map((media, index) => {
    const blob = media.blobSha256 ? blobs?.get(media.blobSha256) : undefined;
    const type = (blob?.mediaType ?? media.mediaType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    const alt = media.altText ? display(media.altText) : '';
    const caption = `Media ${index + 1} (${escapeHtml(MEDIA_TYPES[media.type] ?? media.type)}${type ? `, ${escapeHtml(type)}` : ''}) sha256 ${hash(media.blobSha256)}${media.url ? `<br>URL asal (tidak dimuat) / source URL (not loaded): <span class="hash">${escapeVisible(media.url)}</span>` : ''}${alt ? `<br>Teks alternatif / alt text: ${escapeVisible(alt)}` : ''}`;
    if (!blob) return `<div class="media"><p>${caption}<br><em>Media tidak tersimpan di penyimpanan bukti / media not in the evidence store</em></p></div>`;
    const data = `data:${type};base64,${Buffer.from(blob.bytes).toString('base64')}`;
    if (INLINE_IMAGE_TYPES.has(type)) {
      const boxed = boxedImageHtml(`<img src="${escapeHtml(data)}" alt="${escapeHtml(alt.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, ''))}">`, media.blobSha256, spans);
      return `<div class="media">${boxed.html}<p>${caption}${boxed.listed ? `<br>Kotak yang cocok / matched boxes: ${boxed.listed}` : ''}</p></div>`;
    }
    if (INLINE_VIDEO_TYPES.has(type)) return `<div class="media"><video controls preload="none" src="${escapeHtml(data)}"></video><p>${caption}</p></div>`;
    return `<div class="media"><p>${caption}<br><em>Jenis berkas tidak ditampilkan; periksa blob dalam bundel / file type not shown inline; see the blob in the bundle</em></p></div>`;
  });
  return parts.join('');
}

function versionHtml(view: ItemView, index: number, input: EvidenceReportInput, display: (text: string) => string): string {
  const zone = zoneOf(input);
  const version = view.versions[index];
  if (!version) return '';
  const { item } = version;
  const lines: string[] = [];
  lines.push(`<h4>Versi ${index + 1} dari ${view.versions.length} <span class="en">/ version ${index + 1} of ${view.versions.length}</span></h4>`);
  const meta = [
    row('Pertama teramati / first seen', `${time(version.firstSeenAt, zone)}${version.captureId ? ` — capture <span class="hash">${escapeVisible(version.captureId)}</span>` : ''}`),
    row('Dibuat / created', time(item.createdAt, zone)),
    ...(item.editedAt ? [row('Disunting / edited', time(item.editedAt, zone))] : []),
    row('Hash isi / content hash', hash(version.contentHash)),
  ];
  lines.push(`<table>${meta.join('')}</table>`);
  if (item.text !== undefined) {
    const { html, unplaced } = highlightText(item.text, spansFor(view, 'text'), display);
    lines.push(`<div class="post-label">Teks unggahan apa adanya (di-escape; karakter kontrol ditampilkan) / Post text verbatim (escaped; control characters shown)${hasDisguisingCharacters(item.text) ? ' — <strong>mengandung karakter kontrol tersembunyi / contains hidden control characters</strong>' : ''}</div>`);
    lines.push(`<div class="post-text">${html}</div>`);
    if (unplaced.length > 0 && index === view.versions.length - 1 && view.versions.length === 1) {
      lines.push(`<p class="en">${unplaced.length} sorotan tidak dapat ditempatkan / highlights could not be placed</p>`);
    }
  }
  if (item.target) {
    const target = item.target;
    const targetText = target.text !== undefined ? highlightText(target.text, spansFor(view, 'target.text'), display).html : '';
    lines.push(
      `<div class="post-label">Sasaran (${escapeHtml(TARGET_KINDS[target.kind] ?? target.kind)}) / target: ${escapeVisible(display(target.author?.handle ? `@${target.author.handle}` : (target.author?.name ?? target.id)))}${target.unavailable ? ' — <strong>tidak tersedia / unavailable</strong>' : ''}</div>`,
    );
    if (target.text !== undefined) lines.push(`<div class="post-text">${targetText}</div>`);
    if (target.url) lines.push(`<p>URL sasaran (teks, bukan tautan) / target URL (text, not a link): <span class="hash">${escapeVisible(target.url)}</span></p>`);
  }
  const extras: string[] = [];
  if (item.hashtags.length) extras.push(row('Tagar / hashtags', item.hashtags.map((tag) => `#${escapeVisible(tag)}`).join(' ')));
  if (item.mentions.length) extras.push(row('Sebutan / mentions', item.mentions.map((mention) => escapeVisible(display(mention.handle ? `@${mention.handle}` : (mention.name ?? mention.id ?? '')))).join(', ')));
  if (item.links.length) extras.push(row('Tautan (teks, tidak dapat diklik) / links (text, not clickable)', item.links.map((link) => `<span class="hash">${escapeVisible(link)}</span>`).join('<br>')));
  if (item.url) extras.push(row('URL unggahan (teks) / post URL (text)', `<span class="hash">${escapeVisible(item.url)}</span>`));
  if (extras.length) lines.push(`<table>${extras.join('')}</table>`);
  lines.push(mediaHtml(item, input.blobs, display, view.findings.flatMap((finding) => finding.spans)));
  return lines.join('\n');
}

function lookupsHtml(history: ReportItemHistory | undefined, zone: IndonesianTimeZone): string {
  const episodes = [...(history?.pastEpisodes ?? []), ...(history?.episode ? [history.episode] : [])];
  const lookups: ReportLookup[] = episodes.flatMap((episode) => episode.lookups ?? []);
  if (!history) return '<p>Riwayat pemeriksaan penghapusan tidak tersedia / deletion-check history not available.</p>';
  if (lookups.length === 0) return '<p>Tidak ada pemeriksaan (lookup) tercatat / no lookups recorded.</p>';
  const rows = lookups
    .map((lookup) => `<tr><td>${time(lookup.at, zone)}</td><td>${escapeVisible(lookup.id ?? '')}</td><td>${word(LOOKUP_STATUS_LABELS, lookup.status)}</td><td>${escapeVisible(lookup.reason ?? '')}</td><td>${(lookup.rawBlobs ?? []).map((blob) => hash(blob)).join('<br>')}</td></tr>`)
    .join('');
  return `<table><tr><th>Waktu / time</th><th>Id</th><th>Hasil / result</th><th>Alasan / reason</th><th>Respons mentah (sha256) / raw response</th></tr>${rows}</table>`;
}

/** What a patrol or staff capture proves, next to what an API capture proves. */
export const CUSTODY_NOTE = {
  id: 'Rekaman patroli (peramban) atau halaman yang diimpor petugas membuktikan penguasaan — siapa menyimpan apa, kapan, dengan peramban apa, dan bahwa isinya tidak berubah sejak itu — bukan asal: platform tidak menandatanganinya. Rekaman API membuktikan apa yang dikirim platform.',
  en: 'A patrol (browser) capture or a page imported by staff proves custody — who kept what, when, with which browser, and that it has not changed since — not origin: the platform did not sign it. An API capture proves what the platform served.',
} as const;

function capturesHtml(view: ItemView, input: EvidenceReportInput): string {
  const zone = zoneOf(input);
  if (view.captures.length === 0) return '<p>Tidak ada tangkapan tersedia / no captures available.</p>';
  const rows = view.captures.map((capture) => {
    const record = input.records?.[`capture:${capture.id}`];
    const proof = input.proofs?.find((entry) => entry.captureId === capture.id);
    const proofText = proof ? (proof.ok ? `✔ dalam checkpoint bertanda tangan (ukuran pohon ${proof.treeSize ?? '?'}) / in signed checkpoint` : `✘ ${escapeVisible(proof.message ?? 'bukti gagal / proof failed')}`) : 'tidak diperiksa / not checked';
    return `<tr><td class="hash">${escapeVisible(capture.id)}</td><td>${time(capture.capturedAt, zone)}</td><td>${escapeVisible(`${capture.adapter.id}@${capture.adapter.version}`)} · ${word(CAPTURE_SCOPE_LABELS, capture.scope)} · ${word(ACCOUNT_OBSERVATION_LABELS, capture.accountObservation)}${capture.manual ? ` · manual: ${escapeVisible(capture.manual.importedBy)}` : ''}${capture.patrol ? ` · patroli / patrol: ${escapeVisible(capture.patrol.actor)}, ${escapeVisible(capture.patrol.browser.product)}` : ''}</td><td>${capture.rawBlobs.map((blob) => hash(blob)).join('<br>') || '—'}</td><td>${record ? `seq ${record.seq}<br>${hash(record.recordHash)}` : '—'}</td><td>${proofText}</td></tr>`;
  });
  const custodyOnly = view.captures.some((capture) => capture.patrol !== undefined || capture.manual !== undefined);
  return `<table><tr><th>Capture</th><th>Waktu tangkap / captured at</th><th>Sumber / source</th><th>Respons mentah (sha256) / raw bodies</th><th>Rekaman / record</th><th>Bukti Merkle / Merkle proof</th></tr>${rows.join('')}</table>${custodyOnly ? `<p class="custody">${escapeHtml(CUSTODY_NOTE.id)} <span class="en">/ ${escapeHtml(CUSTODY_NOTE.en)}</span></p>` : ''}`;
}

function findingHtml(finding: Finding, input: EvidenceReportInput, display: (text: string) => string): string {
  const zone = zoneOf(input);
  const record = input.records?.[`finding:${finding.id}`];
  const category = FINDING_CATEGORY_LABELS[finding.category];
  const legal = finding.legalBasis
    .map(
      (basis) =>
        `<li>${escapeVisible(basis.instrument)} — ${escapeVisible(basis.article)}${basis.quote ? `: “${escapeVisible(basis.quote)}”` : ''}${basis.verified ? '' : ` <span class="unverified">(${escapeHtml(LEGAL_BASIS_UNVERIFIED.id)} / ${escapeHtml(LEGAL_BASIS_UNVERIFIED.en)})</span>`}</li>`,
    )
    .join('');
  const words = finding.spans
    .map((span) => `<li><mark>${escapeVisible(display(span.text))}</mark> <span class="en">${escapeHtml(span.field)} [${span.start}–${span.end})${span.term ? ` · ${escapeVisible(span.term)}` : ''}${span.predicate ? ` · ${escapeVisible(span.predicate)}` : ''}</span></li>`)
    .join('');
  return `<div class="finding">
<h3>${escapeVisible(finding.title.id)} <span class="en">/ ${escapeVisible(finding.title.en)}</span></h3>
<table>
${row('Id temuan / finding id', `<span class="hash">${escapeVisible(finding.id)}</span>`)}
${row('Aturan / rule', `${escapeVisible(finding.ruleId)} (${escapeVisible(finding.ruleSetId)}@${escapeVisible(finding.ruleSetVersion)})`)}
${row('Kategori / category', bi(category))}
${row('Kelas sanksi yang mungkin / possible sanction classes', finding.sanctions.map((sanction) => bi(SANCTION_LABELS[sanction])).join('; '))}
${row('Tingkat / severity', bi(SEVERITY_LABELS[finding.severity]))}
${row('Tahapan / phase', finding.phase ? bi(PHASE_LABELS[finding.phase]) : 'di luar jadwal tahapan <span class="en">/ outside the schedule</span>')}
${row('Waktu perbuatan / act time', time(finding.actAt, zone))}
${row('Dasar hukum / legal basis', `<ul>${legal}</ul>`)}
${row('Kata yang cocok / matched words', words ? `<ul>${words}</ul>` : '—')}
${row('Rute rujukan / referral routes', escapeHtml(finding.routes.join(', ') || '—'))}
${row('Hash item / item hash', hash(finding.evidence.itemHash))}
${row('Capture', `<span class="hash">${escapeVisible(finding.evidence.captureId)}</span>`)}
${record ? row('Rekaman temuan / finding record', `seq ${record.seq} ${hash(record.recordHash)}`) : ''}
${finding.notes.length ? row('Catatan / notes', finding.notes.map((note) => escapeVisible(display(note))).join('<br>')) : ''}
</table>
</div>`;
}

function deadlinesHtml(deadlines: CaseDeadline[] | undefined): string {
  if (!deadlines || deadlines.length === 0) return '';
  const rows = deadlines
    .map(
      (deadline) =>
        `<tr><td>${bi(deadline.label)}</td><td>${escapeHtml(formatIndonesianDate(deadline.dueDate))} <span class="en">(akhir hari / end of day)</span></td><td>${deadline.overdue ? `<strong>lewat ${deadline.daysOverdue} hari / overdue</strong>` : 'berjalan / running'}</td><td>${escapeHtml(deadline.basis)}${deadline.verified ? '' : ` <span class="unverified">(${escapeHtml(LEGAL_BASIS_UNVERIFIED.id)})</span>`}</td></tr>`,
    )
    .join('');
  return `<h3>Batas waktu / deadlines</h3><table><tr><th>Batas / limit</th><th>Jatuh tempo / due</th><th>Status</th><th>Dasar / basis</th></tr>${rows}</table>`;
}

function caseHtml(value: Case, input: EvidenceReportInput, display: (text: string) => string): string {
  const zone = zoneOf(input);
  const transitions = value.transitions
    .map((transition) => `<tr><td>${time(transition.at, zone)}</td><td>${transition.from ? bi(CASE_STATE_LABELS[transition.from]) : '—'}</td><td>${bi(CASE_STATE_LABELS[transition.to])}</td><td>${escapeVisible(transition.actor)}</td><td>${escapeVisible(display(transition.reason))}</td></tr>`)
    .join('');
  const referral = value.referral;
  const parties = (list: NonNullable<Case['referral']>['recipients']) =>
    list.map((party) => `${escapeVisible(party.title.id)}${party.name ? ` (${escapeVisible(party.name)})` : ''}${party.address ? `, ${escapeVisible(party.address)}` : ''}`).join('<br>');
  return `<table>
${row('Id kasus / case id', `<span class="hash">${escapeVisible(value.id)}</span> (versi / version ${value.version})`)}
${row('Judul / title', escapeVisible(display(value.title)))}
${row('Status', bi(CASE_STATE_LABELS[value.state]))}
${row('Asal / origin', bi(CASE_ORIGIN_LABELS[value.origin]))}
${row('Dibuka / opened', `${time(value.openedAt, zone)} — ${escapeVisible(value.openedBy)}`)}
${value.discoveredAt ? row('Diketahui / discovered', time(value.discoveredAt, zone)) : ''}
${value.decision ? row('Putusan / decision', `${bi(DECISION_OUTCOME_LABELS[value.decision.outcome])}${value.decision.violationType ? ` (${bi(VIOLATION_TYPE_LABELS[value.decision.violationType])})` : ''} — ${time(value.decision.decidedAt, zone)}, ${escapeVisible(value.decision.decidedBy)}`) : ''}
${value.kajianSummary ? row('Ringkasan kajian / study summary', `<div class="post-text">${escapeVisible(display(value.kajianSummary))}</div>`) : ''}
${referral ? row('Rujukan / referral', `${escapeHtml(referral.routeCode)} (${referral.kind === 'rekomendasi' ? 'rekomendasi / recommendation' : 'penerusan / forwarding'}, ${escapeVisible(referral.entryId)}, tabel ${escapeVisible(referral.tableId)}@${escapeVisible(referral.tableVersion)})<br><strong>Kepada / to:</strong><br>${parties(referral.recipients)}${referral.copies.length ? `<br><strong>Tembusan / copies:</strong><br>${parties(referral.copies)}` : ''}${referral.sentAt ? `<br>Dikirim / sent: ${time(referral.sentAt, zone)}${referral.letterNumber ? `, nomor ${escapeVisible(referral.letterNumber)}` : ''}` : ''}`) : ''}
${value.authorityResponses.length ? row('Jawaban instansi / authority responses', value.authorityResponses.map((response) => `${time(response.at, zone)} <strong>${bi(AUTHORITY_OUTCOME_LABELS[response.outcome])}</strong>${response.sanction ? `: ${escapeVisible(display(response.sanction))}` : ''}${response.reference ? ` (${escapeVisible(response.reference)})` : ''}${response.summary ? ` — ${escapeVisible(display(response.summary))}` : ''}`).join('<br>')) : ''}
${value.reminders.length ? row('Pengingat / reminders', value.reminders.map((reminder) => `${time(reminder.at, zone)} ${escapeVisible(reminder.actor)}${reminder.note ? `: ${escapeVisible(display(reminder.note))}` : ''}`).join('<br>')) : ''}
</table>
${deadlinesHtml(input.deadlines)}
<h3>Riwayat status / state history</h3>
<table><tr><th>Waktu / time</th><th>Dari / from</th><th>Ke / to</th><th>Petugas / actor</th><th>Alasan / reason</th></tr>${transitions}</table>
${value.notes.length ? `<h3>Catatan / notes</h3>${value.notes.map((note) => `<p>${time(note.at, zone)} ${escapeVisible(note.actor)}:</p><div class="post-text">${escapeVisible(display(note.text))}</div>`).join('')}` : ''}`;
}

function verificationHtml(input: EvidenceReportInput): string {
  const zone = zoneOf(input);
  const status = input.verification;
  if (!status) return '<div class="notice">Integritas penyimpanan belum diperiksa untuk laporan ini / store integrity was not checked for this report. Jalankan / run <code>sipansos verify</code>.</div>';
  if (status.ok) {
    return `<div class="notice ok"><strong>Penyimpanan bukti utuh / evidence store intact</strong> — diperiksa / checked ${time(status.checkedAt, zone)} (${escapeVisible(status.storeId)}${status.checked ? `: ${status.checked.blobs} blob, ${status.checked.records} rekaman / records, ${status.checked.checkpoints} checkpoint` : ''}).</div>`;
  }
  const problems = status.problems
    .slice(0, 50)
    .map((problem) => `<li>${escapeHtml(problem.type)}${problem.file ? ` ${escapeVisible(problem.file)}` : ''}${problem.seq !== undefined ? ` #${problem.seq}` : ''}: ${escapeVisible(problem.message)}</li>`)
    .join('');
  return `<div class="notice bad"><strong>PERINGATAN: penyimpanan bukti tidak utuh / WARNING: the evidence store failed verification</strong> — ${time(status.checkedAt, zone)}<ul>${problems}</ul></div>`;
}

/**
 * The evidence report of one case as one self-contained HTML document: no external request,
 * a restrictive Content-Security-Policy, every piece of post text escaped and disguising
 * characters made visible; the post as it was (every version, badges, media from blobs),
 * matched words highlighted, rules and legal bases, hashes, capture times, lookups, how long
 * the post was public, and the store's verification status. Indonesian first, English beside.
 */
export function renderEvidenceReport(input: EvidenceReportInput): string {
  const zone = zoneOf(input);
  const display = personalDataFilter(input.includePersonalData ?? false);
  const value = input.case;
  const views = collectItems(input);
  const subject = input.subject;
  const subjectHtml = subject
    ? `<table>
${row('Nama / name', escapeVisible(subject.name))}
${row('Kategori / category', bi(SUBJECT_CATEGORY_LABELS[subject.category]))}
${subject.employeeNumber ? row('NIP/NRP', escapeHtml(input.includePersonalData ? subject.employeeNumber : maskEmployeeNumber(subject.employeeNumber))) : ''}
${subject.agency ? row('Instansi / agency', escapeVisible(subject.agency)) : ''}
${subject.position ? row('Jabatan / position', escapeVisible(subject.position)) : ''}
${subject.region ? row('Wilayah / region', escapeVisible(subject.region)) : ''}
${row('Akun / accounts', subject.accounts.map((account) => `${escapeHtml(platformName(account.platform))}: @${escapeVisible(account.handle)}${account.id ? ` (id ${escapeVisible(account.id)})` : ''}`).join('<br>') || '—')}
</table>`
    : `<p>Subjek / subject: <span class="hash">${escapeVisible(value.subjectId)}</span> (data subjek tidak dilampirkan / subject record not supplied)</p>`;
  const posts = views
    .map((view) => {
      const first = view.versions[0]?.item;
      const author = first?.author;
      const header = `<table>
${row('Platform', escapeHtml(platformName(first?.platform ?? view.key.split(':')[0] ?? '?')))}
${row('Penulis / author', author ? escapeVisible(display([author.handle ? `@${author.handle}` : '', author.name ?? '', author.id ? `(id ${author.id})` : ''].filter(Boolean).join(' '))) : '—')}
${row('Jenis / kind', first ? bi(ITEM_KIND_LABELS[first.kind]) : '—')}
${row('Kunci item / item key', `<span class="hash">${escapeVisible(view.key)}</span>`)}
${row('Waktu unggah / posted at', time(first?.createdAt, zone))}
${row('Lama tayang / how long public', publicDuration(view, zone))}
</table>`;
      const versions = view.versions.map((_, index) => versionHtml(view, index, input, display)).join('\n');
      return `<section class="post">
<div>${statusBadges(view)}</div>
${header}
${versions || '<p>Isi unggahan tidak tertangkap / content not captured.</p>'}
<h4>Pemeriksaan penghapusan / deletion lookups</h4>
${lookupsHtml(view.history, zone)}
<h4>Tangkapan / captures</h4>
${capturesHtml(view, input)}
</section>`;
    })
    .join('\n');
  const findings = input.findings.map((finding) => findingHtml(finding, input, display)).join('\n');
  const body = `<header>
<h1>Laporan Bukti Kasus ${escapeVisible(value.id)} <span class="en">/ Case evidence report</span></h1>
<p>${escapeVisible(input.office.name)} — dibuat / generated ${time(input.generatedAt, zone)} oleh / by ${escapeVisible(input.generatedBy)}</p>
</header>
<div class="notice"><strong>${escapeHtml(FINDINGS_ARE_FLAGS.id)}</strong><br><span class="en">${escapeHtml(FINDINGS_ARE_FLAGS.en)}</span></div>
<div class="notice">${
    input.includePersonalData
      ? '<strong>Memuat data pribadi tanpa samaran</strong> (NIP/NRP, NIK, telepon, surel) — tangani sesuai ketentuan pelindungan data pribadi. <span class="en">/ Contains unmasked personal data.</span>'
      : 'Data pribadi (NIP/NRP, NIK, telepon, surel) disamarkan. <span class="en">/ Personal data (employee numbers, NIK, phone numbers, e-mail) is masked.</span>'
  }</div>
${verificationHtml(input)}
<h2>Subjek <span class="en">/ Subject</span></h2>
${subjectHtml}
<h2>Kasus <span class="en">/ Case</span></h2>
${caseHtml(value, input, display)}
<h2>Unggahan sebagaimana tertangkap <span class="en">/ The posts as captured</span></h2>
${posts || '<p>Tidak ada unggahan / no posts.</p>'}
<h2>Temuan <span class="en">/ Findings</span> (${input.findings.length})</h2>
${findings || '<p>Tidak ada temuan otomatis / no automated findings.</p>'}
<footer>
<p>Dokumen ini mandiri: tidak memuat sumber luar, tautan tidak aktif, dan tidak ada skrip. Periksa keaslian bukti dengan bundel verifikasi (<code>sipansos bundle</code>, <code>sipansos verify-bundle</code>).</p>
<p class="en">This document is self-contained: it loads nothing external, links are inert, and it runs no script. Check the evidence with the verification bundle.</p>
</footer>`;
  return htmlDocument({ title: `Laporan bukti kasus ${value.id} / Case evidence report`, style: REPORT_STYLE, body });
}
