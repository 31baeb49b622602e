/**
 * `pnpm bench patrol`: patrol captures of a 200-post profile on the simulated web app (headless
 * Chromium, TLS on 127.0.0.1): captures per minute (open, wait for the feed, keep, parse, store),
 * WARC bytes per capture, and stored bytes per page byte. Figures go to bench-results/patrol.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_SUBJECTS, SubjectSchema } from '@sipansos/core';
import { createFsStore } from '@sipansos/store-fs';
import { createPatrolSite } from '@sipansos/testkit';
import { reportBench } from '../../../scripts/bench-results.js';
import { buildPatrolCaptures, openPatrolBrowser, readPatrolPage, startPatrolSession } from '../src/index.js';

const CAPTURES = Number(process.env.BENCH_CAPTURES ?? 10);
const POSTS = Number(process.env.BENCH_POSTS ?? 200);
const root = mkdtempSync(path.join(tmpdir(), 'sipansos-bench-patrol-'));
const subjects = EXAMPLE_SUBJECTS.map((subject) => SubjectSchema.parse(subject));
const account = subjects[0]!.accounts.find((entry) => entry.platform === 'facebook')!;

const site = await createPatrolSite({ subjectPostCount: POSTS, inlinePosts: 20 });
const browser = (await openPatrolBrowser({ profileDir: path.join(root, 'profile'), headless: true, extraArgs: site.chromiumArgs }))._unsafeUnwrap();
const store = createFsStore({ dir: path.join(root, 'store') });
try {
  (await store.open())._unsafeUnwrap();
  const login = await browser.page();
  await site.logIn(login);
  const session = await startPatrolSession({ browser, actor: 'bench', onKept: () => 'ok' });

  let warcBytes = 0;
  let storedBytes = 0;
  let pageBytes = 0;
  let items = 0;
  const timed = async () => {
    (await session.open(site.urls.subjectProfile))._unsafeUnwrap();
    await session.page.waitForSelector('body[data-feed-loaded="1"]');
    const kept = (await session.keep())._unsafeUnwrap();
    const built = buildPatrolCaptures({ kept, reading: readPatrolPage(kept, kept.blobs.warc.sha256), subjects, campaignAccounts: [], account });
    for (const blob of built.blobs) (await store.putBlob(blob.bytes))._unsafeUnwrap();
    (await store.append('capture', built.entries.map((entry) => entry.capture)))._unsafeUnwrap();
    return { kept, built };
  };
  await timed(); // warm-up: first paint, font cache
  const started = performance.now();
  for (let index = 0; index < CAPTURES; index++) {
    const { kept, built } = await timed();
    warcBytes += kept.blobs.warc.bytes.byteLength;
    storedBytes += built.blobs.reduce((sum, blob) => sum + blob.bytes.byteLength, 0) + Buffer.byteLength(JSON.stringify(built.entries.map((entry) => entry.capture)));
    pageBytes += kept.exchanges.reduce((sum, exchange) => sum + exchange.body.byteLength, 0);
    items = built.entries[0]!.capture.items.length;
  }
  const minutes = (performance.now() - started) / 60_000;
  reportBench(
    'patrol',
    [
      { name: 'patrol_captures_per_min', value: CAPTURES / minutes, unit: `captures/min (${POSTS}-post profile)` },
      { name: 'patrol_warc_bytes_per_capture', value: Math.round(warcBytes / CAPTURES), unit: 'bytes' },
      { name: 'patrol_stored_per_page_byte', value: storedBytes / pageBytes, unit: 'x (blobs + record / response bodies)' },
      { name: 'patrol_items_per_capture', value: items, unit: 'items' },
    ],
    [
      `${CAPTURES} captures after one warm-up; each: navigate, wait for the GraphQL-loaded feed (20 posts in the HTML, ${POSTS - 20} over XHR), keep (WARC via warcio, full-page PNG, MHTML, text), parse, store blobs + capture record in store-fs (fsync).`,
      'stored bytes per page byte: everything stored for a capture (WARC, screenshot, MHTML, text, capture record) over the response bodies of the page; the full-page screenshot of a 200-post page dominates.',
      'Headless Chromium on 127.0.0.1 (no network latency); the machine is shared with other work; figures are noisy.',
    ],
  );
} finally {
  await browser.close();
  await store.close();
  await site.close();
  rmSync(root, { recursive: true, force: true });
}
