import { beforeAll, describe, expect, it } from 'vitest';
import PQueue from 'p-queue';
import sharp from 'sharp';
import { hasBallotCall } from './__fixtures__/ballot-call.js';
import { degrade, DEGRADATIONS, posterSpec, renderPoster } from './__fixtures__/render-poster.js';
import { requireTesseract } from './__fixtures__/tesseract-present.js';
import { readImageText } from './tesseract-ocr.js';

beforeAll(() => requireTesseract());

describe('readImageText (Tesseract, ind+eng)', () => {
  it('finds the ballot-number call in ≥ 90 % of clean and ≥ 75 % of degraded posters and banners', async () => {
    const queue = new PQueue({ concurrency: 2 });
    const clean: boolean[] = [];
    const degraded: boolean[] = [];
    const seeds = [101, 102, 103, 104, 105, 106];
    await Promise.all(
      seeds.map((seed, index) =>
        queue.add(async () => {
          const spec = posterSpec(seed, index % 3 === 2 ? 'banner' : 'poster');
          const png = await renderPoster(spec);
          const read = await readImageText(png);
          clean.push(read.isOk() && hasBallotCall(read.value.text, spec.ballotNumber));
          for (const how of DEGRADATIONS) {
            const copy = await readImageText(await degrade(png, how, seed));
            degraded.push(copy.isOk() && hasBallotCall(copy.value.text, spec.ballotNumber));
          }
        }),
      ),
    );
    const rate = (values: boolean[]) => values.filter(Boolean).length / values.length;
    expect(clean).toHaveLength(6);
    expect(degraded).toHaveLength(30);
    expect(rate(clean)).toBeGreaterThanOrEqual(0.9);
    expect(rate(degraded)).toBeGreaterThanOrEqual(0.75);
  }, 400_000);

  it('gives each word a box in the original picture and its offsets in the joined text', async () => {
    const spec = { seed: 7, ballotNumber: 2, call: 'Coblos No. 2', names: 'Wulan Halim – Joko Saputra', slogan: 'Kerja Nyata Bukan Janji', kind: 'banner' as const };
    const png = await renderPoster(spec);
    const read = (await readImageText(png))._unsafeUnwrap();
    const coblos = read.words.find((word) => word.text.toLowerCase() === 'coblos');
    expect(coblos).toBeDefined();
    expect(read.text.slice(coblos!.start, coblos!.end)).toBe(coblos!.text);
    // The banner draws the call at x = 480, baseline y = 150, 72 px high, in a 1200×400 picture.
    expect(coblos!.box.x).toBeGreaterThan(440);
    expect(coblos!.box.x).toBeLessThan(520);
    expect(coblos!.box.y).toBeLessThanOrEqual(105);
    expect(coblos!.box.y + coblos!.box.height).toBeGreaterThanOrEqual(145);
    expect(coblos!.box.y + coblos!.box.height).toBeLessThan(200);
    expect(coblos!.confidence).toBeGreaterThan(50);
  });

  it('names the install script when the binary is missing', async () => {
    const png = await renderPoster(posterSpec(3));
    const read = await readImageText(png, { binary: '/nonexistent/tesseract' });
    expect(read._unsafeUnwrapErr()).toMatchObject({ type: 'tesseract_missing', message: expect.stringContaining('scripts/services/install-tesseract.sh') });
  });

  it('refuses images over the byte or pixel cap before decoding, and stops a run at its timeout', async () => {
    const png = await renderPoster(posterSpec(4));
    expect((await readImageText(png, { limits: { maxBytes: 100 } }))._unsafeUnwrapErr().type).toBe('too_large');
    expect((await readImageText(png, { limits: { maxPixels: 1000 } }))._unsafeUnwrapErr().type).toBe('too_many_pixels');
    const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#777' } }).png().toBuffer();
    expect((await readImageText(new Uint8Array(big), { timeoutMs: 1 }))._unsafeUnwrapErr().type).toBe('timeout');
  });

  it('rejects language codes that are not plain Tesseract codes', async () => {
    const png = await renderPoster(posterSpec(5));
    expect((await readImageText(png, { languages: 'ind; rm -rf /' }))._unsafeUnwrapErr().type).toBe('invalid_input');
  });
});
