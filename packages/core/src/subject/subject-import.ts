import { err, ok, type Result } from 'neverthrow';
import { KNOWN_PLATFORMS } from '../account/account-schema.js';
import { invalidInputFromZod, type InvalidInputError, type ValidationIssue } from '../validation/validation-issue.js';
import { parseJsonText } from '../validation/parse-json-text.js';
import { readSubjectsCsvText } from './subject-csv.js';
import type { SubjectTableResult } from './subject-table.js';
import { SubjectListSchema, type Subject } from './subject-schema.js';

/**
 * The canonical column names of a subjects CSV. `name` and `category` are required; without `id`,
 * ids are made from names. Each header also has Indonesian and office spellings (`Nama Lengkap`,
 * `Kategori`, `NIP/NRP`, `Instansi`, `Akun FB`, …; see {@link roleOfHeader}). Accounts go in one
 * column per platform, several per cell, as handles or profile addresses; or in an `accounts`
 * column as addresses or `platform:handle`. `platform:<slug>` names a column for a custom platform.
 */
export const SUBJECT_CSV_COLUMNS = [
  'id',
  'name',
  'category',
  'employeeNumber',
  'agency',
  'position',
  'region',
  'candidatePairNumber',
  'notes',
  'accounts',
  ...KNOWN_PLATFORMS,
] as const;

/** Parse a subjects file held in memory, CSV (`.csv`, `.tsv`, `.txt`) or JSON, chosen by the file name's ending. */
export function parseSubjectsFile(text: string, fileName: string): Result<Subject[], InvalidInputError> {
  return /\.(csv|tsv|txt)$/i.test(fileName) ? parseSubjectsCsv(text, fileName) : parseSubjectsJson(text, fileName);
}

/** Parse a subjects JSON file: an array of subjects or `{ "subjects": [...] }`. */
export function parseSubjectsJson(text: string, source = 'subjects.json'): Result<Subject[], InvalidInputError> {
  return parseJsonText(text, source).andThen((value) => {
    const parsed = SubjectListSchema.safeParse(value);
    return parsed.success ? ok(parsed.data) : err(invalidInputFromZod(source, parsed.error));
  });
}

/**
 * Parse a subjects CSV held in memory, as offices keep it: `,`, `;` or tab, headers in Indonesian or
 * English, category words and profile addresses (see {@link createSubjectTableReader}). Every
 * problem names its row and column; on any problem no subject is returned. For a large file, read
 * it as a stream with {@link readSubjectsCsv}.
 */
export function parseSubjectsCsv(text: string, source = 'subjects.csv'): Result<Subject[], InvalidInputError> {
  const result = readSubjectsCsvText(text, { source });
  return result.issueCount === 0 ? ok(result.subjects) : err(subjectTableError(result));
}

/**
 * A table's problems as the {@link InvalidInputError} every input boundary returns: each issue's
 * path is `row <n>.<column letter> "<header>"`, its message Indonesian then English.
 */
export function subjectTableError(result: SubjectTableResult): InvalidInputError {
  const issues: ValidationIssue[] = result.issues.map((issue) => ({
    path: issue.row === undefined ? '(root)' : `row ${issue.row}${issue.column ? `.${issue.column}${issue.header ? ` "${issue.header}"` : ''}` : ''}`,
    message: `${issue.message.id} / ${issue.message.en}`,
    ...(issue.row !== undefined ? { line: issue.row } : {}),
  }));
  const first = issues[0];
  const more = result.issueCount - 1;
  return {
    type: 'invalid_input',
    source: result.source,
    message: `${result.source}: ${first ? `${first.path}: ${first.message}` : 'invalid'}${more > 0 ? ` (+${more} more)` : ''}`,
    issues,
  };
}
