import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSimulatedWorld, startWorldServer, worldEnvironment, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';
// The throw-away cluster comes from the store package's test service (scripts/services/postgres.mjs).
import { poolAt, startTestDatabase, type TestDatabase } from '../../store-postgres/test/postgres-service.js';

// An office switches its config from the folder store to PostgreSQL: "db migrate", "run" against
// the simulated world on 127.0.0.1, then "verify" and "status" read the database.

let database: TestDatabase;
let server: WorldServer;
let dir: string;
let env: Record<string, string>;
let url: string;

beforeAll(async () => {
  database = await startTestDatabase();
  await database.pool.query('CREATE DATABASE kantor_e2e');
  url = database.url.replace(/\/postgres$/, '/kantor_e2e');
  const world = createSimulatedWorld({ subjects: 24 });
  server = await startWorldServer(world);
  dir = await mkdtemp(path.join(tmpdir(), 'sipansos-office-pg-'));
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Contoh', store: { kind: 'postgres', url, office: 'kab-contoh' }, monitor: { deadline: '5m' } }));
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(world.context));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(world.subjects));
  env = worldEnvironment(world, server);

  const migrate = memoryIo(dir, env);
  expect(await main(['db', 'migrate'], migrate)).toBe(0);
  expect(migrate.out()).toContain('applied 1');
  for (let cycle = 1; cycle <= 2; cycle++) {
    world.advanceTo(cycle);
    const io = memoryIo(dir, env);
    const code = await main(['run', '--once', '--json'], io);
    if (code !== 0) throw new Error(`run failed: ${io.err()}`);
  }
}, 180_000);

const temporary: string[] = [];
afterAll(async () => {
  await server?.close();
  await database?.stop();
  await Promise.all([dir, ...temporary].filter(Boolean).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('an office on store-postgres', () => {
  it('"db migrate" again has nothing to apply', async () => {
    const io = memoryIo(dir, env);
    expect(await main(['db', 'migrate', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ applied: [], version: 1 });
  });

  it('"verify" reads the database: intact, with a checkpoint signed when each run closed', async () => {
    const io = memoryIo(dir, env);
    expect(await main(['verify', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as { ok: boolean; store: string; checked: { records: number; blobs: number; checkpoints: number } };
    expect(report.ok).toBe(true);
    expect(report.store).toBe(`postgres kab-contoh @ ${url}`);
    expect(report.checked.records).toBeGreaterThan(24);
    expect(report.checked.blobs).toBeGreaterThan(0);
    expect(report.checked.checkpoints).toBe(2);
    expect(await main(['status'], memoryIo(dir, env))).toBe(0);
  });

  it('"verify" exits 1 naming the changed row, and "--repair" is refused for PostgreSQL', async () => {
    const office = poolAt(url);
    const changed = await office.query("UPDATE evidence_capture SET line = replace(line, '\"scope\":\"', '\"scope\":\"x') WHERE office_id = 'kab-contoh' AND seq = 1");
    await office.end();
    expect(changed.rowCount).toBe(1);
    const io = memoryIo(dir, env);
    expect(await main(['verify'], io)).toBe(1);
    expect(io.out()).toContain('office/kab-contoh/capture, urutan/seq 1');
    const repair = memoryIo(dir, env);
    expect(await main(['verify', '--repair'], repair)).toBe(2);
    expect(repair.err()).toContain('restore damaged PostgreSQL rows from a backup');
  });

  it('a config holding the database password is refused', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'sipansos-office-secret-'));
    temporary.push(other);
    await writeFile(path.join(other, 'sipansos.config.json'), JSON.stringify({ store: { kind: 'postgres', url: 'postgres://sipansos:rahasia-palsu@127.0.0.1/bukti', office: 'kab-contoh' } }));
    const io = memoryIo(other, env);
    expect(await main(['db', 'migrate'], io)).toBe(1);
    expect(io.err()).toContain('PGPASSWORD');
    expect(io.err()).not.toContain('rahasia-palsu');
  });
});
