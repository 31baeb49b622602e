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
import { createPostgresStore, migrateDatabase } from '../src/index.js';

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
  reportBench('scale', figures, [
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
