import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Capture, Finding } from '@sipansos/core';
import { createFsStore } from '@sipansos/store-fs';
import { createPatrolSite, EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS, type PatrolSite } from '@sipansos/testkit';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const CHROMIUM = '/usr/bin/chromium';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function run(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

async function readStore(dir: string): Promise<{ captures: Capture[]; findings: Finding[] }> {
  const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
  (await store.open())._unsafeUnwrap();
  try {
    return {
      captures: (await store.query('capture'))._unsafeUnwrap().map((entry) => entry.record as Capture),
      findings: (await store.query('finding'))._unsafeUnwrap().map((entry) => entry.record as Finding),
    };
  } finally {
    await store.close();
  }
}

describe('sipansos patrol', () => {
  let site: PatrolSite;
  let dir = '';
  const outputs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}; pasang dengan apt-get install -y chromium (.ci/run memasangnya) / Chromium missing at ${CHROMIUM}: install it with apt-get install -y chromium (.ci/run does this)`);
    site = await createPatrolSite({ subjectPostCount: 6, inlinePosts: 3 });
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-patrol-cli-'));
    // An office whose election campaign runs today.
    const context = { ...EXAMPLE_CONTEXT, schedule: [{ phase: 'pre_campaign', start: day(-120), end: day(-31) }, { phase: 'campaign', start: day(-30), end: day(30) }], milestones: { bakalCalonRegistration: day(-100), penetapanPasanganCalon: day(-40) } };
    await writeFile(path.join(dir, 'election.json'), JSON.stringify(context));
    await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(EXAMPLE_SUBJECTS));
    await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ actor: 'petugas-patroli-1', patrol: { profileDir: 'profil-patroli', chromiumArgs: site.chromiumArgs, controlUrls: { facebook: site.urls.controlPost }, revisit: { maxRequestsPerHost: 20, delayMs: 0, jitterMs: 0 } } }));
    await mkdir(path.join(dir, 'keys'));
    await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    // The staff log in once on the office profile (what `sipansos patrol --login` opens a window for).
    const browser = await chromium.launchPersistentContext(path.join(dir, 'profil-patroli'), { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', ...site.chromiumArgs] });
    const page = await browser.newPage();
    await site.logIn(page);
    await browser.close();
  });

  afterAll(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a subject\'s profile as a patrol capture with its findings; verify passes; a bundle of a case resting on it verifies offline', async () => {
    const kept = await run(dir, ['patrol', '--subject', 'asn-001', '--once', '--json']);
    outputs.push(kept.out, kept.err);
    expect(kept.err).toBe('');
    expect(kept.code).toBe(0);
    const summary = JSON.parse(kept.out.trim()) as { kept: { captureIds: string[]; items: number; findings: number } };
    expect(summary.kept.items).toBeGreaterThanOrEqual(6);
    expect(summary.kept.findings).toBeGreaterThan(0);
    const { captures, findings } = await readStore(dir);
    expect(captures).toEqual([expect.objectContaining({ adapter: { id: 'patrol', version: expect.any(String) }, accountKey: 'facebook:@yudha.pratama.wijaya', patrol: expect.objectContaining({ actor: 'petugas-patroli-1', warcSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }) })]);
    const finding = findings.find((entry) => entry.category === 'neutrality' && entry.subjectId === 'asn-001');
    expect(finding).toBeDefined();

    const verify = await run(dir, ['verify']);
    outputs.push(verify.out, verify.err);
    expect(verify.code).toBe(0);

    expect((await run(dir, ['cases', 'open', '--id', 'K-PATROLI-1', '--title', 'Guru ASN mengajak memilih paslon 1', '--finding', finding!.id, '--reason', 'temuan patroli'])).code).toBe(0);
    const report = await run(dir, ['report', 'K-PATROLI-1', '--out', 'laporan.html']);
    expect(report.code).toBe(0);
    expect(await readFile(path.join(dir, 'laporan.html'), 'utf8')).toContain('membuktikan penguasaan');
    const bundle = await run(dir, ['bundle', 'K-PATROLI-1', '--out', 'bundel']);
    outputs.push(bundle.out, bundle.err);
    expect(bundle.code).toBe(0);
    const checked = await run(dir, ['verify-bundle', 'bundel']);
    outputs.push(checked.out, checked.err);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('UTUH / INTACT');
  });

  it('a revisit after the post is removed reports it gone while the control loads; a login wall changes nothing', async () => {
    site.removePost(site.ids.removablePost);
    site.setMode('login_wall');
    const walled = await run(dir, ['patrol', '--revisit', '--json']);
    outputs.push(walled.out, walled.err);
    expect(walled.code).toBe(0);
    const wall = JSON.parse(walled.out.trim()) as { counts: Record<string, number>; changes: unknown[] };
    expect(wall.counts).toEqual({ unauthorized: 6 });
    expect(wall.changes).toEqual([]);

    site.setMode('normal');
    const revisited = await run(dir, ['patrol', '--revisit', '--json']);
    outputs.push(revisited.out, revisited.err);
    expect(revisited.code).toBe(0);
    const report = JSON.parse(revisited.out.trim()) as { revisited: Array<{ itemId: string; status: string }>; changes: Array<{ type: string; itemKey: string }> };
    expect(report.revisited.find((entry) => entry.itemId === site.ids.removablePost)?.status).toBe('gone');
    expect(report.revisited.filter((entry) => entry.status === 'present')).toHaveLength(5);
    // Facebook rotates ids: a `gone` is a suspicion the next capture must agree with, never silence.
    expect(report.changes).toEqual([{ type: 'missing', itemKey: `facebook:${site.ids.removablePost}` }]);
    expect((await run(dir, ['verify'])).code).toBe(0);
  });

  it('no cookie value, session token or password appears in the store, the output, the report or the bundle', async () => {
    const secrets = site.secrets();
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const files = [...(await filesUnder(path.join(dir, 'store'))), ...(await filesUnder(path.join(dir, 'bundel'))), path.join(dir, 'laporan.html')];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    for (const output of outputs) for (const secret of secrets) expect(output.includes(secret)).toBe(false);
  });
});
