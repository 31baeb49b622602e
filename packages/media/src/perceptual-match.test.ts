import { describe, expect, it } from 'vitest';
import { degrade, DEGRADATIONS, posterSpec, renderPoster, renderUnrelated } from './__fixtures__/render-poster.js';
import { CampaignMatcher, DEFAULT_MATCH_DISTANCE } from './campaign-matcher.js';
import { hammingDistance } from './hamming-distance.js';
import { fingerprintDistance, imageFingerprint } from './image-fingerprint.js';

// Held out: the threshold was chosen on seeds 1–20; these seeds never took part.
const REFERENCE_SEEDS = [201, 202, 203, 204, 205, 206, 207, 208, 209, 210];
const UNRELATED = 300;

describe('perceptual matching of re-shared campaign pictures', () => {
  it(`finds ≥ 95 % of degraded copies with ≤ 1 % false matches among ${UNRELATED} unrelated pictures (distance ≤ ${DEFAULT_MATCH_DISTANCE})`, async () => {
    const matcher = new CampaignMatcher();
    const originals: Uint8Array[] = [];
    for (const [index, seed] of REFERENCE_SEEDS.entries()) {
      const png = await renderPoster(posterSpec(seed, index % 3 === 2 ? 'banner' : 'poster'));
      originals.push(png);
      matcher.addReference(1 + (index % 5), `${String(seed).padStart(64, '0')}`, `x:ref-${seed}`, (await imageFingerprint(png, { bits: 64, trims: true }))._unsafeUnwrap());
    }
    let found = 0;
    let copies = 0;
    for (const [index, png] of originals.entries()) {
      for (const how of DEGRADATIONS) {
        copies++;
        const fingerprint = (await imageFingerprint(await degrade(png, how, index + 1), { bits: 64 }))._unsafeUnwrap();
        const matches = matcher.addPicture(`copy-${index}-${how}`, `x:copy-${index}-${how}`, fingerprint);
        if (matches.some((match) => match.reference.itemKey === `x:ref-${REFERENCE_SEEDS[index]}`)) found++;
      }
    }
    let falseMatches = 0;
    for (let seed = 0; seed < UNRELATED; seed++) {
      const fingerprint = (await imageFingerprint(await renderUnrelated(50_000 + seed), { bits: 64 }))._unsafeUnwrap();
      if (matcher.addPicture(`unrelated-${seed}`, `x:unrelated-${seed}`, fingerprint).length > 0) falseMatches++;
    }
    expect(copies).toBe(50);
    expect(found / copies).toBeGreaterThanOrEqual(0.95);
    expect(falseMatches / UNRELATED).toBeLessThanOrEqual(0.01);
  }, 300_000);

  it('tells two different posters of the same template apart from a copy of one of them', async () => {
    const first = await renderPoster(posterSpec(301));
    const other = await renderPoster(posterSpec(302));
    const reference = (await imageFingerprint(first, { bits: 64, trims: true }))._unsafeUnwrap();
    const copy = fingerprintDistance((await imageFingerprint(await degrade(first, 'jpeg_q30'), { bits: 64 }))._unsafeUnwrap(), reference, hammingDistance);
    const different = fingerprintDistance((await imageFingerprint(other, { bits: 64 }))._unsafeUnwrap(), reference, hammingDistance);
    expect(copy.distance).toBeLessThanOrEqual(DEFAULT_MATCH_DISTANCE);
    expect(different.distance).toBeGreaterThan(copy.distance);
  });

  it('peels a screenshot frame and hashes the picture inside it', async () => {
    const png = await renderPoster(posterSpec(303));
    const shot = (await imageFingerprint(await degrade(png, 'screenshot_twice'), { bits: 64 }))._unsafeUnwrap();
    expect(shot.views.map((view) => view.view)).toContain('frame.1');
  });
});
