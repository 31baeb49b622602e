import type { Case } from '../cases/case-schema.js';
import type { AuditEntry } from '../records/audit-entry-schema.js';

/**
 * The audit entries a case's history implies: one per transition, note, authority response and
 * reminder. Ids and contents derive only from the case snapshot, so appending them again is
 * idempotent: after a crash between writing a case and its audit entry, the next write of the
 * case fills the gap instead of duplicating or losing it.
 */
export function auditEntriesForCase(value: Case): AuditEntry[] {
  const target = { kind: 'case', id: value.id };
  const entries: AuditEntry[] = [];
  value.transitions.forEach((transition, index) => {
    entries.push({
      id: `case/${value.id}/transition/${index}`,
      at: transition.at,
      actor: transition.actor,
      action: transition.from === null ? 'case.open' : 'case.transition',
      target,
      details: { from: transition.from, to: transition.to, reason: transition.reason },
    });
  });
  value.notes.forEach((note, index) => {
    entries.push({ id: `case/${value.id}/note/${index}`, at: note.at, actor: note.actor, action: 'case.note', target, details: { length: note.text.length } });
  });
  value.authorityResponses.forEach((response, index) => {
    entries.push({
      id: `case/${value.id}/response/${index}`,
      at: response.recordedAt,
      actor: response.recordedBy,
      action: 'case.authority_response',
      target,
      details: { outcome: response.outcome, answeredAt: response.at },
    });
  });
  value.reminders.forEach((reminder, index) => {
    entries.push({ id: `case/${value.id}/reminder/${index}`, at: reminder.at, actor: reminder.actor, action: 'case.reminder', target, details: {} });
  });
  return entries;
}
