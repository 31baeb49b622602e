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
  FINDING_CATEGORY_LABELS,
  FINDINGS_ARE_FLAGS,
  ITEM_STATUS_LABELS,
  LEGAL_BASIS_UNVERIFIED,
  SANCTION_LABELS,
  SUBJECT_CATEGORY_LABELS,
  type BilingualLabel,
} from './report-labels.js';
