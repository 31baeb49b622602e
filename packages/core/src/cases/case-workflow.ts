import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { InstantSchema } from '../capture/item-schema.js';
import { RouteCodeSchema } from '../findings/finding-schema.js';
import { invalidInputFromZod } from '../validation/validation-issue.js';
import type { CaseRuleError } from './case-error.js';
import {
  AuthorityResponseSchema,
  CaseReferralSchema,
  CaseSchema,
  CaseStateSchema,
  ViolationTypeSchema,
  type AuthorityResponse,
  type Case,
  type CaseState,
} from './case-schema.js';
import { CASE_STATE_LABELS, CASE_TRANSITIONS, isAllowedTransition } from './case-transitions.js';

/** What opening a case needs. A case rests on findings, staff captures, or both. */
export const OpenCaseInputSchema = z
  .object({
    id: CaseSchema.shape.id,
    title: z.string().trim().min(1, { message: 'title is required' }).max(500),
    subjectId: z.string().min(1, { message: 'subjectId is required' }),
    findingIds: z.array(z.string().min(1)).default([]),
    captureIds: z.array(z.string().min(1)).default([]),
    routes: z.array(RouteCodeSchema).default([]),
    origin: z.enum(['temuan', 'laporan']).default('temuan'),
    discoveredAt: InstantSchema.optional(),
    electionKind: z.enum(['pilkada', 'pemilu']).default('pilkada'),
    actor: z.string().trim().min(1, { message: 'actor is required: who opens the case' }).max(200),
    at: InstantSchema,
    reason: z.string().trim().min(1, { message: 'reason is required: why the case is opened' }).max(10_000),
  })
  .refine((input) => input.findingIds.length + input.captureIds.length > 0, {
    message: 'a case needs at least one finding id or staff capture id',
    path: ['findingIds'],
  });
export type OpenCaseInput = z.input<typeof OpenCaseInputSchema>;

/** Open a case in state `temuan`. Its first transition (null → temuan) records who and why. */
export function openCase(input: OpenCaseInput): Result<Case, CaseRuleError> {
  const parsed = OpenCaseInputSchema.safeParse(input);
  if (!parsed.success) return err(invalidInputFromZod('openCase', parsed.error));
  const value = parsed.data;
  return ok(
    CaseSchema.parse({
      id: value.id,
      title: value.title,
      subjectId: value.subjectId,
      findingIds: [...new Set(value.findingIds)],
      captureIds: [...new Set(value.captureIds)],
      state: 'temuan',
      openedAt: value.at,
      openedBy: value.actor,
      transitions: [{ from: null, to: 'temuan', at: value.at, actor: value.actor, reason: value.reason }],
      routes: [...new Set(value.routes)],
      version: 1,
      origin: value.origin,
      electionKind: value.electionKind,
      ...(value.discoveredAt ? { discoveredAt: value.discoveredAt } : {}),
    }),
  );
}

/** One move of a case, with what the target state needs. */
export const MoveCaseInputSchema = z.object({
  to: CaseStateSchema,
  actor: z.string().trim().min(1, { message: 'actor is required: who moves the case' }).max(200),
  at: InstantSchema,
  reason: z.string().trim().min(1, { message: 'reason is required: why the case moves' }).max(10_000),
  /** Required when moving to `pelanggaran`. */
  violationType: ViolationTypeSchema.optional(),
  /** The kajian summary (quoted in the letter); may be given on any move. */
  kajianSummary: z.string().max(50_000).optional(),
  /** Required when moving to `rekomendasi` (resolve it with `resolveReferral`). */
  referral: CaseReferralSchema.optional(),
  /** When moving to `tindak_lanjut`: the letter's number. */
  letterNumber: z.string().max(200).optional(),
  /** When moving to `tindak_lanjut`: when the letter left (default: `at`). */
  sentAt: InstantSchema.optional(),
  /** Refuse the move unless the case is at this version (optimistic concurrency). */
  expectedVersion: z.number().int().positive().optional(),
});
export type MoveCaseInput = z.input<typeof MoveCaseInputSchema>;

/**
 * Move a case to another state. Refuses, as a typed error, a move the procedure does not allow
 * (`illegal_transition`), a move without what the target state needs (`missing_field`), a time
 * earlier than the last recorded step, and a stale `expectedVersion`.
 */
export function moveCase(current: Case, input: MoveCaseInput): Result<Case, CaseRuleError> {
  const parsed = MoveCaseInputSchema.safeParse(input);
  if (!parsed.success) return err(invalidInputFromZod(`moveCase ${current.id}`, parsed.error));
  const move = parsed.data;
  const base = checkVersionAndTime(current, move.expectedVersion, move.at);
  if (base.isErr()) return err(base.error);
  if (!isAllowedTransition(current.state, move.to)) {
    const allowed = [...CASE_TRANSITIONS[current.state]];
    return err({
      type: 'illegal_transition',
      caseId: current.id,
      from: current.state,
      to: move.to,
      allowed,
      message:
        `kasus ${current.id} tidak dapat berpindah dari "${CASE_STATE_LABELS[current.state].id}" ke "${CASE_STATE_LABELS[move.to].id}"` +
        ` / case ${current.id} cannot move from ${current.state} to ${move.to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : '(none: the case is closed)'}`,
    });
  }
  const next: Case = {
    ...current,
    state: move.to,
    version: current.version + 1,
    transitions: [...current.transitions, { from: current.state, to: move.to, at: move.at, actor: move.actor, reason: move.reason }],
    ...(move.kajianSummary !== undefined ? { kajianSummary: move.kajianSummary } : {}),
  };
  const missing = (field: string, why: string): Result<Case, CaseRuleError> =>
    err({ type: 'missing_field', caseId: current.id, field, message: `${field} wajib diisi / is required: ${why}` });
  switch (move.to) {
    case 'pelanggaran':
      if (!move.violationType) return missing('violationType', 'a violation decision names its type (administrasi, pidana, kode_etik, peraturan_lainnya)');
      next.decision = { outcome: 'pelanggaran', violationType: move.violationType, decidedAt: move.at, decidedBy: move.actor };
      break;
    case 'bukan_pelanggaran':
      next.decision = { outcome: 'bukan_pelanggaran', decidedAt: move.at, decidedBy: move.actor };
      break;
    case 'rekomendasi':
      if (!move.referral) return missing('referral', 'the recipient must be resolved from the routing table before a recommendation is prepared');
      next.referral = move.referral;
      if (!next.routes.includes(move.referral.routeCode)) next.routes = [...next.routes, move.referral.routeCode];
      break;
    case 'tindak_lanjut': {
      if (!current.referral) return missing('referral', 'the case has no referral to send');
      next.referral = { ...current.referral, sentAt: move.sentAt ?? move.at, ...(move.letterNumber ? { letterNumber: move.letterNumber } : {}) };
      break;
    }
    case 'selesai':
      if (current.state === 'tindak_lanjut' && !current.authorityResponses.some((response) => response.outcome !== 'in_process')) {
        return err({
          type: 'precondition_failed',
          caseId: current.id,
          message: `kasus ${current.id} belum mencatat jawaban instansi (sanksi, penolakan, atau tidak ada jawaban) / record the authority's answer (sanction_imposed, refused or no_answer) before closing`,
        });
      }
      break;
    default:
      break;
  }
  return ok(next);
}

/** A note added to a case. */
export const CaseNoteInputSchema = z.object({
  actor: z.string().trim().min(1, { message: 'actor is required' }).max(200),
  at: InstantSchema,
  text: z.string().trim().min(1, { message: 'note text is empty' }).max(20_000),
  expectedVersion: z.number().int().positive().optional(),
});
export type CaseNoteInput = z.input<typeof CaseNoteInputSchema>;

/** Add a note (any state, closed cases included: later facts must still be recordable). */
export function addCaseNote(current: Case, input: CaseNoteInput): Result<Case, CaseRuleError> {
  const parsed = CaseNoteInputSchema.safeParse(input);
  if (!parsed.success) return err(invalidInputFromZod(`note ${current.id}`, parsed.error));
  const base = checkVersionAndTime(current, parsed.data.expectedVersion, parsed.data.at);
  if (base.isErr()) return err(base.error);
  const { actor, at, text } = parsed.data;
  return ok({ ...current, version: current.version + 1, notes: [...current.notes, { actor, at, text }] });
}

/** The authority's answer as recorded by staff. */
export const AuthorityResponseInputSchema = AuthorityResponseSchema.omit({ recordedAt: true, recordedBy: true }).extend({
  actor: z.string().trim().min(1, { message: 'actor is required' }).max(200),
  /** When staff record it. */
  recordedAt: InstantSchema,
  expectedVersion: z.number().int().positive().optional(),
});
export type AuthorityResponseInput = z.input<typeof AuthorityResponseInputSchema>;

/**
 * Record what the authority did: a sanction imposed, a refusal, no answer, or "in process".
 * Only a case that was sent (`tindak_lanjut`) can receive one.
 */
export function recordAuthorityResponse(current: Case, input: AuthorityResponseInput): Result<Case, CaseRuleError> {
  const parsed = AuthorityResponseInputSchema.safeParse(input);
  if (!parsed.success) return err(invalidInputFromZod(`response ${current.id}`, parsed.error));
  const base = checkVersionAndTime(current, parsed.data.expectedVersion, parsed.data.recordedAt);
  if (base.isErr()) return err(base.error);
  if (current.state !== 'tindak_lanjut') {
    return err({
      type: 'precondition_failed',
      caseId: current.id,
      message: `jawaban instansi hanya dicatat pada tahap tindak lanjut (kasus ada di "${current.state}") / an authority response can only be recorded in tindak_lanjut (case is in ${current.state})`,
    });
  }
  const { actor, recordedAt, expectedVersion: _ignored, ...rest } = parsed.data;
  const response: AuthorityResponse = { ...rest, recordedAt, recordedBy: actor };
  return ok({ ...current, version: current.version + 1, authorityResponses: [...current.authorityResponses, response] });
}

/** A reminder sent to a silent authority. */
export const CaseReminderInputSchema = z.object({
  actor: z.string().trim().min(1).max(200),
  at: InstantSchema,
  note: z.string().max(5000).default(''),
  expectedVersion: z.number().int().positive().optional(),
});
export type CaseReminderInput = z.input<typeof CaseReminderInputSchema>;

/** Record that a reminder letter was sent. */
export function recordReminder(current: Case, input: CaseReminderInput): Result<Case, CaseRuleError> {
  const parsed = CaseReminderInputSchema.safeParse(input);
  if (!parsed.success) return err(invalidInputFromZod(`reminder ${current.id}`, parsed.error));
  const base = checkVersionAndTime(current, parsed.data.expectedVersion, parsed.data.at);
  if (base.isErr()) return err(base.error);
  if (current.state !== 'tindak_lanjut') {
    return err({ type: 'precondition_failed', caseId: current.id, message: `pengingat hanya untuk kasus tindak lanjut / reminders are for cases in tindak_lanjut (case is in ${current.state})` });
  }
  const { actor, at, note } = parsed.data;
  return ok({ ...current, version: current.version + 1, reminders: [...current.reminders, { actor, at, note }] });
}

/** When the case last entered `state` (the latest entry), or undefined. */
export function enteredStateAt(value: Case, state: CaseState): string | undefined {
  for (let index = value.transitions.length - 1; index >= 0; index--) {
    const transition = value.transitions[index];
    if (transition?.to === state) return transition.at;
  }
  return undefined;
}

function checkVersionAndTime(current: Case, expectedVersion: number | undefined, at: string): Result<void, CaseRuleError> {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    return err({
      type: 'version_conflict',
      caseId: current.id,
      expected: expectedVersion,
      found: current.version,
      message: `kasus ${current.id} telah diubah (versi ${current.version}, bukan ${expectedVersion}); baca ulang / case ${current.id} changed meanwhile (version ${current.version}, not ${expectedVersion}); read it again`,
    });
  }
  const last = current.transitions.at(-1);
  if (last && Date.parse(at) < Date.parse(last.at)) {
    return err({
      type: 'precondition_failed',
      caseId: current.id,
      message: `waktu ${at} lebih awal dari langkah terakhir (${last.at}) / time ${at} is before the last recorded step (${last.at})`,
    });
  }
  return ok(undefined);
}
