import { err, ok, ResultAsync, type Result } from 'neverthrow';
import pg from 'pg';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
import { databaseError } from './database-error.js';
import { checkOut } from './pool-client.js';

/** What {@link migrateDatabase} did. */
export interface MigrationReport {
  /** Versions applied by this call, oldest first (empty when the schema was current). */
  applied: Array<{ version: number; name: string }>;
  /** The schema version now in the database. */
  version: number;
}

// One constant key so two migrators (two machines running "sipansos db migrate") take turns.
const MIGRATION_LOCK = 7_301_947_113;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Bring the database's schema to this package's version: each missing migration runs in its
 * own transaction and is recorded in `schema_migrations`. Safe to run again, and from several
 * machines at once. A database newer than this package is refused, not touched. Give a pool,
 * or a connection string (without password: `PGPASSWORD` supplies it) for a connection of its own.
 */
export function migrateDatabase(target: pg.Pool | string, migrations: readonly Migration[] = MIGRATIONS): ResultAsync<MigrationReport, StoreErrorV1> {
  return new ResultAsync(
    (async (): Promise<Result<MigrationReport, StoreErrorV1>> => {
      const pool = typeof target === 'string' ? new pg.Pool({ connectionString: target, max: 1 }) : target;
      if (typeof target === 'string') pool.on('error', () => undefined);
      let client: pg.PoolClient;
      try {
        client = await checkOut(pool);
      } catch (error) {
        if (typeof target === 'string') await pool.end().catch(() => undefined);
        return err(databaseError('connect to the database', error));
      }
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await client.query(CREATE_TABLE);
          const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
          const done = new Set(rows.map((row) => row.version));
          const newest = migrations.at(-1)?.version ?? 0;
          const beyond = rows.find((row) => row.version > newest);
          if (beyond) return err({ type: 'unsupported', message: `the database schema is at version ${beyond.version}, newer than this @sipansos/store-postgres (${newest}); upgrade the package` });
          const applied: MigrationReport['applied'] = [];
          for (const migration of migrations) {
            if (done.has(migration.version)) continue;
            await client.query('BEGIN');
            try {
              await client.query(migration.sql);
              await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
              await client.query('COMMIT');
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined);
              return err(databaseError(`apply migration ${migration.version} (${migration.name})`, error));
            }
            applied.push({ version: migration.version, name: migration.name });
          }
          return ok({ applied, version: newest });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        }
      } catch (error) {
        return err(databaseError('migrate the database', error));
      } finally {
        client.release();
        if (typeof target === 'string') await pool.end().catch(() => undefined);
      }
    })(),
  );
}

/** The schema version in the database (0 before any migration). */
export async function schemaVersionOf(pool: pg.Pool): Promise<number> {
  // Two statements: a query naming a missing table fails to plan even behind a CASE.
  const exists = await pool.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0]?.present) return 0;
  const { rows } = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return Number(rows[0]?.version ?? 0);
}

/** A store error when the schema is not the one this package writes. */
export function schemaMismatch(found: number): StoreErrorV1 | undefined {
  if (found === SCHEMA_VERSION) return undefined;
  if (found < SCHEMA_VERSION) return { type: 'unsupported', message: `the database schema is at version ${found}, this store needs ${SCHEMA_VERSION}: run "sipansos db migrate" (skema basis data perlu dimigrasi)` };
  return { type: 'unsupported', message: `the database schema is at version ${found}, newer than this @sipansos/store-postgres (${SCHEMA_VERSION}); upgrade the package` };
}
