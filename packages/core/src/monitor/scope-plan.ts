import type { CaptureScope } from '../capture/capture-schema.js';

/** One account as the scope plan sees it. */
export interface ScopePlanAccount {
  /** The account's key (`platform:id`, or `platform:@handle` before it is resolved). */
  key: string;
  platform: string;
  /** Scopes the account could be read in, in order. */
  scopes: readonly CaptureScope[];
  /** When each scope was last captured successfully (from the account state's coverage). */
  lastSuccessAt: Partial<Record<CaptureScope, string>>;
}

/** What planning needs: the accounts, the time, each scope's cadence and each platform's budgets. */
export interface ScopePlanInput {
  accounts: readonly ScopePlanAccount[];
  /** The cycle's start (ISO). */
  now: string;
  /** A scope captured less than this long ago is not due. Absent: due every cycle. */
  intervalsMs?: Partial<Record<CaptureScope, number>>;
  /** At most this many accounts per cycle read a scope on a platform. Absent: no cap. */
  budgets?: Partial<Record<string, Partial<Record<CaptureScope, number>>>>;
}

/** How one scope of one platform was planned. */
export interface ScopePlanLine {
  platform: string;
  scope: CaptureScope;
  /** Accounts that could read it. */
  accounts: number;
  /** Captured recently enough to wait for their cadence. */
  notDue: number;
  /** Due, and planned in this cycle. */
  planned: number;
  /** Due, but over the cycle's budget: first in line next cycle (they waited longest after it). */
  deferred: number;
  budget?: number;
  intervalMs?: number;
}

/** The plan of one cycle: which scopes each account reads, and the summary per scope. */
export interface ScopePlan {
  /** Account key → scopes to read this cycle, in the account's order (empty: nothing due). */
  due: Map<string, CaptureScope[]>;
  lines: ScopePlanLine[];
  /** Account scopes left for a later cycle by a budget (never a failure, never an absence). */
  deferred: Array<{ key: string; platform: string; scope: CaptureScope }>;
}

/**
 * Plan which scopes each account reads this cycle: a scope is due when its cadence has passed
 * since its last successful capture (never captured: due); where a platform's budget for a scope
 * is smaller than the accounts due, those that waited longest go first, so every account gets
 * its turn and none starves. Pure: the same input gives the same plan, so a job queue's workers
 * can call it as the monitor does.
 */
export function planScopes(input: ScopePlanInput): ScopePlan {
  const nowMs = Date.parse(input.now);
  const due = new Map<string, CaptureScope[]>();
  const groups = new Map<string, { platform: string; scope: CaptureScope; accounts: number; notDue: number; candidates: Array<{ key: string; lastMs: number; order: number }> }>();
  input.accounts.forEach((account, order) => {
    due.set(account.key, []);
    for (const scope of account.scopes) {
      const group = groups.get(`${account.platform}\u0000${scope}`) ?? { platform: account.platform, scope, accounts: 0, notDue: 0, candidates: [] };
      groups.set(`${account.platform}\u0000${scope}`, group);
      group.accounts++;
      const last = Date.parse(account.lastSuccessAt[scope] ?? '');
      const interval = input.intervalsMs?.[scope] ?? 0;
      if (Number.isFinite(last) && interval > 0 && nowMs - last < interval) {
        group.notDue++;
        continue;
      }
      group.candidates.push({ key: account.key, lastMs: Number.isFinite(last) ? last : Number.NEGATIVE_INFINITY, order });
    }
  });
  const lines: ScopePlanLine[] = [];
  const deferred: ScopePlan['deferred'] = [];
  for (const group of groups.values()) {
    const budget = input.budgets?.[group.platform]?.[group.scope];
    // Longest wait first (never captured before all), then the subjects' order.
    const ranked = [...group.candidates].sort((a, b) => a.lastMs - b.lastMs || a.order - b.order);
    const planned = budget === undefined ? ranked : ranked.slice(0, Math.max(0, budget));
    const plannedKeys = new Set(planned.map((entry) => entry.key));
    for (const entry of ranked) {
      if (plannedKeys.has(entry.key)) due.get(entry.key)!.push(group.scope);
      else deferred.push({ key: entry.key, platform: group.platform, scope: group.scope });
    }
    const intervalMs = input.intervalsMs?.[group.scope];
    lines.push({
      platform: group.platform,
      scope: group.scope,
      accounts: group.accounts,
      notDue: group.notDue,
      planned: planned.length,
      deferred: ranked.length - planned.length,
      ...(budget !== undefined ? { budget } : {}),
      ...(intervalMs !== undefined ? { intervalMs } : {}),
    });
  }
  // Keep each account's own scope order.
  for (const account of input.accounts) {
    const chosen = new Set(due.get(account.key));
    due.set(account.key, account.scopes.filter((scope) => chosen.has(scope)));
  }
  return { due, lines, deferred };
}
