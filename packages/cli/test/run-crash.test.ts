import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { canonicalJson, type RecordKind } from '@sipansos/core/evidence';
import { createFsStore } from '@sipansos/store-fs';
import { createSimulatedWorld, maskRunTimes, startWorldServer, type SimulatedWorld, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `sipansos run` is killed with SIGKILL mid-cycle, several times per cycle, then run again.
// The final store must verify clean and hold exactly the evidence of a run never interrupted.
// The world is deterministic; only the wall-clock times at which things were captured and
// written differ between the two runs, so those are masked before comparing.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'packages/cli/src/bin.ts');
const CYCLES = 3;
const KILLS_PER_CYCLE = 2;

let world: SimulatedWorld;
let server: WorldServer;
let env: Record<string, string>;

async function office(name: string): Promise<{ config: string; store: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `sipansos-crash-${name}-`));
  await mkdir(path.join(dir, 'keys'), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(world.context));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(world.subjects));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Contoh', monitor: { deadline: '5m', concurrencyPerPlatform: 4 } }));
  return { config: path.join(dir, 'sipansos.config.json'), store: path.join(dir, 'store') };
}

/** Run `sipansos run --once --json`; with `killAfter`, SIGKILL it once that many accounts finished. */
function runOnce(config: string, killAfter?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; finished: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=sipansos-source', '--import', 'tsx', BIN, 'run', '--once', '--json', '--config', config], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let accounts = 0;
    let finished = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: { type?: string };
      try {
        event = JSON.parse(line) as { type?: string };
      } catch {
        return;
      }
      if (event.type === 'cycle_finished') finished = true;
      if (event.type === 'account_finished' && ++accounts === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, finished, stderr }));
  });
}

async function cycleFinished(storeDir: string, cycle: number): Promise<boolean> {
  const store = createFsStore({ dir: storeDir, readOnly: true });
  const opened = await store.open();
  if (opened.isErr()) return false;
  const entry = (await store.get('audit', `cycle-${String(cycle).padStart(6, '0')}.finished`))._unsafeUnwrap();
  await store.close();
  return entry !== undefined;
}

async function evidence(storeDir: string): Promise<Record<string, string[]>> {
  const store = createFsStore({ dir: storeDir, readOnly: true });
  (await store.open())._unsafeUnwrap();
  const verify = (await store.verify())._unsafeUnwrap();
  expect(verify.problems).toEqual([]);
  const out: Record<string, string[]> = {};
  for (const kind of ['capture', 'change', 'finding', 'account_state'] as RecordKind[]) {
    const entries = (await store.query(kind))._unsafeUnwrap();
    out[kind] = entries.map((entry) => `${entry.id} ${canonicalJson(maskRunTimes(entry.record))._unsafeUnwrap()}`).sort();
  }
  await store.close();
  out.blobs = await listBlobs(path.join(storeDir, 'blobs'));
  return out;
}

async function listBlobs(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /^[0-9a-f]{60,64}$/.test(entry.name)) found.push(entry.name);
  }
  return found.sort();
}

beforeAll(async () => {
  world = createSimulatedWorld({ subjects: 48 });
  server = await startWorldServer(world);
  const control = world.posts.find((post) => post.platform === 'facebook' && post.appearsCycle === 1 && post.deletedCycle === undefined && world.accounts.find((account) => account.id === post.accountId)?.kind === 'facebook_page');
  env = {
    SIPANSOS_X_BEARER_TOKEN: 'token-crash',
    SIPANSOS_X_BASE_URL: server.urls.x,
    SIPANSOS_META_ACCESS_TOKEN: 'token-crash',
    SIPANSOS_FACEBOOK_BASE_URL: server.urls.facebook,
    SIPANSOS_INSTAGRAM_BASE_URL: server.urls.instagram,
    SIPANSOS_INSTAGRAM_USER_ID: '17841400000000001',
    ...(control ? { SIPANSOS_FACEBOOK_CONTROL_POST_ID: control.id } : {}),
  };
});

afterAll(async () => {
  await server?.close();
});

describe('sipansos run killed with SIGKILL mid-cycle', () => {
  it('resumes each cycle and ends with exactly the evidence of an uninterrupted run', async () => {
    const baseline = await office('baseline');
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      world.advanceTo(cycle);
      const result = await runOnce(baseline.config);
      expect(result.code, result.stderr).toBe(0);
      expect(result.finished).toBe(true);
    }

    const crashed = await office('crashed');
    // Kill points spread over the cycle: after the 1st, 7th, 13th, ... finished account.
    let kills = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      world.advanceTo(cycle);
      for (let attempt = 0; attempt < KILLS_PER_CYCLE; attempt++) {
        const killAfter = 1 + ((cycle * 11 + attempt * 17) % 40);
        const result = await runOnce(crashed.config, killAfter);
        if (result.signal === 'SIGKILL') kills++;
        else expect(result.code, result.stderr).toBe(0);
        if (await cycleFinished(crashed.store, cycle)) break;
      }
      if (!(await cycleFinished(crashed.store, cycle))) {
        const result = await runOnce(crashed.config);
        expect(result.code, result.stderr).toBe(0);
      }
      expect(await cycleFinished(crashed.store, cycle)).toBe(true);
    }
    expect(kills).toBeGreaterThanOrEqual(CYCLES);

    const expected = await evidence(baseline.store);
    const actual = await evidence(crashed.store);
    expect(expected.capture!.length).toBeGreaterThan(100);
    expect(expected.finding!.length).toBeGreaterThan(0);
    for (const kind of Object.keys(expected)) expect(actual[kind], kind).toEqual(expected[kind]);
  }, 300_000);
});
