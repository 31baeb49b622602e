/**
 * `pnpm bench store`: durable appends with group commit against better-sqlite3 (WAL,
 * synchronous=FULL) on the same records in the same run; blob put latency; verify throughput.
 * Figures go to bench-results/store.json.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJsonOrThrow, sha256Hex, type AuditEntry } from '@sipansos/core/evidence';
import { createFsStore, defaultFsync, type FsyncFunction } from '../src/index.js';
import { reportBench } from '../../../scripts/bench-results.js';

const SQLITE_VERSION = (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 60_000);
const APPENDERS = Number(process.env.BENCH_APPENDERS ?? 512);
const SQLITE_RECORDS = Number(process.env.BENCH_SQLITE_RECORDS ?? 3_000);
const BLOB_PUTS = 300;
const VERIFY_BLOBS = 24;

const root = mkdtempSync(path.join(tmpdir(), 'sipansos-bench-store-'));

/** ~1 KiB audit entries, as an office's log would hold. */
function records(count: number, prefix: string): AuditEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index}`,
    at: new Date(Date.UTC(2024, 10, 20, 1, 0, index % 60)).toISOString(),
    actor: 'petugas-contoh',
    action: 'capture.stored',
    target: { kind: 'capture', id: `C-${index}` },
    details: { note: `catatan ${index} `.padEnd(760, 'x'), account: 'x:@andi_contoh', items: index % 50 },
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function storeAppends(): Promise<{ perSecond: number; fsyncs: number; lineBytes: number; cpuMicrosPerAppend: number }> {
  let fsyncs = 0;
  const counting: FsyncFunction = async (handle, file) => {
    if (file.endsWith('.jsonl')) fsyncs++;
    await defaultFsync(handle, file);
  };
  const store = createFsStore({ dir: path.join(root, 'appends'), fsync: counting });
  (await store.open())._unsafeUnwrap();
  const input = records(RECORDS, 'A');
  // Warm the code paths before timing.
  (await store.append('audit', records(500, 'W')))._unsafeUnwrap();
  fsyncs = 0;
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      while (next < input.length) {
        const record = input[next++]!;
        (await store.append('audit', [record]))._unsafeUnwrap();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const [sample] = (await store.query('audit', { limit: 1, afterSeq: 600 }))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  return { perSecond: RECORDS / seconds, fsyncs, lineBytes: Buffer.byteLength(canonicalJsonOrThrow(sample)), cpuMicrosPerAppend: (cpu.user + cpu.system) / RECORDS };
}

function sqliteAppends(batchSize: number): { perSecond: number; batchedPerSecond: number } {
  const db = new Database(path.join(root, 'bench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE audit (seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, record TEXT NOT NULL, record_hash TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO audit (id, record, record_hash) VALUES (?, ?, ?)');
  const row = (record: AuditEntry) => {
    const text = canonicalJsonOrThrow(record);
    insert.run(record.id, text, sha256Hex(text));
  };
  // One durable commit per append: what each appender waits for.
  const single = records(SQLITE_RECORDS, 'S');
  let started = performance.now();
  for (const record of single) row(record);
  const perSecond = single.length / ((performance.now() - started) / 1000);
  // For context: transactions as large as the store's average group commit.
  const many = records(Math.min(RECORDS, 20_000), 'B');
  const transaction = db.transaction((batch: AuditEntry[]) => batch.forEach(row));
  started = performance.now();
  for (let index = 0; index < many.length; index += batchSize) transaction(many.slice(index, index + batchSize));
  const batchedPerSecond = many.length / ((performance.now() - started) / 1000);
  db.close();
  return { perSecond, batchedPerSecond };
}

async function blobPuts(): Promise<{ p50: number; p99: number }> {
  const store = createFsStore({ dir: path.join(root, 'blobs') });
  (await store.open())._unsafeUnwrap();
  const payloads = Array.from({ length: BLOB_PUTS + 20 }, () => randomBytes(100 * 1024));
  for (const payload of payloads.slice(0, 20)) (await store.putBlob(payload))._unsafeUnwrap();
  const latencies: number[] = [];
  for (const payload of payloads.slice(20)) {
    const started = performance.now();
    (await store.putBlob(payload))._unsafeUnwrap();
    latencies.push(performance.now() - started);
  }
  (await store.close())._unsafeUnwrap();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function verifyThroughput(): Promise<number> {
  const store = createFsStore({ dir: path.join(root, 'verify') });
  (await store.open())._unsafeUnwrap();
  for (let index = 0; index < VERIFY_BLOBS; index++) (await store.putBlob(randomBytes(8 * 1024 * 1024)))._unsafeUnwrap();
  (await store.verify())._unsafeUnwrap();
  const started = performance.now();
  const report = (await store.verify())._unsafeUnwrap();
  const seconds = (performance.now() - started) / 1000;
  (await store.close())._unsafeUnwrap();
  if (!report.ok) throw new Error('verify found problems in a fresh store');
  return report.checked.bytes / 1e6 / seconds;
}

try {
  const appends = await storeAppends();
  const batch = Math.max(1, Math.round(RECORDS / Math.max(1, appends.fsyncs)));
  const sqlite = sqliteAppends(batch);
  const blobs = await blobPuts();
  const verifyMbPerSecond = await verifyThroughput();
  reportBench(
    'store',
    [
      { name: 'store_appends_per_s', value: Math.round(appends.perSecond), unit: 'records/s' },
      { name: 'sqlite_appends_per_s', value: Math.round(sqlite.perSecond), unit: 'records/s' },
      { name: 'store_vs_sqlite_ratio', value: appends.perSecond / sqlite.perSecond, unit: 'x' },
      { name: 'blob_put_p50_ms', value: blobs.p50, unit: 'ms' },
      { name: 'blob_put_p99_ms', value: blobs.p99, unit: 'ms' },
      { name: 'verify_mb_per_s', value: Math.round(verifyMbPerSecond), unit: 'MB/s' },
    ],
    [
      `${RECORDS} audit records of ${appends.lineBytes} bytes per log line, ${APPENDERS} concurrent appenders, one record per append; each append resolves only after the fsync covering it.`,
      `CPU time per durable append: ${appends.cpuMicrosPerAppend.toFixed(1)} µs (validation, canonical JSON, two sha256, write); on an otherwise idle core that bounds throughput near ${Math.round(1e6 / appends.cpuMicrosPerAppend)} appends/s.`,
      `group commit: ${appends.fsyncs} log fsyncs for ${RECORDS} appends (about ${batch} records per fsync).`,
      `sqlite_appends_per_s: better-sqlite3 ${SQLITE_VERSION} (SQLite ${String((new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }).v)}), WAL, synchronous=FULL, one transaction per record (what one durable append costs there), ${SQLITE_RECORDS} records.`,
      `for context, sqlite with transactions of ${batch} records (the store's average batch): ${Math.round(sqlite.batchedPerSecond)} records/s; a caller must build that batching itself.`,
      `blob puts: ${BLOB_PUTS} x 100 KiB, each temp file + fsync + rename + directory fsync.`,
      `verify: ${VERIFY_BLOBS} x 8 MiB blobs, second pass (page cache warm), sha256 of every byte.`,
      'The machine is shared with other work; figures are noisy.',
    ],
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
