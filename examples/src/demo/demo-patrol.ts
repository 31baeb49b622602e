/**
 * The demo's patrol step: one headless patrol capture of the simulated logged-in web app (a
 * candidate Page's post with its reactions dialog open), stored in the demo's evidence store.
 * Without Chromium it says so and the demo goes on.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPatrolCaptures, DEFAULT_CHROMIUM_PATH, openPatrolBrowser, readPatrolPage, startPatrolSession } from '@sipansos/capture-browser';
import type { ElectionContext, Subject } from '@sipansos/core';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { createPatrolSite } from '@sipansos/testkit';

export type DemoPatrolResult =
  | { status: 'captured'; captureIds: string[]; warcBytes: number; items: number; likesOfSubjects: number; tls?: string }
  | { status: 'no_chromium'; executablePath: string }
  | { status: 'failed'; message: string };

export async function demoPatrol(store: EvidenceStoreV1, subjects: readonly Subject[], context: ElectionContext): Promise<DemoPatrolResult> {
  if (!existsSync(DEFAULT_CHROMIUM_PATH)) return { status: 'no_chromium', executablePath: DEFAULT_CHROMIUM_PATH };
  const site = await createPatrolSite();
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-demo-patrol-'));
  const opened = await openPatrolBrowser({ profileDir: path.join(dir, 'profile'), headless: true, extraArgs: site.chromiumArgs });
  if (opened.isErr()) {
    await site.close();
    return { status: 'failed', message: opened.error.message };
  }
  const browser = opened.value;
  try {
    // What staff do once by hand with `sipansos patrol --login`.
    const login = await browser.page();
    await site.logIn(login);
    const session = await startPatrolSession({ browser, actor: 'demo-patroli', onKept: () => 'ok' });
    (await session.open(site.urls.candidatePost))._unsafeUnwrap();
    await session.page.click('[data-reactions-for]');
    await session.page.waitForSelector('[role="dialog"] [role="listitem"]');
    const kept = (await session.keep())._unsafeUnwrap();
    const campaignAccounts = context.candidatePairs.flatMap((pair) => [...pair.officialAccounts, ...pair.knownCampaignAccounts]);
    const built = buildPatrolCaptures({ kept, reading: readPatrolPage(kept, kept.blobs.warc.sha256), subjects, campaignAccounts });
    for (const blob of built.blobs) (await store.putBlob(blob.bytes))._unsafeUnwrap();
    const captures = built.entries.map((entry) => entry.capture);
    (await store.append('capture', captures))._unsafeUnwrap();
    return {
      status: 'captured',
      captureIds: captures.map((capture) => capture.id),
      warcBytes: kept.blobs.warc.bytes.byteLength,
      items: captures[0]!.items.length,
      likesOfSubjects: captures.filter((capture) => capture.scope === 'likes').reduce((sum, capture) => sum + capture.items.length, 0),
      ...(kept.tls ? { tls: `${kept.tls.protocol}, ${kept.tls.subjectName}` } : {}),
    };
  } catch (error) {
    return { status: 'failed', message: (error as Error).message.split('\n')[0]! };
  } finally {
    await browser.close();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}
