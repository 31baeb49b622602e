import { z } from 'zod';
import { ItemKindSchema } from '../capture/item-schema.js';
import { ClaimTopicSchema } from '../claims/claim-schema.js';
import { LocalDateSchema } from '../election/time-zone.js';
import { PhaseSchema } from '../election/election-context-schema.js';
import { FindingCategorySchema, LegalBasisSchema, RouteCodeSchema, SanctionClassSchema } from '../findings/finding-schema.js';
import { SubjectCategorySchema } from '../subject/subject-schema.js';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const slug = (what: string) => z.string().regex(SLUG, { message: `${what} must be 1–100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit` });

/** A bilingual label: Indonesian first, English beside. */
export const BilingualTextSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/**
 * Which text a predicate reads. `own`: what the author wrote (text, hashtags, media alt text,
 * text read from the item's images as `media_text`, profile name and bio); `target`: the text of the post they liked, shared, quoted or replied to;
 * `all`: both.
 */
export const TextScopeSchema = z.enum(['own', 'target', 'all']);
export type TextScope = z.infer<typeof TextScopeSchema>;

/** How a candidate can be named. `number`: a ballot number after a cue ("nomor 2", "coblos 02"). */
export const MENTION_VIA = ['name', 'alias', 'pair_name', 'slogan', 'hashtag', 'account', 'number', 'party'] as const;
export const MentionViaSchema = z.enum(MENTION_VIA);
export type MentionVia = z.infer<typeof MentionViaSchema>;

/** Acts that touch a candidate or campaign account. */
export const INTERACTION_VIA = ['like', 'share', 'repost', 'quote', 'reply', 'comment', 'follow', 'membership', 'mention'] as const;
export const InteractionViaSchema = z.enum(INTERACTION_VIA);

/** A lexicon: terms (normalised like posts are) with how they match. */
export const LexiconSchema = z.object({
  description: z.string().optional(),
  /** `surface`: the normalised word as written; `root`: its Indonesian root, so "dukung" matches "mendukung", "didukung", "dukunglah". */
  match: z.enum(['surface', 'root']).default('surface'),
  /** Sensitive terms (⚠ in the vocabulary): shown to reviewers only and never decisive alone. */
  sensitive: z.boolean().default(false),
  terms: z.array(z.string().min(1).max(200)).min(1, { message: 'a lexicon needs at least one term' }),
});
export type Lexicon = z.infer<typeof LexiconSchema>;

const mentionsCandidate = z.object({
  type: z.literal('mentionsCandidate'),
  /** Only these ballot numbers; default: any pair. */
  pairs: z.array(z.number().int().positive()).optional(),
  /** How the candidate may be named; default: every way except `party`. */
  via: z.array(MentionViaSchema).optional(),
  scope: TextScopeSchema.default('own'),
  /** At most this many different pairs mentioned (a post naming all pairs is usually neutral). */
  maxPairs: z.number().int().positive().optional(),
});

const lexicon = z.object({
  type: z.literal('lexicon'),
  /** A lexicon id of this rule set, or of the built-in lexicons. */
  lexicon: slug('lexicon'),
  scope: TextScopeSchema.default('own'),
  /** Only terms within this many words of a candidate mention (name, number, gesture, hashtag) count. */
  nearCandidate: z.number().int().min(0).max(50).optional(),
  /** Only terms within `words` words of a term of another lexicon count ("diundur" near "pilkada"). */
  nearLexicon: z.object({ lexicon: slug('lexicon'), words: z.number().int().min(0).max(50) }).optional(),
  /** A term right after a word of this lexicon (within `words`) does not count: "tidak mendukung". */
  unlessAfter: z.object({ lexicon: slug('lexicon'), words: z.number().int().min(1).max(10).default(2) }).optional(),
  /** At least this many distinct terms. */
  minTerms: z.number().int().min(1).default(1),
});

const hashtag = z.object({
  type: z.literal('hashtag'),
  /** Hashtags (without `#`, compared case-insensitively). */
  tags: z.array(z.string().min(1)).optional(),
  /** Any hashtag of a candidate pair in the election context. */
  candidate: z.boolean().optional(),
});

const ballotGesture = z.object({
  type: z.literal('ballotGesture'),
  /** Only gestures for these numbers; default: any pair's number. */
  pairs: z.array(z.number().int().positive()).optional(),
  /** Which cues count; default all: emoji (☝ ✌ 🤟), keycaps (1⃣ 2⃣ 3⃣), "salam dua jari". */
  kinds: z.array(z.enum(['emoji', 'keycap', 'words'])).optional(),
  scope: TextScopeSchema.default('own'),
});

const interacts = z.object({
  type: z.literal('interactsWithCandidateAccount'),
  /** Which acts; default: every act. */
  via: z.array(InteractionViaSchema).optional(),
  /** Which accounts: the KPU-registered official ones, other known campaign accounts, or both (default). */
  accounts: z.array(z.enum(['official', 'known'])).optional(),
});

const authorCategory = z.object({ type: z.literal('authorCategory'), categories: z.array(SubjectCategorySchema).min(1) });

const regex = z.object({
  type: z.literal('regex'),
  /** Runs on the normalised text (lower case, tokens joined by single spaces); checked for catastrophic backtracking. */
  pattern: z.string().min(1).max(500),
  flags: z.string().regex(/^[imsu]*$/, { message: 'flags may hold only i, m, s and u' }).default(''),
  scope: TextScopeSchema.default('own'),
  on: z.enum(['text', 'root']).default('text'),
});

const authorAccount = z.object({
  type: z.literal('authorAccount'),
  /**
   * Whether the item's author account is one of the official campaign accounts registered for
   * the subject's pair on that platform, within the per-platform limit of the context.
   */
  registered: z.boolean(),
});

const media = z.object({ type: z.literal('media'), types: z.array(z.enum(['photo', 'video', 'gif', 'audio', 'other'])).optional() });

const ref = z.object({ type: z.literal('ref'), name: slug('condition name') });

/**
 * The item re-states a known false claim of the claim registry (the built-in one, plus the
 * office's `claims.json`): its words cover enough of one of the claim's wordings. The finding
 * cites the claim, its debunk's address and publisher, and the matched words.
 */
const claim = z.object({
  type: z.literal('claim'),
  /** Least match score, 0–1; default: the registry's default threshold (`DEFAULT_CLAIM_MIN_SCORE`). */
  minScore: z.number().min(0).max(1).optional(),
  /** Only claims about these topics; default: any. */
  topics: z.array(ClaimTopicSchema).min(1).optional(),
  scope: TextScopeSchema.default('all'),
});

/**
 * An office's own text classifier (see `TextClassifierV1`): holds when the classifier `id`
 * gave `label` at least `minScore` for the item's text. Scores are computed before evaluation
 * (`scoreItems`); an item the classifier could not score (timeout, error) does not match.
 */
const classifier = z.object({
  type: z.literal('classifier'),
  /** The classifier's id, as given to `scoreItems`. */
  id: slug('classifier id'),
  /** The label whose score is read, e.g. "hate_speech". */
  label: z.string().min(1).max(100),
  minScore: z.number().min(0).max(1),
  scope: TextScopeSchema.default('own'),
});

/** A leaf test of a rule. */
export const PredicateSchema = z.discriminatedUnion('type', [mentionsCandidate, lexicon, hashtag, ballotGesture, interacts, authorCategory, regex, authorAccount, media, ref, claim, classifier]);
export type Predicate = z.infer<typeof PredicateSchema>;
export type PredicateInput = z.input<typeof PredicateSchema>;

/** A condition tree: `all` / `any` / `not` over predicates. */
export type Condition = Predicate | { all: Condition[] } | { any: Condition[] } | { not: Condition };
type ConditionInput = PredicateInput | { all: ConditionInput[] } | { any: ConditionInput[] } | { not: ConditionInput };

export const ConditionSchema: z.ZodType<Condition, ConditionInput> = z.lazy(() =>
  z.union([
    PredicateSchema,
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

/** One rule: an act, who it binds, when, what it looks like, and its legal basis. */
export const RuleSchema = z.object({
  id: slug('rule id'),
  title: BilingualTextSchema,
  description: BilingualTextSchema.optional(),
  category: FindingCategorySchema,
  /** Where the same act is both an ethics and a discipline breach, list both. */
  sanctions: z.array(SanctionClassSchema).min(1),
  severity: z.enum(['low', 'medium', 'high']).default('medium'),
  routes: z.array(RouteCodeSchema).default([]),
  legalBasis: z.array(LegalBasisSchema).min(1, { message: 'every rule needs its legal basis (instrument and article)' }),
  subjectCategories: z.array(SubjectCategorySchema).min(1),
  itemKinds: z.array(ItemKindSchema).min(1),
  /** Phases in which the rule applies; omitted = any time, also outside the schedule. */
  phases: z.array(PhaseSchema).min(1).optional(),
  /** Inside `pre_campaign`, apply only from this milestone: P0 (bakal calon) or P1 (penetapan). */
  from: z.enum(['bakal_calon', 'penetapan']).optional(),
  when: ConditionSchema,
  /** Notes for the reviewer, copied into each finding. */
  notes: z.array(z.string()).default([]),
});
export type Rule = z.infer<typeof RuleSchema>;

/** A rule set file: versioned data that an office can write without code. */
export const RuleSetSchema = z
  .object({
    $schema: z.string().optional(),
    id: slug('rule set id'),
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'version must be semver, e.g. 1.0.0' }),
    title: BilingualTextSchema,
    description: BilingualTextSchema.optional(),
    /** E.g. "Apache-2.0"; third-party lexicons with other licences are loaded from the user's own path. */
    license: z.string().optional(),
    /** The act's local date decides which version of a rule set applies (the law changes). */
    validFrom: LocalDateSchema.optional(),
    validUntil: LocalDateSchema.optional(),
    lexicons: z.record(slug('lexicon id'), LexiconSchema).default({}),
    /** Named conditions rules can reuse with `{ "type": "ref", "name": ... }`. */
    conditions: z.record(slug('condition name'), ConditionSchema).default({}),
    rules: z.array(RuleSchema).min(1, { message: 'a rule set needs at least one rule' }),
  })
  .superRefine((ruleSet, context) => {
    const seen = new Map<string, number>();
    ruleSet.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `rule id "${rule.id}" is already used by rules.${first}` });
      else seen.set(rule.id, index);
    });
    if (ruleSet.validFrom && ruleSet.validUntil && ruleSet.validUntil < ruleSet.validFrom) {
      context.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must not be before validFrom' });
    }
  });
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;
