import { AUTHORITY_OUTCOMES, CASE_STATE_LABELS, CASE_TRANSITIONS, VIOLATION_TYPES, type Case, type CaseDeadline, type CaseReferral, type CaseState } from '@sipansos/core/cases';
import { AUTHORITY_OUTCOME_LABELS, VIOLATION_TYPE_LABELS, labelOf } from '@sipansos/core/report';
import { html, type SafeHtml } from '../html-template.js';
import { labelIn } from '../ui-language.js';
import { layout, notice } from './layout.js';
import { csrfField, t, timeText, type PageContext } from './page-context.js';

/** What the reader may do on a case page (decided by the server from the role). */
export interface CaseAbilities {
  move: boolean;
  approve: boolean;
  note: boolean;
  respond: boolean;
  export: boolean;
}

/** The move that needs a commissioner: the recommendation is approved when the case reaches it. */
export const APPROVAL_STATE: CaseState = 'rekomendasi';

/** The case list: state, subject, next deadline. */
export function casesPage(context: PageContext, rows: Array<{ value: Case; next?: CaseDeadline }>): SafeHtml {
  return layout(
    context,
    t(context, 'Kasus', 'Cases'),
    html`<table><caption class="visually-hidden">${t(context, 'Kasus', 'Cases')}</caption>
<thead><tr><th scope="col">Id</th><th scope="col">${t(context, 'Judul', 'Title')}</th><th scope="col">Status</th><th scope="col">${t(context, 'Subjek', 'Subject')}</th><th scope="col">${t(context, 'Batas waktu berikut', 'Next deadline')}</th></tr></thead>
<tbody>${rows.map(({ value, next }) => html`<tr><td><a href="/cases/${encodeURIComponent(value.id)}">${value.id}</a></td><td>${value.title}</td><td>${labelIn(context.language, CASE_STATE_LABELS[value.state])}</td><td>${value.subjectId}</td><td>${next ? html`${labelIn(context.language, next.label)}: ${timeText(context, next.dueAt)}${next.overdue ? html` <strong class="overdue">${t(context, 'lewat', 'overdue')}</strong>` : ''}` : '—'}</td></tr>`)}</tbody></table>`,
  );
}

function moveForm(context: PageContext, value: Case, to: CaseState): SafeHtml {
  const label = labelIn(context.language, CASE_STATE_LABELS[to]);
  const id = `move-${to}`;
  const approval = to === APPROVAL_STATE;
  return html`<form method="post" action="/cases/${encodeURIComponent(value.id)}/move" class="stack move">
${csrfField(context)}
<input type="hidden" name="to" value="${to}">
<input type="hidden" name="expectedVersion" value="${value.version}">
<h3>${approval ? t(context, `Setujui rekomendasi → ${label}`, `Approve the recommendation → ${label}`) : t(context, `Pindahkan ke: ${label}`, `Move to: ${label}`)}</h3>
${to === 'pelanggaran' ? html`<label for="${id}-type">${t(context, 'Jenis pelanggaran', 'Violation type')}</label><select id="${id}-type" name="violationType" required>${VIOLATION_TYPES.map((type) => html`<option value="${type}">${labelIn(context.language, labelOf(VIOLATION_TYPE_LABELS, type))}</option>`)}</select>` : ''}
${['kajian', 'pelanggaran', 'bukan_pelanggaran'].includes(to) ? html`<label for="${id}-kajian">${t(context, 'Ringkasan kajian', 'Kajian summary')}</label><textarea id="${id}-kajian" name="kajianSummary">${value.kajianSummary ?? ''}</textarea>` : ''}
${to === 'tindak_lanjut' ? html`<label for="${id}-number">${t(context, 'Nomor surat', 'Letter number')}</label><input id="${id}-number" name="letterNumber" required>` : ''}
<label for="${id}-reason">${t(context, 'Alasan', 'Reason')}</label>
<textarea id="${id}-reason" name="reason" required></textarea>
<button type="submit">${approval ? t(context, 'Setujui', 'Approve') : t(context, 'Pindahkan', 'Move')}</button>
</form>`;
}

function referralBlock(context: PageContext, referral: CaseReferral | undefined, prospective: boolean): SafeHtml {
  if (!referral) return html`<p>${t(context, 'Rute rujukan belum dapat ditentukan.', 'The referral route cannot be resolved yet.')}</p>`;
  return html`${prospective ? html`<p class="hint">${t(context, 'Perkiraan dari tabel rute pada tanggal perbuatan; ditetapkan saat rekomendasi disetujui.', 'Estimated from the routing table at the date of the act; fixed when the recommendation is approved.')}</p>` : ''}
<dl class="facts">
<dt>${t(context, 'Rute', 'Route')}</dt><dd>${referral.routeCode} (${referral.kind})</dd>
<dt>${t(context, 'Kepada', 'To')}</dt><dd>${referral.recipients.map((party) => html`${labelIn(context.language, party.title)}${party.name ? ` — ${party.name}` : ''}; `)}</dd>
<dt>${t(context, 'Tembusan', 'Copies')}</dt><dd>${referral.copies.length > 0 ? referral.copies.map((party) => html`${labelIn(context.language, party.title)}; `) : '—'}</dd>
<dt>${t(context, 'Dasar hukum', 'Legal basis')}</dt><dd>${referral.basis ?? '—'}</dd>
${referral.letterNumber ? html`<dt>${t(context, 'Nomor surat', 'Letter number')}</dt><dd>${referral.letterNumber}</dd>` : ''}
</dl>`;
}

/** One case: state, allowed moves, deadlines, referral, letter preview, report, bundle, responses, notes. */
export function casePage(
  context: PageContext,
  input: { value: Case; deadlines: CaseDeadline[]; referral?: CaseReferral; abilities: CaseAbilities; draft: boolean; problem?: string; done?: string },
): SafeHtml {
  const { value, abilities } = input;
  const next = CASE_TRANSITIONS[value.state].filter((to) => (to === APPROVAL_STATE ? abilities.approve : abilities.move));
  const path = `/cases/${encodeURIComponent(value.id)}`;
  return layout(
    context,
    `${t(context, 'Kasus', 'Case')} ${value.id}`,
    html`${input.problem ? notice('error', input.problem) : ''}${input.done ? notice('ok', input.done) : ''}
<p class="state">${t(context, 'Status', 'State')}: <strong>${labelIn(context.language, CASE_STATE_LABELS[value.state])}</strong> · ${t(context, 'versi', 'version')} ${value.version}</p>
<dl class="facts"><dt>${t(context, 'Judul', 'Title')}</dt><dd>${value.title}</dd><dt>${t(context, 'Subjek', 'Subject')}</dt><dd>${value.subjectId}</dd>
<dt>${t(context, 'Temuan', 'Findings')}</dt><dd>${value.findingIds.map((id) => html`<a href="/findings/${encodeURIComponent(id)}">${id}</a> `)}</dd>
${value.decision ? html`<dt>${t(context, 'Putusan', 'Decision')}</dt><dd>${value.decision.outcome}${value.decision.violationType ? ` (${value.decision.violationType})` : ''} — ${value.decision.decidedBy}</dd>` : ''}
${value.kajianSummary ? html`<dt>${t(context, 'Ringkasan kajian', 'Kajian summary')}</dt><dd class="prewrap" tabindex="0">${value.kajianSummary}</dd>` : ''}
</dl>
<h2>${t(context, 'Langkah berikut', 'Next steps')}</h2>
${next.length > 0 ? html`<div class="moves">${next.map((to) => moveForm(context, value, to))}</div>` : html`<p>${t(context, 'Tidak ada langkah yang dapat Anda ambil pada status ini.', 'There is no step you can take in this state.')}</p>`}
<h2>${t(context, 'Batas waktu', 'Deadlines')}</h2>
${input.deadlines.length === 0 ? html`<p>—</p>` : html`<table><thead><tr><th scope="col">${t(context, 'Batas', 'Limit')}</th><th scope="col">${t(context, 'Mulai', 'Started')}</th><th scope="col">${t(context, 'Jatuh tempo', 'Due')}</th><th scope="col">Status</th></tr></thead><tbody>${input.deadlines.map((deadline) => html`<tr><td>${labelIn(context.language, deadline.label)}</td><td>${timeText(context, deadline.startedAt)}</td><td>${timeText(context, deadline.dueAt)}</td><td>${deadline.overdue ? html`<strong class="overdue">${t(context, 'lewat', 'overdue')}</strong>` : t(context, 'berjalan', 'running')}</td></tr>`)}</tbody></table>`}
<h2>${t(context, 'Rujukan', 'Referral')}</h2>
${referralBlock(context, input.referral, !value.referral)}
<h2>${t(context, 'Surat', 'Letter')}</h2>
<p>${input.draft ? html`<strong class="draft-flag">DRAF</strong> ${t(context, '— belum disetujui pimpinan.', '— not yet approved by a commissioner.')}` : t(context, 'Disetujui pimpinan; surat final.', 'Approved by a commissioner; final letter.')}
<a href="${path}/letter">${t(context, 'Buka surat', 'Open the letter')}</a> · <a href="${path}/report">${t(context, 'Laporan bukti', 'Evidence report')}</a></p>
<iframe class="letter" src="${path}/letter" title="${t(context, 'Pratinjau surat', 'Letter preview')}" sandbox></iframe>
${abilities.export ? html`<form method="post" action="${path}/bundle">${csrfField(context)}<button type="submit">${t(context, 'Unduh bundel verifikasi luring (ZIP)', 'Download the offline verification bundle (ZIP)')}</button></form>` : ''}
<h2>${t(context, 'Jawaban instansi', 'Authority responses')}</h2>
${value.authorityResponses.length === 0 ? html`<p>—</p>` : html`<ul>${value.authorityResponses.map((response) => html`<li>${timeText(context, response.at)} — ${labelIn(context.language, labelOf(AUTHORITY_OUTCOME_LABELS, response.outcome))}${response.sanction ? `: ${response.sanction}` : ''} ${response.summary} (${response.recordedBy})</li>`)}</ul>`}
${abilities.respond && (value.state === 'tindak_lanjut' || value.state === 'rekomendasi') ? html`<form method="post" action="${path}/respond" class="stack">${csrfField(context)}
<label for="outcome">${t(context, 'Hasil', 'Outcome')}</label><select id="outcome" name="outcome">${AUTHORITY_OUTCOMES.map((outcome) => html`<option value="${outcome}">${labelIn(context.language, labelOf(AUTHORITY_OUTCOME_LABELS, outcome))}</option>`)}</select>
<label for="summary">${t(context, 'Ringkasan', 'Summary')}</label><textarea id="summary" name="summary"></textarea>
<button type="submit">${t(context, 'Catat jawaban', 'Record the response')}</button></form>` : ''}
<h2>${t(context, 'Riwayat', 'History')}</h2>
<ol>${value.transitions.map((move) => html`<li>${timeText(context, move.at)} — ${move.actor}: ${move.from ? labelIn(context.language, CASE_STATE_LABELS[move.from]) : '∅'} → ${labelIn(context.language, CASE_STATE_LABELS[move.to])} — ${move.reason}</li>`)}</ol>
<h2>${t(context, 'Catatan', 'Notes')}</h2>
<ul>${value.notes.map((note) => html`<li>${timeText(context, note.at)} — ${note.actor}: <span class="prewrap">${note.text}</span></li>`)}</ul>
${abilities.note ? html`<form method="post" action="${path}/note" class="stack">${csrfField(context)}<label for="note">${t(context, 'Catatan baru', 'New note')}</label><textarea id="note" name="text" required></textarea><button type="submit">${t(context, 'Tambah catatan', 'Add the note')}</button></form>` : ''}`,
  );
}
