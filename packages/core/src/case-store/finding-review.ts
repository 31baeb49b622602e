import { err, errAsync, ok, okAsync, type Result, type ResultAsync } from 'neverthrow';
import { z } from 'zod';
import { InstantSchema } from '../capture/item-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { AuditEntry } from '../records/audit-entry-schema.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import { compareCodeUnits } from '../hashing/code-unit-order.js';

/** The audit action a reviewer's decision on a finding is recorded under. */
export const FINDING_REVIEW_ACTION = 'finding.reviewed';

/** What a reviewer decided: the finding is a real act worth a case, or it is not. */
export const FINDING_REVIEW_OUTCOMES = ['accepted', 'dismissed'] as const;
export type FindingReviewOutcome = (typeof FINDING_REVIEW_OUTCOMES)[number];

/** The shortest written reason a dismissal takes (a word or two is not a reason). */
export const MIN_DISMISSAL_REASON_CHARS = 10;

/**
 * One reviewer's decision on one finding. Kept as an audit entry (`finding.reviewed`, target
 * `{ kind: 'finding', id }`) so it is append-only, chained, covered by checkpoints, and names
 * who decided. The rule and category are copied from the finding so precision can be counted
 * from the decisions alone.
 */
export const FindingReviewSchema = z.object({
  findingId: z.string().min(1).max(200),
  outcome: z.enum(FINDING_REVIEW_OUTCOMES),
  /** Required (≥ {@link MIN_DISMISSAL_REASON_CHARS} characters) when dismissed. */
  reason: z.string().max(4000).default(''),
  ruleId: z.string().min(1).max(200),
  ruleSetId: z.string().max(200).optional(),
  category: z.string().min(1).max(100),
  subjectId: z.string().max(200).optional(),
  /** The case an accepted finding opened or joined. */
  caseId: z.string().max(200).optional(),
  actor: z.string().min(1).max(200),
  at: InstantSchema,
});
export type FindingReview = z.infer<typeof FindingReviewSchema>;

/** What a reviewer submits. */
export interface FindingDecision {
  outcome: FindingReviewOutcome;
  reason?: string;
  actor: string;
  /** ISO instant; defaults to now. */
  at?: string;
  caseId?: string;
}

/** Why a decision was refused. */
export type FindingReviewError =
  | { type: 'reason_required'; message: string }
  | { type: 'invalid_review'; message: string }
  | { type: 'finding_not_found'; message: string; findingId: string }
  | { type: 'store'; message: string; cause: StoreErrorV1 };

/**
 * The audit entry recording a decision on a finding. A dismissal without a written reason is
 * refused: the reason is what later readers (and `rules stats`) learn from.
 */
export function findingReviewEntry(finding: Finding, decision: FindingDecision): Result<AuditEntry, FindingReviewError> {
  const reason = (decision.reason ?? '').trim();
  if (decision.outcome === 'dismissed' && reason.length < MIN_DISMISSAL_REASON_CHARS) {
    return err({
      type: 'reason_required',
      message: `menolak temuan perlu alasan tertulis (≥ ${MIN_DISMISSAL_REASON_CHARS} karakter) / dismissing a finding needs a written reason of at least ${MIN_DISMISSAL_REASON_CHARS} characters`,
    });
  }
  const parsed = FindingReviewSchema.safeParse({
    findingId: finding.id,
    outcome: decision.outcome,
    reason,
    ruleId: finding.ruleId,
    ruleSetId: finding.ruleSetId,
    category: finding.category,
    subjectId: finding.subjectId,
    caseId: decision.caseId,
    actor: decision.actor.trim(),
    at: decision.at ?? new Date().toISOString(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({ type: 'invalid_review', message: `keputusan tidak sah / invalid decision: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() });
  }
  const review = parsed.data;
  // Same finding, time and actor → same id, so a retried submission is idempotent.
  const id = `finding-review/${sha256Hex(`${review.findingId}\n${review.at}\n${review.actor}`).slice(0, 40)}`;
  return ok({ id, at: review.at, actor: review.actor, action: FINDING_REVIEW_ACTION, target: { kind: 'finding', id: review.findingId }, details: { ...review } });
}

/** The review an audit entry holds, or `undefined` when it is not a (valid) finding review. */
export function findingReviewOf(entry: AuditEntry): FindingReview | undefined {
  if (entry.action !== FINDING_REVIEW_ACTION) return undefined;
  const parsed = FindingReviewSchema.safeParse(entry.details);
  return parsed.success ? parsed.data : undefined;
}

/** Every decision in time order, and the one that stands (the latest) per finding. */
export interface FindingReviewLedger {
  history: FindingReview[];
  latest: Map<string, FindingReview>;
}

/** Fold reviews (any order) into a ledger; on equal times the later in input order wins. */
export function findingReviewLedger(reviews: Iterable<FindingReview>): FindingReviewLedger {
  const history = [...reviews].map((review, index) => ({ review, index }));
  history.sort((a, b) => Date.parse(a.review.at) - Date.parse(b.review.at) || a.index - b.index);
  const latest = new Map<string, FindingReview>();
  for (const { review } of history) latest.set(review.findingId, review);
  return { history: history.map(({ review }) => review), latest };
}

function reviewStoreError(cause: StoreErrorV1): FindingReviewError {
  return { type: 'store', message: `penyimpanan gagal / store failed: ${cause.message}`, cause };
}

/** Read every finding review the store holds. */
export function readFindingReviews(store: EvidenceStoreV1): ResultAsync<FindingReviewLedger, FindingReviewError> {
  return store
    .query('audit', { category: 'finding' })
    .map((entries) => findingReviewLedger(entries.flatMap((entry) => findingReviewOf(entry.record) ?? [])))
    .mapErr(reviewStoreError);
}

/** Record a decision on a stored finding (refused when the store has no such finding). */
export function recordFindingReview(store: EvidenceStoreV1, findingId: string, decision: FindingDecision): ResultAsync<FindingReview, FindingReviewError> {
  return store
    .get('finding', findingId)
    .mapErr(reviewStoreError)
    .andThen((stored) => {
      if (!stored) return errAsync<AuditEntry, FindingReviewError>({ type: 'finding_not_found', findingId, message: `temuan ${findingId} tidak ada / no finding ${findingId} in the store` });
      const entry = findingReviewEntry(stored.record, decision);
      return entry.isOk() ? okAsync<AuditEntry, FindingReviewError>(entry.value) : errAsync<AuditEntry, FindingReviewError>(entry.error);
    })
    .andThen((entry) => store.append('audit', [entry]).mapErr(reviewStoreError).map(() => findingReviewOf(entry) as FindingReview));
}

/** Decisions counted for one rule or category. */
export interface ReviewPrecision {
  key: string;
  accepted: number;
  dismissed: number;
  /** accepted / (accepted + dismissed); `null` before any decision. */
  precision: number | null;
}

/** Precision per rule and per category from the standing decision on each finding. */
export function reviewPrecision(ledger: FindingReviewLedger): { byRule: ReviewPrecision[]; byCategory: ReviewPrecision[] } {
  const count = (keyOf: (review: FindingReview) => string): ReviewPrecision[] => {
    const rows = new Map<string, ReviewPrecision>();
    for (const review of ledger.latest.values()) {
      const key = keyOf(review);
      const row = rows.get(key) ?? { key, accepted: 0, dismissed: 0, precision: null };
      row[review.outcome] += 1;
      row.precision = row.accepted / (row.accepted + row.dismissed);
      rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => compareCodeUnits(a.key, b.key));
  };
  return { byRule: count((review) => review.ruleId), byCategory: count((review) => review.category) };
}
