import { CASE_STATE_LABELS, type Case, type CaseDeadline } from '@sipansos/core/cases';
import { terminalText } from '../runtime/terminal-text.js';

/** One line per case for `sipansos cases list`. */
export function caseLine(value: Case, deadlines: readonly CaseDeadline[]): string {
  const overdue = deadlines.filter((deadline) => deadline.overdue);
  const label = CASE_STATE_LABELS[value.state];
  const due = overdue.length
    ? `  LEWAT BATAS / OVERDUE ${overdue.map((deadline) => `${deadline.ruleId} (${deadline.dueDate})`).join(', ')}`
    : deadlines[0]
      ? `  batas / due ${deadlines[0].dueDate}`
      : '';
  return `${terminalText(value.id, 64)}  ${label.id} / ${label.en}  v${value.version}  ${terminalText(value.subjectId, 64)}  ${terminalText(value.title, 60)}${due}\n`;
}

/** The full text of one case for `sipansos cases show`. */
export function caseDetails(value: Case, deadlines: readonly CaseDeadline[]): string {
  const lines: string[] = [];
  const label = CASE_STATE_LABELS[value.state];
  lines.push(`Kasus / case ${terminalText(value.id)} (versi / version ${value.version})`);
  lines.push(`  judul / title: ${terminalText(value.title, 400)}`);
  lines.push(`  status: ${label.id} / ${label.en}`);
  lines.push(`  subjek / subject: ${terminalText(value.subjectId)}   asal / origin: ${value.origin}   jenis pemilihan / election: ${value.electionKind}`);
  lines.push(`  temuan / findings: ${value.findingIds.map((id) => terminalText(id)).join(', ') || '—'}   tangkapan staf / staff captures: ${value.captureIds.map((id) => terminalText(id)).join(', ') || '—'}`);
  if (value.decision) lines.push(`  putusan / decision: ${value.decision.outcome}${value.decision.violationType ? ` (${value.decision.violationType})` : ''} ${value.decision.decidedAt} ${terminalText(value.decision.decidedBy)}`);
  if (value.kajianSummary) lines.push(`  ringkasan kajian / study summary: ${terminalText(value.kajianSummary, 400)}`);
  if (value.referral) {
    const referral = value.referral;
    lines.push(`  rujukan / referral: ${referral.routeCode} ${referral.kind} (${referral.entryId}, ${referral.tableId}@${referral.tableVersion})`);
    for (const party of referral.recipients) lines.push(`    kepada / to: ${terminalText(party.name ?? party.title.id, 200)}`);
    for (const party of referral.copies) lines.push(`    tembusan / copy: ${terminalText(party.name ?? party.title.id, 200)}`);
    if (referral.sentAt) lines.push(`    dikirim / sent: ${referral.sentAt}${referral.letterNumber ? ` nomor ${terminalText(referral.letterNumber)}` : ''}`);
  }
  for (const response of value.authorityResponses) lines.push(`  jawaban / response: ${response.at} ${response.outcome}${response.sanction ? ` — ${terminalText(response.sanction, 200)}` : ''}${response.summary ? ` — ${terminalText(response.summary, 200)}` : ''}`);
  for (const reminder of value.reminders) lines.push(`  pengingat / reminder: ${reminder.at} ${terminalText(reminder.actor)}${reminder.note ? ` — ${terminalText(reminder.note, 200)}` : ''}`);
  if (deadlines.length) {
    lines.push('  batas waktu / deadlines:');
    for (const deadline of deadlines) {
      lines.push(`    ${deadline.overdue ? 'LEWAT / OVERDUE' : 'berjalan / running'}  ${deadline.dueDate}  ${deadline.label.id} / ${deadline.label.en} [${deadline.basis}${deadline.verified ? '' : '; dasar hukum perlu diverifikasi / to be verified'}]`);
    }
  }
  lines.push('  riwayat / history:');
  for (const transition of value.transitions) lines.push(`    ${transition.at}  ${transition.from ?? '—'} → ${transition.to}  ${terminalText(transition.actor)}: ${terminalText(transition.reason, 200)}`);
  for (const note of value.notes) lines.push(`  catatan / note ${note.at} ${terminalText(note.actor)}: ${terminalText(note.text, 400)}`);
  return `${lines.join('\n')}\n`;
}
