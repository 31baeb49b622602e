import { formatLocalTimestamp, type IndonesianTimeZone } from '@sipansos/core';
import { CASE_STATE_LABELS, type Case, type CaseDeadline } from '@sipansos/core/cases';
import {
  AUTHORITY_OUTCOME_LABELS,
  CASE_ORIGIN_LABELS,
  DECISION_OUTCOME_LABELS,
  formatIndonesianDate,
  VIOLATION_TYPE_LABELS,
} from '@sipansos/core/report';
import { terminalText } from '../runtime/terminal-text.js';

/** One line per case for `sipansos cases list`. */
export function caseLine(value: Case, deadlines: readonly CaseDeadline[]): string {
  // Due dates are whole local days in the deadline calendar's zone, written as dates.
  const overdue = deadlines.filter((deadline) => deadline.overdue);
  const label = CASE_STATE_LABELS[value.state];
  const due = overdue.length
    ? `  LEWAT BATAS / OVERDUE ${overdue.map((deadline) => `${deadline.ruleId} (${formatIndonesianDate(deadline.dueDate)})`).join(', ')}`
    : deadlines[0]
      ? `  batas / due ${formatIndonesianDate(deadlines[0].dueDate)}`
      : '';
  return `${terminalText(value.id, 64)}  ${label.id} / ${label.en}  v${value.version}  ${terminalText(value.subjectId, 64)}  ${terminalText(value.title, 60)}${due}\n`;
}

/** The full text of one case for `sipansos cases show`. */
export function caseDetails(value: Case, deadlines: readonly CaseDeadline[], zone: IndonesianTimeZone): string {
  const lines: string[] = [];
  const at = (instant: string) => formatLocalTimestamp(instant, zone);
  const label = CASE_STATE_LABELS[value.state];
  lines.push(`Kasus / case ${terminalText(value.id)} (versi / version ${value.version})`);
  lines.push(`  judul / title: ${terminalText(value.title, 400)}`);
  lines.push(`  status: ${label.id} / ${label.en}`);
  lines.push(`  subjek / subject: ${terminalText(value.subjectId)}   asal / origin: ${CASE_ORIGIN_LABELS[value.origin].id} / ${CASE_ORIGIN_LABELS[value.origin].en}   jenis pemilihan / election: ${value.electionKind === 'pilkada' ? 'Pilkada' : 'Pemilu'}`);
  lines.push(`  temuan / findings: ${value.findingIds.map((id) => terminalText(id)).join(', ') || '—'}   tangkapan staf / staff captures: ${value.captureIds.map((id) => terminalText(id)).join(', ') || '—'}`);
  if (value.decision) {
    const outcome = DECISION_OUTCOME_LABELS[value.decision.outcome];
    const type = value.decision.violationType ? VIOLATION_TYPE_LABELS[value.decision.violationType] : undefined;
    lines.push(`  putusan / decision: ${outcome.id} / ${outcome.en}${type ? ` (${type.id} / ${type.en})` : ''} ${at(value.decision.decidedAt)} ${terminalText(value.decision.decidedBy)}`);
  }
  if (value.kajianSummary) lines.push(`  ringkasan kajian / study summary: ${terminalText(value.kajianSummary, 400)}`);
  if (value.referral) {
    const referral = value.referral;
    lines.push(`  rujukan / referral: ${referral.routeCode} ${referral.kind === 'rekomendasi' ? 'rekomendasi / recommendation' : 'penerusan / forwarding'} (${referral.entryId}, ${referral.tableId}@${referral.tableVersion})`);
    for (const party of referral.recipients) lines.push(`    kepada / to: ${terminalText(party.name ?? party.title.id, 200)}`);
    for (const party of referral.copies) lines.push(`    tembusan / copy: ${terminalText(party.name ?? party.title.id, 200)}`);
    if (referral.sentAt) lines.push(`    dikirim / sent: ${at(referral.sentAt)}${referral.letterNumber ? ` nomor ${terminalText(referral.letterNumber)}` : ''}`);
  }
  for (const response of value.authorityResponses) lines.push(`  jawaban / response: ${at(response.at)} ${AUTHORITY_OUTCOME_LABELS[response.outcome].id} / ${AUTHORITY_OUTCOME_LABELS[response.outcome].en}${response.sanction ? ` — ${terminalText(response.sanction, 200)}` : ''}${response.summary ? ` — ${terminalText(response.summary, 200)}` : ''}`);
  for (const reminder of value.reminders) lines.push(`  pengingat / reminder: ${at(reminder.at)} ${terminalText(reminder.actor)}${reminder.note ? ` — ${terminalText(reminder.note, 200)}` : ''}`);
  if (deadlines.length) {
    lines.push('  batas waktu / deadlines:');
    for (const deadline of deadlines) {
      lines.push(`    ${deadline.overdue ? 'LEWAT / OVERDUE' : 'berjalan / running'}  ${formatIndonesianDate(deadline.dueDate)}  ${deadline.label.id} / ${deadline.label.en} [${deadline.basis}${deadline.verified ? '' : '; dasar hukum perlu diverifikasi / to be verified'}]`);
    }
  }
  lines.push('  riwayat / history:');
  for (const transition of value.transitions) lines.push(`    ${at(transition.at)}  ${transition.from ? CASE_STATE_LABELS[transition.from].id : '—'} → ${CASE_STATE_LABELS[transition.to].id}  ${terminalText(transition.actor)}: ${terminalText(transition.reason, 200)}`);
  for (const note of value.notes) lines.push(`  catatan / note ${at(note.at)} ${terminalText(note.actor)}: ${terminalText(note.text, 400)}`);
  return `${lines.join('\n')}\n`;
}
