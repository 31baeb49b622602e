/**
 * `pnpm bench media`: images per second for perceptual hashing and for OCR (Tesseract, ind+eng),
 * and the time to search one hash (radius = the match distance) in a multi-index of 100,000 and
 * of 1,000,000 random 64-bit hashes, with their ratio (linear growth would be 10).
 * Figures go to bench-results/media.json. BENCH_MEDIA_BIG=0 skips the 1,000,000 index.
 */
import { degrade, posterSpec, renderPoster } from '../src/__fixtures__/render-poster.js';
import { seededRandom } from '../src/__fixtures__/render-poster.js';
import { DEFAULT_MATCH_DISTANCE } from '../src/campaign-matcher.js';
import { HammingIndex } from '../src/hamming-index.js';
import { imageFingerprint } from '../src/image-fingerprint.js';
import { readImageText } from '../src/tesseract-ocr.js';
import { reportBench } from '../../../scripts/bench-results.js';

const HASH_IMAGES = Number(process.env.BENCH_MEDIA_HASH_IMAGES ?? 40);
const OCR_IMAGES = Number(process.env.BENCH_MEDIA_OCR_IMAGES ?? 6);
const QUERIES = 2000;

async function images(count: number): Promise<Uint8Array[]> {
  const list: Uint8Array[] = [];
  for (let index = 0; index < count; index++) list.push(await degrade(await renderPoster(posterSpec(900 + index, index % 3 === 2 ? 'banner' : 'poster')), 'jpeg_q30'));
  return list;
}

async function hashingPerSecond(list: Uint8Array[], trims: boolean): Promise<number> {
  await imageFingerprint(list[0]!, { bits: 64, trims });
  const started = performance.now();
  for (const bytes of list) (await imageFingerprint(bytes, { bits: 64, trims }))._unsafeUnwrap();
  return list.length / ((performance.now() - started) / 1000);
}

async function ocrPerSecond(list: Uint8Array[]): Promise<number> {
  const started = performance.now();
  for (const bytes of list) (await readImageText(bytes))._unsafeUnwrap();
  return list.length / ((performance.now() - started) / 1000);
}

/** Microseconds per search of one hash, averaged over queries near stored hashes and random ones. */
function searchMicros(size: number): number {
  const random = seededRandom(size);
  const word = () => Math.floor(random() * 0x100000000) >>> 0;
  const index = new HammingIndex<number>();
  const stored: Array<[number, number]> = [];
  for (let id = 0; id < size; id++) {
    const high = word();
    const low = word();
    if (id % 1000 === 0) stored.push([high, low]);
    index.addWords(high, low, id);
  }
  const queries: Array<[number, number]> = [];
  for (let query = 0; query < QUERIES; query++) {
    if (query % 2 === 0) {
      const [high, low] = stored[query % stored.length]!;
      queries.push([(high ^ (1 << (query % 31))) >>> 0, (low ^ (1 << ((query * 7) % 31))) >>> 0]);
    } else queries.push([word(), word()]);
  }
  for (const [high, low] of queries.slice(0, 200)) index.searchWords(high, low, DEFAULT_MATCH_DISTANCE);
  const started = performance.now();
  let hits = 0;
  for (const [high, low] of queries) hits += index.searchWords(high, low, DEFAULT_MATCH_DISTANCE).length;
  if (hits < QUERIES / 2) throw new Error('queries near stored hashes must find them');
  return ((performance.now() - started) * 1000) / QUERIES;
}

const list = await images(Math.max(HASH_IMAGES, OCR_IMAGES));
const hashPlain = await hashingPerSecond(list.slice(0, HASH_IMAGES), false);
const hashReference = await hashingPerSecond(list.slice(0, HASH_IMAGES), true);
const ocr = await ocrPerSecond(list.slice(0, OCR_IMAGES));
const small = searchMicros(100_000);
const big = process.env.BENCH_MEDIA_BIG === '0' ? undefined : searchMicros(1_000_000);

reportBench(
  'media',
  [
    { name: 'hash_images_per_s', value: hashPlain, unit: 'images/s (600×800 JPEG, whole + frames)' },
    { name: 'hash_reference_images_per_s', value: hashReference, unit: 'images/s (with 34 trimmed views)' },
    { name: 'ocr_images_per_s', value: ocr, unit: 'images/s (tesseract ind+eng, one process at a time)' },
    { name: 'search_100k_us', value: small, unit: 'µs per search, 100,000 hashes' },
    ...(big === undefined ? [] : [
      { name: 'search_1m_us', value: big, unit: 'µs per search, 1,000,000 hashes' },
      { name: 'search_1m_vs_100k_ratio', value: big / small, unit: 'x (linear would be 10)' },
    ]),
  ],
  [`search radius ${DEFAULT_MATCH_DISTANCE} bits of 64; half the queries lie near a stored hash, half are random.`, `${HASH_IMAGES} images hashed, ${OCR_IMAGES} read by OCR.`],
);
