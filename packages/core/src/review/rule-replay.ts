import type { Finding } from '../findings/finding-schema.js';
import type { CompiledRules } from '../rules/compile-rules.js';
import { evaluateItem } from '../rules/evaluate-item.js';
import { SubjectSchema, type Subject } from '../subject/subject-schema.js';
import type { DecidedFinding } from './decided-findings.js';

/** One past decision, and whether the proposed rules would still raise its finding. */
export interface ReplayedDecision {
  findingId: string;
  ruleId: string;
  category: string;
  outcome: 'accepted' | 'dismissed';
  reason: string;
  stillFound: boolean;
}

/** What a change of rules would have done to the findings reviewers already decided. */
export interface RuleReplayReport {
  /** Decisions read. */
  decided: number;
  /** Decisions whose item could be re-evaluated. */
  replayed: number;
  /** Decisions that could not be replayed (finding or item no longer stored). */
  unavailable: { findingId: string; ruleId: string; why: string }[];
  /** Accepted findings the proposed rules would no longer raise: what the change would lose. */
  lostAccepted: ReplayedDecision[];
  /** Dismissed findings the proposed rules would no longer raise: reviewers' time saved. */
  avoidedDismissed: ReplayedDecision[];
  keptAccepted: number;
  keptDismissed: number;
  /** accepted / decided among replayed findings, now and with the proposed rules (`null` when none). */
  precisionBefore: number | null;
  precisionAfter: number | null;
}

/** Options for {@link replayDecisions}. */
export interface ReplayOptions {
  /** The rules as they would run after the change (office rule sets and overrides applied), compiled. */
  proposed: CompiledRules;
  /** The subjects list, so each item is judged for the person who made it. */
  subjects: readonly Subject[];
}

/**
 * Re-evaluate the items of past decided findings with proposed rules, and show which accepted
 * findings would be lost and which dismissed ones avoided. A finding counts as still raised when
 * the proposed rules flag its item with the same rule id, at the act time the finding recorded.
 * Pure: reads nothing and writes nothing, so an office can try a change before adopting it.
 */
export function replayDecisions(decided: readonly DecidedFinding[], options: ReplayOptions): RuleReplayReport {
  const subjects = new Map(options.subjects.map((subject) => [subject.id, subject]));
  const report: RuleReplayReport = { decided: decided.length, replayed: 0, unavailable: [], lostAccepted: [], avoidedDismissed: [], keptAccepted: 0, keptDismissed: 0, precisionBefore: null, precisionAfter: null };
  let accepted = 0;
  for (const { review, finding, item, missing } of decided) {
    if (!finding || !item) {
      report.unavailable.push({ findingId: review.findingId, ruleId: review.ruleId, why: missing ?? 'tidak diketahui / unknown' });
      continue;
    }
    const subject = subjects.get(finding.subjectId) ?? stubSubject(finding, item.author.handle);
    const again = evaluateItem(options.proposed, { item, subject, evidence: { captureId: finding.evidence.captureId, rawBlobs: finding.evidence.rawBlobs }, now: finding.createdAt });
    const stillFound = again.some((entry) => entry.ruleId === finding.ruleId);
    const row: ReplayedDecision = { findingId: finding.id, ruleId: finding.ruleId, category: finding.category, outcome: review.outcome, reason: review.reason, stillFound };
    report.replayed++;
    if (review.outcome === 'accepted') accepted++;
    if (stillFound) {
      if (review.outcome === 'accepted') report.keptAccepted++;
      else report.keptDismissed++;
    } else if (review.outcome === 'accepted') report.lostAccepted.push(row);
    else report.avoidedDismissed.push(row);
  }
  if (report.replayed > 0) report.precisionBefore = accepted / report.replayed;
  const keptTotal = report.keptAccepted + report.keptDismissed;
  if (keptTotal > 0) report.precisionAfter = report.keptAccepted / keptTotal;
  return report;
}

/** A subject no longer on the list: judged by the category the finding recorded. */
function stubSubject(finding: Finding, handle: string | undefined): Subject {
  return SubjectSchema.parse({ id: finding.subjectId, name: finding.subjectId, category: finding.subjectCategory, accounts: [{ platform: finding.itemKey.split(':')[0] ?? 'x', handle: handle ?? finding.subjectId }] });
}
