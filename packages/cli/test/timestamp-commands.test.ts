import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHECKPOINT_TIMESTAMP_FAILED, CHECKPOINT_TIMESTAMPED } from '@sipansos/core/evidence';
import { createFsStore } from '@sipansos/store-fs';
import { createSimulatedWorld, startLocalTsa, startWorldServer, type LocalTsa, type SimulatedWorld, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { caseOffice } from './case-office-fixture.js';
import { memoryIo } from './memory-io.js';

const exec = promisify(execFile);

async function run(dir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir, env);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

let tsa: LocalTsa;
let second: LocalTsa;
let parent: string;

beforeAll(async () => {
  tsa = await startLocalTsa();
  second = await startLocalTsa({ name: 'Second Test TSA' });
  parent = await mkdtemp(path.join(tmpdir(), 'sipansos-tsa-cli-'));
}, 60_000);

afterAll(async () => {
  await tsa?.close();
  await second?.close();
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('run: every checkpoint is timestamped by every TSA; a TSA that is down never blocks a cycle', () => {
  let world: SimulatedWorld;
  let server: WorldServer;
  afterAll(async () => {
    await server?.close();
  });

  it('a cycle completes while a TSA is down, the failure is recorded, and the TSA is asked again at the next checkpoint', async () => {
    world = createSimulatedWorld({ subjects: 4 });
    server = await startWorldServer(world);
    const dir = await mkdtemp(path.join(parent, 'office-'));
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeFile(path.join(dir, 'office.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
    await writeFile(path.join(dir, 'tsa-roots.pem'), tsa.ca.rootPem + second.ca.rootPem);
    await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Contoh', signingKey: 'office.pem', monitor: { deadline: '5m' }, timestamp: { tsaUrls: [tsa.url, second.url], trustAnchors: ['tsa-roots.pem'], retries: 1, timeoutMs: 5000 } }));
    await writeFile(path.join(dir, 'election.json'), JSON.stringify(world.context));
    await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(world.subjects));
    const env = { SIPANSOS_X_BEARER_TOKEN: 'token-cli', SIPANSOS_X_BASE_URL: server.urls.x, SIPANSOS_META_ACCESS_TOKEN: 'token-cli', SIPANSOS_FACEBOOK_BASE_URL: server.urls.facebook, SIPANSOS_INSTAGRAM_BASE_URL: server.urls.instagram, SIPANSOS_INSTAGRAM_USER_ID: '17841400000000001' };

    second.setMode('unavailable');
    world.advanceTo(1);
    const first = await run(dir, ['run', '--once', '--json'], env);
    expect(first.code, first.err).toBe(0);
    const firstStamps = first.out.trim().split('\n').map((line) => JSON.parse(line) as { type: string; tokens?: Array<{ tsaUrl: string }>; failures?: Array<{ tsaUrl: string; type: string }> }).find((event) => event.type === 'timestamps');
    expect(firstStamps?.tokens?.map((token) => token.tsaUrl)).toEqual([tsa.url]);
    expect(firstStamps?.failures).toEqual([expect.objectContaining({ tsaUrl: second.url, type: 'tsa_http' })]);

    second.setMode('up');
    world.advanceTo(2);
    const next = await run(dir, ['run', '--once', '--json'], env);
    expect(next.code, next.err).toBe(0);
    const nextStamps = next.out.trim().split('\n').map((line) => JSON.parse(line) as { type: string; tokens?: Array<{ tsaUrl: string }>; failures?: unknown[] }).find((event) => event.type === 'timestamps');
    expect(nextStamps?.tokens?.map((token) => token.tsaUrl).sort()).toEqual([tsa.url, second.url].sort());
    expect(nextStamps?.failures).toEqual([]);

    const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
    const audit = (await store.query('audit', { category: 'checkpoint' }))._unsafeUnwrap().map((entry) => entry.record);
    await store.close();
    expect(audit.filter((entry) => entry.action === CHECKPOINT_TIMESTAMP_FAILED).map((entry) => entry.details.tsaUrl)).toEqual([second.url]);
    expect(audit.filter((entry) => entry.action === CHECKPOINT_TIMESTAMPED).map((entry) => entry.details.tsaUrl).sort()).toEqual([tsa.url, tsa.url, second.url].sort());

    const verified = await run(dir, ['verify']);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain('3 sah / valid, 0 rusak / bad');
    expect(verified.out).toMatch(/ditandatangani kantor pada .* WIB \(jam kantor sendiri\)/);
    expect(verified.out).toMatch(/existed no later than .* WIB according to TSA/);
    const storeOnly = await run(dir, ['verify', '--store', 'store']);
    expect(storeOnly.code).toBe(0);
    expect(storeOnly.out).toContain('3 TSA tokens not checked');
  }, 120_000);
});

describe('bundle and verify-bundle carry and check the tokens', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await caseOffice(parent);
    await writeFile(path.join(dir, 'tsa-root.pem'), tsa.ca.rootPem);
    const config = JSON.parse(await readFile(path.join(dir, 'sipansos.config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ ...config, timestamp: { tsaUrls: [tsa.url], trustAnchors: ['tsa-root.pem'] } }));
    const opened = await run(dir, ['cases', 'open', '--id', 'K-2024-001', '--title', 'Dukungan paslon oleh guru', '--finding', 'fnd-0001', '--reason', 'temuan patroli siber']);
    expect(opened.code, opened.err).toBe(0);
  }, 60_000);

  it('a bundle carries the token and the TSA root; verify-bundle states both times, and openssl ts -verify as VERIFY.md says accepts it', async () => {
    const made = await run(dir, ['bundle', 'K-2024-001', '--out', 'bundel', '--no-report']);
    expect(made.code, made.err).toBe(0);
    const files = await readdir(path.join(dir, 'bundel', 'timestamps'));
    const token = files.find((name) => name.endsWith('.tsr'));
    expect(token).toBeDefined();
    expect(files).toContain('tsa-trust-anchors.pem');
    const good = await run(dir, ['verify-bundle', 'bundel']);
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('(jam kantor sendiri) / signed by the office at');
    expect(good.out).toContain(`according to TSA ${tsa.url}`);
    const guide = await readFile(path.join(dir, 'bundel', 'VERIFY.md'), 'utf8');
    expect(guide).toContain('openssl ts -verify -data /tmp/checkpoint.bin -token_in');
    // The same check without SIPANSOS: the checkpoint as jq writes it, then openssl.
    const bundleDir = path.join(dir, 'bundel');
    const { stdout } = await exec('bash', ['-c', `jq -cS .checkpoint "timestamps/${token!.replace(/\.tsr$/, '.json')}" | tr -d '\\n' > checkpoint.bin && openssl ts -verify -data checkpoint.bin -token_in -in "timestamps/${token!}" -CAfile timestamps/tsa-trust-anchors.pem`], { cwd: bundleDir });
    expect(stdout).toContain('Verification: OK');
    await rm(path.join(bundleDir, 'checkpoint.bin'));
  });

  it('a WACZ export of the case carries the tokens over its checkpoint and the TSA root', async () => {
    const exported = await run(dir, ['export-wacz', 'K-2024-001', '--out', 'kasus.wacz', '--json']);
    expect(exported.code, exported.err).toBe(0);
    expect((JSON.parse(exported.out) as { timestamps: number }).timestamps).toBeGreaterThan(0);
    const { stdout } = await exec('unzip', ['-Z1', path.join(dir, 'kasus.wacz')]);
    expect(stdout).toMatch(/sipansos\/timestamps\/[0-9a-f]{64}\.tsr/);
    expect(stdout).toContain('sipansos/timestamps/tsa-trust-anchors.pem');
  });

  it('a tampered token fails verify-bundle naming its file, even when SHA256SUMS was redone', async () => {
    const bundleDir = path.join(dir, 'bundel');
    const name = (await readdir(path.join(bundleDir, 'timestamps'))).find((file) => file.endsWith('.tsr'))!;
    const file = path.join(bundleDir, 'timestamps', name);
    const bytes = await readFile(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
    await writeFile(file, bytes);
    const bad = await run(dir, ['verify-bundle', 'bundel']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`timestamps/${name}`);
    // An attacker who also rewrites SHA256SUMS and the token's .json still fails on the token itself.
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const detailsFile = path.join(bundleDir, 'timestamps', name.replace(/\.tsr$/, '.json'));
    const details = JSON.parse(await readFile(detailsFile, 'utf8')) as { tokenSha256: string };
    await rm(detailsFile);
    await rm(file);
    await writeFile(path.join(bundleDir, 'timestamps', `${sha}.tsr`), bytes);
    await writeFile(path.join(bundleDir, 'timestamps', `${sha}.json`), JSON.stringify({ ...details, tokenSha256: sha }));
    const sums = (await readFile(path.join(bundleDir, 'SHA256SUMS'), 'utf8')).split('\n').filter((line) => line && !line.includes('timestamps/') );
    for (const entry of await readdir(path.join(bundleDir, 'timestamps'))) {
      const content = await readFile(path.join(bundleDir, 'timestamps', entry));
      sums.push(`${createHash('sha256').update(content).digest('hex')}  timestamps/${entry}`);
    }
    await writeFile(path.join(bundleDir, 'SHA256SUMS'), `${sums.sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n')}\n`);
    const forged = await run(dir, ['verify-bundle', 'bundel', '--json']);
    expect(forged.code).toBe(1);
    const report = JSON.parse(forged.out) as { problems: Array<{ type: string; file: string }> };
    expect(report.problems).toEqual([expect.objectContaining({ type: 'timestamp_token', file: `timestamps/${sha}.tsr` })]);
  });
});
