import { accountKey, phaseAt, type ElectionContext, type Finding, type Item, type Subject } from '@sipansos/core';
import { hashRecord, sha256Hex } from '@sipansos/core/evidence';
import { BUILTIN_RULE_SETS, REVIEW_NOTE, type Rule } from '@sipansos/core/rules';
import type { CampaignMatch } from './campaign-matcher.js';

/** The rule id and rule set a picture match is filed under. */
export const CAMPAIGN_IMAGE_RULE_ID = 'media.materi_kampanye';
export const MEDIA_RULE_SET_ID = 'sipansos-media';
export const MEDIA_RULE_SET_VERSION = '1.0.0';

/**
 * The built-in neutrality rule whose legal basis, sanctions and route a shared campaign picture
 * falls under, by the sharer's category. Candidates, teams, volunteers and others may share a
 * pair's material: no finding for them.
 */
const BASIS_RULE: Readonly<Record<string, string>> = {
  asn: 'asn.apk_spanduk',
  pppk: 'asn.apk_spanduk',
  ptt: 'ptt.netralitas',
  tni: 'tni.politik_praktis',
  polri: 'polri.politik_praktis',
  penyelenggara: 'penyelenggara.partisan',
  kepala_desa: 'desa.ikut_kampanye',
  perangkat_desa: 'desa.ikut_kampanye',
};

function basisRule(category: string): Rule | undefined {
  const id = BASIS_RULE[category];
  if (!id) return undefined;
  for (const ruleSet of BUILTIN_RULE_SETS) for (const rule of ruleSet.rules) if (rule.id === id) return rule;
  return undefined;
}

/** What {@link campaignImageFinding} reads. */
export interface CampaignImageFindingInput {
  match: CampaignMatch;
  item: Item;
  /** Index into `item.media` of the matched picture, or `'profile'` for a profile photo. */
  media: number | 'profile';
  subject: Subject;
  context: ElectionContext;
  evidence: { captureId: string; rawBlobs: string[] };
  /** The capture time: also the act time when the item has none, and the finding's time. */
  capturedAt: string;
  /** The matched picture's size, for the span's box (the whole picture). */
  size?: { width: number; height: number };
}

/**
 * A finding "shares campaign material of pair N": a subject bound to neutrality posted, shared or
 * wears as profile picture an image within the match distance of a picture the pair's own
 * accounts published. Both pictures, their hashes and the distance are in the span and notes.
 * The id depends on the item, the picture and the reference, so a re-run does not duplicate it.
 */
export function campaignImageFinding(input: CampaignImageFindingInput): Finding | undefined {
  const { match, item, subject, context } = input;
  const rule = basisRule(subject.category);
  if (!rule) return undefined;
  const pair = context.candidatePairs.find((candidate) => candidate.number === match.pair);
  const actAt = item.createdAt ?? input.capturedAt;
  const itemHash = hashRecord(item);
  const field = input.media === 'profile' ? 'profile.photo' : `media.${input.media}`;
  const names = pair ? `${pair.candidate.name}${pair.runningMate ? ` – ${pair.runningMate.name}` : ''}` : '';
  const account = accountKey({ platform: item.platform, handle: item.author.handle ?? item.author.id ?? 'unknown', id: item.author.id });
  const width = input.size?.width ?? 0;
  const height = input.size?.height ?? 0;
  return {
    id: `finding-${sha256Hex(`${MEDIA_RULE_SET_ID}\u0000${CAMPAIGN_IMAGE_RULE_ID}\u0000${itemHash}\u0000${match.candidate.blobSha256}\u0000${match.reference.blobSha256}`).slice(0, 40)}`,
    ruleId: CAMPAIGN_IMAGE_RULE_ID,
    ruleSetId: MEDIA_RULE_SET_ID,
    ruleSetVersion: MEDIA_RULE_SET_VERSION,
    title: { id: `Membagikan materi kampanye paslon ${match.pair}${names ? ` (${names})` : ''}`, en: `Shares campaign material of pair ${match.pair}${names ? ` (${names})` : ''}` },
    category: 'neutrality',
    sanctions: rule.sanctions,
    severity: rule.severity,
    routes: rule.routes,
    legalBasis: rule.legalBasis,
    subjectId: subject.id,
    subjectCategory: subject.category,
    accountKey: account,
    itemKey: `${item.platform}:${item.id}`,
    itemKind: item.kind,
    phase: phaseAt(context, actAt).phase,
    actAt,
    spans: [
      {
        field,
        start: 0,
        end: 0,
        text: '',
        term: `paslon ${match.pair}`,
        predicate: `campaignImage:${match.distance}`,
        image: { blobSha256: match.candidate.blobSha256, box: { x: 0, y: 0, width, height }, ...(width > 0 && height > 0 ? { size: { width, height } } : {}) },
      },
    ],
    evidence: { captureId: input.evidence.captureId, rawBlobs: [...new Set([...input.evidence.rawBlobs, match.candidate.blobSha256, match.reference.blobSha256])], itemHash },
    createdAt: input.capturedAt,
    notes: [
      REVIEW_NOTE,
      `Gambar ${match.candidate.blobSha256} (hash ${match.candidate.hash}, ${match.candidate.view}) berjarak ${match.distance} bit dari gambar kampanye paslon ${match.pair} ${match.reference.blobSha256} (hash ${match.reference.hash}, ${match.reference.view}) pada ${match.reference.itemKey} / Picture ${match.candidate.blobSha256} (hash ${match.candidate.hash}, ${match.candidate.view}) lies ${match.distance} bits from pair ${match.pair}'s campaign picture ${match.reference.blobSha256} (hash ${match.reference.hash}, ${match.reference.view}) in ${match.reference.itemKey}`,
      ...rule.notes,
    ],
  };
}
