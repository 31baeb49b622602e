import type { ResultAsync } from 'neverthrow';
import { CYCLE_AUDIT_KIND, coverageOf, deletionVerdicts, type AccountState, type DeletionVerdict, type Finding, type Item } from '@sipansos/core';
import { caseDeadlines, isOpenState, resolveReferral, toCaseReferral, type Case, type CaseReferral } from '@sipansos/core/cases';
import type { FindingIndex } from './finding-index.js';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import type { FindingFilters, FindingQueue } from './pages/findings-page.js';
import type { DashboardData } from './pages/overview-pages.js';
import type { WebOffice } from './web-office.js';

const DAY_MS = 86_400_000;
const PAGE_SIZE = 50;

/** A store read failed: the page says so instead of showing a partial answer. */
export class StoreReadError extends Error {}

async function unwrap<T, E extends { message: string }>(result: ResultAsync<T, E>): Promise<T> {
  const settled = await result;
  if (settled.isOk()) return settled.value;
  throw new StoreReadError(settled.error.message);
}


/** One page of the findings queue under the filters. */
export async function findingQueue(index: FindingIndex, filters: FindingFilters): Promise<{ queue: FindingQueue; rules: string[] }> {
  const { findings, ledger } = await index.current();
  const status = filters.status ?? 'open';
  const matching = findings.filter((finding) => {
    if (filters.category && finding.category !== filters.category) return false;
    if (filters.subject && finding.subjectId !== filters.subject) return false;
    if (filters.platform && !finding.accountKey.startsWith(`${filters.platform}:`)) return false;
    if (filters.phase && finding.phase !== filters.phase) return false;
    if (filters.rule && finding.ruleId !== filters.rule) return false;
    const review = ledger.latest.get(finding.id);
    if (status === 'open') return !review;
    if (status === 'accepted' || status === 'dismissed') return review?.outcome === status;
    return true;
  });
  const start = (filters.page - 1) * PAGE_SIZE;
  const rows = matching.slice(start, start + PAGE_SIZE).map((finding) => {
    const review = ledger.latest.get(finding.id);
    return review ? { finding, review } : { finding };
  });
  const rules = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  return { queue: { rows, total: matching.length, pageSize: PAGE_SIZE }, rules };
}

/** The item a finding is about, from its capture. */
export async function findingItem(store: EvidenceStoreV1, finding: Finding): Promise<Item | undefined> {
  const capture = await unwrap(store.get('capture', finding.evidence.captureId));
  // Items are filed as `platform:id` (core's itemKey).
  return capture?.record.items.find((item) => `${item.platform}:${item.id}` === finding.itemKey);
}

/** The referral a case has, or the one the routing table gives at the date of the act. */
export async function caseReferral(office: WebOffice, value: Case, now: Date): Promise<CaseReferral | undefined> {
  if (value.referral) return value.referral;
  const findings: Finding[] = [];
  for (const id of value.findingIds) {
    const stored = await unwrap(office.store.get('finding', id));
    if (stored) findings.push(stored.record);
  }
  const subject = office.subjects().find((entry) => entry.id === value.subjectId);
  const category = subject?.category ?? findings[0]?.subjectCategory;
  const actAt = findings.map((finding) => finding.actAt).sort()[0];
  if (!category || !actAt) return undefined;
  const route = findings[0]?.routes[0];
  const resolved = resolveReferral({ table: office.routing, subjectCategory: category, actAt, timeZone: office.timeZone, ...(route ? { routeCode: route } : {}), ...(value.decision?.violationType ? { violationType: value.decision.violationType } : {}) });
  return resolved.isOk() ? toCaseReferral(resolved.value, { actAt, preparedAt: now.toISOString() }) : undefined;
}

/** Every case (latest versions). */
export async function allCases(store: EvidenceStoreV1): Promise<Case[]> {
  const entries = await unwrap(store.query('case'));
  return entries.map((entry) => entry.record);
}

/** What the dashboard shows, read from the store. */
export async function dashboardData(office: WebOffice, index: FindingIndex, now: Date): Promise<DashboardData> {
  const { store } = office;
  const [states, cycles, cases, { findings, ledger }] = await Promise.all([unwrap(store.query('account_state')), unwrap(store.query('audit', { category: CYCLE_AUDIT_KIND })), allCases(store), index.current()]);
  const finished = cycles.filter((entry) => entry.record.action === 'monitor.cycle_finished');
  const last = finished.at(-1)?.record;
  const finishedIds = new Set(finished.map((entry) => entry.record.target?.id));
  const unfinishedCycles = cycles.filter((entry) => entry.record.action === 'monitor.cycle_started' && !finishedIds.has(entry.record.target?.id)).flatMap((entry) => (entry.record.target?.id ? [entry.record.target.id] : []));
  const gaps = states.flatMap(({ record }) => {
    const coverage = coverageOf(record as unknown as AccountState);
    return coverage.openGaps.map((gap) => ({ accountKey: coverage.accountKey, gap }));
  });
  const overdue: DashboardData['overdue'] = [];
  const dueSoon: DashboardData['dueSoon'] = [];
  const open = cases.filter((value) => isOpenState(value.state));
  for (const value of open) {
    for (const deadline of caseDeadlines(value, office.deadlines, now)) {
      if (deadline.overdue) overdue.push({ value, deadline });
      else if (Date.parse(deadline.dueAt) - now.getTime() <= 3 * DAY_MS) dueSoon.push({ value, deadline });
    }
  }
  return {
    ...(last ? { lastCycle: { id: last.target?.id ?? '?', at: last.at } } : {}),
    unfinishedCycles,
    gaps,
    overdue,
    dueSoon,
    unreviewedFindings: findings.filter((finding) => !ledger.latest.has(finding.id)).length,
    openCases: open.length,
  };
}

/** Deleted and edited posts of every account, with the subject who owns the account. */
export async function deletionRows(office: WebOffice): Promise<Array<{ verdict: DeletionVerdict; owner?: string }>> {
  const states = await unwrap(office.store.query('account_state'));
  const owners = new Map<string, string>();
  for (const subject of office.subjects()) for (const account of subject.accounts) if (account.id) owners.set(`${account.platform}:${account.id}`, `${subject.id} ${subject.name}`);
  return states.flatMap(({ record }) => {
    const state = record as unknown as AccountState;
    const owner = owners.get(state.accountKey);
    return deletionVerdicts(state).map((verdict) => (owner ? { verdict, owner } : { verdict }));
  });
}
