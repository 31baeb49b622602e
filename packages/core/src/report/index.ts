export { renderEvidenceReport, formatDuration } from './evidence-report.js';
export type {
  EvidenceReportInput,
  ReportBlob,
  ReportItemHistory,
  ReportLookup,
  ReportProofStatus,
  ReportRecordRef,
  ReportSuspicion,
  StoreVerificationStatus,
} from './evidence-report-input.js';
export { highlightText, type UnplacedSpan } from './highlight-text.js';
export { documentCsp, htmlDocument, type HtmlDocumentInput } from './html-document.js';
export { escapeHtml, escapeVisible, hasDisguisingCharacters } from './html-escape.js';
export { maskEmployeeNumber, maskPersonalData, personalDataFilter } from './mask-personal-data.js';
export {
  ACCOUNT_OBSERVATION_LABELS,
  AUTHORITY_OUTCOME_LABELS,
  CAPTURE_SCOPE_LABELS,
  CASE_ORIGIN_LABELS,
  DECISION_OUTCOME_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDINGS_ARE_FLAGS,
  GAP_REASON_LABELS,
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
  LEGAL_BASIS_UNVERIFIED,
  LOOKUP_STATUS_LABELS,
  PHASE_LABELS,
  SANCTION_LABELS,
  SEVERITY_LABELS,
  SUBJECT_CATEGORY_LABELS,
  VIOLATION_TYPE_LABELS,
  labelOf,
  platformName,
  type BilingualLabel,
} from './report-labels.js';
export { collectCaseEvidence, loadBlobs, mediaTypesOf, recordRefsOf, trackedItemOf, type CaseEvidence, type CaseEvidenceError } from './case-evidence.js';
export { renderCaseReportFromStore, type CaseReportFromStore, type CaseReportFromStoreOptions } from './case-report-from-store.js';
export { casesToCsv, casesToJsonl, findingsToCsv, findingsToJsonl, maskCase, maskFinding, type ExportOptions } from './findings-export.js';
export { csvField, defuseFormula, toCsv, toJsonl, type CsvValue } from './csv-export.js';
export { exportAuditEntry, type ExportAction, type ExportAuditInput } from './export-audit.js';
export { formModelAToCsv, toFormModelA, type FormModelAOptions, type FormModelARow } from './form-model-a.js';
export { EMPLOYEE_NUMBER_ROUTES, formatIndonesianDate, isDraftLetter, letterShowsEmployeeNumber, officeSeatOf, renderLetter, type LetterError, type LetterInput } from './letter.js';
export { caseAbout } from './letter-subject-line.js';
export {
  DEFAULT_FORWARDING_TEMPLATE,
  DEFAULT_LETTER_TEMPLATES,
  DEFAULT_RECOMMENDATION_TEMPLATE,
  LETTER_PLACEHOLDERS,
  LetterTemplateSchema,
  type LetterPlaceholder,
  type LetterTemplate,
  type LetterTemplateInput,
} from './letter-template.js';
