export {
  NEUTRAL_CATEGORIES,
  SUBJECT_CATEGORIES,
  SubjectCategorySchema,
  SubjectIdSchema,
  SubjectListSchema,
  SubjectSchema,
  subjectListProblems,
  type Subject,
  type SubjectListProblem,
  type SubjectCategory,
  type SubjectInput,
} from './subject-schema.js';
export { SUBJECT_CSV_COLUMNS, parseSubjectsCsv, parseSubjectsFile, parseSubjectsJson } from './subject-import.js';
export { readSubjectsCsv, type CsvDelimiter, type SubjectCsvResult } from './subject-csv.js';
export {
  createSubjectTableReader,
  type SubjectTableCell,
  type SubjectTableColumn,
  type SubjectTableIssue,
  type SubjectTableReader,
  type SubjectTableResult,
  type SubjectTableRow,
  type SubjectTableSettings,
} from './subject-table.js';
export { columnLetter, type SubjectColumnRole, type SubjectField } from './subject-columns.js';
export { categoryFromWord } from './subject-category-words.js';
export { readAccountCell, type AccountCellReading, type AccountFromCell } from './subject-account-cell.js';
export type { SubjectMessage } from './subject-message.js';
