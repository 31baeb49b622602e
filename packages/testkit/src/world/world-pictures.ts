/**
 * The pictures the simulated world names (`WorldMedia.picture`). The world holds no image bytes:
 * a test renders these and passes them as `createSimulatedWorld({ pictures })`, so the media
 * step sees a pair's poster, a civil servant's re-shared copy of it, and a banner photo.
 */
export const WORLD_PICTURES = {
  /** Pair 2's official poster, posted by `@baskara_resmi` on X ("Coblos No. 2"). */
  pairPoster: 'poster-pair-2',
  /** A copy of that poster (screenshot, re-encoded) re-posted by civil servant asn-003 on X. */
  sharedPoster: 'poster-pair-2-shared',
  /** A banner photo saying "Coblos No. 1", posted by civil servant asn-001 (`@yudhapw_guru`) on X. */
  banner: 'banner-pair-1',
} as const;
