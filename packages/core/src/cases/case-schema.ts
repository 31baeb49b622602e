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
/** One of {@link CASE_STATES}. */
export const CaseStateSchema = z.enum(CASE_STATES, { error: () => `state must be one of: ${CASE_STATES.join(', ')}` });
export type CaseState = z.infer<typeof CaseStateSchema>;

/** Who a case came from: Bawaslu's own supervision (temuan) or a report by the public (laporan). */
export const CaseOriginSchema = z.enum(['temuan', 'laporan']);
export type CaseOrigin = z.infer<typeof CaseOriginSchema>;

/**
 * The kind of violation the kajian decided (procedure §9.3): administrative (→ KPU), election
 * crime (→ Sentra Gakkumdu), organiser ethics (→ DKPP), or a breach of another law (→ the
 * authority for the subject, e.g. BKN for an ASN).
 */
export const VIOLATION_TYPES = ['administrasi', 'pidana', 'kode_etik', 'peraturan_lainnya'] as const;
/** One of {@link VIOLATION_TYPES}. */
export const ViolationTypeSchema = z.enum(VIOLATION_TYPES, { error: () => `violationType must be one of: ${VIOLATION_TYPES.join(', ')}` });
export type ViolationType = z.infer<typeof ViolationTypeSchema>;

/** One recorded move of a case. */
export const CaseTransitionSchema = z.object({
  from: CaseStateSchema.nullable(),
  to: CaseStateSchema,
  at: InstantSchema,
  actor: z.string().min(1).max(200),
  reason: z.string().max(10_000),
});
export type CaseTransition = z.infer<typeof CaseTransitionSchema>;

/** A free-text note on a case: who wrote it and when. */
export const CaseNoteSchema = z.object({
  at: InstantSchema,
  actor: z.string().min(1).max(200),
  text: z.string().max(20_000),
});
export type CaseNote = z.infer<typeof CaseNoteSchema>;

/** The kajian's decision, set on entering `pelanggaran` or `bukan_pelanggaran`. */
export const CaseDecisionSchema = z.object({
  outcome: z.enum(['pelanggaran', 'bukan_pelanggaran']),
  /** Present when `outcome` is `pelanggaran`. */
  violationType: ViolationTypeSchema.optional(),
  decidedAt: InstantSchema,
  decidedBy: z.string().min(1).max(200),
});
export type CaseDecision = z.infer<typeof CaseDecisionSchema>;

/** A recipient of a referral letter, as resolved from the routing table. */
export const ReferralPartySchema = z.object({
  /** Role, e.g. "Kepala Badan Kepegawaian Negara". */
  title: z.object({ id: z.string().min(1), en: z.string().min(1) }),
  /** The office's own wording (name, address), where it configured one. */
  name: z.string().max(500).optional(),
  address: z.string().max(1000).optional(),
});
export type ReferralParty = z.infer<typeof ReferralPartySchema>;

/** Where the case was sent, fixed when the case enters `rekomendasi`. */
export const CaseReferralSchema = z.object({
  routeCode: RouteCodeSchema,
  /** The routing-table entry that applied at the date of the act. */
  entryId: z.string().min(1),
  tableId: z.string().min(1),
  tableVersion: z.string().min(1),
  /** `rekomendasi` (Bawaslu recommends a sanction) or `penerusan` (forwarded to the competent body). */
  kind: z.enum(['rekomendasi', 'penerusan']),
  recipients: z.array(ReferralPartySchema).min(1),
  copies: z.array(ReferralPartySchema).default([]),
  /** The date of the act that chose the entry (ISO). */
  actAt: InstantSchema,
  preparedAt: InstantSchema,
  /** When the letter left the office (set on entering `tindak_lanjut`). */
  sentAt: InstantSchema.optional(),
  letterNumber: z.string().max(200).optional(),
  /** Days the recipient has to act, where the law gives a limit (e.g. KPU: 7). */
  responseDueDays: z.number().int().positive().optional(),
  /** The instrument the route rests on, quoted in the letter. */
  basis: z.string().max(2000).optional(),
});
export type CaseReferral = z.infer<typeof CaseReferralSchema>;

/** What the receiving authority did. */
export const AUTHORITY_OUTCOMES = ['sanction_imposed', 'refused', 'no_answer', 'in_process'] as const;
/** One of {@link AUTHORITY_OUTCOMES}: `sanction_imposed`, `refused`, `no_answer` (silence recorded), `in_process`. */
export const AuthorityOutcomeSchema = z.enum(AUTHORITY_OUTCOMES, { error: () => `outcome must be one of: ${AUTHORITY_OUTCOMES.join(', ')}` });
export type AuthorityOutcome = z.infer<typeof AuthorityOutcomeSchema>;

/** One answer (or recorded silence) of the authority. */
export const AuthorityResponseSchema = z.object({
  outcome: AuthorityOutcomeSchema,
  /** When the authority answered (for `no_answer`: when the silence was recorded). */
  at: InstantSchema,
  recordedAt: InstantSchema,
  recordedBy: z.string().min(1).max(200),
  /** E.g. "hukuman disiplin sedang: penurunan jabatan setingkat lebih rendah". */
  sanction: z.string().max(2000).optional(),
  /** The authority's letter number or reference. */
  reference: z.string().max(500).optional(),
  summary: z.string().max(10_000).default(''),
});
export type AuthorityResponse = z.infer<typeof AuthorityResponseSchema>;

/** A reminder sent to an authority that has not answered. */
export const CaseReminderSchema = z.object({
  at: InstantSchema,
  actor: z.string().min(1).max(200),
  note: z.string().max(5000).default(''),
});
export type CaseReminder = z.infer<typeof CaseReminderSchema>;

/** A matter a person has taken up. Each stored version is a full snapshot. */
export const CaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'case id must be 1–64 letters, digits, ".", "_" or "-"' }),
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
  origin: CaseOriginSchema.default('temuan'),
  /** When the act became known to Bawaslu: the 7-day limit to set a temuan runs from here. */
  discoveredAt: InstantSchema.optional(),
  /** The election kind whose procedure (and deadlines) apply. @default 'pilkada' */
  electionKind: z.enum(['pilkada', 'pemilu']).default('pilkada'),
  /** The kajian's summary, quoted in the letter. */
  kajianSummary: z.string().max(50_000).optional(),
  decision: CaseDecisionSchema.optional(),
  referral: CaseReferralSchema.optional(),
  authorityResponses: z.array(AuthorityResponseSchema).default([]),
  reminders: z.array(CaseReminderSchema).default([]),
});
export type Case = z.infer<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
