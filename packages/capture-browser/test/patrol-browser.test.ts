import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createAccountState, EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS, ElectionContextSchema, SubjectSchema, deletionVerdicts, observeCapture, type Capture, type Subject } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules, evaluateItem } from '@sipansos/core/rules';
import { createFsStore } from '@sipansos/store-fs';
import { createPatrolSite, type PatrolSite } from '@sipansos/testkit';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPatrolCaptures, openPatrolBrowser, readPatrolPage, revisitPosts, startPatrolSession, observeRevisits, type KeptPage, type PatrolBrowser, type PatrolSession } from '../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
// The example election, moved so that its campaign runs today: a patrol judges acts at the time it sees them.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const context = ElectionContextSchema.parse({
  ...EXAMPLE_CONTEXT,
  schedule: [
    { phase: 'pre_campaign', start: day(-120), end: day(-31) },
    { phase: 'campaign', start: day(-30), end: day(30) },
  ],
  milestones: { bakalCalonRegistration: day(-100), penetapanPasanganCalon: day(-40) },
});
const subjects: Subject[] = EXAMPLE_SUBJECTS.map((subject) => SubjectSchema.parse(subject));
const campaignAccounts = context.candidatePairs.flatMap((pair) => [...pair.officialAccounts, ...pair.knownCampaignAccounts]);
const yudha = subjects.find((subject) => subject.id === 'asn-001')!;
const yudhaFacebook = yudha.accounts.find((account) => account.platform === 'facebook')!;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

describe('patrol in headless Chromium against the simulated web app', () => {
  let site: PatrolSite;
  let browser: PatrolBrowser;
  let session: PatrolSession;
  let dir: string;
  const kept: KeptPage[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}; pasang dengan apt-get install -y chromium (.ci/run memasangnya) / Chromium missing at ${CHROMIUM}: install it with apt-get install -y chromium (.ci/run does this)`);
    site = await createPatrolSite({ subjectPostCount: 6, inlinePosts: 3 });
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-patrol-'));
    const opened = await openPatrolBrowser({ profileDir: path.join(dir, 'profile'), headless: true, extraArgs: site.chromiumArgs, navigationTimeoutMs: 20_000 });
    browser = opened._unsafeUnwrap();
    // Staff log in by hand once; here the test types into the login form.
    const page = await browser.page();
    await site.logIn(page);
    session = await startPatrolSession({ browser, actor: 'petugas-patroli-1', onKept: (page) => { kept.push(page); return 'ok'; } });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the profile directory is private to the office (0700)', async () => {
    expect((await stat(path.join(dir, 'profile'))).mode & 0o777).toBe(0o700);
  });

  it('a patrol of a subject\'s profile stores WARC records whose payload digests match the bodies, a screenshot and MHTML', async () => {
    (await session.open(site.urls.subjectProfile))._unsafeUnwrap();
    await session.page.waitForSelector('body[data-feed-loaded="1"]');
    // The staff press the keep button the patrol put on the page.
    const before = kept.length;
    await session.page.click('#sipansos-keep');
    await expect.poll(() => kept.length, { timeout: 30_000 }).toBe(before + 1);
    const page = kept.at(-1)!;
    expect(page.urlChain.at(-1)).toBe(site.urls.subjectProfile);
    expect(page.tls).toMatchObject({ protocol: expect.stringMatching(/TLS/), subjectName: 'www.facebook.com' });
    expect(page.product).toMatch(/Chrome/);
    expect(page.blobs.screenshot!.bytes.subarray(1, 4).toString()).toBe('80,78,71');
    expect(new TextDecoder().decode(page.blobs.mhtml!.bytes.subarray(0, 2000))).toMatch(/multipart\/related/i);

    const records: Array<{ type: string; uri?: string; payloadDigest?: string; payload: Uint8Array; headers: string }> = [];
    const parser = new WARCParser([page.blobs.warc.bytes]);
    for await (const record of parser) {
      const payload = await record.readFully(false);
      records.push({ type: record.warcType ?? '', uri: record.warcTargetURI ?? undefined, payloadDigest: record.warcHeader('WARC-Payload-Digest') ?? undefined, payload, headers: record.httpHeaders ? [...record.httpHeaders.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n') : '' });
    }
    expect(records[0]!.type).toBe('warcinfo');
    const responses = records.filter((record) => record.type === 'response');
    expect(records.filter((record) => record.type === 'request').length).toBe(responses.length);
    expect(responses.map((record) => record.uri)).toContain(site.urls.subjectProfile);
    expect(responses.map((record) => record.uri)).toContain('https://www.facebook.com/api/graphql/');
    for (const record of responses) expect(record.payloadDigest).toBe(`sha256:${createHash('sha256').update(record.payload).digest('hex')}`);
    // Nothing from another host (the banner image on berita-lembah.test), no cookie header.
    expect(records.some((record) => record.uri?.includes('berita-lembah.test'))).toBe(false);
    for (const record of records) expect(record.headers).not.toMatch(/^(cookie|set-cookie|authorization):/im);

    const reading = readPatrolPage(page, page.blobs.mhtml!.sha256);
    expect(reading.kind).toBe('content');
    // 3 posts in the HTML, 3 more fetched over GraphQL, and one comment.
    expect(reading.items.filter((item) => item.kind === 'post').map((item) => item.id).sort()).toEqual(['7100000000000001', '7100000000000002', '7100000000000003', '7100000000000004', '7100000000000005', '7100000000000006']);
    const built = buildPatrolCaptures({ kept: page, reading, subjects, campaignAccounts, account: yudhaFacebook });
    expect(built.entries).toHaveLength(1);
    expect(built.entries[0]!.capture).toMatchObject({ adapter: { id: 'patrol' }, accountKey: 'facebook:@yudha.pratama.wijaya', patrol: { actor: 'petugas-patroli-1', warcSha256: page.blobs.warc.sha256 } });
  });

  it('the keep button appears only on allowed hosts, and nothing of another host is recorded', async () => {
    (await session.open(site.urls.otherHost))._unsafeUnwrap();
    expect(await session.page.locator('#sipansos-keep').count()).toBe(0);
    const refused = await session.keep();
    expect(refused._unsafeUnwrapErr().type).toBe('not_allowed');
  });

  it('the reaction list on a candidate\'s post yields a like item of the subject and a neutrality finding', async () => {
    (await session.open(site.urls.candidatePost))._unsafeUnwrap();
    await session.page.click('[data-reactions-for]');
    await session.page.waitForSelector('[role="dialog"] [role="listitem"]');
    const page = (await session.keep())._unsafeUnwrap();
    const reading = readPatrolPage(page, page.blobs.mhtml!.sha256);
    expect(reading.reactionLists).toEqual([expect.objectContaining({ postId: site.ids.candidatePost })]);
    const built = buildPatrolCaptures({ kept: page, reading, subjects, campaignAccounts });
    const likes = built.entries.filter((entry) => entry.capture.scope === 'likes');
    expect(likes.map((entry) => entry.subject?.id).sort()).toEqual(['asn-001', 'kades-001']);
    const yudhaLikes = likes.find((entry) => entry.subject?.id === 'asn-001')!;
    expect(yudhaLikes.capture.items).toEqual([expect.objectContaining({ kind: 'like', id: `like:${site.ids.candidatePost}`, target: expect.objectContaining({ id: site.ids.candidatePost, author: expect.objectContaining({ handle: 'armanrina.resmi' }) }) })]);
    const rules = compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap();
    const findings = evaluateItem(rules, { item: yudhaLikes.capture.items[0]!, subject: yudha, evidence: { captureId: yudhaLikes.capture.id, rawBlobs: yudhaLikes.capture.rawBlobs }, now: yudhaLikes.capture.capturedAt });
    expect(findings.some((finding) => finding.category === 'neutrality')).toBe(true);
  });

  it('a revisit after the post is removed confirms the deletion only while the control URL still loads; a login wall is no deletion', async () => {
    (await session.open(site.urls.subjectProfile))._unsafeUnwrap();
    await session.page.waitForSelector('body[data-feed-loaded="1"]');
    const page = (await session.keep())._unsafeUnwrap();
    const capture: Capture = buildPatrolCaptures({ kept: page, reading: readPatrolPage(page, page.blobs.warc.sha256), subjects, campaignAccounts, account: yudhaFacebook }).entries[0]!.capture;
    let state = observeCapture(createAccountState({ accountKey: capture.accountKey, platform: 'facebook', at: capture.capturedAt }), capture, {}, { lookup: false, distinguishesPrivateFromDeleted: false }).state;
    const removable = capture.items.find((item) => item.id === site.ids.removablePost)!;
    const targets = [{ accountKey: capture.accountKey, itemId: removable.id, url: removable.url!, text: removable.text! }];
    const fast = { delayMs: 0, jitterMs: 0 };
    site.removePost(site.ids.removablePost);

    // A login wall: the session expired. Nothing is concluded.
    site.setMode('login_wall');
    const walled = await revisitPosts({ browser, actor: 'petugas-patroli-1', targets, controlUrl: site.urls.controlPost, budget: fast });
    expect(walled.results.map((result) => result.status)).toEqual(['unauthorized']);
    expect(deletionVerdicts(observeRevisits(state, walled.results, [], walled.results[0]!.at).state)).toEqual([]);

    // The control post does not load either (rate limited after the first page): not a deletion.
    site.setMode('normal');
    const controlDown = await revisitPosts({ browser, actor: 'petugas-patroli-1', targets, controlUrl: `${site.urls.controlPost}0`, budget: fast });
    expect(controlDown.control.status).toBe('failed');
    expect(controlDown.results.map((result) => result.status)).toEqual(['unknown']);

    // With the control live, the removal is `gone`; Facebook ids rotate, so the machine suspects first...
    const revisit = await revisitPosts({ browser, actor: 'petugas-patroli-1', targets, controlUrl: site.urls.controlPost, budget: fast });
    expect(revisit.control.status).toBe('live');
    expect(revisit.results.map((result) => result.status)).toEqual(['gone']);
    const blobs = [revisit.results[0]!.kept!.blobs.warc.sha256];
    const suspected = observeRevisits(state, revisit.results, blobs, revisit.results[0]!.at);
    expect(suspected.changes.map((change) => change.type)).toEqual(['missing']);
    // ...and an office that does not expect rotated ids has it confirmed.
    const confirmed = observeRevisits(state, revisit.results, blobs, revisit.results[0]!.at, { rotatingIdPlatforms: [] });
    expect(deletionVerdicts(confirmed.state).map((verdict) => [verdict.itemKey, verdict.verdict])).toEqual([[`facebook:${site.ids.removablePost}`, 'deleted']]);
    state = confirmed.state;
    expect(state.capabilities).toEqual({ lookup: false, distinguishesPrivateFromDeleted: false });
  });

  it('an edited post is seen as edited on revisit', async () => {
    const post = '7100000000000003';
    site.editPost(post, 'Teks yang sudah diubah oleh pemilik akun.');
    const report = await revisitPosts({ browser, actor: 'petugas-patroli-1', targets: [{ accountKey: 'facebook:@yudha.pratama.wijaya', itemId: post, url: `https://www.facebook.com/yudha.pratama.wijaya/posts/${post}`, text: 'Selamat pagi Sukamaju! Jangan lupa sarapan sebelum berangkat sekolah. (3)' }], controlUrl: site.urls.controlPost, budget: { delayMs: 0, jitterMs: 0 } });
    expect(report.results.map((result) => result.status)).toEqual(['edited']);
  });

  it('no cookie value, session token or password appears in what was kept or stored', async () => {
    const store = createFsStore({ dir: path.join(dir, 'store') });
    (await store.open())._unsafeUnwrap();
    for (const page of kept) {
      const built = buildPatrolCaptures({ kept: page, reading: readPatrolPage(page, page.blobs.warc.sha256), subjects, campaignAccounts });
      for (const blob of built.blobs) expect((await store.putBlob(blob.bytes))._unsafeUnwrap().sha256).toBe(blob.sha256);
      (await store.append('capture', built.entries.map((entry) => entry.capture)))._unsafeUnwrap();
    }
    expect((await store.verify())._unsafeUnwrap().ok).toBe(true);
    (await store.close())._unsafeUnwrap();
    const secrets = site.secrets();
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    // The pages did carry the token (in their HTML and in every GraphQL form): it was replaced, not absent.
    expect(kept.some((page) => page.redactedValues > 0)).toBe(true);
    for (const file of await filesUnder(path.join(dir, 'store'))) {
      const text = (await readFile(file)).toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });
});
