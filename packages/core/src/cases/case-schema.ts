import { z } from 'zod';
import { InstantSchema } from '../capture/item-schema.js';
import { RouteCodeSchema } from '../findings/finding-schema.js';

/**
 * Case states, after Bawaslu's handling procedure (`shared/domain/procedure.md` §9.3):
 * temuan → kajian awal → registrasi (or tidak diregistrasi) → klarifikasi → kajian → decision
 * (pelanggaran / bukan pelanggaran) → rekomendasi/penerusan → tindak lanjut → selesai.
 */
export const CASE_STATES = [
  'temuan',
  'kajian_awal',
  'tidak_diregistrasi',
  'registrasi',
  'klarifikasi',
  'kajian',
  'bukan_pelanggaran',
  'pelanggaran',
  'rekomendasi',
  'tindak_lanjut',
  'selesai',
] as const;
export const CaseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseStateSchema>;

/** One recorded move of a case. */
export const CaseTransitionSchema = z.object({
  from: CaseStateSchema.nullable(),
  to: CaseStateSchema,
  at: InstantSchema,
  actor: z.string().min(1).max(200),
  reason: z.string().max(10_000),
});
export type CaseTransition = z.infer<typeof CaseTransitionSchema>;

export const CaseNoteSchema = z.object({
  at: InstantSchema,
  actor: z.string().min(1).max(200),
  text: z.string().max(20_000),
});
export type CaseNote = z.infer<typeof CaseNoteSchema>;

/** A matter a person has taken up. Each stored version is a full snapshot. */
export const CaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  title: z.string().min(1).max(500),
  subjectId: z.string(),
  findingIds: z.array(z.string()).default([]),
  /** Staff captures the case rests on (screenshots with no findings). */
  captureIds: z.array(z.string()).default([]),
  state: CaseStateSchema,
  openedAt: InstantSchema,
  openedBy: z.string().min(1).max(200),
  transitions: z.array(CaseTransitionSchema).min(1),
  notes: z.array(CaseNoteSchema).default([]),
  routes: z.array(RouteCodeSchema).default([]),
  /** Version of this snapshot, from 1; each change appends version + 1. */
  version: z.number().int().positive(),
  /** Extensible details owned by the case workflow (decision, referral, authority response). */
  details: z.record(z.string(), z.unknown()).default({}),
});
export type Case = z.infer<typeof CaseSchema>;
