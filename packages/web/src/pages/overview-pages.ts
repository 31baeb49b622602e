import type { CoverageGap, DeletionVerdict, Subject } from '@sipansos/core';
import { CASE_STATE_LABELS, type Case, type CaseDeadline, type ReviewPrecision } from '@sipansos/core/cases';
import { FINDING_CATEGORY_LABELS, GAP_REASON_LABELS, SUBJECT_CATEGORY_LABELS, labelOf, maskPersonalData } from '@sipansos/core/report';
import { html, type SafeHtml } from '../html-template.js';
import { labelIn } from '../ui-language.js';
import type { SubjectImportPreview } from '../web-office.js';
import { layout, notice } from './layout.js';
import { csrfField, t, timeText, type PageContext } from './page-context.js';

/** What the dashboard shows. */
export interface DashboardData {
  lastCycle?: { id: string; at: string };
  unfinishedCycles: string[];
  gaps: Array<{ accountKey: string; gap: CoverageGap }>;
  overdue: Array<{ value: Case; deadline: CaseDeadline }>;
  dueSoon: Array<{ value: Case; deadline: CaseDeadline }>;
  unreviewedFindings: number;
  openCases: number;
}

function deadlineRows(context: PageContext, rows: DashboardData['overdue']): SafeHtml {
  if (rows.length === 0) return html`<p>—</p>`;
  return html`<ul>${rows.map(({ value, deadline }) => html`<li><a href="/cases/${encodeURIComponent(value.id)}">${value.id}</a> (${labelIn(context.language, CASE_STATE_LABELS[value.state])}) — ${labelIn(context.language, deadline.label)}: ${timeText(context, deadline.dueAt)}</li>`)}</ul>`;
}

/** The dashboard: last cycle, coverage gaps and why, overdue and due-soon deadlines. */
export function dashboardPage(context: PageContext, data: DashboardData): SafeHtml {
  return layout(
    context,
    t(context, 'Dasbor', 'Dashboard'),
    html`<ul class="tiles">
<li><a href="/findings">${t(context, `${data.unreviewedFindings} temuan belum ditinjau`, `${data.unreviewedFindings} findings not reviewed`)}</a></li>
<li><a href="/cases">${t(context, `${data.openCases} kasus terbuka`, `${data.openCases} open cases`)}</a></li>
<li>${t(context, `${data.overdue.length} batas waktu terlewat`, `${data.overdue.length} deadlines overdue`)}</li>
</ul>
<h2>${t(context, 'Siklus terakhir', 'Last cycle')}</h2>
<p>${data.lastCycle ? t(context, `${data.lastCycle.id} selesai ${timeText(context, data.lastCycle.at)}`, `${data.lastCycle.id} finished ${timeText(context, data.lastCycle.at)}`) : t(context, 'Belum ada siklus selesai.', 'No finished cycle yet.')}
${data.unfinishedCycles.length > 0 ? t(context, ` Siklus terhenti: ${data.unfinishedCycles.join(', ')}.`, ` Interrupted cycles: ${data.unfinishedCycles.join(', ')}.`) : ''}</p>
<h2>${t(context, 'Celah cakupan', 'Coverage gaps')}</h2>
${data.gaps.length === 0 ? html`<p>${t(context, 'Tidak ada celah terbuka.', 'No open gap.')}</p>` : html`<ul>${data.gaps.slice(0, 50).map(({ accountKey, gap }) => html`<li>${accountKey} — ${gap.scope}: ${t(context, 'tidak teramati sejak', 'not observed since')} ${timeText(context, gap.from ?? gap.firstFailureAt)} ${t(context, 'karena', 'because')} ${labelIn(context.language, labelOf(GAP_REASON_LABELS, gap.reason))} (${gap.failures}×)</li>`)}</ul>`}
<h2>${t(context, 'Batas waktu terlewat', 'Overdue deadlines')}</h2>
${deadlineRows(context, data.overdue)}
<h2>${t(context, 'Segera jatuh tempo (3 hari)', 'Due soon (3 days)')}</h2>
${deadlineRows(context, data.dueSoon)}`,
  );
}

/** Deleted and edited posts: versions side by side, the proof, how long it was public. */
export function deletionsPage(context: PageContext, verdicts: Array<{ verdict: DeletionVerdict; owner?: string }>): SafeHtml {
  return layout(
    context,
    t(context, 'Unggahan dihapus dan diubah', 'Deleted and edited posts'),
    html`<p>${t(context, `${verdicts.length} unggahan`, `${verdicts.length} posts`)}</p>
${verdicts.slice(0, 500).map(({ verdict, owner }) => {
  const first = verdict.versions[0];
  const last = verdict.versions.at(-1);
  const proof = verdict.proof;
  const createdAt = first?.item.createdAt;
  return html`<article class="deletion">
<h2>${verdict.itemKey} — ${labelIn(context.language, verdict.label)}</h2>
<p>${verdict.accountKey}${owner ? ` (${owner})` : ''}</p>
<dl class="facts">
<dt>${t(context, 'Terlihat publik', 'Public')}</dt><dd>${timeText(context, createdAt ?? proof.firstSeenAt)} → ${timeText(context, proof.lastSeenAt)}</dd>
<dt>${t(context, 'Hilang sejak', 'Missing since')}</dt><dd>${timeText(context, proof.firstMissingAt)}</dd>
<dt>${t(context, 'Dikonfirmasi', 'Confirmed')}</dt><dd>${timeText(context, proof.confirmedAt)} ${proof.confirmedBy ?? ''}</dd>
</dl>
<div class="versions">
<section><h3>${t(context, 'Versi pertama', 'First version')}</h3><p class="post-text" tabindex="0">${first ? maskPersonalData(first.item.text ?? '') : t(context, 'tidak terekam', 'not captured')}</p></section>
${verdict.versions.length > 1 ? html`<section><h3>${t(context, 'Versi terakhir', 'Last version')}</h3><p class="post-text" tabindex="0">${maskPersonalData(last?.item.text ?? '')}</p></section>` : ''}
</div>
</article>`;
})}`,
  );
}

/** Subjects: list and search; for an administrator, the import form and its preview. */
export function subjectsPage(
  context: PageContext,
  input: { subjects: readonly Subject[]; query: string; canImport: boolean; preview?: { token: string; preview: SubjectImportPreview }; problem?: string; done?: string },
): SafeHtml {
  const query = input.query.toLowerCase();
  const shown = input.subjects.filter((subject) => !query || subject.id.toLowerCase().includes(query) || subject.name.toLowerCase().includes(query) || subject.accounts.some((account) => account.handle.toLowerCase().includes(query)));
  const preview = input.preview?.preview;
  return layout(
    context,
    t(context, 'Subjek', 'Subjects'),
    html`${input.problem ? notice('error', input.problem) : ''}${input.done ? notice('ok', input.done) : ''}
<form method="get" action="/subjects" class="filters"><label>${t(context, 'Cari', 'Search')} <input name="q" value="${input.query}"></label><button type="submit">${t(context, 'Cari', 'Search')}</button></form>
${
  preview && input.preview
    ? html`<section class="preview"><h2>${t(context, 'Pratinjau impor', 'Import preview')}</h2><p>${preview.description}</p>
<p>${t(context, `${preview.subjects.length} subjek terbaca, ${preview.issues.length + preview.moreIssues} masalah baris.`, `${preview.subjects.length} subjects read, ${preview.issues.length + preview.moreIssues} row problems.`)}</p>
${preview.issues.length > 0 ? html`<table><caption>${t(context, 'Masalah baris', 'Row problems')}</caption><thead><tr><th scope="col">${t(context, 'Baris', 'Row')}</th><th scope="col">${t(context, 'Kolom', 'Column')}</th><th scope="col">${t(context, 'Masalah', 'Problem')}</th></tr></thead><tbody>${preview.issues.map((issue) => html`<tr><td>${issue.row ?? ''}</td><td>${issue.column ?? ''}</td><td>${labelIn(context.language, issue.message)}</td></tr>`)}</tbody></table>` : ''}
${preview.issues.length + preview.moreIssues === 0 && preview.subjects.length > 0 ? html`<form method="post" action="/subjects/import/confirm">${csrfField(context)}<input type="hidden" name="token" value="${input.preview.token}"><button type="submit">${t(context, `Simpan ${preview.subjects.length} subjek`, `Save ${preview.subjects.length} subjects`)}</button></form>` : html`<p>${t(context, 'Perbaiki berkas lalu unggah lagi; belum ada yang disimpan.', 'Fix the file and upload it again; nothing was saved.')}</p>`}</section>`
    : ''
}
${input.canImport ? html`<form method="post" action="/subjects/import" enctype="multipart/form-data" class="stack">${csrfField(context)}<label for="file">${t(context, 'Impor daftar subjek (CSV atau XLSX)', 'Import a subjects list (CSV or XLSX)')}</label><input id="file" type="file" name="file" accept=".csv,.xlsx,.tsv,.txt" required><button type="submit">${t(context, 'Pratinjau', 'Preview')}</button></form>` : ''}
<p>${t(context, `${shown.length} dari ${input.subjects.length} subjek`, `${shown.length} of ${input.subjects.length} subjects`)}</p>
<table><caption class="visually-hidden">${t(context, 'Subjek', 'Subjects')}</caption><thead><tr><th scope="col">Id</th><th scope="col">${t(context, 'Nama', 'Name')}</th><th scope="col">${t(context, 'Kategori', 'Category')}</th><th scope="col">${t(context, 'Akun', 'Accounts')}</th></tr></thead>
<tbody>${shown.slice(0, 500).map((subject) => html`<tr><td>${subject.id}</td><td>${subject.name}</td><td>${labelIn(context.language, labelOf(SUBJECT_CATEGORY_LABELS, subject.category))}</td><td>${subject.accounts.map((account) => `${account.platform}:@${account.handle}`).join(', ')}</td></tr>`)}</tbody></table>`,
  );
}

/** Precision per rule and per category from reviewers' standing decisions. */
export function rulesPage(context: PageContext, precision: { byRule: ReviewPrecision[]; byCategory: ReviewPrecision[] }): SafeHtml {
  const table = (rows: ReviewPrecision[], caption: string, label: (key: string) => string) =>
    html`<table><caption>${caption}</caption><thead><tr><th scope="col">${t(context, 'Kunci', 'Key')}</th><th scope="col">${t(context, 'Diterima', 'Accepted')}</th><th scope="col">${t(context, 'Ditolak', 'Dismissed')}</th><th scope="col">${t(context, 'Presisi', 'Precision')}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><td>${label(row.key)}</td><td>${row.accepted}</td><td>${row.dismissed}</td><td>${row.precision === null ? '—' : `${(row.precision * 100).toFixed(1)} %`}</td></tr>`)}</tbody></table>`;
  return layout(
    context,
    t(context, 'Presisi aturan', 'Rule precision'),
    html`<p>${t(context, 'Dari keputusan peninjau yang berlaku (diterima / ditolak) atas setiap temuan.', 'From the standing reviewer decision (accepted / dismissed) on each finding.')}</p>
${table(precision.byRule, t(context, 'Per aturan', 'Per rule'), (key) => key)}
${table(precision.byCategory, t(context, 'Per kategori', 'Per category'), (key) => labelIn(context.language, labelOf(FINDING_CATEGORY_LABELS, key), key))}`,
  );
}

/** A page for a refusal or a missing thing. */
export function problemPage(context: PageContext, title: string, text: string): SafeHtml {
  return layout(context, title, notice('error', text));
}
