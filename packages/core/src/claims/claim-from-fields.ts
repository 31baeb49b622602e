import { err, ok, type Result } from 'neverthrow';
import { issuesFromZod, type ValidationIssue } from '../validation/validation-issue.js';
import { CLAIM_TOPICS, CLAIM_VERDICTS, ClaimSchema, type Claim, type ClaimTopic } from './claim-schema.js';
import { topicsFromWords, VERDICT_WORD_HINT, verdictFromWords } from './claim-verdict-words.js';

/** A claim as people write it: the verdict in their words, topics optional. */
export interface ClaimFields {
  /** Default: `<idPrefix>-` and the first words of the first wording. */
  id?: string;
  wordings: string[];
  wordingsEn?: string[];
  /** A registry verdict or a fact-checker's word for it ("Salah", "Hoaks", "Menyesatkan", "False", ...). */
  verdict: string;
  url: string;
  publisher: string;
  date: string;
  /** Default: guessed from the wording. */
  topics?: string[];
  language?: string;
}

/** The field names {@link claimFromFields} reports problems under. */
export type ClaimField = 'id' | 'wordings' | 'wordingsEn' | 'verdict' | 'url' | 'publisher' | 'date' | 'topics' | 'language';

/** A readable id from a wording: its first words, lower case, hyphenated. */
export function claimSlug(wording: string): string {
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

function fieldOfPath(path: string): ClaimField {
  const [head = path, second] = path.split('.');
  return (head === 'review' && second ? second : head) as ClaimField;
}

/**
 * One claim from loose fields (a CSV row, command-line options): the verdict words are read, the
 * topics guessed when none are given, the id derived when missing, and the result checked by
 * {@link ClaimSchema}. Problems come back as issues whose path is the field name; the caller
 * says where the field was (a CSV column, an option).
 */
export function claimFromFields(fields: ClaimFields, options: { idPrefix?: string; topics?: ClaimTopic[] } = {}): Result<Claim, (ValidationIssue & { field: ClaimField })[]> {
  const issue = (field: ClaimField, message: string) => err([{ path: field, field, message }]);
  const words = fields.verdict.trim();
  const verdict = (CLAIM_VERDICTS as readonly string[]).includes(words) ? words : verdictFromWords(words);
  if (verdict === 'true') return issue('verdict', `"${words}" rates the claim true: only false claims belong in the registry; leave it out`);
  if (!verdict) return issue('verdict', words ? `"${words}" is not a verdict SIPANSOS knows: use one of ${VERDICT_WORD_HINT}` : `empty: write the verdict, one of ${VERDICT_WORD_HINT}`);
  const topics = fields.topics && fields.topics.length > 0 ? fields.topics : (options.topics ?? topicsFromWords(fields.wordings.join(' ')));
  if (topics.length === 0) return issue('topics', `no topic could be told from the wording: give one or more of ${CLAIM_TOPICS.join(', ')}`);
  const parsed = ClaimSchema.safeParse({
    id: fields.id || `${options.idPrefix ?? 'klaim'}-${claimSlug(fields.wordings[0] ?? '')}`,
    wordings: fields.wordings,
    wordingsEn: fields.wordingsEn && fields.wordingsEn.length > 0 ? fields.wordingsEn : undefined,
    verdict,
    review: { url: fields.url, publisher: fields.publisher, date: fields.date },
    topics,
    language: fields.language || undefined,
  });
  if (parsed.success) return ok(parsed.data);
  return err(issuesFromZod(parsed.error).map((found) => ({ ...found, field: fieldOfPath(found.path) })));
}
