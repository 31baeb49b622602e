import { ResultAsync } from 'neverthrow';
import type { Item } from '../capture/item-schema.js';
import { readFindingReviews, type FindingReview, type FindingReviewError } from '../case-store/finding-review.js';
import type { Finding } from '../findings/finding-schema.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';

/** A finding a reviewer decided on, with the item it was raised on (when the store still holds it). */
export interface DecidedFinding {
  /** The standing (latest) decision. */
  review: FindingReview;
  finding?: Finding;
  item?: Item;
  /** Why `finding` or `item` is missing. */
  missing?: string;
}

/**
 * Every finding with a standing decision, its stored record and the item it was raised on (from
 * the capture the finding cites). Read once; `rules stats`, `rules replay` and the decision
 * export all work from this list, so the web app and the CLI read decisions the same way.
 */
export function readDecidedFindings(store: EvidenceStoreV1): ResultAsync<DecidedFinding[], FindingReviewError> {
  const storeError = (cause: StoreErrorV1): FindingReviewError => ({ type: 'store', message: `penyimpanan gagal / store failed: ${cause.message}`, cause });
  return readFindingReviews(store).andThen((ledger) => {
    const reviews = [...ledger.latest.values()];
    return ResultAsync.combine(reviews.map((review) => store.get('finding', review.findingId)))
      .mapErr(storeError)
      .andThen((findings) => {
        const captureIds = [...new Set(findings.flatMap((entry) => (entry ? [entry.record.evidence.captureId] : [])))];
        return ResultAsync.combine(captureIds.map((id) => store.get('capture', id)))
          .mapErr(storeError)
          .map((captures) => {
            const byId = new Map(captures.flatMap((entry) => (entry ? [[entry.id, entry.record] as const] : [])));
            return reviews.map((review, index): DecidedFinding => {
              const finding = findings[index]?.record;
              if (!finding) return { review, missing: 'temuan tidak ada di penyimpanan / finding not in the store' };
              const capture = byId.get(finding.evidence.captureId);
              const item = capture?.items.find((entry) => `${entry.platform}:${entry.id}` === finding.itemKey);
              return item ? { review, finding, item } : { review, finding, missing: `butir ${finding.itemKey} tidak ada di capture ${finding.evidence.captureId} / item not in its capture` };
            });
          });
      });
  });
}
