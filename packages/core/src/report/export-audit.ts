import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../records/audit-entry-schema.js';

/** What kind of document left the store. */
export type ExportAction = 'export.report' | 'export.letter' | 'export.bundle' | 'export.csv' | 'export.jsonl' | 'export.form_a' | 'export.findings' | 'export.wacz';

/** Who exported what, when, and whether personal data was included. */
export interface ExportAuditInput {
  actor: string;
  at: string;
  action: ExportAction;
  /** The case or collection exported. */
  target?: { kind: string; id: string };
  includePersonalData: boolean;
  /** Where it was written (a path as the user gave it). */
  destination?: string;
  /** Counts or filters worth keeping (findings: 12, category: neutrality). */
  details?: Record<string, unknown>;
  /** @default a random UUID */
  id?: string;
}

/** The audit entry that records an export. Append it to the store's `audit` log. */
export function exportAuditEntry(input: ExportAuditInput): AuditEntry {
  return {
    id: input.id ?? `export/${input.at}/${randomUUID()}`,
    at: input.at,
    actor: input.actor,
    action: input.action,
    ...(input.target ? { target: input.target } : {}),
    details: { includePersonalData: input.includePersonalData, ...(input.destination ? { destination: input.destination } : {}), ...input.details },
  };
}
