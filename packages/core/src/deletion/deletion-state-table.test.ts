import { describe, expect, it } from 'vitest';
import { DELETION_STATE_TABLE, nextStatus } from './deletion-state-table.js';
import { ITEM_OBSERVATIONS, ITEM_STATUSES } from './item-status.js';

const cells = ITEM_STATUSES.flatMap((status) => ITEM_OBSERVATIONS.map((observation) => ({ status, observation, ...nextStatus(status, observation) })));

describe('the deletion state table', () => {
  it('defines a transition for every status and observation', () => {
    for (const status of ITEM_STATUSES) expect(Object.keys(DELETION_STATE_TABLE[status]).sort()).toEqual([...ITEM_OBSERVATIONS].sort());
    expect(cells.every((cell) => (ITEM_STATUSES as readonly string[]).includes(cell.to))).toBe(true);
  });

  it('enters deleted only from a lookup: a trusted gone, or an untrusted gone after corroborating captures', () => {
    const entering = cells.filter((cell) => cell.to === 'deleted' && cell.status !== 'deleted');
    expect([...new Set(entering.map((cell) => cell.observation))].sort()).toEqual(['lookup_gone', 'lookup_gone_corroborated']);
  });

  it('never turns hidden, unknown or failed observations into a deletion', () => {
    const harmless = ['account_hidden', 'account_gone', 'account_visible', 'lookup_hidden', 'lookup_unknown', 'absent_suspect', 'seen'] as const;
    for (const cell of cells.filter((candidate) => (harmless as readonly string[]).includes(candidate.observation))) {
      if (cell.to !== cell.status) expect(['deleted', 'deleted_unverified'], `${cell.status} × ${cell.observation}`).not.toContain(cell.to);
    }
  });

  it('an account deleted as a whole never turns its posts into deletions, even when lookups say gone', () => {
    expect(nextStatus('account_gone', 'lookup_gone').to).toBe('account_gone');
    expect(nextStatus('account_gone', 'lookup_gone_corroborated').to).toBe('account_gone');
  });

  it('an unknown lookup answer changes nothing', () => {
    for (const status of ITEM_STATUSES) expect(nextStatus(status, 'lookup_unknown')).toEqual({ to: status });
  });

  it('seeing an item again always brings it back, announcing reappeared', () => {
    for (const status of ITEM_STATUSES.filter((candidate) => candidate !== 'live')) {
      expect(nextStatus(status, 'seen'), status).toEqual({ to: 'live', change: 'reappeared' });
    }
    expect(nextStatus('live', 'seen')).toEqual({ to: 'live' });
  });

  it("the original's deletion is never the subject's", () => {
    for (const status of ['live', 'missing', 'hidden', 'unknown', 'deleted_unverified'] as const) {
      expect(nextStatus(status, 'lookup_original_gone').to).toBe('original_deleted');
    }
  });

  it('likes and follows are withdrawn, not deleted', () => {
    expect(nextStatus('live', 'act_absent')).toEqual({ to: 'withdrawn', change: 'unliked' });
  });
});
