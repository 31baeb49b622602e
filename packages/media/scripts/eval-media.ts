/**
 * The figures of issue 18 at full size, too slow for a test: perceptual matching of degraded
 * copies against 10,000 unrelated generated pictures, and OCR of the ballot-number call on clean
 * and degraded posters. Threshold chosen on seeds 1–20 (calibration); measured here on held-out
 * seeds. Run: `pnpm eval:media [unrelated=10000] [ocrPosters=20]`.
 */
import os from 'node:os';
import PQueue from 'p-queue';
import { hasBallotCall } from '../src/__fixtures__/ballot-call.js';
import { degrade, DEGRADATIONS, posterSpec, renderPoster, renderUnrelated, type Degradation } from '../src/__fixtures__/render-poster.js';
import { CampaignMatcher, DEFAULT_MATCH_DISTANCE } from '../src/campaign-matcher.js';
import { imageFingerprint } from '../src/image-fingerprint.js';
import { readImageText } from '../src/tesseract-ocr.js';

const unrelatedCount = Number(process.argv[2] ?? 10_000);
const ocrPosters = Number(process.argv[3] ?? 20);
const references = 40;

async function matching(): Promise<Record<string, unknown>> {
  const matcher = new CampaignMatcher();
  const originals: Array<{ seed: number; png: Uint8Array }> = [];
  for (let index = 0; index < references; index++) {
    const seed = 1000 + index;
    const png = await renderPoster(posterSpec(seed, index % 3 === 2 ? 'banner' : 'poster'));
    originals.push({ seed, png });
    matcher.addReference(1 + (index % 5), `ref-${seed}`, `x:ref-${seed}`, (await imageFingerprint(png, { bits: 64, trims: true }))._unsafeUnwrap());
  }
  const byDegradation: Record<string, { copies: number; found: number; distances: number[] }> = {};
  for (const [index, original] of originals.entries()) {
    for (const how of DEGRADATIONS) {
      const entry = (byDegradation[how] ??= { copies: 0, found: 0, distances: [] });
      entry.copies++;
      const fingerprint = (await imageFingerprint(await degrade(original.png, how as Degradation, index + 7), { bits: 64 }))._unsafeUnwrap();
      const match = matcher.addPicture(`copy-${index}-${how}`, `x:copy-${index}-${how}`, fingerprint).find((candidate) => candidate.reference.itemKey === `x:ref-${original.seed}`);
      if (match) {
        entry.found++;
        entry.distances.push(match.distance);
      }
    }
  }
  process.stderr.write(`recall: ${JSON.stringify(Object.fromEntries(Object.entries(byDegradation).map(([how, entry]) => [how, `${entry.found}/${entry.copies}, max ${Math.max(0, ...entry.distances)}`])))}\n`);
  let falseMatches = 0;
  const started = performance.now();
  for (let seed = 0; seed < unrelatedCount; seed++) {
    const fingerprint = (await imageFingerprint(await renderUnrelated(100_000 + seed), { bits: 64 }))._unsafeUnwrap();
    if (matcher.addPicture(`unrelated-${seed}`, `x:unrelated-${seed}`, fingerprint).length > 0) falseMatches++;
    // A loaded machine may stop a long run: say how far it got.
    if ((seed + 1) % 500 === 0) process.stderr.write(`unrelated ${seed + 1}/${unrelatedCount}: ${falseMatches} false matches\n`);
  }
  const copies = Object.values(byDegradation).reduce((sum, entry) => sum + entry.copies, 0);
  const found = Object.values(byDegradation).reduce((sum, entry) => sum + entry.found, 0);
  return {
    threshold: DEFAULT_MATCH_DISTANCE,
    references,
    copies,
    recall: found / copies,
    byDegradation: Object.fromEntries(Object.entries(byDegradation).map(([how, entry]) => [how, { recall: entry.found / entry.copies, maxDistance: Math.max(0, ...entry.distances) }])),
    unrelated: unrelatedCount,
    falseMatches,
    falseMatchRate: unrelatedCount > 0 ? falseMatches / unrelatedCount : undefined,
    unrelatedSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

async function ocr(): Promise<Record<string, unknown>> {
  const queue = new PQueue({ concurrency: Math.max(1, Math.min(4, os.availableParallelism())) });
  const clean: boolean[] = [];
  const degraded: Record<string, boolean[]> = {};
  await Promise.all(
    Array.from({ length: ocrPosters }, (_, index) =>
      queue.add(async () => {
        const spec = posterSpec(5000 + index, index % 3 === 2 ? 'banner' : 'poster');
        const png = await renderPoster(spec);
        const read = await readImageText(png);
        clean.push(read.isOk() && hasBallotCall(read.value.text, spec.ballotNumber));
        for (const how of DEGRADATIONS) {
          const copy = await readImageText(await degrade(png, how, index));
          (degraded[how] ??= []).push(copy.isOk() && hasBallotCall(copy.value.text, spec.ballotNumber));
        }
      }),
    ),
  );
  const rate = (values: boolean[]) => Math.round((values.filter(Boolean).length / values.length) * 1000) / 1000;
  const all = Object.values(degraded).flat();
  return { posters: ocrPosters, clean: rate(clean), degraded: rate(all), byDegradation: Object.fromEntries(Object.entries(degraded).map(([how, values]) => [how, rate(values)])) };
}

const result = { matching: unrelatedCount >= 0 ? await matching() : undefined, ocr: ocrPosters > 0 ? await ocr() : undefined };
console.log(JSON.stringify(result, null, 2));
