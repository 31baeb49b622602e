import { okAsync, ResultAsync } from 'neverthrow';
import { caseDeadlines, DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../cases/case-deadlines.js';
import { verifyInclusionProof } from '../evidence/inclusion-proof.js';
import type { IndonesianTimeZone } from '../election/time-zone.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { Subject } from '../subject/subject-schema.js';
import { collectCaseEvidence, loadBlobs, mediaTypesOf, recordRefsOf, type CaseEvidence, type CaseEvidenceError } from './case-evidence.js';
import type { ReportProofStatus, StoreVerificationStatus } from './evidence-report-input.js';
import { renderEvidenceReport } from './evidence-report.js';

/** Settings of {@link renderCaseReportFromStore}. */
export interface CaseReportFromStoreOptions {
  caseId: string;
  office: { name: string };
  generatedBy: string;
  /** @default now */
  generatedAt?: string;
  /** The subjects list, to show the subject (the store keeps only its id). */
  subjects?: readonly Subject[];
  /** Run the store's full integrity check first and show its result. @default true */
  verifyStore?: boolean;
  deadlines?: DeadlinePolicy;
  /** @default false */
  includePersonalData?: boolean;
  /** The election's zone for every time shown. @default 'WIB' */
  timeZone?: IndonesianTimeZone;
}

/** The report and what it was built from (for bundles and audit entries). */
export interface CaseReportFromStore {
  html: string;
  evidence: CaseEvidence;
  verification?: StoreVerificationStatus;
}

/**
 * Read a case's evidence from a store, check the store and the captures' inclusion proofs,
 * and render its evidence report.
 */
export function renderCaseReportFromStore(store: EvidenceStoreV1, options: CaseReportFromStoreOptions): ResultAsync<CaseReportFromStore, CaseEvidenceError> {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  return collectCaseEvidence(store, options.caseId).andThen((evidence) => {
    const mediaTypes = mediaTypesOf(evidence);
    const blobs = loadBlobs(store, [...mediaTypes.keys()], mediaTypes);
    const verification: ResultAsync<StoreVerificationStatus | undefined, CaseEvidenceError> =
      options.verifyStore === false
        ? okAsync(undefined)
        : store.verify().map((result) => ({ storeId: store.storeId, checkedAt: new Date().toISOString(), ok: result.ok, checked: result.checked, problems: result.problems }));
    const proofs = proofStatuses(store, evidence);
    return ResultAsync.combine([blobs, verification, proofs] as const).map(([blobMap, verified, proofList]) => {
      const subject = options.subjects?.find((entry) => entry.id === evidence.case.record.subjectId);
      const html = renderEvidenceReport({
        office: options.office,
        case: evidence.case.record,
        findings: evidence.findings.map((entry) => entry.record),
        captures: evidence.captures.map((entry) => entry.record),
        itemHistories: evidence.itemHistories,
        blobs: blobMap,
        records: recordRefsOf(evidence),
        deadlines: caseDeadlines(evidence.case.record, options.deadlines ?? DEFAULT_DEADLINE_POLICY, new Date(generatedAt)),
        generatedAt,
        generatedBy: options.generatedBy,
        includePersonalData: options.includePersonalData ?? false,
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        ...(subject ? { subject } : {}),
        ...(verified ? { verification: verified } : {}),
        ...(proofList ? { proofs: proofList } : {}),
      });
      return { html, evidence, ...(verified ? { verification: verified } : {}) };
    });
  });
}

function proofStatuses(store: EvidenceStoreV1, evidence: CaseEvidence): ResultAsync<ReportProofStatus[] | undefined, CaseEvidenceError> {
  const proofs = store.proofs;
  if (!proofs) return okAsync(undefined);
  return proofs.publicKeyPem().andThen((publicKeyPem) =>
    ResultAsync.combine(
      evidence.captures.map((entry) =>
        proofs
          .inclusionProof(entry.id)
          .map((proof): ReportProofStatus => {
            const verified = verifyInclusionProof(proof, publicKeyPem, { entryHash: entry.entryHash });
            return verified.isOk()
              ? { captureId: entry.id, ok: true, treeSize: verified.value.treeSize, rootHash: verified.value.rootHash, keyId: verified.value.keyId, checkpointAt: verified.value.at }
              : { captureId: entry.id, ok: false, message: verified.error.message };
          })
          .orElse((error) => okAsync<ReportProofStatus, CaseEvidenceError>({ captureId: entry.id, ok: false, message: `belum ada checkpoint yang mencakup / no checkpoint covers it yet: ${error.message}` })),
      ),
    ),
  );
}
