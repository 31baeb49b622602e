import { z } from 'zod';
import { AccountSchema } from '../account/account-schema.js';
import { IndonesianTimeZoneSchema, LocalDateSchema } from './time-zone.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/** Election phases in order. Rules name the phases they apply in. */
export const PHASES = ['pre_campaign', 'campaign', 'quiet', 'voting', 'counting', 'post'] as const;
export const PhaseSchema = z.enum(PHASES, { error: () => `phase must be one of: ${PHASES.join(', ')}` });
export type Phase = z.infer<typeof PhaseSchema>;

/** One phase of the schedule: local dates, both inclusive, in the context's time zone. */
export const PhaseWindowSchema = z
  .object({
    phase: PhaseSchema,
    /** First day of the phase (local date, inclusive). */
    start: LocalDateSchema,
    /** Last day of the phase (local date, inclusive). */
    end: LocalDateSchema,
  })
  .refine((window) => window.end >= window.start, {
    message: 'end must not be before start (dates are YYYY-MM-DD, both inclusive)',
    path: ['end'],
  });
export type PhaseWindow = z.infer<typeof PhaseWindowSchema>;

const personSchema = z.object({
  name: z.string().trim().min(1, { message: 'name is required' }).max(200),
  /** Nicknames and short forms a post may use ("Pak Arman", "Bang Rina"). */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

/** A candidate pair (pasangan calon) as set by the KPU. */
export const CandidatePairSchema = z.object({
  /** Ballot number (nomor urut). */
  number: z.number().int().min(1).max(99),
  candidate: personSchema,
  runningMate: personSchema.optional(),
  /** The pair's blend name or acronym ("ARMAN-RINA", "AMANAH"). */
  pairName: z.string().trim().min(1).optional(),
  aliases: z.array(z.string().trim().min(1)).default([]),
  slogans: z.array(z.string().trim().min(1)).default([]),
  /** Hashtags without `#`. */
  hashtags: z.array(z.string().trim().min(1).transform((tag) => tag.replace(/^#/, ''))).default([]),
  parties: z.array(z.string().trim().min(1)).default([]),
  /** Official campaign accounts registered with the KPU, per platform. */
  officialAccounts: z.array(AccountSchema).default([]),
  /** Other accounts known to campaign for the pair (team, volunteers), not registered. */
  knownCampaignAccounts: z.array(AccountSchema).default([]),
});
export type CandidatePair = z.infer<typeof CandidatePairSchema>;

/** The election being supervised: who runs, where, and when each phase is. */
export const ElectionContextSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'id must be 1–64 letters, digits, ".", "_" or "-"' }),
    /** E.g. "Pemilihan Bupati dan Wakil Bupati Kabupaten Contoh 2024". */
    name: z.string().trim().min(1),
    kind: z.enum(['pilkada', 'pemilu']).default('pilkada'),
    region: z.string().trim().min(1),
    timeZone: IndonesianTimeZoneSchema,
    candidatePairs: z.array(CandidatePairSchema).min(1, { message: 'list at least one candidate pair' }),
    schedule: z.array(PhaseWindowSchema).min(1, { message: 'list the phases with their dates' }),
    milestones: z.object({
      /** P0: bakal calon registration opens; several ASN rules apply from here. */
      bakalCalonRegistration: LocalDateSchema,
      /** P1: the KPU's penetapan pasangan calon; election-law rules apply from here. */
      penetapanPasanganCalon: LocalDateSchema,
    }),
    /** Official campaign accounts allowed per platform per pair (PKPU 13/2024: 20). */
    officialAccountLimitPerPlatform: z.number().int().positive().default(20),
  })
  .superRefine((context, issues) => {
    const numbers = new Map<number, number>();
    context.candidatePairs.forEach((pair, index) => {
      const first = numbers.get(pair.number);
      if (first !== undefined) {
        issues.addIssue({ code: 'custom', path: ['candidatePairs', index, 'number'], message: `ballot number ${pair.number} is already used by candidatePairs.${first}` });
      } else numbers.set(pair.number, index);
    });
    const sorted = context.schedule.map((window, index) => ({ window, index })).sort((a, b) => compareCodeUnits(a.window.start, b.window.start));
    for (let index = 1; index < sorted.length; index++) {
      const previous = sorted[index - 1]!;
      const current = sorted[index]!;
      if (current.window.start <= previous.window.end) {
        issues.addIssue({ code: 'custom', path: ['schedule', current.index, 'start'], message: `phase ${current.window.phase} starts ${current.window.start}, before ${previous.window.phase} ends (${previous.window.end}); phases must not overlap` });
      }
    }
    const phaseSeen = new Set<string>();
    context.schedule.forEach((window, index) => {
      if (phaseSeen.has(window.phase)) issues.addIssue({ code: 'custom', path: ['schedule', index, 'phase'], message: `phase ${window.phase} is listed twice` });
      phaseSeen.add(window.phase);
    });
    const pre = context.schedule.find((window) => window.phase === 'pre_campaign');
    const { bakalCalonRegistration: p0, penetapanPasanganCalon: p1 } = context.milestones;
    if (p1 < p0) issues.addIssue({ code: 'custom', path: ['milestones', 'penetapanPasanganCalon'], message: 'penetapan pasangan calon (P1) cannot be before bakal calon registration (P0)' });
    if (pre) {
      for (const [key, date] of [['bakalCalonRegistration', p0], ['penetapanPasanganCalon', p1]] as const) {
        if (date < pre.start || date > pre.end) {
          issues.addIssue({ code: 'custom', path: ['milestones', key], message: `${date} lies outside the pre_campaign phase (${pre.start} … ${pre.end}); both milestones fall inside it` });
        }
      }
    }
  });
export type ElectionContext = z.infer<typeof ElectionContextSchema>;
export type ElectionContextInput = z.input<typeof ElectionContextSchema>;
