import { parse } from 'csv-parse/sync';
import { err, ok, type Result } from 'neverthrow';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { claimImportError, type ClaimImportError } from './claim-error.js';
import { claimFromFields } from './claim-from-fields.js';
import type { Claim } from './claim-schema.js';
import type { ClaimImportOptions } from './import-claim-review.js';

/** Column names (Indonesian or English) and the registry field each fills. */
const COLUMNS: Readonly<Record<string, 'id' | 'wordings' | 'wordingsEn' | 'verdict' | 'url' | 'publisher' | 'date' | 'topics' | 'language'>> = {
  id: 'id',
  wording: 'wordings', wordings: 'wordings', claim: 'wordings', klaim: 'wordings', narasi: 'wordings',
  wording_en: 'wordingsEn', wordings_en: 'wordingsEn', claim_en: 'wordingsEn',
  verdict: 'verdict', rating: 'verdict', putusan: 'verdict', kategori: 'verdict',
  url: 'url', link: 'url', tautan: 'url',
  publisher: 'publisher', penerbit: 'publisher', sumber: 'publisher',
  date: 'date', tanggal: 'date',
  topics: 'topics', topic: 'topics', topik: 'topics',
  language: 'language', bahasa: 'language',
};
const REQUIRED = ['wordings', 'verdict', 'url', 'publisher', 'date'] as const;

/** Cells that hold several values separate them with `|`. */
const list = (cell: string): string[] => cell.split('|').map((part) => part.trim()).filter(Boolean);

/**
 * Read claims from a CSV with a header row. Columns (Indonesian names accepted):
 * `id` (optional; derived from the first wording), `wording`/`klaim` (several separated by `|`),
 * `verdict`/`putusan` (Salah, Hoaks, Menyesatkan, Keluar konteks, Manipulasi, or the registry's
 * own words), `url`/`tautan` (https), `publisher`/`penerbit`, `date`/`tanggal` (YYYY-MM-DD),
 * `topics`/`topik` (`|`-separated; guessed from the wording when empty), `language`/`bahasa`,
 * `wording_en`. Every problem is reported with its row (the header is row 1) and column.
 */
export function importClaimsCsv(csv: string, options: ClaimImportOptions = {}): Result<Claim[], ClaimImportError> {
  const source = options.source ?? 'claims.csv';
  let rows: string[][];
  try {
    const body = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
    const delimiter = (body.split('\n', 1)[0] ?? '').split(';').length > (body.split('\n', 1)[0] ?? '').split(',').length ? ';' : ',';
    rows = parse(body, { delimiter, skip_empty_lines: true, trim: true, relax_quotes: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return err(claimImportError(source, [{ path: line ? `row ${line}` : '(root)', message: `the CSV cannot be read (${(error as Error).message}); check the quotes on that row, or save it again as "CSV UTF-8"`, line }]));
  }
  const header = rows[0];
  if (!header || rows.length < 2) return err(claimImportError(source, [{ path: '(root)', message: 'the CSV needs a header row and at least one claim row, e.g. "wording,verdict,url,publisher,date,topics"' }]));
  const fields = header.map((name) => COLUMNS[name.trim().toLowerCase()]);
  const issues: ValidationIssue[] = [];
  header.forEach((name, index) => {
    if (!fields[index]) issues.push({ path: `row 1, column ${index + 1} ("${name}")`, message: `unknown column: use id, wording, verdict, url, publisher, date, topics, language or wording_en` });
  });
  for (const required of REQUIRED) {
    if (!fields.includes(required)) issues.push({ path: 'row 1', message: `missing column "${required === 'wordings' ? 'wording' : required}": add it to the header` });
  }
  if (issues.length > 0) return err(claimImportError(source, issues));

  const claims: Claim[] = [];
  const ids = new Map<string, number>();
  rows.slice(1).forEach((cells, offset) => {
    const row = offset + 2;
    const cell = (field: string): string => cells[fields.indexOf(field as never)]?.trim() ?? '';
    const at = (field: string) => `row ${row}, column ${header[fields.indexOf(field as never)] ?? field}`;
    const built = claimFromFields(
      {
        id: cell('id'),
        wordings: list(cell('wordings')),
        wordingsEn: fields.includes('wordingsEn') ? list(cell('wordingsEn')) : undefined,
        verdict: cell('verdict'),
        url: cell('url'),
        publisher: cell('publisher'),
        date: cell('date'),
        topics: fields.includes('topics') ? list(cell('topics')) : undefined,
        language: cell('language'),
      },
      { idPrefix: 'csv', ...(options.topics ? { topics: options.topics } : {}) },
    );
    if (built.isErr()) {
      for (const problem of built.error) issues.push({ path: at(problem.field), message: problem.field === 'topics' ? `${problem.message} (separated by |)` : problem.message });
      return;
    }
    const claim = built.value;
    const first = ids.get(claim.id);
    if (first !== undefined) {
      issues.push({ path: at('id'), message: `claim id "${claim.id}" is already used on row ${first}: give this row its own id` });
      return;
    }
    ids.set(claim.id, row);
    claims.push(claim);
  });
  return issues.length > 0 ? err(claimImportError(source, issues)) : ok(claims);
}
