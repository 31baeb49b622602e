import { err, ok, type Result } from 'neverthrow';
import type { ReferralParty } from '../cases/case-schema.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { RoutingOverrideSchema, RoutingTableSchema, type RoutingEntryInput, type RoutingOverride, type RoutingTable } from './routing-table-schema.js';

/**
 * Apply an office's override to a routing table: entries with a known id are merged field by
 * field, new ids are added, listed ids removed. The result is validated again (no two rows of a
 * code may cover the same date), and its version names both parts, e.g. `2024.2+lh-3`.
 */
export function mergeRoutingTable(base: RoutingTable, override: RoutingOverride): Result<RoutingTable, InvalidInputError> {
  const parsedOverride = RoutingOverrideSchema.safeParse(override);
  if (!parsedOverride.success) return err(invalidInputFromZod('routing override', parsedOverride.error));
  const { entries: changes, remove } = parsedOverride.data;
  const merged: Array<Record<string, unknown>> = base.entries.filter((entry) => !remove.includes(entry.id)).map((entry) => ({ ...entry }));
  for (const change of changes) {
    const index = merged.findIndex((entry) => entry.id === change.id);
    if (index >= 0) merged[index] = { ...merged[index], ...change };
    else merged.push({ ...change });
  }
  const parsed = RoutingTableSchema.safeParse({
    id: `${base.id}+${parsedOverride.data.id}`,
    version: `${base.version}+${parsedOverride.data.version}`,
    entries: merged,
  });
  if (!parsed.success) return err(invalidInputFromZod(`routing override ${parsedOverride.data.id}`, parsed.error));
  return ok(parsed.data);
}

/** The body that takes over ASN neutrality oversight, and from when. */
export interface AsnSuccessor {
  /** First local date (inclusive) of acts routed to the successor. */
  validFrom: string;
  recipients: ReferralParty[];
  copies?: ReferralParty[];
  basis: string;
  /** @default 'R-ASN.successor' */
  id?: string;
}

/**
 * Close the current open-ended R-ASN row (BKN) the day the successor starts and add the
 * successor's row. Court ruling MK 121/PUU-XXII/2024 ordered an independent body; this is how
 * an office records it without code.
 */
export function withAsnSuccessor(table: RoutingTable, successor: AsnSuccessor): Result<RoutingTable, InvalidInputError> {
  const open = table.entries.find((entry) => entry.code === 'R-ASN' && !entry.validUntil);
  const entry: RoutingEntryInput = {
    id: successor.id ?? 'R-ASN.successor',
    code: 'R-ASN',
    subjectCategories: ['asn', 'pppk'],
    kind: 'rekomendasi',
    validFrom: successor.validFrom,
    recipients: successor.recipients,
    copies: successor.copies ?? open?.copies ?? [],
    basis: successor.basis,
  };
  return mergeRoutingTable(table, {
    id: 'asn-successor',
    version: successor.validFrom,
    entries: [...(open ? [{ id: open.id, validUntil: successor.validFrom }] : []), entry as { id: string }],
  });
}
