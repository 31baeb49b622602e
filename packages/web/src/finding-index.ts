import { findingReviewLedger, findingReviewOf, type FindingReview, type FindingReviewLedger } from '@sipansos/core/cases';
import type { Finding } from '@sipansos/core';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';

/** The findings and reviewers' decisions, newest act first, as of the last call. */
export interface FindingSnapshot {
  findings: readonly Finding[];
  ledger: FindingReviewLedger;
}

/** Findings and decisions read incrementally: each call reads only what was appended since. */
export interface FindingIndex {
  current(): Promise<FindingSnapshot>;
}

/**
 * An index over the store's findings and `finding.reviewed` entries. Both logs are append-only, so
 * a request reads only entries after the last sequence number seen (`afterSeq`) instead of every
 * finding: the queue stays fast at ten thousand findings, and the monitor's new findings (written
 * by the same process) appear at the next request.
 */
export function createFindingIndex(store: EvidenceStoreV1): FindingIndex {
  const byId = new Map<string, Finding>();
  const reviews: FindingReview[] = [];
  let findingSeq = 0;
  let auditSeq = 0;
  let snapshot: FindingSnapshot = { findings: [], ledger: findingReviewLedger([]) };
  let reading: Promise<FindingSnapshot> | undefined;

  async function refresh(): Promise<FindingSnapshot> {
    const [findings, audit] = await Promise.all([store.query('finding', { afterSeq: findingSeq }), store.query('audit', { category: 'finding', afterSeq: auditSeq })]);
    if (findings.isErr()) throw new Error(findings.error.message);
    if (audit.isErr()) throw new Error(audit.error.message);
    for (const entry of findings.value) {
      byId.set(entry.record.id, entry.record);
      findingSeq = Math.max(findingSeq, entry.seq);
    }
    for (const entry of audit.value) {
      const review = findingReviewOf(entry.record);
      if (review) reviews.push(review);
      auditSeq = Math.max(auditSeq, entry.seq);
    }
    if (findings.value.length > 0 || audit.value.length > 0 || snapshot.findings.length !== byId.size) {
      snapshot = {
        findings: [...byId.values()].sort((a, b) => b.actAt.localeCompare(a.actAt) || a.id.localeCompare(b.id)),
        ledger: audit.value.length > 0 || reviews.length !== snapshot.ledger.history.length ? findingReviewLedger(reviews) : snapshot.ledger,
      };
    }
    return snapshot;
  }

  return {
    current() {
      // Concurrent requests share one read.
      reading ??= refresh().finally(() => {
        reading = undefined;
      });
      return reading;
    },
  };
}
