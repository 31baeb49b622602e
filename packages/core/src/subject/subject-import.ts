import { err, ok, type Result } from 'neverthrow';
import { KNOWN_PLATFORMS } from '../account/account-schema.js';
import { invalidInputFromZod, type InvalidInputError, type ValidationIssue } from '../validation/validation-issue.js';
import { parseJsonText } from '../validation/parse-json-text.js';
import { parseCsv } from './csv-parse.js';
import { SubjectListSchema, type Subject } from './subject-schema.js';

/**
 * Columns a subjects CSV may have. `id`, `name` and `category` are required. Accounts go in one
 * column per platform (`x`, `facebook`, `instagram`, or any custom platform slug listed in
 * `accounts`), several handles separated by `;`; or in an `accounts` column as
 * `platform:handle;platform:handle`.
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

const REQUIRED = ['id', 'name', 'category'];

/** Parse a subjects file, CSV or JSON, chosen by the file name's ending. */
export function parseSubjectsFile(text: string, fileName: string): Result<Subject[], InvalidInputError> {
  return /\.csv$/i.test(fileName) ? parseSubjectsCsv(text, fileName) : parseSubjectsJson(text, fileName);
}

/** Parse a subjects JSON file: an array of subjects or `{ "subjects": [...] }`. */
export function parseSubjectsJson(text: string, source = 'subjects.json'): Result<Subject[], InvalidInputError> {
  return parseJsonText(text, source).andThen((value) => {
    const parsed = SubjectListSchema.safeParse(value);
    return parsed.success ? ok(parsed.data) : err(invalidInputFromZod(source, parsed.error));
  });
}

/** Parse a subjects CSV (header row required; see {@link SUBJECT_CSV_COLUMNS}). */
export function parseSubjectsCsv(text: string, source = 'subjects.csv'): Result<Subject[], InvalidInputError> {
  const parsed = parseCsv(text);
  if ('error' in parsed) {
    const { line, column, message } = parsed.error;
    return err({ type: 'invalid_input', source, message: `${source}:${line}:${column}: ${message}`, issues: [{ path: '(root)', message, line, column }] });
  }
  const [header, ...rows] = parsed.rows;
  if (!header) {
    return err({ type: 'invalid_input', source, message: `${source}: the file is empty; the first row must name the columns (${REQUIRED.join(', ')}, ...)`, issues: [{ path: '(root)', message: 'empty file' }] });
  }
  const columns = header.map((name) => name.trim());
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    const message = `missing column(s) ${missing.join(', ')}; the header row must include ${REQUIRED.join(', ')}`;
    return err({ type: 'invalid_input', source, message: `${source}:1: ${message}`, issues: [{ path: '(header)', message, line: 1, column: 1 }] });
  }
  const issues: ValidationIssue[] = [];
  const subjects: unknown[] = [];
  rows.forEach((cells, rowIndex) => {
    const line = rowIndex + 2;
    if (cells.length !== columns.length) {
      issues.push({ path: `row ${line}`, message: `has ${cells.length} fields, the header has ${columns.length}`, line });
      return;
    }
    const record: Record<string, string> = {};
    columns.forEach((name, index) => {
      const value = cells[index]!.trim();
      if (value !== '') record[name] = value;
    });
    const accounts: Array<{ platform: string; handle: string }> = [];
    for (const [name, value] of Object.entries(record)) {
      if (name === 'accounts') {
        for (const entry of splitList(value)) {
          const colon = entry.indexOf(':');
          if (colon <= 0) {
            issues.push({ path: `row ${line}.accounts`, message: `"${entry}" should be written platform:handle, e.g. x:budi_santoso`, line });
            continue;
          }
          accounts.push({ platform: entry.slice(0, colon).trim(), handle: entry.slice(colon + 1).trim() });
        }
      } else if (!(SUBJECT_CSV_COLUMNS as readonly string[]).includes(name)) {
        // Any other column is taken as a platform slug, so custom platforms need no code.
        for (const handle of splitList(value)) accounts.push({ platform: name, handle });
      } else if ((KNOWN_PLATFORMS as readonly string[]).includes(name)) {
        for (const handle of splitList(value)) accounts.push({ platform: name, handle });
      }
    }
    subjects.push({
      id: record.id,
      name: record.name,
      category: record.category,
      employeeNumber: record.employeeNumber,
      agency: record.agency,
      position: record.position,
      region: record.region,
      candidatePairNumber: record.candidatePairNumber === undefined ? undefined : Number(record.candidatePairNumber),
      notes: record.notes,
      accounts,
    });
  });
  const parsed2 = SubjectListSchema.safeParse(subjects);
  if (!parsed2.success) {
    const zodIssues = invalidInputFromZod(source, parsed2.error).issues.map((issue) => {
      // Report CSV rows as lines, not array indexes.
      const match = /^(\d+)(\..*)?$/.exec(issue.path);
      if (!match) return issue;
      const line = Number(match[1]) + 2;
      return { ...issue, path: `row ${line}${match[2] ?? ''}`, line };
    });
    issues.push(...zodIssues);
  }
  if (issues.length > 0 || !parsed2.success) {
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const first = issues[0]!;
    return err({ type: 'invalid_input', source, message: `${source}: ${first.path}: ${first.message}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`, issues });
  }
  return ok(parsed2.data);
}

function splitList(value: string): string[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
