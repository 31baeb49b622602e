import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCase } from '../src/cases/case-workflow.js';
import { DEFAULT_ROUTING_TABLE } from '../src/referral/default-routing-table.js';
import { resolveReferral, toCaseReferral } from '../src/referral/resolve-referral.js';
import { buildCaseFixture } from '../src/report/__fixtures__/case-fixture.js';
import { renderEvidenceReport } from '../src/report/evidence-report.js';
import { renderLetter } from '../src/report/letter.js';

// What a recipient sees: the letter printed to PDF and on screen, and emoji in a post, in Debian's Chromium.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts');
const EMOJI = '👍🏽✌️2️⃣';
const TEXT = `Ayo dukung Mas Bagus nomor 2! ${EMOJI} Hubungi 0812-3456-7890 untuk info.`;

function draftLetter(): string {
  const fixture = buildCaseFixture({ text: TEXT });
  const actAt = fixture.findings[0]!.actAt;
  const referral = toCaseReferral(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt })._unsafeUnwrap(), { actAt, preparedAt: '2024-10-05T00:00:00Z' });
  return renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, letter: { date: '2024-10-05' }, referral })._unsafeUnwrap();
}

function finalLetter(): string {
  const fixture = buildCaseFixture({ text: TEXT });
  let value = fixture.case;
  for (const to of ['registrasi', 'klarifikasi', 'kajian'] as const) value = moveCase(value, { to, actor: 'a', at: '2024-10-03T01:00:00Z', reason: 'r' })._unsafeUnwrap();
  value = moveCase(value, { to: 'pelanggaran', actor: 'a', at: '2024-10-04T01:00:00Z', reason: 'r', violationType: 'peraturan_lainnya', kajianSummary: 'Terlapor mengunggah ajakan memilih paslon 2.' })._unsafeUnwrap();
  const actAt = fixture.findings[0]!.actAt;
  const referral = toCaseReferral(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt })._unsafeUnwrap(), { actAt, preparedAt: '2024-10-05T01:00:00Z' });
  value = moveCase(value, { to: 'rekomendasi', actor: 'a', at: '2024-10-05T01:00:00Z', reason: 'r', referral })._unsafeUnwrap();
  return renderLetter({ case: value, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, letter: { date: '2024-10-05' } })._unsafeUnwrap();
}

/** The decompressed content stream of each page of a PDF, in file order (Chromium/Skia writes plain objects, no object streams). */
function pdfPageContents(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; streamStart?: number }>();
  for (const match of text.matchAll(/(?:^|\n)(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const stream = /stream\r?\n/.exec(body);
    const bodyStart = (match.index ?? 0) + match[0].length - 'endobj'.length - body.length;
    objects.set(Number(match[1]), { dict: stream ? body.slice(0, stream.index) : body, ...(stream ? { streamStart: bodyStart + stream.index + stream[0].length } : {}) });
  }
  const streamOf = (id: number): string => {
    const object = objects.get(id);
    if (object?.streamStart === undefined) return '';
    const length = Number(/\/Length (\d+)/.exec(object.dict)?.[1] ?? 0);
    const raw = pdf.subarray(object.streamStart, object.streamStart + length);
    return /\/FlateDecode/.test(object.dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
  };
  const pages = [...objects.values()].filter((object) => /\/Type\s*\/Page\b(?!s)/.test(object.dict));
  return pages.map((object) => {
    const contents = /\/Contents\s*(?:(\d+) 0 R|\[([^\]]*)\])/.exec(object.dict);
    const ids = contents?.[1] ? [Number(contents[1])] : [...(contents?.[2] ?? '').matchAll(/(\d+) 0 R/g)].map((ref) => Number(ref[1]));
    return ids.map(streamOf).join('\n');
  });
}

/** The fill colour of the DRAF mark, rgb(200, 0, 0), as Skia writes it in a content stream. */
const MARK_FILL = /(?:^|\s)0?\.7843\d* 0 0 rg/m;

/** Count pixels of a PNG matching a test, decoded by the browser's own canvas in a blank page. */
async function countPixels(browser: Browser, png: Buffer, test: 'red' | 'colour'): Promise<{ matching: number; total: number }> {
  const page = await browser.newPage();
  try {
    // A string, not a function: this package's TypeScript has no DOM library.
    const red = 'r - g > 25 && r - b > 25';
    const colour = 'Math.max(r, g, b) - Math.min(r, g, b) > 60';
    return (await page.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let matching = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        const r = pixels[index], g = pixels[index + 1], b = pixels[index + 2];
        if (${test === 'red' ? red : colour}) matching++;
      }
      return { matching, total: pixels.length / 4 };
    })()`)) as { matching: number; total: number };
  } finally {
    await page.close();
  }
}

async function openHtml(browser: Browser, dir: string, name: string, html: string, viewport = { width: 900, height: 1270 }): Promise<Page> {
  const file = path.join(dir, name);
  await writeFile(file, html);
  const page = await browser.newPage({ viewport });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

describe('letters and reports as a recipient sees them, in a real browser', () => {
  let browser: Browser;
  let dir = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}; pasang dengan: apt-get install -y chromium fonts-noto-color-emoji / Chromium missing at ${CHROMIUM} (.ci/run installs it)`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-letter-print-'));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a draft letter shows DRAF on every printed page, and a final letter on none', async () => {
    const page = await openHtml(browser, dir, 'draf.html', draftLetter());
    await page.emulateMedia({ media: 'print' });
    const style = (await page.evaluate(`(() => {
      const mark = document.querySelector('.draf-tanda');
      if (!mark) return null;
      const computed = getComputedStyle(mark);
      const box = mark.getBoundingClientRect();
      return { text: mark.textContent, display: computed.display, visibility: computed.visibility, opacity: computed.opacity, color: computed.color, position: computed.position, width: box.width, height: box.height };
    })()`)) as { text: string; display: string; visibility: string; opacity: string; color: string; position: string; width: number; height: number } | null;
    expect(style).toMatchObject({ text: 'DRAF', display: 'block', visibility: 'visible', opacity: '1', position: 'fixed' });
    expect(style!.color).toMatch(/^rgba\(200, 0, 0, 0\.2\)$/);
    expect(style!.width * style!.height).toBeGreaterThan(200 * 100);

    // Painted in print media: the area of the mark has red pixels, and none once the mark is hidden.
    const shot = await page.screenshot({ path: path.join(ARTIFACTS, 'letter-draft-print.png'), fullPage: false });
    const withMark = await countPixels(browser, shot, 'red');
    await page.evaluate(`document.querySelector('.draf-tanda').style.visibility = 'hidden'`);
    const withoutMark = await countPixels(browser, await page.screenshot({ fullPage: false }), 'red');
    await page.evaluate(`document.querySelector('.draf-tanda').style.visibility = ''`);
    expect(withMark.matching - withoutMark.matching).toBeGreaterThan(5_000);

    // In the PDF every page draws the mark's colour (the banner on page 1 uses another red).
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    await writeFile(path.join(ARTIFACTS, 'letter-draft.pdf'), pdf);
    const pages = pdfPageContents(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, content] of pages.entries()) expect(content, `page ${index + 1}`).toMatch(MARK_FILL);

    const final = await openHtml(browser, dir, 'final.html', finalLetter());
    await final.emulateMedia({ media: 'print' });
    expect(await final.evaluate(`document.querySelectorAll('.draf-tanda').length`)).toBe(0);
    const finalPdf = await final.pdf({ format: 'A4', preferCSSPageSize: true });
    await writeFile(path.join(ARTIFACTS, 'letter-final.pdf'), finalPdf);
    for (const content of pdfPageContents(finalPdf)) expect(content).not.toMatch(MARK_FILL);
    await final.emulateMedia({ media: 'screen' });
    await final.screenshot({ path: path.join(ARTIFACTS, 'letter-final.png'), fullPage: true });
    await page.close();
    await final.close();
  });

  it('an emoji in a post renders with a colour emoji font, in the report and in the letter', async () => {
    const fixture = buildCaseFixture({ text: TEXT });
    const html = renderEvidenceReport({ office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, blobs: fixture.blobs, generatedAt: '2024-10-03T00:00:00Z', generatedBy: 'petugas-a' });
    const reports: Array<[string, string, string]> = [
      ['report.html', html, '.post-text'],
      ['letter.html', finalLetter(), '.kutipan'],
    ];
    for (const [name, markup, selector] of reports) {
      const page = await openHtml(browser, dir, name, markup, { width: 1200, height: 1600 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const emojiFont = fonts.find((font) => font.familyName === 'Noto Color Emoji');
      expect(emojiFont, `${name}: ${JSON.stringify(fonts)}`).toBeDefined();
      expect(emojiFont!.glyphCount).toBeGreaterThanOrEqual(3);

      // The emoji themselves are drawn in colour (a missing glyph is a black-outlined box).
      const box = (await page.evaluate(`(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        const emoji = ${JSON.stringify(EMOJI)};
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(emoji);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + emoji.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.x + window.scrollX, y: rect.y + window.scrollY, width: rect.width, height: rect.height };
        }
        return null;
      })()`)) as { x: number; y: number; width: number; height: number } | null;
      expect(box, name).not.toBeNull();
      const shot = await page.screenshot({ fullPage: true, clip: { x: box!.x, y: box!.y, width: Math.max(1, box!.width), height: Math.max(1, box!.height) }, path: path.join(ARTIFACTS, `emoji-${name.replace('.html', '')}.png`) });
      const colour = await countPixels(browser, shot, 'colour');
      expect(colour.matching / colour.total, name).toBeGreaterThan(0.15);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace('.html', '')}-emoji-page.png`), fullPage: true });
      await page.close();
    }
  });
});
