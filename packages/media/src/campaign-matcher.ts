import { HammingIndex } from './hamming-index.js';
import type { ImageFingerprint } from './image-fingerprint.js';

/**
 * The largest Hamming distance (of 64 bits) at which two pictures count as the same campaign
 * material. Chosen on generated fixtures (seeds 1–20; held-out seeds are measured by
 * `pnpm eval:media`): degraded copies (JPEG q30, half size, 10 % crop, caption,
 * screenshot of a screenshot) lay at 0–6 there (up to 8 on held-out seeds), unrelated pictures at
 * 14 or more.
 */
export const DEFAULT_MATCH_DISTANCE = 8;

/** A picture on one side of a match. */
export interface MatchedImage {
  blobSha256: string;
  /** `platform:id` of the item that carried it. */
  itemKey: string;
  /** Which hashed view matched (`whole`, `frame.1`, `crop.5.0`) and its hash. */
  view: string;
  hash: string;
}

/** A subject's picture found within the distance of a pair's reference picture. */
export interface CampaignMatch {
  pair: number;
  distance: number;
  reference: MatchedImage;
  candidate: MatchedImage;
}

interface Entry {
  pair?: number;
  blobSha256: string;
  itemKey: string;
  view: string;
  hash: string;
}

/**
 * Pairs' reference pictures and subjects' pictures in two Hamming indexes, matched both ways:
 * a subject's picture is checked against the references known, and a reference added later is
 * checked against the subjects' pictures seen, so the order in which captures arrive does not
 * matter.
 */
export class CampaignMatcher {
  private readonly references = new HammingIndex<Entry>();
  private readonly pictures = new HammingIndex<Entry>();
  private readonly known = new Set<string>();

  constructor(readonly maxDistance = DEFAULT_MATCH_DISTANCE) {}

  /** Number of hashed reference views. */
  get referenceViews(): number {
    return this.references.size;
  }

  /** A pair's own picture (hash it with `trims: true`). Returns subjects' pictures seen before that match it. */
  addReference(pair: number, blobSha256: string, itemKey: string, fingerprint: ImageFingerprint): CampaignMatch[] {
    const key = `r|${pair}|${blobSha256}`;
    if (this.known.has(key)) return [];
    this.known.add(key);
    const matches = new Map<string, CampaignMatch>();
    for (const view of fingerprint.views) {
      const entry: Entry = { pair, blobSha256, itemKey, view: view.view, hash: view.hex };
      this.references.add(view.hex, entry);
      for (const hit of this.pictures.search(view.hex, this.maxDistance)) keepBest(matches, { pair, distance: hit.distance, reference: image(entry), candidate: image(hit.value) });
    }
    return [...matches.values()];
  }

  /** A subject's picture: the best match per pair among the references known so far. */
  addPicture(blobSha256: string, itemKey: string, fingerprint: ImageFingerprint): CampaignMatch[] {
    const key = `p|${itemKey}|${blobSha256}`;
    const matches = new Map<string, CampaignMatch>();
    const fresh = !this.known.has(key);
    this.known.add(key);
    for (const view of fingerprint.views) {
      const entry: Entry = { blobSha256, itemKey, view: view.view, hash: view.hex };
      if (fresh) this.pictures.add(view.hex, entry);
      for (const hit of this.references.search(view.hex, this.maxDistance)) keepBest(matches, { pair: hit.value.pair!, distance: hit.distance, reference: image(hit.value), candidate: image(entry) });
    }
    return [...matches.values()];
  }
}

function image(entry: Entry): MatchedImage {
  return { blobSha256: entry.blobSha256, itemKey: entry.itemKey, view: entry.view, hash: entry.hash };
}

/** One match per (pair, subject picture): the nearest reference view. */
function keepBest(matches: Map<string, CampaignMatch>, match: CampaignMatch): void {
  const key = `${match.pair}|${match.candidate.itemKey}|${match.candidate.blobSha256}`;
  const current = matches.get(key);
  if (!current || match.distance < current.distance) matches.set(key, match);
}
