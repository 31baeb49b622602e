import { createMemoryStore, createMonitor, type Finding } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { createXAdapter } from '@sipansos/adapter-x';
import { createSimulatedWorld, WORLD_PICTURES, worldHandlers } from '@sipansos/testkit';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { degrade, renderPoster } from '../src/__fixtures__/render-poster.js';
import { requireTesseract } from '../src/__fixtures__/tesseract-present.js';
import { CAMPAIGN_IMAGE_RULE_ID } from '../src/campaign-finding.js';
import { createMediaQueue } from '../src/media-queue.js';

const server = setupServer();
beforeAll(() => {
  requireTesseract();
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

describe('the simulated world with pictures, through the monitor and the media queue', () => {
  it('finds the civil servant who re-posts pair 2’s poster, and the ballot call on a banner with its box', async () => {
    const pairPoster = await renderPoster({ seed: 52, ballotNumber: 2, call: 'Coblos No. 2', names: 'Bagus Wiratmaja – Sekar Ayuningtyas', slogan: 'Harapan Baru untuk Lembah', kind: 'poster' });
    const pictures = {
      [WORLD_PICTURES.pairPoster]: pairPoster,
      [WORLD_PICTURES.sharedPoster]: await degrade(pairPoster, 'screenshot_twice'),
      [WORLD_PICTURES.banner]: await renderPoster({ seed: 53, ballotNumber: 1, call: 'Coblos No. 1', names: 'Arman Sasmita – Rina Kartikasari', slogan: 'Lembah Maju Bersama', kind: 'banner' }),
    };
    const world = createSimulatedWorld({ pictures });
    server.use(...worldHandlers(world));
    // The three accounts whose X posts carry the pictures.
    const subjects = world.subjects.filter((subject) => ['asn-001', 'asn-003', 'cand-002'].includes(subject.id)).map((subject) => ({ ...subject, accounts: subject.accounts.filter((account) => account.platform === 'x') }));
    const store = createMemoryStore();
    const rules = compileRules(BUILTIN_RULE_SETS, world.context)._unsafeUnwrap();
    const x = createXAdapter({ bearerToken: 'fake-token-for-the-simulated-world', env: {}, media: { allowedHosts: ['api.x.com'] }, retry: { maxRetries: 0, maxRateLimitWaitMs: 0 } });
    const monitor = createMonitor({ store, adapters: [x], rules, context: world.context, subjects, options: { fetchMedia: true } })._unsafeUnwrap();
    const media = createMediaQueue({ store, context: world.context, subjects, rules });
    for (let cycle = 1; cycle <= 3; cycle++) {
      world.advanceTo(cycle);
      (await monitor.runCycle({ onProgress: media.listener }))._unsafeUnwrap();
    }
    const report = await media.drain({ deadlineMs: 240_000 });
    expect(report.problems).toEqual([]);
    expect(report.references).toBeGreaterThan(0);

    const findings: Finding[] = (await store.query('finding'))._unsafeUnwrap().map((entry) => entry.record);
    const share = findings.find((finding) => finding.ruleId === CAMPAIGN_IMAGE_RULE_ID);
    expect(share).toMatchObject({ subjectId: 'asn-003', title: { id: expect.stringContaining('paslon 2'), en: expect.stringContaining('pair 2') } });
    const bannerSpan = findings.filter((finding) => finding.subjectId === 'asn-001').flatMap((finding) => finding.spans).find((span) => span.field === 'media_text.0' && /coblos/i.test(span.text));
    expect(bannerSpan?.image?.box.width).toBeGreaterThan(0);
    expect(bannerSpan?.image?.size).toEqual({ width: 1200, height: 400 });
  }, 400_000);
});
