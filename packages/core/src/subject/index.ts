export {
  NEUTRAL_CATEGORIES,
  SUBJECT_CATEGORIES,
  SubjectCategorySchema,
  SubjectIdSchema,
  SubjectListSchema,
  SubjectSchema,
  type Subject,
  type SubjectCategory,
  type SubjectInput,
} from './subject-schema.js';
export { parseCsv, type CsvSyntaxError } from './csv-parse.js';
export { SUBJECT_CSV_COLUMNS, parseSubjectsCsv, parseSubjectsFile, parseSubjectsJson } from './subject-import.js';
