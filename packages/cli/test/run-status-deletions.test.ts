import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSimulatedWorld, startWorldServer, type ExpectedEvent, type SimulatedWorld, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

// The staff commands in-process against the simulated world on 127.0.0.1: `run` (JSON lines),
// then `deletions` and `status` read what it stored.

let world: SimulatedWorld;
let server: WorldServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  world = createSimulatedWorld({ subjects: 48 });
  server = await startWorldServer(world);
  dir = await mkdtemp(path.join(tmpdir(), 'sipansos-run-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Contoh', signingKey: null, monitor: { deadline: '5m' } }));
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(world.context));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(world.subjects));
  const control = world.posts.find((post) => post.platform === 'facebook' && post.appearsCycle === 1 && post.deletedCycle === undefined && world.accounts.find((account) => account.id === post.accountId)?.kind === 'facebook_page');
  env = {
    SIPANSOS_X_BEARER_TOKEN: 'token-cli',
    SIPANSOS_X_BASE_URL: server.urls.x,
    SIPANSOS_META_ACCESS_TOKEN: 'token-cli',
    SIPANSOS_FACEBOOK_BASE_URL: server.urls.facebook,
    SIPANSOS_INSTAGRAM_BASE_URL: server.urls.instagram,
    SIPANSOS_INSTAGRAM_USER_ID: '17841400000000001',
    ...(control ? { SIPANSOS_FACEBOOK_CONTROL_POST_ID: control.id } : {}),
  };
  for (let cycle = 1; cycle <= 3; cycle++) {
    world.advanceTo(cycle);
    const io = memoryIo(dir, env);
    const code = await main(['run', '--once', '--json'], io);
    if (code !== 0) throw new Error(`run failed: ${io.err()}`);
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('sipansos run / deletions / status', () => {
  it('run --json writes one JSON event per line, ending with the cycle report, and keeps tokens out of it', async () => {
    world.advanceTo(4);
    const io = memoryIo(dir, env);
    expect(await main(['run', '--once', '--json'], io)).toBe(0);
    const events = io.out().trim().split('\n').map((line) => JSON.parse(line) as { type: string; report?: { cycleId: string; status: string } });
    expect(events.map((event) => event.type)).toContain('cycle_started');
    const finished = events.find((event) => event.type === 'cycle_finished');
    expect(finished?.report).toMatchObject({ cycleId: 'cycle-000004', status: 'complete' });
    expect(io.out()).not.toContain('token-cli');
  });

  it('deletions lists the confirmed deletion with its proof and how long the post was public', async () => {
    const io = memoryIo(dir, env);
    expect(await main(['deletions', '--json', '--verdict', 'deleted'], io)).toBe(0);
    const verdicts = io.out().trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { itemKey: string; verdict: string; subjectId?: string; proof: { lookups: Array<{ status: string; rawBlobs: string[] }>; publicForMs?: number } });
    const scripted = world.truth().filter((event): event is Extract<ExpectedEvent, { kind: 'deletion' }> => event.kind === 'deletion' && event.confirmable && event.cycle <= 4 && event.platform === 'x');
    expect(scripted.length).toBeGreaterThan(0);
    for (const event of scripted) {
      const verdict = verdicts.find((entry) => entry.itemKey === `x:${event.itemId}`);
      expect(verdict, `x:${event.itemId}`).toBeDefined();
      expect(verdict!.subjectId).toBe(event.subjectId);
      expect(verdict!.proof.lookups.some((lookup) => lookup.status === 'gone' && lookup.rawBlobs.length > 0)).toBe(true);
      expect(verdict!.proof.publicForMs).toBeGreaterThanOrEqual(0);
    }
    const human = memoryIo(dir, env);
    expect(await main(['deletions'], human)).toBe(0);
    expect(human.out()).toMatch(/dihapus \(terkonfirmasi\) \/ deleted \(confirmed\)/);
    expect(human.out()).toMatch(/terlihat publik \/ public: .* → /);
    // From the post's creation time, in the election zone, named; lookups in words.
    expect(human.out()).toMatch(/terlihat publik \/ public: dibuat \/ created \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB → terakhir terlihat \/ last seen \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB \(paling sedikit \/ at least [^,]+, paling lama \/ at most /);
    expect(human.out()).toContain('sudah tidak ada / gone');
    expect(human.out()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('status shows when each account was last observed and why an account is not', async () => {
    const io = memoryIo(dir, env);
    expect(await main(['status', '--json'], io)).toBe(0);
    const rows = io.out().trim().split('\n').map((line) => JSON.parse(line) as { accountKey: string; lastObserved?: string; openGaps: Array<{ reason: string }>; subjectId?: string });
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((row) => row.lastObserved).length).toBeGreaterThan(40);
    const hidden = world.truth().filter((event): event is Extract<ExpectedEvent, { kind: 'account_hidden' }> => event.kind === 'account_hidden' && event.cycle <= 4);
    for (const event of hidden) {
      const row = rows.find((entry) => entry.accountKey === `${event.platform}:${event.accountId}`);
      expect(row, `${event.platform}:${event.accountId}`).toBeDefined();
    }
    const human = memoryIo(dir, env);
    expect(await main(['status'], human)).toBe(0);
    expect(human.out()).toMatch(/^siklus terakhir \/ last cycle: cycle-00000\d selesai \/ finished \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB$/m);
    expect(human.out()).toMatch(/terakhir teramati \/ last observed: \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB;/);
    expect(human.out()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('run without any token says which variable to set, in one bilingual line, exit 3 (no account could be captured)', async () => {
    const io = memoryIo(dir, {});
    expect(await main(['run', '--once'], io)).toBe(3);
    expect(io.err()).toContain('galat: tidak ada platform yang dapat direkam');
    expect(io.err()).toContain('SIPANSOS_X_BEARER_TOKEN');
    expect(io.err().trim().split('\n').filter((line) => line.startsWith('galat:'))).toHaveLength(1);
  });

  it('a bad --every is a usage error naming the form', async () => {
    const io = memoryIo(dir, env);
    expect(await main(['run', '--every', 'soon'], io)).toBe(2);
    expect(io.err()).toMatch(/^galat: --every dan --deadline ditulis seperti 30m/);
  });
});
