import { z } from 'zod';
import { ReferralPartySchema } from '../cases/case-schema.js';
import { LocalDateSchema } from '../election/time-zone.js';
import { RouteCodeSchema } from '../findings/finding-schema.js';
import { SubjectCategorySchema } from '../subject/subject-schema.js';

/**
 * One row of the routing table (`shared/domain/referral.md` §2) for one period of time. When the
 * law moves a power (KASN → BKN in August 2024), the old row gets a `validUntil` and a new row
 * starts: the date of the act decides which applies, so older cases keep their recipient.
 */
export const RoutingEntrySchema = z
  .object({
    /** Stable id an office override refers to, e.g. `R-ASN.bkn`. */
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'entry id must be 1–64 letters, digits, ".", "_" or "-"' }),
    code: RouteCodeSchema,
    /** Subject categories for which this route is the default referral of a breach of other law. */
    subjectCategories: z.array(SubjectCategorySchema).default([]),
    /** `rekomendasi` (Bawaslu recommends a sanction) or `penerusan` (forwarded to the competent body). */
    kind: z.enum(['rekomendasi', 'penerusan']),
    /** First local date (inclusive) of acts this row covers; open when absent. */
    validFrom: LocalDateSchema.optional(),
    /** First local date (exclusive) no longer covered; open when absent. */
    validUntil: LocalDateSchema.optional(),
    recipients: z.array(ReferralPartySchema).min(1, { message: 'a route needs at least one recipient' }),
    /** Tembusan. */
    copies: z.array(ReferralPartySchema).default([]),
    /** Instrument and article the route rests on. */
    basis: z.string().min(1),
    note: z.object({ id: z.string(), en: z.string() }).optional(),
    /** False where the reference marks the routing practice unverified. */
    verified: z.boolean().default(true),
    /** Days the recipient has to act, where the law sets a limit. */
    responseDueDays: z.number().int().positive().optional(),
  })
  .refine((entry) => !entry.validFrom || !entry.validUntil || entry.validUntil > entry.validFrom, {
    message: 'validUntil must be after validFrom',
    path: ['validUntil'],
  });
export type RoutingEntry = z.infer<typeof RoutingEntrySchema>;
export type RoutingEntryInput = z.input<typeof RoutingEntrySchema>;

/** A versioned routing table. */
export const RoutingTableSchema = z
  .object({
    id: z.string().min(1).max(100),
    version: z.string().min(1).max(50),
    entries: z.array(RoutingEntrySchema).min(1),
  })
  .superRefine((table, context) => {
    const ids = new Set<string>();
    table.entries.forEach((entry, index) => {
      if (ids.has(entry.id)) context.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: `entry id "${entry.id}" is used twice` });
      ids.add(entry.id);
      table.entries.slice(0, index).forEach((other) => {
        if (other.code === entry.code && periodsOverlap(other, entry)) {
          context.addIssue({
            code: 'custom',
            path: ['entries', index, 'validFrom'],
            message: `entries "${other.id}" and "${entry.id}" both route ${entry.code} on some dates; give them non-overlapping validFrom/validUntil`,
          });
        }
      });
    });
  });
export type RoutingTable = z.infer<typeof RoutingTableSchema>;
export type RoutingTableInput = z.input<typeof RoutingTableSchema>;

/** An office's changes to a routing table: entries replaced (by id, field by field), added, or removed. */
export const RoutingOverrideSchema = z.object({
  id: z.string().min(1).max(100),
  version: z.string().min(1).max(50),
  /** Entries to add, or to merge into the entry with the same id (fields given replace the base's). */
  entries: z.array(z.object({ id: z.string().min(1) }).catchall(z.unknown())).default([]),
  /** Entry ids to drop. */
  remove: z.array(z.string().min(1)).default([]),
});
export type RoutingOverride = z.input<typeof RoutingOverrideSchema>;

function periodsOverlap(a: Pick<RoutingEntry, 'validFrom' | 'validUntil'>, b: Pick<RoutingEntry, 'validFrom' | 'validUntil'>): boolean {
  const aStart = a.validFrom ?? '0000-01-01';
  const bStart = b.validFrom ?? '0000-01-01';
  const aEnd = a.validUntil ?? '9999-12-31';
  const bEnd = b.validUntil ?? '9999-12-31';
  return aStart < bEnd && bStart < aEnd;
}
