import { describe, expect, it } from 'vitest';
import { planScopes, type ScopePlanAccount } from './scope-plan.js';

const NOW = '2024-10-01T12:00:00.000Z';
const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();

function account(index: number, lastSuccessAt: ScopePlanAccount['lastSuccessAt'] = {}): ScopePlanAccount {
  return { key: `x:${index}`, platform: 'x', scopes: ['profile', 'timeline', 'follows'], lastSuccessAt };
}

describe('planScopes', () => {
  it('reads every scope every cycle when no cadence or budget is set', () => {
    const plan = planScopes({ accounts: [account(1, { profile: hoursAgo(0.1) }), account(2)], now: NOW });
    expect([...plan.due.values()]).toEqual([
      ['profile', 'timeline', 'follows'],
      ['profile', 'timeline', 'follows'],
    ]);
    expect(plan.deferred).toEqual([]);
  });

  it('a scope read more recently than its cadence is not due; one never read always is', () => {
    const plan = planScopes({
      accounts: [account(1, { profile: hoursAgo(0.5), follows: hoursAgo(30), timeline: hoursAgo(0.2) }), account(2, { profile: hoursAgo(2), follows: hoursAgo(3) })],
      now: NOW,
      intervalsMs: { profile: 3_600_000, follows: 86_400_000 },
    });
    expect(plan.due.get('x:1')).toEqual(['timeline', 'follows']);
    expect(plan.due.get('x:2')).toEqual(['profile', 'timeline']);
    expect(plan.lines.find((line) => line.scope === 'follows')).toMatchObject({ accounts: 2, notDue: 1, planned: 1, deferred: 0, intervalMs: 86_400_000 });
  });

  it('over a budget, the accounts that waited longest go first and every account gets its turn over successive cycles', () => {
    const last: Record<string, string | undefined> = {};
    const served: string[][] = [];
    for (let cycle = 0; cycle < 4; cycle++) {
      const now = new Date(Date.parse(NOW) + cycle * 900_000).toISOString();
      const accounts = Array.from({ length: 10 }, (_, index) => ({ key: `x:${index}`, platform: 'x', scopes: ['follows'] as const, lastSuccessAt: last[`x:${index}`] ? { follows: last[`x:${index}`]! } : {} }));
      const plan = planScopes({ accounts, now, budgets: { x: { follows: 3 } } });
      const planned = [...plan.due.entries()].filter(([, scopes]) => scopes.length > 0).map(([key]) => key);
      expect(planned).toHaveLength(3);
      expect(plan.deferred).toHaveLength(7);
      expect(plan.lines).toEqual([{ platform: 'x', scope: 'follows', accounts: 10, notDue: 0, planned: 3, deferred: 7, budget: 3 }]);
      for (const key of planned) last[key] = now;
      served.push(planned);
    }
    // Never-read accounts first, then the oldest: after four cycles of three, all ten had a turn.
    expect(new Set(served.flat()).size).toBe(10);
    expect([...served[3]!].sort()).toEqual(['x:0', 'x:1', 'x:9']);
  });

  it('is pure: the same input gives the same plan', () => {
    const input = { accounts: [account(1), account(2, { follows: hoursAgo(1) })], now: NOW, budgets: { x: { follows: 1 } } };
    expect(planScopes(input)).toEqual(planScopes(input));
    expect(planScopes(input).due.get('x:1')).toContain('follows');
  });
});
