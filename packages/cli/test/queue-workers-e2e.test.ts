import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { canonicalJson, type RecordKind } from '@sipansos/core/evidence';
import { createPostgresStore } from '@sipansos/store-postgres';
import { createSimulatedWorld, maskRunTimes, startWorldServer, worldEnvironment, type SimulatedWorld, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';
// The throw-away cluster comes from the store package's test service (scripts/services/postgres.mjs).
import { startTestDatabase, type TestDatabase } from '../../store-postgres/test/postgres-service.js';

// Offices in one PostgreSQL, each watching the same simulated world: one runs cycles in one
// process ("run --once"), one with a single "sipansos worker", one with three worker processes,
// one whose first worker is killed with SIGKILL while it holds a job. Every office must end each
// cycle with the same evidence. Times of the real clock are masked, as in run-crash.test.ts.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'packages/cli/src/bin.ts');
const CYCLES = 2;
const EXPIRY = '3s';

let database: TestDatabase;
let world: SimulatedWorld;
let server: WorldServer;
let env: Record<string, string>;
const temporary: string[] = [];
const children = new Set<ChildProcess>();

async function office(id: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `sipansos-queue-${id}-`));
  temporary.push(dir);
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Contoh', store: { kind: 'postgres', url: database.url, office: id }, monitor: { deadline: '5m' } }));
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(world.context));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(world.subjects));
  return dir;
}

interface WorkerProcess {
  child: ChildProcess;
  events: Array<{ type: string; key?: string; outcome?: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves at the first event of `type` (optionally the nth). */
  when(type: string, nth?: number): Promise<{ type: string; key?: string }>;
}

function startWorker(dir: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--conditions=sipansos-source', '--import', 'tsx', BIN, 'worker', '--json', '--job-expiry', EXPIRY, '--config', path.join(dir, 'sipansos.config.json')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const events: WorkerProcess['events'] = [];
  const waiters: Array<{ type: string; nth: number; resolve: (event: { type: string; key?: string }) => void }> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let event: { type: string; key?: string };
    try {
      event = JSON.parse(line) as { type: string; key?: string };
    } catch {
      return;
    }
    events.push(event);
    for (const waiter of [...waiters]) {
      if (events.filter((seen) => seen.type === waiter.type).length >= waiter.nth) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => {
    children.delete(child);
    resolve({ code, signal, stderr });
  }));
  const worker: WorkerProcess = {
    child,
    events,
    exited,
    when: (type, nth = 1) =>
      new Promise((resolve, reject) => {
        const already = events.filter((seen) => seen.type === type);
        if (already.length >= nth) return resolve(already[nth - 1]!);
        waiters.push({ type, nth, resolve });
        void exited.then((end) => reject(new Error(`worker exited (${end.code ?? end.signal}) before "${type}": ${end.stderr}`)));
      }),
  };
  return worker.when('worker_started').then(() => worker);
}

async function stopWorker(worker: WorkerProcess): Promise<void> {
  worker.child.kill('SIGTERM');
  const end = await worker.exited;
  expect(end.code, end.stderr).toBe(0);
  expect(worker.events.at(-1)?.type).toBe('stopped');
}

/** Plan and close one cycle through the queue (this process is the coordinator). */
async function coordinate(dir: string): Promise<void> {
  const io = memoryIo(dir, env);
  const code = await main(['run', '--once', '--queue', '--json', '--job-expiry', EXPIRY], io);
  expect(code, io.err()).toBe(0);
  expect(io.out()).toContain('"type":"cycle_finished"');
}

/** Every record of every kind the monitor writes (id and masked content), and the blobs. */
async function evidence(id: string): Promise<Record<string, string[]>> {
  const store = createPostgresStore({ url: database.url, office: id, blobs: 'postgres', readOnly: true });
  (await store.open())._unsafeUnwrap();
  expect((await store.verify())._unsafeUnwrap().problems).toEqual([]);
  const out: Record<string, string[]> = {};
  for (const kind of ['capture', 'change', 'finding', 'account_state'] as RecordKind[]) {
    out[kind] = (await store.query(kind))._unsafeUnwrap().map((entry) => `${entry.id} ${canonicalJson(maskRunTimes(entry.record))._unsafeUnwrap()}`).sort();
  }
  await store.close();
  const blobs = await database.pool.query<{ sha256: string }>('SELECT sha256 FROM evidence_blob WHERE office_id = $1 ORDER BY sha256', [id]);
  out.blobs = blobs.rows.map((row) => row.sha256);
  return out;
}

beforeAll(async () => {
  database = await startTestDatabase();
  world = createSimulatedWorld({ subjects: 12 });
  server = await startWorldServer(world);
  env = worldEnvironment(world, server);
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await server?.close();
  await database?.stop();
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('capture workers on the PostgreSQL queue', () => {
  it('one worker, three worker processes and a worker killed mid-job store the same evidence as one process', async () => {
    const [inProcess, single, three, killed] = await Promise.all(['satu-proses', 'satu-pekerja', 'tiga-pekerja', 'pekerja-mati'].map(office));
    const singleWorker = await startWorker(single!);
    const threeWorkers = await Promise.all([three!, three!, three!].map(startWorker));
    const killedKeys: string[] = [];
    let survivors: WorkerProcess[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      world.advanceTo(cycle);
      const io = memoryIo(inProcess!, env);
      expect(await main(['run', '--once', '--json'], io), io.err()).toBe(0);
      await coordinate(single!);
      await coordinate(three!);
      if (cycle === 1) {
        // The first worker takes jobs alone and is killed while it holds its third.
        const doomed = await startWorker(killed!);
        const coordinating = coordinate(killed!);
        const held = await doomed.when('job_started', 3);
        doomed.child.kill('SIGKILL');
        expect((await doomed.exited).signal).toBe('SIGKILL');
        killedKeys.push(held.key!);
        expect(doomed.events.some((event) => event.type === 'job_finished' && event.key === held.key)).toBe(false);
        survivors = await Promise.all([killed!, killed!].map(startWorker));
        await coordinating;
      } else {
        await coordinate(killed!);
      }
    }
    // Each of the three workers took jobs: the cycle was really shared.
    for (const worker of threeWorkers) expect(worker.events.filter((event) => event.type === 'job_finished').length).toBeGreaterThan(0);
    // The job the killed worker held ran again on a survivor, after its expiry.
    expect(survivors.flatMap((worker) => worker.events).some((event) => event.type === 'job_finished' && event.key === killedKeys[0])).toBe(true);
    await Promise.all([singleWorker, ...threeWorkers, ...survivors].map(stopWorker));

    const expected = await evidence('satu-pekerja');
    expect(expected.capture!.length).toBeGreaterThan(2 * 12);
    expect(expected.change!.length).toBeGreaterThan(0);
    for (const [name, id] of [['three workers', 'tiga-pekerja'], ['a worker killed mid-job', 'pekerja-mati']] as const) {
      const actual = await evidence(id);
      for (const kind of Object.keys(expected)) expect(actual[kind], `${name}: ${kind}`).toEqual(expected[kind]);
    }
    // Against one process: the same records, by id, of every kind (one process batches profiles
    // and lookups across accounts, a worker reads its own account's, so bodies may differ).
    const oneProcess = await evidence('satu-proses');
    for (const kind of ['capture', 'change', 'finding', 'account_state']) {
      const ids = (records: string[] | undefined) => [...new Set((records ?? []).map((line) => line.slice(0, line.indexOf(' '))))];
      expect(ids(oneProcess[kind]), `one process: ${kind}`).toEqual(ids(expected[kind]));
    }
  }, 900_000);

  it('"sipansos worker" on the folder store exits 1 naming the PostgreSQL store', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-queue-fs-'));
    temporary.push(dir);
    await mkdir(path.join(dir, 'keys'));
    await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
    await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Contoh' }));
    await writeFile(path.join(dir, 'election.json'), JSON.stringify(world.context));
    await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(world.subjects));
    // Without platform tokens too: the missing PostgreSQL store is named first.
    for (const [args, environment] of [[['worker'], env], [['run', '--once', '--queue'], env], [['run', '--once', '--queue'], {}]] satisfies [string[], Record<string, string>][]) {
      const io = memoryIo(dir, environment);
      expect(await main(args, io)).toBe(1);
      expect(io.err()).toContain('"store": { "kind": "postgres"');
      expect(io.err()).toContain('sipansos db migrate');
    }
  }, 120_000);
});
