import { err, ok, type Result } from 'neverthrow';
import type { CaseReferral, ViolationType } from '../cases/case-schema.js';
import { localDateAt, type IndonesianTimeZone } from '../election/time-zone.js';
import type { RouteCode } from '../findings/finding-schema.js';
import type { SubjectCategory } from '../subject/subject-schema.js';
import type { RoutingEntry, RoutingTable } from './routing-table-schema.js';

/** Why no single recipient could be chosen. */
export type ReferralError =
  | { type: 'no_route'; message: string; routeCode?: RouteCode; subjectCategory: SubjectCategory; actDate: string }
  | { type: 'ambiguous_route'; message: string; routeCode: RouteCode; actDate: string; entryIds: string[] };

/** What to resolve: the act, who did it, and (if already known) the route or violation type. */
export interface ResolveReferralInput {
  table: RoutingTable;
  subjectCategory: SubjectCategory;
  /** When the act happened (ISO). Its local date picks the table row. */
  actAt: string;
  /** Time zone of the region (the local date of the act). @default 'WIB' */
  timeZone?: IndonesianTimeZone;
  /** A route already chosen (from the finding or the kajian). */
  routeCode?: RouteCode;
  /** The kajian's decision: election crimes go to Gakkumdu, administrative breaches to the KPU, organiser ethics to DKPP. */
  violationType?: ViolationType;
}

/** The row that applies, and who receives the letter. */
export interface ReferralResolution {
  routeCode: RouteCode;
  entry: RoutingEntry;
  tableId: string;
  tableVersion: string;
  /** Local date of the act that chose the row. */
  actDate: string;
}

/**
 * The route code for a decided case: a crime goes to Gakkumdu, an administrative breach to the
 * KPU, organiser ethics to DKPP; a breach of other law to the subject's authority.
 */
export function routeForDecision(table: RoutingTable, subjectCategory: SubjectCategory, violationType?: ViolationType): RouteCode | undefined {
  if (violationType === 'pidana') return 'R-PIDANA';
  if (violationType === 'administrasi') return 'R-KPU';
  if (violationType === 'kode_etik' && subjectCategory === 'penyelenggara') return 'R-DKPP';
  return table.entries.find((entry) => entry.subjectCategories.includes(subjectCategory))?.code;
}

/** Whether a row covers a local date. */
export function entryCoversDate(entry: Pick<RoutingEntry, 'validFrom' | 'validUntil'>, date: string): boolean {
  return (!entry.validFrom || entry.validFrom <= date) && (!entry.validUntil || date < entry.validUntil);
}

/**
 * Choose the routing row for an act. The date of the act, not today, decides: an ASN post from
 * July 2024 is referred to KASN's successor only if the table says so for July 2024.
 */
export function resolveReferral(input: ResolveReferralInput): Result<ReferralResolution, ReferralError> {
  const actDate = localDateAt(new Date(input.actAt), input.timeZone ?? 'WIB');
  const routeCode = input.routeCode ?? routeForDecision(input.table, input.subjectCategory, input.violationType);
  if (!routeCode) {
    return err({
      type: 'no_route',
      subjectCategory: input.subjectCategory,
      actDate,
      message: `tidak ada jalur rujukan untuk kategori "${input.subjectCategory}"; tentukan kode rute / no referral route for subject category "${input.subjectCategory}"; give a route code`,
    });
  }
  const matches = input.table.entries.filter((entry) => entry.code === routeCode && entryCoversDate(entry, actDate));
  if (matches.length === 0) {
    return err({
      type: 'no_route',
      routeCode,
      subjectCategory: input.subjectCategory,
      actDate,
      message: `tabel rujukan ${input.table.id}@${input.table.version} tidak punya baris ${routeCode} untuk tanggal ${actDate} / routing table has no ${routeCode} row valid on ${actDate}`,
    });
  }
  if (matches.length > 1) {
    return err({
      type: 'ambiguous_route',
      routeCode,
      actDate,
      entryIds: matches.map((entry) => entry.id),
      message: `lebih dari satu baris ${routeCode} berlaku pada ${actDate}: ${matches.map((entry) => entry.id).join(', ')} / more than one ${routeCode} row applies on ${actDate}`,
    });
  }
  const entry = matches[0] as RoutingEntry;
  return ok({ routeCode, entry, tableId: input.table.id, tableVersion: input.table.version, actDate });
}

/** The referral a case records when it moves to `rekomendasi`. */
export function toCaseReferral(resolution: ReferralResolution, options: { actAt: string; preparedAt: string }): CaseReferral {
  const { entry } = resolution;
  return {
    routeCode: resolution.routeCode,
    entryId: entry.id,
    tableId: resolution.tableId,
    tableVersion: resolution.tableVersion,
    kind: entry.kind,
    recipients: entry.recipients,
    copies: entry.copies,
    actAt: options.actAt,
    preparedAt: options.preparedAt,
    basis: entry.basis,
    ...(entry.responseDueDays !== undefined ? { responseDueDays: entry.responseDueDays } : {}),
  };
}
