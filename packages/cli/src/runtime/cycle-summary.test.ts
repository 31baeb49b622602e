import type { CycleReport } from '@sipansos/core';
import { describe, expect, it } from 'vitest';
import { formatCycleReport } from './cycle-summary.js';

describe('cycle summary', () => {
  it('names changes and finding categories in words, not codes', () => {
    const report: CycleReport = {
      cycleId: 'cycle-000001',
      resumed: false,
      status: 'complete',
      startedAt: '2024-10-01T00:00:00Z',
      finishedAt: '2024-10-01T00:05:00Z',
      deadlineAt: '2024-10-01T00:10:00Z',
      accounts: { total: 2, captured: 2, failed: 0, deferred: 0, interrupted: 0 },
      captures: { stored: 2, reused: 0, items: 9 },
      failures: [],
      deferred: [],
      skipped: [],
      changes: { added: 3, edited: 1 },
      deletionsConfirmed: [],
      findings: { total: 4, byCategory: { neutrality: 3, off_schedule_campaign: 1 } },
      lookups: { asked: 240, statuses: { live: 230, gone: 10 }, requests: 3, idsPerRequest: 80, calls: [] },
      media: { stored: 0, failed: 0 },
      accountBatches: [],
      plan: { lines: [{ platform: 'x', scope: 'follows', accounts: 300, notDue: 0, planned: 15, deferred: 285, budget: 15 }], deferred: 285, deferredAccounts: [] },
      requests: {},
      requestsTotal: 4,
    };
    const text = formatCycleReport(report);
    expect(text).toContain('perubahan / changes: baru / added 3, disunting / edited 1');
    expect(text).toContain('temuan / findings: 4 (Netralitas 3, Kampanye di luar jadwal 1)');
    expect(text).not.toMatch(/off_schedule_campaign|neutrality/);
    expect(text).toContain('240 id dalam / in 3 permintaan / requests (80 id per permintaan / per request)');
    expect(text).toContain('left for a later cycle (budget): 285 (x follows 285)');
  });
});
