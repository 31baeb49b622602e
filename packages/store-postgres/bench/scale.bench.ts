/**
 * `pnpm bench scale`: durable appends per second to store-postgres with 1, 4 and 16 concurrent
 * writers (each its own store with one connection, as separate worker machines would be), and
 * with 1, 4 and 16 appends in flight in one store (group commit), beside store-fs with the same numbers of concurrent appenders, in the same run. PostgreSQL is
 * a throw-away cluster from scripts/services/postgres.mjs (fsync and synchronous_commit on).
 * Figures go to bench-results/scale.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditEntry } from '@sipansos/core/evidence';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { createFsStore } from '@sipansos/store-fs';
import pg from 'pg';
import { reportBench } from '../../../scripts/bench-results.js';
import { createXAdapter } from '@sipansos/adapter-x';
import { createMonitor } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { createSimulatedWorld, startWorldServer, worldEnvironment } from '@sipansos/testkit';
import { createCaptureQueue, createPostgresRateBudget, createPostgresStore, migrateDatabase } from '../src/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WRITERS = [1, 4, 16];
const SCRIPT = fileURLToPath(new URL('../../../scripts/services/postgres.mjs', import.meta.url));

/** ~1 KiB audit entries, as an office's log would hold. */
function record(prefix: string, index: number): AuditEntry {
  return {
    id: `${prefix}-${index}`,
    at: new Date(Date.UTC(2024, 10, 20, 1, 0, index % 60)).toISOString(),
    actor: 'petugas-contoh',
    action: 'capture.stored',
    target: { kind: 'capture', id: `C-${index}` },
    details: { note: `catatan ${index} `.padEnd(760, 'x'), account: 'x:@andi_contoh', items: index % 50 },
  };
}

/** Appends per second: `writers` loops, each appending one record at a time to its store, for SECONDS. */
async function measure(stores: EvidenceStoreV1[], writers: number, prefix: string): Promise<number> {
  // Warm up each store's connection and code paths.
  for (const [index, store] of stores.entries()) (await store.append('audit', [record(`${prefix}-w${index}`, 0)]))._unsafeUnwrap();
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const store = stores[writer % stores.length]!;
      for (let index = 1; performance.now() < until; index++) {
        (await store.append('audit', [record(`${prefix}-${writer}`, index)]))._unsafeUnwrap();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const CYCLE_WORKERS = [1, 2, 4];
const CYCLE_SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 24);

/**
 * Seconds for one simulated-world cycle run through the queue with `workers` workers, each with
 * its own pg-boss instance, store, X adapter and monitor (as on its own machine, though here they
 * share this process and its 2 cores), all taking requests from one shared budget.
 */
async function cycleSeconds(url: string, workers: number): Promise<{ seconds: number; jobs: number }> {
  const world = createSimulatedWorld({ subjects: CYCLE_SUBJECTS });
  world.advanceTo(1);
  const server = await startWorldServer(world);
  const office = `kab-siklus-${workers}`;
  const rules = compileRules(BUILTIN_RULE_SETS, world.context)._unsafeUnwrap();
  const subjects = world.subjects.map((subject) => ({ ...subject, accounts: subject.accounts.filter((account) => account.platform === 'x') }));
  const closers: Array<() => Promise<unknown>> = [];
  const member = async () => {
    const store = createPostgresStore({ url, office });
    const budget = createPostgresRateBudget({ url, office });
    const queue = (await createCaptureQueue({ url, office, pollingIntervalSeconds: 1 }))._unsafeUnwrap();
    closers.push(() => queue.close(), () => budget.close(), async () => store.close());
    const monitor = createMonitor({ store, adapters: [createXAdapter({ env: worldEnvironment(world, server), sharedBudget: budget })], rules, context: world.context, subjects, options: { deadlineMs: 1_800_000 } })._unsafeUnwrap();
    return { queue, monitor };
  };
  try {
    const coordinator = await member();
    const started = performance.now();
    const plan = (await coordinator.monitor.planJobs(office))._unsafeUnwrap();
    (await coordinator.queue.enqueue(plan))._unsafeUnwrap();
    const running = [];
    for (let index = 0; index < workers; index++) {
      const worker = await member();
      running.push((await worker.queue.work((job, signal) => worker.monitor.runJob(job, signal)))._unsafeUnwrap());
    }
    const settled = (await coordinator.queue.settle(plan, { pollMs: 100 }))._unsafeUnwrap();
    const report = (await coordinator.monitor.closeJobs(plan, settled.results))._unsafeUnwrap();
    const seconds = (performance.now() - started) / 1000;
    if (report.status !== 'complete') throw new Error(`the ${workers}-worker cycle did not complete: ${settled.failed.join(', ')}`);
    await Promise.all(running.map((worker) => worker.stop()));
    return { seconds, jobs: plan.jobs.length };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await server.close();
  }
}

const started = JSON.parse(execFileSync(process.execPath, [SCRIPT, 'start', '--json'], { encoding: 'utf8' })) as { url: string; dir: string };
const fsRoot = mkdtempSync(path.join(tmpdir(), 'sipansos-bench-scale-'));
try {
  (await migrateDatabase(started.url))._unsafeUnwrap();
  const probe = new pg.Client({ connectionString: started.url });
  await probe.connect();
  const serverVersion = (await probe.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await probe.end();
  const figures = [];
  const ratios: string[] = [];
  for (const writers of WRITERS) {
    const office = `kab-bench-${writers}`;
    const stores = Array.from({ length: writers }, () => createPostgresStore({ url: started.url, office, poolSize: 1 }));
    const postgres = await measure(stores, writers, `pg${writers}`);
    const report = (await stores[0]!.verify())._unsafeUnwrap();
    if (!report.ok) throw new Error(`the ${office} chain is damaged after the run: ${JSON.stringify(report.problems.slice(0, 3))}`);
    await Promise.all(stores.map((store) => store.close()));
    // One worker process with N appends in flight: they share transactions (group commit).
    const shared = createPostgresStore({ url: started.url, office: `${office}-shared`, poolSize: 2 });
    const grouped = await measure([shared], writers, `pgs${writers}`);
    await shared.close();
    // store-fs has one writer per store (its lock); concurrent appenders share its group commit.
    const fsStore = createFsStore({ dir: path.join(fsRoot, `w${writers}`) });
    const fs = await measure([fsStore], writers, `fs${writers}`);
    (await fsStore.close())._unsafeUnwrap();
    figures.push({ name: `postgres_appends_per_s_${writers}_writers`, value: Math.round(postgres), unit: 'records/s' });
    figures.push({ name: `postgres_appends_per_s_1_store_${writers}_appenders`, value: Math.round(grouped), unit: 'records/s' });
    figures.push({ name: `fs_appends_per_s_${writers}_appenders`, value: Math.round(fs), unit: 'records/s' });
    ratios.push(`${writers}: postgres writers/fs ${(postgres / fs).toFixed(2)}, postgres one store/fs ${(grouped / fs).toFixed(2)}`);
  }
  const cycles: Array<{ workers: number; seconds: number; jobs: number }> = [];
  for (const workers of CYCLE_WORKERS) cycles.push({ workers, ...(await cycleSeconds(started.url, workers)) });
  const single = cycles[0]!.seconds;
  for (const cycle of cycles) {
    figures.push({ name: `cycle_seconds_${cycle.workers}_workers`, value: Math.round(cycle.seconds * 100) / 100, unit: 's' });
    figures.push({ name: `cycle_speedup_${cycle.workers}_workers_vs_1`, value: Math.round((single / cycle.seconds) * 100) / 100, unit: 'x' });
  }
  reportBench('scale', figures, [
    `cycle: one simulated-world cycle (${CYCLE_SUBJECTS} subjects, X accounts only: ${cycles[0]!.jobs} jobs) planned, enqueued, run by N workers through the pg-boss queue and closed; each worker its own pg-boss instance, store, X adapter (shared PostgreSQL budget) and monitor, all in this one process on the shared machine, with the simulated X server in it too, so the figure shows the queue's overhead and how far N workers overlap their waits on one CPU, not N machines.`,
    `${SECONDS} s per configuration; one ~1 KiB audit record per append; each append resolves only once durable (PostgreSQL: COMMIT with fsync=on, synchronous_commit=on; store-fs: the fsync covering it).`,
    'postgres writers: N stores of one office, one connection and one append in flight each (as N worker machines); each append is its own transaction holding the log\'s advisory lock; the chain is verified after each run.',
    'postgres one store: N appends in flight in one store (one worker process); appends waiting for the log share the next transaction (group commit: one lock, one INSERT, one COMMIT).',
    'fs: one store (one writer process by design), N concurrent appenders sharing its group commit.',
    `PostgreSQL ${serverVersion} on the same machine and disk, default settings otherwise.`,
    `ratios ${ratios.join('; ')}`,
    'The machine is shared with other work (2 cores, ~9 processes); figures are noisy.',
  ]);
} finally {
  execFileSync(process.execPath, [SCRIPT, 'stop', started.dir]);
  rmSync(fsRoot, { recursive: true, force: true });
}
