import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseFixture, hostilePostText } from '../src/report/__fixtures__/case-fixture.js';
import { renderEvidenceReport } from '../src/report/evidence-report.js';
import { renderLetter } from '../src/report/letter.js';
import { DEFAULT_ROUTING_TABLE } from '../src/referral/default-routing-table.js';
import { resolveReferral, toCaseReferral } from '../src/referral/resolve-referral.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts');

describe('evidence report in a real browser', () => {
  let browser: Browser | undefined;
  let server: Server;
  let origin = '';
  const hits: string[] = [];
  let dir = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '?');
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('tracked');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-report-'));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a hostile post runs no script and makes no network request', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}; pasang dengan: apt-get update && apt-get install -y chromium / Chromium missing at ${CHROMIUM}: install it with apt-get update && apt-get install -y chromium (.ci/run does this)`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const text = hostilePostText(origin);
    const fixture = buildCaseFixture({
      text,
      editedText: `${text.slice(0, -5)}EDIT!`,
      extraItem: {
        author: { id: '1790000001', handle: 'yudhapw_guru', name: `<img src="${origin}/author.png" onerror="window.pwned=2">` },
        links: ['javascript:alert(document.domain)', `${origin}/link`],
        url: 'javascript:alert(1)',
        media: [
          { type: 'photo', url: `${origin}/media.png`, blobSha256: buildCaseFixture().findings[0]!.evidence.rawBlobs[0]!.replace(/./g, 'b'), mediaType: 'image/png', altText: `"><img src="${origin}/alt.png" onerror="window.pwned=3">` },
          { type: 'photo', url: `${origin}/media2.png`, blobSha256: buildCaseFixture().blobs.keys().next().value!, mediaType: 'image/png', altText: 'foto' },
        ],
      },
    });
    const html = renderEvidenceReport({
      office: { name: 'Bawaslu Kabupaten Lembah Harapan' },
      case: fixture.case,
      subject: fixture.subject,
      findings: fixture.findings,
      captures: fixture.captures,
      blobs: fixture.blobs,
      generatedAt: '2024-10-03T00:00:00Z',
      generatedBy: 'petugas-a',
      verification: { storeId: 'memory', checkedAt: '2024-10-03T00:00:00Z', ok: true, problems: [] },
    });
    const file = path.join(dir, 'report.html');
    await writeFile(file, html);
    const url = pathToFileURL(file).href;

    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const consoleMessages: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => consoleMessages.push(message.text()));
    await page.goto(url, { waitUntil: 'load' });
    // Give any lazy request or timer a chance to fire.
    await page.waitForTimeout(300);

    const state = await page.evaluate(`({
      title: document.title,
      pwned: window.pwned ?? null,
      scripts: document.scripts.length,
      marks: document.querySelectorAll('mark').length,
      images: [...document.images].map((image) => image.src.slice(0, 22)),
      anchors: document.querySelectorAll('a').length,
      iframes: document.querySelectorAll('iframe').length,
      badges: [...document.querySelectorAll('.sip-badge')].map((badge) => badge.textContent),
      postText: document.querySelector('.post-text')?.textContent?.length ?? 0,
      literalScript: document.body.textContent.includes('<script>document.title'),
    })`);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-report-hostile.png'), fullPage: false });
    await writeFile(path.join(ARTIFACTS, 'evidence-report-hostile.html'), html);
    // The hostile post itself, where a reviewer sees escaped markup and visible control characters.
    const postText = await page.locator('.post-text').first().boundingBox();
    if (postText) await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-report-hostile-post.png'), fullPage: true, clip: { x: 0, y: Math.max(0, postText.y - 120), width: 1200, height: 480 } });

    expect(state).toMatchObject({ title: 'Laporan bukti kasus K-2024-001 / Case evidence report', pwned: null, scripts: 0, anchors: 0, iframes: 0, literalScript: true });
    expect((state as { marks: number }).marks).toBeGreaterThanOrEqual(2);
    const images = (state as { images: string[] }).images;
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((src) => src === 'data:image/png;base64,')).toBe(true);
    // Only our own badges: the fake "verified" badge in the post is text.
    expect((state as { badges: string[] }).badges.every((badge) => !badge.includes('TERVERIFIKASI'))).toBe(true);
    expect((state as { postText: number }).postText).toBeGreaterThan(99_000);
    expect(dialogs).toEqual([]);
    expect(requests.filter((request) => request !== url)).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('the letter quoting a hostile post runs no script and makes no network request either', async () => {
    expect(browser, 'the report test launches the browser first').toBeDefined();
    const text = hostilePostText(origin);
    const fixture = buildCaseFixture({ text, editedText: `${text.slice(0, -5)}EDIT!` });
    const referral = toCaseReferral(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: fixture.findings[0]!.actAt })._unsafeUnwrap(), { actAt: fixture.findings[0]!.actAt, preparedAt: '2024-10-05T00:00:00Z' });
    const html = renderLetter({ case: { ...fixture.case, kajianSummary: `<img src="${origin}/kajian.png">` }, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office: { name: 'Bawaslu Kabupaten Lembah Harapan', city: 'Lembah Harapan' }, letter: { date: '2024-10-05' }, referral })._unsafeUnwrap();
    const file = path.join(dir, 'letter.html');
    await writeFile(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser!.newPage({ viewport: { width: 900, height: 1200 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    const state = (await page.evaluate(`({ pwned: window.pwned ?? null, scripts: document.scripts.length, images: document.images.length, title: document.title })`)) as { pwned: unknown; scripts: number; images: number; title: string };
    await page.screenshot({ path: path.join(ARTIFACTS, 'letter-hostile.png') });
    expect(state).toMatchObject({ pwned: null, scripts: 0, images: 0 });
    expect(state.title).toContain('Surat rekomendasi — Dugaan Pelanggaran Netralitas');
    expect(requests.filter((request) => request !== url)).toEqual([]);
    expect(hits).toEqual([]);
  });
});
