import { z } from 'zod';
import { LocalDateSchema } from '../election/time-zone.js';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * What a claim is about: the voting process (ballots, TPS, who may vote and how), counting and
 * recapitulation (quick count, real count, Sirekap, results), the organisers (KPU, Bawaslu,
 * KPPS, DKPP), candidates and parties, and identity narratives (ethnicity, religion, race,
 * "PKI", foreigners: SARA).
 */
export const CLAIM_TOPICS = ['voting_process', 'counting', 'organisers', 'candidates', 'identity'] as const;
export const ClaimTopicSchema = z.enum(CLAIM_TOPICS, { error: () => `topic must be one of: ${CLAIM_TOPICS.join(', ')}` });
export type ClaimTopic = z.infer<typeof ClaimTopicSchema>;

/**
 * The fact-checker's verdict: `false` (the fact is untrue), `misleading` (true parts arranged to
 * mislead), `out_of_context` (a real photo, video or quote from another time or place),
 * `manipulated` (an edited image, video, headline or screenshot).
 */
export const CLAIM_VERDICTS = ['false', 'misleading', 'out_of_context', 'manipulated'] as const;
export const ClaimVerdictSchema = z.enum(CLAIM_VERDICTS, { error: () => `verdict must be one of: ${CLAIM_VERDICTS.join(', ')}` });
export type ClaimVerdict = z.infer<typeof ClaimVerdictSchema>;

/** Where the claim was checked in public. */
export const ClaimReviewRefSchema = z.object({
  /** The debunk's address; https only, so a reviewer can open it safely. */
  url: z.url({ protocol: /^https$/, error: 'url must be an https:// address of the published debunk' }),
  /** Who published the debunk, e.g. "Kompas.com Cek Fakta", "TurnBackHoax (Mafindo)", "KPU". */
  publisher: z.string().trim().min(1, { message: 'publisher must name who published the debunk' }).max(200),
  /** The debunk's publication date, `YYYY-MM-DD`. */
  date: LocalDateSchema,
});
export type ClaimReviewRef = z.infer<typeof ClaimReviewRefSchema>;

/** One known false claim: how it is usually worded, the verdict and where it was debunked. */
export const ClaimSchema = z.object({
  id: z.string().regex(SLUG, { message: 'claim id must be 1–100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit' }),
  /**
   * The claim as it circulates, in one or more wordings (in `language`). Write the claim itself,
   * not its refutation: the matcher recognises re-posts of these words.
   */
  wordings: z.array(z.string().trim().min(12, { message: 'a wording needs at least 12 characters to be matched reliably' }).max(1000)).min(1, { message: 'a claim needs at least one wording' }),
  /** English renderings for reports; not matched. */
  wordingsEn: z.array(z.string().trim().min(1).max(1000)).optional(),
  verdict: ClaimVerdictSchema,
  review: ClaimReviewRefSchema,
  topics: z.array(ClaimTopicSchema).min(1, { message: 'a claim needs at least one topic' }),
  /** Language of `wordings` (BCP 47 primary tag). */
  language: z.enum(['id', 'en']).default('id'),
});
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimInput = z.input<typeof ClaimSchema>;

/** A claim registry file: the built-in one, or an office's own `claims.json`. */
export const ClaimRegistrySchema = z
  .object({
    $schema: z.string().optional(),
    claims: z.array(ClaimSchema),
  })
  .superRefine((registry, context) => {
    const seen = new Map<string, number>();
    registry.claims.forEach((claim, index) => {
      const first = seen.get(claim.id);
      if (first !== undefined) context.addIssue({ code: 'custom', path: ['claims', index, 'id'], message: `claim id "${claim.id}" is already used by claims.${first}: choose another id` });
      else seen.set(claim.id, index);
    });
  });
export type ClaimRegistry = z.infer<typeof ClaimRegistrySchema>;
export type ClaimRegistryInput = z.input<typeof ClaimRegistrySchema>;
