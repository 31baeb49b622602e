import { parse } from 'csv-parse/sync';
import { err, ok, type Result } from 'neverthrow';
import { issuesFromZod, type ValidationIssue } from '../validation/validation-issue.js';
import { claimImportError, type ClaimImportError } from './claim-error.js';
import { CLAIM_TOPICS, CLAIM_VERDICTS, ClaimSchema, type Claim } from './claim-schema.js';
import { topicsFromWords, VERDICT_WORD_HINT, verdictFromWords } from './claim-verdict-words.js';
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
    const wordings = list(cell('wordings'));
    const words = cell('verdict');
    const verdict = (CLAIM_VERDICTS as readonly string[]).includes(words) ? words : verdictFromWords(words);
    if (verdict === 'true') {
      issues.push({ path: at('verdict'), message: `"${words}" rates the claim true: only false claims belong in the registry; remove the row` });
      return;
    }
    if (!verdict) {
      issues.push({ path: at('verdict'), message: words ? `"${words}" is not a verdict SIPANSOS knows: use one of ${VERDICT_WORD_HINT}` : `empty: write the verdict, one of ${VERDICT_WORD_HINT}` });
      return;
    }
    const topicCell = fields.includes('topics') ? list(cell('topics')) : [];
    const topics = topicCell.length > 0 ? topicCell : (options.topics ?? topicsFromWords(wordings.join(' ')));
    if (topics.length === 0) {
      issues.push({ path: at('topics'), message: `no topic could be told from the wording: fill the topics column with one or more of ${CLAIM_TOPICS.join(', ')} (separated by |)` });
      return;
    }
    const id = cell('id') || `csv-${slugOf(wordings[0] ?? '')}`;
    const candidate = {
      id,
      wordings,
      wordingsEn: fields.includes('wordingsEn') && cell('wordingsEn') ? list(cell('wordingsEn')) : undefined,
      verdict,
      review: { url: cell('url'), publisher: cell('publisher'), date: cell('date') },
      topics,
      language: cell('language') || undefined,
    };
    const parsed = ClaimSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) issues.push({ path: at(fieldOfPath(issue.path)), message: issue.message });
      return;
    }
    const first = ids.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({ path: at('id'), message: `claim id "${parsed.data.id}" is already used on row ${first}: give this row its own id` });
      return;
    }
    ids.set(parsed.data.id, row);
    claims.push(parsed.data);
  });
  return issues.length > 0 ? err(claimImportError(source, issues)) : ok(claims);
}

function fieldOfPath(path: string): string {
  const [head = path, second] = path.split('.');
  if (head === 'review' && second) return second;
  return head;
}

/** A readable id from a wording: its first words, lower case, hyphenated. */
function slugOf(wording: string): string {
  const slug = wording
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-');
  return slug.slice(0, 90) || 'klaim';
}
