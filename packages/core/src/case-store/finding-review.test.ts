import { describe, expect, it } from 'vitest';
import { buildCaseFixture } from '../report/__fixtures__/case-fixture.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import { FindingReviewSchema, findingReviewEntry, findingReviewLedger, readFindingReviews, recordFindingReview, reviewPrecision } from './finding-review.js';

async function setup() {
  const fixture = buildCaseFixture();
  const store = createMemoryStore({ now: () => new Date('2024-10-02T01:00:00Z') });
  (await store.append('capture', fixture.captures))._unsafeUnwrap();
  (await store.append('finding', fixture.findings))._unsafeUnwrap();
  return { store, fixture };
}

describe('finding reviews', () => {
  it('records who decided what, and the latest decision per finding stands', async () => {
    const { store, fixture } = await setup();
    const finding = fixture.findings[0]!;
    (await recordFindingReview(store, finding.id, { outcome: 'dismissed', reason: 'unggahan berita, bukan dukungan', actor: 'kajian-a', at: '2024-10-02T02:00:00Z' }))._unsafeUnwrap();
    (await recordFindingReview(store, finding.id, { outcome: 'accepted', actor: 'kajian-b', at: '2024-10-02T03:00:00Z', caseId: 'K-1' }))._unsafeUnwrap();
    const ledger = (await readFindingReviews(store))._unsafeUnwrap();
    expect(ledger.history.map((review) => [review.outcome, review.actor])).toEqual([
      ['dismissed', 'kajian-a'],
      ['accepted', 'kajian-b'],
    ]);
    expect(ledger.latest.get(finding.id)).toMatchObject({ outcome: 'accepted', ruleId: finding.ruleId, category: finding.category, caseId: 'K-1' });
    const audit = (await store.query('audit', { category: 'finding' }))._unsafeUnwrap();
    expect(audit.map((entry) => entry.record.action)).toEqual(['finding.reviewed', 'finding.reviewed']);
  });

  it('refuses a dismissal without a written reason and a finding the store lacks, and stores nothing', async () => {
    const { store, fixture } = await setup();
    const refused = await recordFindingReview(store, fixture.findings[0]!.id, { outcome: 'dismissed', reason: ' no ', actor: 'staf-a' });
    expect(refused._unsafeUnwrapErr().type).toBe('reason_required');
    const missing = await recordFindingReview(store, 'fnd-404', { outcome: 'accepted', actor: 'staf-a' });
    expect(missing._unsafeUnwrapErr()).toMatchObject({ type: 'finding_not_found', findingId: 'fnd-404' });
    expect((await store.query('audit'))._unsafeUnwrap()).toHaveLength(0);
  });

  it('is idempotent for a retried submission (same finding, time and actor)', async () => {
    const { store, fixture } = await setup();
    const decision = { outcome: 'accepted' as const, actor: 'staf-a', at: '2024-10-02T02:00:00.000Z' };
    (await recordFindingReview(store, fixture.findings[0]!.id, decision))._unsafeUnwrap();
    (await recordFindingReview(store, fixture.findings[0]!.id, decision))._unsafeUnwrap();
    expect((await store.query('audit'))._unsafeUnwrap()).toHaveLength(1);
  });

  it('counts precision per rule and per category from the standing decisions', () => {
    const { findings } = buildCaseFixture();
    const base = findings[0]!;
    const review = (id: string, ruleId: string, outcome: 'accepted' | 'dismissed', at: string) =>
      findingReviewEntry({ ...base, id, ruleId }, { outcome, reason: outcome === 'dismissed' ? 'bukan pelanggaran, hanya berita' : '', actor: 'a', at })._unsafeUnwrap().details;
    const ledger = findingReviewLedger(
      [review('f1', 'r-a', 'accepted', '2024-01-01T00:00:00Z'), review('f2', 'r-a', 'dismissed', '2024-01-01T00:00:00Z'), review('f3', 'r-b', 'dismissed', '2024-01-01T00:00:00Z'), review('f3', 'r-b', 'accepted', '2024-01-02T00:00:00Z'), review('f4', 'r-a', 'accepted', '2024-01-01T00:00:00Z')].map((details) => FindingReviewSchema.parse(details)),
    );
    const { byRule, byCategory } = reviewPrecision(ledger);
    expect(byRule).toEqual([
      { key: 'r-a', accepted: 2, dismissed: 1, precision: 2 / 3 },
      { key: 'r-b', accepted: 1, dismissed: 0, precision: 1 },
    ]);
    expect(byCategory).toEqual([{ key: base.category, accepted: 3, dismissed: 1, precision: 0.75 }]);
  });
});
