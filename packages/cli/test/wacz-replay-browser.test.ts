import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';
import { PATROL_PAGE_URL, PATROL_POST_TEXT, waczOffice } from './wacz-office-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
// The package's index.html sits beside ui.js and sw.js (its exports name no package.json).
const replayDir = path.dirname(createRequire(import.meta.url).resolve('replaywebpage/index.html'));

let parent = '';
let wacz: Uint8Array;
let server: Server;
let origin = '';
let browser: Browser | undefined;
const requested: string[] = [];

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'sipansos-replay-'));
  const dir = await waczOffice(parent);
  const io = memoryIo(dir);
  if ((await main(['export-wacz', '--all', '--out', 'bukti.wacz'], io)) !== 0) throw new Error(io.err());
  wacz = await readFile(path.join(dir, 'bukti.wacz'));
  const ui = await readFile(path.join(replayDir, 'ui.js'));
  const sw = await readFile(path.join(replayDir, 'sw.js'));
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requested.push(url.pathname);
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html><head><meta charset="utf-8"><script src="/ui.js"></script></head><body><replay-web-page source="/bukti.wacz" url="${PATROL_PAGE_URL}" replayBase="/replay/" embed="replayonly"></replay-web-page></body></html>`,
      );
    } else if (url.pathname === '/ui.js' || url.pathname === '/replay/ui.js') {
      response.writeHead(200, { 'content-type': 'application/javascript' }).end(ui);
    } else if (url.pathname === '/replay/sw.js' || url.pathname === '/sw.js') {
      response.writeHead(200, { 'content-type': 'application/javascript', 'service-worker-allowed': '/' }).end(sw);
    } else if (url.pathname === '/bukti.wacz') {
      const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = range[2] ? Math.min(Number(range[2]), wacz.byteLength - 1) : wacz.byteLength - 1;
        response.writeHead(206, { 'content-type': 'application/wacz+zip', 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${wacz.byteLength}`, 'content-length': end - start + 1 });
        response.end(request.method === 'HEAD' ? undefined : wacz.subarray(start, end + 1));
      } else {
        response.writeHead(200, { 'content-type': 'application/wacz+zip', 'accept-ranges': 'bytes', 'content-length': wacz.byteLength });
        response.end(request.method === 'HEAD' ? undefined : wacz);
      }
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('the exported WACZ in ReplayWeb.page', () => {
  it('replays the patrol page and shows the captured post text', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium missing at ${CHROMIUM}: install it with apt-get install -y chromium (.ci/run does this)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    let foundIn: string | undefined;
    for (let attempt = 0; attempt < 60 && !foundIn; attempt++) {
      await page.waitForTimeout(500);
      for (const frame of page.frames()) {
        const text = await frame.evaluate<string>('document.body ? document.body.innerText : ""').catch(() => '');
        if (text.includes(PATROL_POST_TEXT)) foundIn = frame.url();
      }
    }
    expect(foundIn, `frames: ${page.frames().map((frame) => frame.url()).join(', ')}; requested: ${requested.join(', ')}`).toBeDefined();
    // The text is in the replayed archive frame (served by the service worker from the WACZ), not our page.
    expect(foundIn).toContain(PATROL_PAGE_URL);
    expect(foundIn?.startsWith(`${origin}/replay/`)).toBe(true);
  }, 90_000);
});
