import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import { DEFAULT_DEADLINE_POLICY, casesNeedingReminder, listOverdueCases, type DeadlinePolicy, type OverdueCase, type ReminderDue } from '../cases/case-deadlines.js';
import type { Case, CaseState } from '../cases/case-schema.js';
import {
  addCaseNote,
  moveCase,
  openCase,
  recordAuthorityResponse,
  recordReminder,
  type AuthorityResponseInput,
  type CaseNoteInput,
  type CaseReminderInput,
  type MoveCaseInput,
  type OpenCaseInput,
} from '../cases/case-workflow.js';
import type { IndonesianTimeZone } from '../election/time-zone.js';
import type { Finding, RouteCode } from '../findings/finding-schema.js';
import { DEFAULT_ROUTING_TABLE } from '../referral/default-routing-table.js';
import { resolveReferral, toCaseReferral } from '../referral/resolve-referral.js';
import type { RoutingTable } from '../referral/routing-table-schema.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { SubjectCategory } from '../subject/subject-schema.js';
import { auditEntriesForCase } from './case-audit.js';
import { caseStoreError, type CaseError } from './case-store-error.js';

/** Settings of {@link createCaseWorkflow}. */
export interface CaseWorkflowSettings {
  store: EvidenceStoreV1;
  /** The clock. @default () => new Date() */
  now?: () => Date;
  /** The routing table (with the office's override applied). @default DEFAULT_ROUTING_TABLE */
  routing?: RoutingTable;
  /** The deadline policy with the office's calendar. @default DEFAULT_DEADLINE_POLICY */
  deadlines?: DeadlinePolicy;
  /** Time zone of the region, for the date of the act. @default the deadline policy's */
  timeZone?: IndonesianTimeZone;
}

type WithOptionalTime<T, K extends string> = Omit<T, K> & { [P in K]?: string };

/** A move, where `at` defaults to now and the referral is resolved when not given. */
export type WorkflowMoveInput = WithOptionalTime<MoveCaseInput, 'at'> & {
  /** Route to use when moving to `rekomendasi` (default: from the decision and the subject's category). */
  routeCode?: RouteCode;
  /** Needed for a case with no findings (staff capture only) when moving to `rekomendasi`. */
  subjectCategory?: SubjectCategory;
  /** Needed for a case with no findings when moving to `rekomendasi`: when the act happened. */
  actAt?: string;
};

/** Cases kept in an evidence store; every change is a new snapshot plus audit entries. */
export interface CaseWorkflow {
  open(input: WithOptionalTime<OpenCaseInput, 'at'>): ResultAsync<Case, CaseError>;
  move(caseId: string, input: WorkflowMoveInput): ResultAsync<Case, CaseError>;
  note(caseId: string, input: WithOptionalTime<CaseNoteInput, 'at'>): ResultAsync<Case, CaseError>;
  recordResponse(caseId: string, input: WithOptionalTime<AuthorityResponseInput, 'recordedAt'>): ResultAsync<Case, CaseError>;
  recordReminder(caseId: string, input: WithOptionalTime<CaseReminderInput, 'at'>): ResultAsync<Case, CaseError>;
  get(caseId: string): ResultAsync<Case, CaseError>;
  list(query?: { state?: CaseState; subjectId?: string }): ResultAsync<Case[], CaseError>;
  /** Every version of a case, oldest first. */
  history(caseId: string): ResultAsync<Case[], CaseError>;
  overdue(): ResultAsync<OverdueCase[], CaseError>;
  remindersDue(): ResultAsync<ReminderDue[], CaseError>;
}

/**
 * The case workflow over an evidence store. Changes to one workflow instance are applied one at
 * a time, so two calls never write the same version.
 */
export function createCaseWorkflow(settings: CaseWorkflowSettings): CaseWorkflow {
  const { store } = settings;
  const now = settings.now ?? (() => new Date());
  const routing = settings.routing ?? DEFAULT_ROUTING_TABLE;
  const policy = settings.deadlines ?? DEFAULT_DEADLINE_POLICY;
  const timeZone = settings.timeZone ?? policy.timeZone;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(work: () => ResultAsync<T, CaseError>): ResultAsync<T, CaseError> {
    const run = queue.then(() => work());
    queue = run.catch(() => undefined);
    return new ResultAsync(run.then((result) => result));
  }

  function read(caseId: string): ResultAsync<Case, CaseError> {
    return store
      .get('case', caseId)
      .mapErr(caseStoreError)
      .andThen((stored) => (stored ? okAsync(stored.record) : errAsync<Case, CaseError>({ type: 'not_found', caseId, message: `kasus ${caseId} tidak ditemukan / case ${caseId} not found` })));
  }

  function write(value: Case): ResultAsync<Case, CaseError> {
    return store
      .append('case', [value])
      .andThen(() => store.append('audit', auditEntriesForCase(value)))
      .mapErr(caseStoreError)
      .map(() => value);
  }

  function change(caseId: string, apply: (current: Case) => ResultAsync<Case, CaseError>): ResultAsync<Case, CaseError> {
    return serial(() => read(caseId).andThen(apply).andThen(write));
  }

  function referralFor(current: Case, input: WorkflowMoveInput, at: string): ResultAsync<WorkflowMoveInput, CaseError> {
    if (input.to !== 'rekomendasi' || input.referral) return okAsync(input);
    const findings = ResultAsync.combine(current.findingIds.map((id) => store.get('finding', id).mapErr(caseStoreError)));
    return findings.andThen((stored) => {
      const records = stored.flatMap((entry) => (entry ? [entry.record as Finding] : []));
      const subjectCategory = input.subjectCategory ?? records[0]?.subjectCategory;
      const actAt = input.actAt ?? records.map((finding) => finding.actAt).sort()[0];
      if (!subjectCategory || !actAt) {
        return errAsync<WorkflowMoveInput, CaseError>({
          type: 'missing_field',
          caseId: current.id,
          field: subjectCategory ? 'actAt' : 'subjectCategory',
          message: 'kasus tanpa temuan otomatis: sebutkan kategori subjek dan waktu perbuatan / a case without findings needs subjectCategory and actAt to resolve the referral',
        });
      }
      const resolved = resolveReferral({
        table: routing,
        subjectCategory,
        actAt,
        timeZone,
        ...(input.routeCode ? { routeCode: input.routeCode } : {}),
        ...(current.decision?.violationType ? { violationType: current.decision.violationType } : {}),
      });
      if (resolved.isErr()) {
        return errAsync<WorkflowMoveInput, CaseError>({ type: 'missing_field', caseId: current.id, field: 'referral', message: resolved.error.message });
      }
      return okAsync({ ...input, referral: toCaseReferral(resolved.value, { actAt, preparedAt: at }) });
    });
  }

  function stamp(): string {
    return now().toISOString();
  }

  function liftResult(result: ReturnType<typeof moveCase>): ResultAsync<Case, CaseError> {
    return result.isOk() ? okAsync(result.value) : errAsync(result.error);
  }

  function allLatest(query?: { state?: CaseState; subjectId?: string }): ResultAsync<Case[], CaseError> {
    return store
      .query('case', { ...(query?.state ? { state: query.state } : {}), ...(query?.subjectId ? { subjectId: query.subjectId } : {}) })
      .mapErr(caseStoreError)
      .map((entries) => entries.map((entry) => entry.record));
  }

  return {
    open(input) {
      const at = input.at ?? stamp();
      const opened = openCase({ ...input, at });
      if (opened.isErr()) return errAsync(opened.error);
      return serial(() =>
        store
          .get('case', opened.value.id)
          .mapErr(caseStoreError)
          .andThen((existing) =>
            existing
              ? errAsync<Case, CaseError>({ type: 'already_exists', caseId: opened.value.id, message: `kasus ${opened.value.id} sudah ada / case ${opened.value.id} already exists` })
              : write(opened.value),
          ),
      );
    },
    move(caseId, input) {
      const at = input.at ?? stamp();
      return change(caseId, (current) =>
        referralFor(current, input, at).andThen((resolved) => {
          const { routeCode: _route, subjectCategory: _category, actAt: _act, ...move } = resolved;
          return liftResult(moveCase(current, { ...move, at }));
        }),
      );
    },
    note(caseId, input) {
      return change(caseId, (current) => liftResult(addCaseNote(current, { ...input, at: input.at ?? stamp() })));
    },
    recordResponse(caseId, input) {
      return change(caseId, (current) => liftResult(recordAuthorityResponse(current, { ...input, recordedAt: input.recordedAt ?? stamp() })));
    },
    recordReminder(caseId, input) {
      return change(caseId, (current) => liftResult(recordReminder(current, { ...input, at: input.at ?? stamp() })));
    },
    get: read,
    list: allLatest,
    history(caseId) {
      return store
        .query('case', { allVersions: true })
        .mapErr(caseStoreError)
        .map((entries) => entries.filter((entry) => entry.id === caseId).map((entry) => entry.record));
    },
    overdue() {
      return allLatest().map((cases) => listOverdueCases(cases, policy, now()));
    },
    remindersDue() {
      return allLatest().map((cases) => casesNeedingReminder(cases, policy, now()));
    },
  };
}
