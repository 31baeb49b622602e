import { FINDING_CATEGORIES, PHASES, type Finding, type Item } from '@sipansos/core';
import { MIN_DISMISSAL_REASON_CHARS, type FindingReview } from '@sipansos/core/cases';
import { FINDING_CATEGORY_LABELS, PHASE_LABELS, highlightText, maskPersonalData, platformName } from '@sipansos/core/report';
import { html, trusted, type SafeHtml } from '../html-template.js';
import { labelIn } from '../ui-language.js';
import { layout, notice } from './layout.js';
import { csrfField, t, timeText, type PageContext } from './page-context.js';

/** The queue's filters, as read from the query string. */
export interface FindingFilters {
  category?: string;
  subject?: string;
  platform?: string;
  phase?: string;
  rule?: string;
  /** `open` (no decision yet, the default), `accepted`, `dismissed`, `all`. */
  status?: string;
  page: number;
}

/** One page of the queue. */
export interface FindingQueue {
  rows: Array<{ finding: Finding; review?: FindingReview }>;
  total: number;
  pageSize: number;
}

function reviewText(context: PageContext, review: FindingReview | undefined): string {
  if (!review) return t(context, 'Belum ditinjau', 'Not reviewed');
  return review.outcome === 'accepted' ? t(context, 'Diterima', 'Accepted') : t(context, 'Ditolak', 'Dismissed');
}

/** The findings queue with its filters. */
export function findingsPage(context: PageContext, filters: FindingFilters, queue: FindingQueue, rules: readonly string[]): SafeHtml {
  const option = (value: string, label: string, selected: string | undefined) => html`<option value="${value}"${value === selected ? trusted(' selected') : ''}>${label}</option>`;
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ['category', 'subject', 'platform', 'phase', 'rule', 'status'] as const) if (filters[key]) params.set(key, filters[key]);
    params.set('page', String(page));
    return `/findings?${params.toString()}`;
  };
  return layout(
    context,
    t(context, 'Antrean temuan', 'Findings queue'),
    html`<p>${t(context, 'Temuan adalah penanda untuk ditinjau, bukan putusan.', 'Findings are flags for review, not verdicts.')}</p>
<form method="get" action="/findings" class="filters">
<label>${t(context, 'Kategori', 'Category')} <select name="category">${option('', t(context, 'semua', 'all'), filters.category)}${FINDING_CATEGORIES.map((category) => option(category, labelIn(context.language, FINDING_CATEGORY_LABELS[category]), filters.category))}</select></label>
<label>${t(context, 'Subjek (id)', 'Subject (id)')} <input name="subject" value="${filters.subject ?? ''}"></label>
<label>Platform <select name="platform">${option('', t(context, 'semua', 'all'), filters.platform)}${['x', 'facebook', 'instagram'].map((platform) => option(platform, platformName(platform), filters.platform))}</select></label>
<label>${t(context, 'Tahapan', 'Phase')} <select name="phase">${option('', t(context, 'semua', 'all'), filters.phase)}${PHASES.map((phase) => option(phase, labelIn(context.language, PHASE_LABELS[phase]), filters.phase))}</select></label>
<label>${t(context, 'Aturan', 'Rule')} <select name="rule">${option('', t(context, 'semua', 'all'), filters.rule)}${rules.map((rule) => option(rule, rule, filters.rule))}</select></label>
<label>Status <select name="status">${option('open', t(context, 'belum ditinjau', 'not reviewed'), filters.status ?? 'open')}${option('accepted', t(context, 'diterima', 'accepted'), filters.status)}${option('dismissed', t(context, 'ditolak', 'dismissed'), filters.status)}${option('all', t(context, 'semua', 'all'), filters.status)}</select></label>
<button type="submit">${t(context, 'Saring', 'Filter')}</button>
</form>
<p>${t(context, `${queue.total} temuan`, `${queue.total} findings`)}</p>
<table>
<caption class="visually-hidden">${t(context, 'Temuan', 'Findings')}</caption>
<thead><tr><th scope="col">${t(context, 'Waktu perbuatan', 'Time of the act')}</th><th scope="col">${t(context, 'Kategori', 'Category')}</th><th scope="col">${t(context, 'Aturan', 'Rule')}</th><th scope="col">${t(context, 'Subjek', 'Subject')}</th><th scope="col">${t(context, 'Kata yang cocok', 'Matched words')}</th><th scope="col">Status</th></tr></thead>
<tbody>
${queue.rows.map(
  ({ finding, review }) => html`<tr>
<td><a href="/findings/${encodeURIComponent(finding.id)}">${timeText(context, finding.actAt)}</a></td>
<td>${labelIn(context.language, FINDING_CATEGORY_LABELS[finding.category])}</td>
<td>${finding.ruleId}</td>
<td>${finding.subjectId}</td>
<td>${maskPersonalData(finding.spans.map((span) => span.text).join(' · ')).slice(0, 160)}</td>
<td>${reviewText(context, review)}</td>
</tr>`,
)}
</tbody>
</table>
<nav aria-label="${t(context, 'Halaman', 'Pages')}" class="pager">
${filters.page > 1 ? html`<a href="${query(filters.page - 1)}" rel="prev">${t(context, '← Sebelumnya', '← Previous')}</a>` : ''}
<span>${t(context, `Halaman ${filters.page} dari ${pages}`, `Page ${filters.page} of ${pages}`)}</span>
${filters.page < pages ? html`<a href="${query(filters.page + 1)}" rel="next">${t(context, 'Berikutnya →', 'Next →')}</a>` : ''}
</nav>`,
  );
}

/** A field's text from the item a span points into (`text`, `target.text`, `profile.bio`, …). */
function fieldText(item: Item | undefined, field: string): string | undefined {
  if (!item) return undefined;
  let value: unknown = item;
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === 'string' ? value : undefined;
}

/** One finding: the post with its matched words marked, the evidence, the decisions and the forms. */
export function findingPage(
  context: PageContext,
  input: { finding: Finding; item?: Item; history: FindingReview[]; canReview: boolean; problem?: string; done?: string },
): SafeHtml {
  const { finding, item } = input;
  const fields = [...new Set(finding.spans.map((span) => span.field))];
  if (!fields.includes('text')) fields.unshift('text');
  const texts = fields.flatMap((field) => {
    const text = fieldText(item, field);
    if (text === undefined) return [];
    const shown = highlightText(text, finding.spans.filter((span) => span.field === field), maskPersonalData);
    // Scrollable, so it takes keyboard focus (a long post must be readable without a mouse).
    return [html`<section class="post"><h3 id="field-${field}">${field}</h3><div class="post-text" tabindex="0" role="region" aria-labelledby="field-${field}">${trusted(shown.html)}</div></section>`];
  });
  const standing = input.history.at(-1);
  const accepted = standing?.outcome === 'accepted' && standing.caseId;
  return layout(
    context,
    t(context, `Temuan ${finding.id}`, `Finding ${finding.id}`),
    html`${input.problem ? notice('error', input.problem) : ''}${input.done ? notice('ok', input.done) : ''}
<dl class="facts">
<dt>${t(context, 'Aturan', 'Rule')}</dt><dd>${finding.ruleId} — ${labelIn(context.language, finding.title)}</dd>
<dt>${t(context, 'Kategori', 'Category')}</dt><dd>${labelIn(context.language, FINDING_CATEGORY_LABELS[finding.category])}</dd>
<dt>${t(context, 'Subjek', 'Subject')}</dt><dd>${finding.subjectId} (${finding.subjectCategory})</dd>
<dt>${t(context, 'Akun', 'Account')}</dt><dd>${finding.accountKey}</dd>
<dt>${t(context, 'Tahapan', 'Phase')}</dt><dd>${finding.phase ? labelIn(context.language, PHASE_LABELS[finding.phase]) : '—'}</dd>
<dt>${t(context, 'Waktu perbuatan', 'Time of the act')}</dt><dd>${timeText(context, finding.actAt)}</dd>
<dt>${t(context, 'Dasar hukum', 'Legal basis')}</dt><dd>${finding.legalBasis.map((basis) => html`${basis.instrument} ${basis.article}${basis.verified ? '' : t(context, ' (belum terverifikasi)', ' (unverified)')}; `)}</dd>
</dl>
<h2>${t(context, 'Unggahan (kata yang cocok ditandai)', 'The post (matched words marked)')}</h2>
${texts.length > 0 ? texts : html`<p>${t(context, 'Isi unggahan tidak ditemukan di rekaman.', 'The post text was not found in the capture.')}</p>`}
<h2>${t(context, 'Bukti', 'Evidence')}</h2>
<dl class="facts">
<dt>${t(context, 'Rekaman', 'Capture')}</dt><dd><code>${finding.evidence.captureId}</code></dd>
<dt>${t(context, 'Hash butir', 'Item hash')}</dt><dd><code>${finding.evidence.itemHash}</code></dd>
<dt>${t(context, 'Blob mentah', 'Raw blobs')}</dt><dd>${finding.evidence.rawBlobs.map((blob) => html`<code>${blob}</code> `)}</dd>
<dt>URL</dt><dd>${item?.url ? html`<span class="url">${item.url}</span>` : '—'}</dd>
</dl>
<h2>${t(context, 'Keputusan', 'Decisions')}</h2>
${
  input.history.length === 0
    ? html`<p>${t(context, 'Belum ada keputusan.', 'No decision yet.')}</p>`
    : html`<ul>${input.history.map((review) => html`<li>${timeText(context, review.at)} — ${review.actor}: ${reviewText(context, review)}${review.reason ? html` — “${review.reason}”` : ''}${review.caseId ? html` → <a href="/cases/${encodeURIComponent(review.caseId)}">${review.caseId}</a>` : ''}</li>`)}</ul>`
}
${
  input.canReview && !accepted
    ? html`<div class="decide">
<form method="post" action="/findings/${encodeURIComponent(finding.id)}/accept" class="stack">
${csrfField(context)}
<h3>${t(context, 'Terima → buka kasus', 'Accept → open a case')}</h3>
<label for="title">${t(context, 'Judul kasus', 'Case title')}</label>
<input id="title" name="title" required value="${`${labelIn(context.language, FINDING_CATEGORY_LABELS[finding.category])}: ${finding.subjectId}`}">
<label for="accept-reason">${t(context, 'Alasan', 'Reason')}</label>
<textarea id="accept-reason" name="reason" required>${t(context, 'Temuan patroli layak ditindaklanjuti', 'Patrol finding worth pursuing')}</textarea>
<button type="submit">${t(context, 'Terima dan buka kasus', 'Accept and open a case')}</button>
</form>
<form method="post" action="/findings/${encodeURIComponent(finding.id)}/dismiss" class="stack">
${csrfField(context)}
<h3>${t(context, 'Tolak', 'Dismiss')}</h3>
<label for="dismiss-reason">${t(context, `Alasan tertulis (wajib, minimal ${MIN_DISMISSAL_REASON_CHARS} karakter)`, `Written reason (required, at least ${MIN_DISMISSAL_REASON_CHARS} characters)`)}</label>
<textarea id="dismiss-reason" name="reason" required minlength="${MIN_DISMISSAL_REASON_CHARS}"></textarea>
<button type="submit">${t(context, 'Tolak temuan', 'Dismiss the finding')}</button>
</form>
</div>`
    : ''
}`,
  );
}
