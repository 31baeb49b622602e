import { z } from 'zod';
import { InstantSchema } from '../capture/item-schema.js';

/** Who did what to the evidence or a case, and when: exports, imports, transitions. */
export const AuditEntrySchema = z.object({
  id: z.string().min(1).max(200),
  at: InstantSchema,
  actor: z.string().min(1).max(200),
  /** E.g. `case.transition`, `export.report`, `import.capture`, `store.lock_taken_over`. */
  action: z.string().min(1).max(100),
  /** What it concerned: `{ kind: 'case', id: 'K-2024-001' }`. */
  target: z.object({ kind: z.string(), id: z.string() }).optional(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
