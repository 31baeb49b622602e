import { z } from 'zod';
import { LocalDateSchema } from '../election/time-zone.js';
import { RouteCodeSchema } from '../findings/finding-schema.js';
import { CaseStateSchema, ViolationTypeSchema, type Case, type CaseState } from './case-schema.js';
import { enteredStateAt } from './case-workflow.js';
import { DayUnitSchema, daysBetween, dueLocalDate, endOfLocalDate, type DayUnit, type OfficeCalendar } from './working-days.js';

/** One time limit of the procedure, as data an office can override. */
export const DeadlineRuleSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.object({ id: z.string().min(1), en: z.string().min(1) }),
  /** The limit runs while the case is in one of these states. */
  whileIn: z.array(CaseStateSchema).min(1),
  /** The clock starts when the case (last) entered this state, or at `discoveredAt` (falls back to `openedAt`). */
  from: z.union([CaseStateSchema, z.literal('discovered')]),
  amount: z.number().int().nonnegative(),
  unit: DayUnitSchema,
  /** Only for these election kinds. @default both */
  electionKinds: z.array(z.enum(['pilkada', 'pemilu'])).optional(),
  /** Only for cases decided as these violation types. */
  violationTypes: z.array(ViolationTypeSchema).optional(),
  /** Only for cases referred on these routes. */
  routeCodes: z.array(RouteCodeSchema).optional(),
  /** Whose limit it is: Bawaslu's own, or the receiving authority's (a passed one calls for a reminder). */
  party: z.enum(['bawaslu', 'authority']).default('bawaslu'),
  /** Instrument and article. */
  basis: z.string().min(1),
  /** False where the domain reference marks the point unverified. */
  verified: z.boolean().default(true),
});
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/** The deadline policy: rules, when to remind a silent authority, and the office calendar. */
export const DeadlinePolicySchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  rules: z.array(DeadlineRuleSchema),
  /** A case sent to an authority with no final answer this long after the letter (or the last reminder) is flagged. */
  reminderAfter: z.object({ amount: z.number().int().positive(), unit: DayUnitSchema }).default({ amount: 14, unit: 'calendar_days' }),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']).default('WIB'),
  /** Office holidays (libur nasional and cuti bersama), local dates. */
  holidays: z.array(LocalDateSchema).default([]),
  weekendDays: z.array(z.number().int().min(0).max(6)).default([0, 6]),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicySchema>;
export type DeadlinePolicyInput = z.input<typeof DeadlinePolicySchema>;

/**
 * The built-in limits, from `shared/domain/procedure.md` §9. Where the reference marks the point
 * unverified (notably the Pilkada Perbawaslu's internal limits and whether "hari" counts calendar
 * or working days) the rule says `verified: false` and reports show it.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = DeadlinePolicySchema.parse({
  id: 'sipansos-default',
  version: '2024.1',
  rules: [
    {
      id: 'temuan.penetapan.pemilu',
      label: { id: 'Temuan ditetapkan paling lama 7 hari sejak ditemukan', en: 'A finding is set within 7 days of discovery' },
      whileIn: ['temuan'],
      from: 'discovered',
      amount: 7,
      unit: 'calendar_days',
      electionKinds: ['pemilu'],
      basis: 'UU 7/2017 Ps 454; Perbawaslu 7/2022 Ps 8(3)',
    },
    {
      id: 'temuan.penetapan.pilkada',
      label: { id: 'Temuan/laporan paling lama 7 hari sejak diketahui', en: 'A finding or report within 7 days of becoming known' },
      whileIn: ['temuan'],
      from: 'discovered',
      amount: 7,
      unit: 'calendar_days',
      electionKinds: ['pilkada'],
      basis: 'UU 8/2015 Ps 134 (laporan); Perbawaslu 8/2020 jo. 9/2024 (temuan)',
      verified: false,
    },
    {
      id: 'kajian_awal.pemilu',
      label: { id: 'Kajian awal paling lama 2 hari', en: 'Initial study within 2 days' },
      whileIn: ['kajian_awal'],
      from: 'kajian_awal',
      amount: 2,
      unit: 'calendar_days',
      electionKinds: ['pemilu'],
      basis: 'Perbawaslu 7/2022 Ps 15(1)',
    },
    {
      id: 'kajian_awal.pilkada',
      label: { id: 'Kajian awal paling lama 2 hari', en: 'Initial study within 2 days' },
      whileIn: ['kajian_awal'],
      from: 'kajian_awal',
      amount: 2,
      unit: 'calendar_days',
      electionKinds: ['pilkada'],
      basis: 'Perbawaslu 8/2020 jo. 9/2024 (batas waktu internal)',
      verified: false,
    },
    {
      id: 'putusan.pilkada',
      label: { id: 'Tindak lanjut paling lama 3 hari (+2 hari keterangan tambahan) sejak diterima', en: 'Decision within 3 days (+2 for extra information) of receipt' },
      whileIn: ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian'],
      from: 'kajian_awal',
      amount: 5,
      unit: 'calendar_days',
      electionKinds: ['pilkada'],
      basis: 'UU 8/2015 Ps 134 ayat (4)–(6)',
    },
    {
      id: 'putusan.pemilu',
      label: { id: 'Tindak lanjut paling lama 7 hari sejak diterima dan diregistrasi (dapat diperpanjang 14 hari kerja)', en: 'Decision within 7 days of receipt and registration (extendable to 14 working days)' },
      whileIn: ['registrasi', 'klarifikasi', 'kajian'],
      from: 'registrasi',
      amount: 7,
      unit: 'calendar_days',
      electionKinds: ['pemilu'],
      basis: 'UU 7/2017 Ps 454',
    },
    {
      id: 'pidana.penerusan',
      label: { id: 'Tindak pidana diteruskan ke Polri paling lama 1×24 jam', en: 'An election crime is forwarded to the police within 24 hours' },
      whileIn: ['pelanggaran', 'rekomendasi'],
      from: 'pelanggaran',
      amount: 1,
      unit: 'calendar_days',
      violationTypes: ['pidana'],
      basis: 'UU 1/2015 Ps 135(2); UU 7/2017 Ps 476',
    },
    {
      id: 'kpu.tindak_lanjut',
      label: { id: 'KPU memutus rekomendasi paling lama 7 hari', en: 'The KPU decides on a recommendation within 7 days' },
      whileIn: ['tindak_lanjut'],
      from: 'tindak_lanjut',
      amount: 7,
      unit: 'calendar_days',
      routeCodes: ['R-KPU'],
      party: 'authority',
      basis: 'UU 1/2015 Ps 139–141',
    },
  ],
});

/** One limit as it applies to one case now. */
export interface CaseDeadline {
  ruleId: string;
  label: { id: string; en: string };
  party: 'bawaslu' | 'authority';
  /** When the clock started (ISO). */
  startedAt: string;
  /** Last local date of the limit, in the office time zone. */
  dueDate: string;
  /** The first instant after the limit (ISO). */
  dueAt: string;
  amount: number;
  unit: DayUnit;
  overdue: boolean;
  /** Days (in the rule's unit) past the due date; 0 when not overdue. */
  daysOverdue: number;
  basis: string;
  verified: boolean;
}

/** The policy's office calendar. */
export function policyCalendar(policy: DeadlinePolicy): OfficeCalendar {
  return { timeZone: policy.timeZone, holidays: policy.holidays, weekendDays: policy.weekendDays };
}

/** The limits running for a case in its current state, evaluated at `now`. */
export function caseDeadlines(value: Case, policy: DeadlinePolicy, now: Date): CaseDeadline[] {
  const calendar = policyCalendar(policy);
  const out: CaseDeadline[] = [];
  for (const rule of policy.rules) {
    if (!appliesTo(rule, value)) continue;
    const started = rule.from === 'discovered' ? (value.discoveredAt ?? value.openedAt) : enteredStateAt(value, rule.from);
    if (!started) continue;
    const startDate = new Date(started);
    const dueDate = dueLocalDate(startDate, rule.amount, rule.unit, calendar);
    const dueAt = endOfLocalDate(dueDate, calendar.timeZone);
    const overdue = now.getTime() >= dueAt.getTime();
    out.push({
      ruleId: rule.id,
      label: rule.label,
      party: rule.party,
      startedAt: started,
      dueDate,
      dueAt: dueAt.toISOString(),
      amount: rule.amount,
      unit: rule.unit,
      overdue,
      daysOverdue: overdue ? Math.max(1, daysBetween(new Date(dueAt.getTime() - 1), now, rule.unit, calendar)) : 0,
      basis: rule.basis,
      verified: rule.verified,
    });
  }
  return out;
}

function appliesTo(rule: DeadlineRule, value: Case): boolean {
  if (!rule.whileIn.includes(value.state)) return false;
  if (rule.electionKinds && !rule.electionKinds.includes(value.electionKind)) return false;
  if (rule.violationTypes && !(value.decision?.violationType && rule.violationTypes.includes(value.decision.violationType))) return false;
  if (rule.routeCodes) {
    const route = value.referral?.routeCode;
    if (!route || !rule.routeCodes.includes(route)) return false;
  }
  return true;
}

/** A case with at least one passed limit. */
export interface OverdueCase {
  case: Case;
  overdue: CaseDeadline[];
}

/** Cases past a limit at `now`, most overdue first. Closed cases never are. */
export function listOverdueCases(cases: readonly Case[], policy: DeadlinePolicy, now: Date): OverdueCase[] {
  return cases
    .map((value) => ({ case: value, overdue: caseDeadlines(value, policy, now).filter((deadline) => deadline.overdue) }))
    .filter((entry) => entry.overdue.length > 0)
    .sort((a, b) => earliestDue(a.overdue) - earliestDue(b.overdue));
}

function earliestDue(deadlines: CaseDeadline[]): number {
  return Math.min(...deadlines.map((deadline) => Date.parse(deadline.dueAt)));
}

/** A referred case whose authority has not given a final answer in time. */
export interface ReminderDue {
  case: Case;
  /** When the letter was sent. */
  sentAt: string;
  /** The letter or the last reminder, whichever is later: the wait is counted from here. */
  waitingSince: string;
  /** Days waited, in the policy's reminder unit. */
  daysWaiting: number;
  reminderCount: number;
}

const FINAL_OUTCOMES: ReadonlySet<string> = new Set(['sanction_imposed', 'refused']);

/**
 * Cases in `tindak_lanjut` where the authority has neither imposed a sanction nor refused, and
 * the policy's `reminderAfter` has passed since the letter or the last reminder.
 */
export function casesNeedingReminder(cases: readonly Case[], policy: DeadlinePolicy, now: Date): ReminderDue[] {
  const calendar = policyCalendar(policy);
  const out: ReminderDue[] = [];
  for (const value of cases) {
    if (value.state !== 'tindak_lanjut') continue;
    if (value.authorityResponses.some((response) => FINAL_OUTCOMES.has(response.outcome))) continue;
    const sentAt = value.referral?.sentAt ?? enteredStateAt(value, 'tindak_lanjut');
    if (!sentAt) continue;
    const lastReminder = value.reminders.at(-1)?.at;
    const waitingSince = lastReminder && Date.parse(lastReminder) > Date.parse(sentAt) ? lastReminder : sentAt;
    const due = endOfLocalDate(dueLocalDate(new Date(waitingSince), policy.reminderAfter.amount, policy.reminderAfter.unit, calendar), calendar.timeZone);
    if (now.getTime() < due.getTime()) continue;
    out.push({
      case: value,
      sentAt,
      waitingSince,
      daysWaiting: daysBetween(new Date(waitingSince), now, policy.reminderAfter.unit, calendar),
      reminderCount: value.reminders.length,
    });
  }
  return out.sort((a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince));
}

/** States whose limits are listed in the CLI, in procedure order. */
export function statesWithDeadlines(policy: DeadlinePolicy): CaseState[] {
  return [...new Set(policy.rules.flatMap((rule) => rule.whileIn))];
}
