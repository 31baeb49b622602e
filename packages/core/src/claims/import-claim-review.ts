import { err, ok, type Result } from 'neverthrow';
import { sha256Hex } from '../hashing/sha256.js';
import { issuesFromZod, type ValidationIssue } from '../validation/validation-issue.js';
import { claimImportError, type ClaimImportError } from './claim-error.js';
import { ClaimSchema, type Claim, type ClaimTopic } from './claim-schema.js';
import { topicsFromWords, VERDICT_WORD_HINT, verdictFromWords } from './claim-verdict-words.js';

/** Options for {@link importClaimReviews} and {@link importClaimsCsv}. */
export interface ClaimImportOptions {
  /**
   * What is being read, for error messages.
   * @default 'claims'
   */
  source?: string;
  /** Topics for claims whose source names none; otherwise they are guessed from the claim's words. */
  topics?: ClaimTopic[];
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));
}

/** The ClaimReview nodes of a JSON-LD document: one node, a list, or a `@graph`. */
function claimReviewNodes(input: unknown): JsonObject[] {
  const roots = Array.isArray(input) ? input : [input];
  const out: JsonObject[] = [];
  for (const root of roots) {
    if (!isObject(root)) continue;
    if (Array.isArray(root['@graph'])) out.push(...claimReviewNodes(root['@graph']));
    else if (typesOf(root).includes('ClaimReview')) out.push(root);
  }
  return out;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return value.map(text).find((entry) => entry !== undefined);
  if (isObject(value)) return text(value['@value'] ?? value.name);
  return undefined;
}

/**
 * Read schema.org `ClaimReview` markup, as fact-checkers publish it in their pages and as the
 * Google Fact Check tools export it: `claimReviewed` becomes the wording, `url` the debunk's
 * address, `author.name` the publisher, `datePublished` the date and
 * `reviewRating.alternateName` the verdict ("Salah", "Hoaks", "Menyesatkan", "False", ...).
 * Accepts one ClaimReview, a list, or a document with `@graph`. Ids are derived from the URL and
 * the claim, so importing the same review twice gives the same id.
 */
export function importClaimReviews(input: unknown, options: ClaimImportOptions = {}): Result<Claim[], ClaimImportError> {
  const source = options.source ?? 'claims';
  const nodes = claimReviewNodes(input);
  if (nodes.length === 0) {
    return err(claimImportError(source, [{ path: '(root)', message: 'no ClaimReview found: expected an object with "@type": "ClaimReview", a list of them, or a JSON-LD document with "@graph"' }]));
  }
  const claims: Claim[] = [];
  const issues: ValidationIssue[] = [];
  nodes.forEach((node, index) => {
    const where = nodes.length > 1 ? `[${index}]` : '';
    const path = (field: string) => (where ? `${where}.${field}` : field);
    const claimReviewed = text(node.claimReviewed) ?? text((node.itemReviewed as JsonObject | undefined)?.name);
    if (!claimReviewed) {
      issues.push({ path: path('claimReviewed'), message: 'missing: write the claim that was checked in "claimReviewed"' });
      return;
    }
    const url = text(node.url);
    const publisher = text(node.author) ?? text(node.publisher);
    const rawDate = text(node.datePublished);
    const rating = isObject(node.reviewRating) ? node.reviewRating : undefined;
    const words = text(rating?.alternateName) ?? text(rating?.name);
    const verdict = words ? verdictFromWords(words) : undefined;
    const before = issues.length;
    if (!url) issues.push({ path: path('url'), message: 'missing: give the https:// address of the published fact check in "url"' });
    else if (url.startsWith('http://')) issues.push({ path: path('url'), message: `"${url}" is not https: give the https:// address of the fact check` });
    if (!publisher) issues.push({ path: path('author.name'), message: 'missing: name the organisation that published the fact check in "author": { "name": ... }' });
    if (!rawDate) issues.push({ path: path('datePublished'), message: 'missing: give the date the fact check was published, YYYY-MM-DD' });
    if (!words) issues.push({ path: path('reviewRating.alternateName'), message: `missing: give the verdict in "reviewRating": { "alternateName": ... }, one of ${VERDICT_WORD_HINT}` });
    else if (verdict === 'true') issues.push({ path: path('reviewRating.alternateName'), message: `"${words}" rates the claim true: only false claims belong in the registry; leave this review out` });
    else if (!verdict) issues.push({ path: path('reviewRating.alternateName'), message: `"${words}" is not a verdict SIPANSOS knows: use one of ${VERDICT_WORD_HINT}` });
    const topics = options.topics ?? topicsFromWords(claimReviewed);
    if (topics.length === 0) issues.push({ path: path('claimReviewed'), message: 'no topic could be told from the claim: pass the topics (voting_process, counting, organisers, candidates, identity) with the import' });
    if (issues.length > before || !url || !publisher || !rawDate || !verdict || verdict === 'true') return;
    const language = text(node.inLanguage)?.toLowerCase().startsWith('en') ? 'en' : 'id';
    const candidate = {
      id: `cr-${sha256Hex(`${url}\u0000${claimReviewed}`).slice(0, 16)}`,
      wordings: [claimReviewed],
      verdict,
      review: { url, publisher, date: rawDate.slice(0, 10) },
      topics,
      language,
    };
    const parsed = ClaimSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) issues.push({ path: path(fieldOf(issue.path)), message: issue.message });
      return;
    }
    claims.push(parsed.data);
  });
  return issues.length > 0 ? err(claimImportError(source, issues)) : ok(claims);
}

/** The ClaimReview field a registry field came from, so the message names what the user wrote. */
function fieldOf(path: string): string {
  if (path.startsWith('wordings')) return 'claimReviewed';
  if (path === 'review.url') return 'url';
  if (path === 'review.date') return 'datePublished';
  if (path === 'review.publisher') return 'author.name';
  return path;
}
