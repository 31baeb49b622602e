import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresStore, migrateDatabase, MIGRATIONS, SCHEMA_VERSION } from '../src/index.js';
import { startTestDatabase, type TestDatabase } from './postgres-service.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.stop();
});

/** A new empty database in the test cluster. */
async function emptyDatabase(name: string): Promise<string> {
  await database.pool.query(`CREATE DATABASE ${name}`);
  return database.url.replace(/\/postgres$/, `/${name}`);
}

describe('versioned migrations', () => {
  test('a store on an unmigrated database refuses to open and names "sipansos db migrate"', async () => {
    const url = await emptyDatabase('belum_migrasi');
    const store = createPostgresStore({ url, office: 'kab-contoh' });
    const error = (await store.open())._unsafeUnwrapErr();
    expect(error.type).toBe('unsupported');
    expect(error.message).toContain('sipansos db migrate');
  });

  test('migrating twice, even from two machines at once, applies each version once and records it', async () => {
    const url = await emptyDatabase('migrasi_serentak');
    const pools = [new pg.Pool({ connectionString: url, max: 1 }), new pg.Pool({ connectionString: url, max: 1 })];
    const reports = await Promise.all(pools.map((pool) => migrateDatabase(pool)));
    const applied = reports.map((report) => report._unsafeUnwrap().applied.map((migration) => migration.version));
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((migration) => migration.version));
    const again = (await migrateDatabase(pools[0]!))._unsafeUnwrap();
    expect(again).toEqual({ applied: [], version: SCHEMA_VERSION });
    const { rows } = await pools[0]!.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    const store = createPostgresStore({ url, office: 'kab-contoh' });
    expect((await store.open()).isOk()).toBe(true);
    await store.close();
    await Promise.all(pools.map((pool) => pool.end()));
  });

  test('a database migrated by a newer release is refused, not changed', async () => {
    const url = await emptyDatabase('lebih_baru');
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const newer = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'from a later release', sql: 'CREATE TABLE later_release (x int)' }];
    (await migrateDatabase(pool, newer))._unsafeUnwrap();
    const error = (await migrateDatabase(pool))._unsafeUnwrapErr();
    expect(error.type).toBe('unsupported');
    expect(error.message).toContain('newer');
    const store = createPostgresStore({ url, office: 'kab-contoh' });
    expect((await store.open())._unsafeUnwrapErr().message).toContain('upgrade');
    await pool.end();
  });

  test('a url holding a password is refused: the password belongs in PGPASSWORD', () => {
    expect(() => createPostgresStore({ url: 'postgres://sipansos:rahasia-palsu@127.0.0.1/bukti', office: 'kab-contoh' })).toThrow(/PGPASSWORD/);
  });
});
