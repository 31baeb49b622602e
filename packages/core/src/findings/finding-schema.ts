import { z } from 'zod';
import { PhaseSchema } from '../election/election-context-schema.js';
import { InstantSchema, ItemKindSchema } from '../capture/item-schema.js';
import { SubjectCategorySchema } from '../subject/subject-schema.js';

export const FINDING_CATEGORIES = [
  'neutrality',
  'black_campaign',
  'hate_speech',
  'hoax',
  'off_schedule_campaign',
  'money_politics',
  'unregistered_campaign_account',
  'campaign_prohibition',
] as const;
export const FindingCategorySchema = z.enum(FINDING_CATEGORIES, { error: () => `category must be one of: ${FINDING_CATEGORIES.join(', ')}` });
export type FindingCategory = z.infer<typeof FindingCategorySchema>;

/**
 * Sanction classes (rule-catalogue shorthand): `moral` (sanksi moral), `hd_ringan`,
 * `hd_sedang`, `hd_berat` (hukuman disiplin, PP 94/2021), `ptdh`, `pidana` (election crime via
 * Gakkumdu), `adm` (KPU administrative), `dkpp` (organiser ethics), `desa` (UU Desa sanctions),
 * `militer` (military discipline), `polri_disiplin` (PP 2/2003 / kode etik Polri), `kontrak`
 * (employment contract), `ite` (UU ITE), `review` (no sanction class: for review only).
 */
export const SANCTION_CLASSES = ['moral', 'hd_ringan', 'hd_sedang', 'hd_berat', 'ptdh', 'pidana', 'adm', 'dkpp', 'desa', 'militer', 'polri_disiplin', 'kontrak', 'ite', 'review'] as const;
export const SanctionClassSchema = z.enum(SANCTION_CLASSES);
export type SanctionClass = z.infer<typeof SanctionClassSchema>;

/** Referral route codes from the routing table (`shared/domain/referral.md`). */
export const ROUTE_CODES = ['R-ASN', 'R-PTT', 'R-TNI', 'R-POLRI', 'R-DESA', 'R-DKPP', 'R-KPU', 'R-PIDANA', 'R-POLRI-ITE'] as const;
export const RouteCodeSchema = z.enum(ROUTE_CODES);
export type RouteCode = z.infer<typeof RouteCodeSchema>;

/** The law a rule rests on. */
export const LegalBasisSchema = z.object({
  /** E.g. "SKB 2/2022", "PP 94/2021", "UU 10/2016". */
  instrument: z.string().min(1),
  /** E.g. "Lampiran II kode etik angka 4", "Ps 5 huruf n angka 5". */
  article: z.string().min(1),
  /** A short quote of the provision, where the reference gives one. */
  quote: z.string().optional(),
  /** False where the domain reference marks the point unverified; reports show it. */
  verified: z.boolean().default(true),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

/** Where in an item the words that matched are, as offsets into the original text. */
export const MatchSpanSchema = z.object({
  /** The item field: `text`, `hashtags.0`, `target.text`, `profile.bio`, `media.0.altText`, `media_text.0` (OCR), ... */
  field: z.string(),
  /** UTF-16 offsets into the original (not normalised) field value; end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The original text between start and end. */
  text: z.string(),
  /** The lexicon term or predicate that matched, in normalised form. */
  term: z.string().optional(),
  /** Which predicate of the rule produced it (e.g. `mentions_candidate`, `lexicon:dukungan`). */
  predicate: z.string().optional(),
  /** For text read from an image (`media_text.<n>`): the image's blob and the words' box in its pixels. */
  image: z
    .object({
      blobSha256: z.string().regex(/^[0-9a-f]{64}$/),
      box: z.object({ x: z.number().int().nonnegative(), y: z.number().int().nonnegative(), width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
      /** The image's own size in pixels, so a report can draw the box at any display size. */
      size: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
    })
    .optional(),
});
export type MatchSpan = z.infer<typeof MatchSpanSchema>;

/** What a finding's evidence is. */
export const EvidenceRefSchema = z.object({
  captureId: z.string(),
  rawBlobs: z.array(z.string()).default([]),
  /** sha256 of the item's canonical JSON. */
  itemHash: z.string(),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

/** A known false claim an item re-states (a `claim` predicate matched), and where it was debunked. */
export const FindingClaimSchema = z.object({
  /** The claim's id in the registry. */
  id: z.string(),
  /** The fact-checker's verdict: false, misleading, out_of_context, manipulated. */
  verdict: z.string(),
  /** The debunk's address, publisher and publication date (YYYY-MM-DD). */
  url: z.string(),
  publisher: z.string(),
  date: z.string(),
  /** How much of the claim's wording the item says, 0–1. */
  score: z.number().min(0).max(1),
  /** The claim wording the item resembles most. */
  wording: z.string(),
});
export type FindingClaim = z.infer<typeof FindingClaimSchema>;

/** A rule matched an item: a flag for human review, never a verdict. */
export const FindingSchema = z.object({
  id: z.string().min(1).max(200),
  ruleId: z.string(),
  ruleSetId: z.string(),
  ruleSetVersion: z.string(),
  title: z.object({ id: z.string(), en: z.string() }),
  category: FindingCategorySchema,
  /** One or more: where the same act is both an ethics and a discipline breach, both. */
  sanctions: z.array(SanctionClassSchema).min(1),
  severity: z.enum(['low', 'medium', 'high']),
  routes: z.array(RouteCodeSchema).default([]),
  legalBasis: z.array(LegalBasisSchema).min(1),
  subjectId: z.string(),
  subjectCategory: SubjectCategorySchema,
  accountKey: z.string(),
  itemKey: z.string(),
  itemKind: ItemKindSchema,
  /** Phase at the item's time (undefined when outside the schedule). */
  phase: PhaseSchema.optional(),
  /** The item's time, or the capture time where the item has none. */
  actAt: InstantSchema,
  spans: z.array(MatchSpanSchema),
  /** Known false claims the item re-states, when the rule has a `claim` predicate. */
  claims: z.array(FindingClaimSchema).optional(),
  evidence: EvidenceRefSchema,
  createdAt: InstantSchema,
  /** Notes for the reviewer, e.g. "sensitive term: shown to reviewers only". */
  notes: z.array(z.string()).default([]),
});
export type Finding = z.infer<typeof FindingSchema>;
export type FindingInput = z.input<typeof FindingSchema>;
