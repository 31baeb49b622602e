import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrateDatabase } from '../src/index.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../../scripts/services/postgres.mjs', import.meta.url));

/** A throw-away PostgreSQL cluster started by scripts/services/postgres.mjs, migrated. */
export interface TestDatabase {
  url: string;
  /** A pool for the test's own checks and tampering. */
  pool: pg.Pool;
  /** Restart the server (open connections are cut), as an operator or a crash would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Start a cluster for one test file (stopped by `stop`). A machine without PostgreSQL fails
 * here, naming the script that installs it; the tests never skip.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  let started: { url: string; dir: string };
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, 'start', '--json'], { timeout: 120_000 });
    started = JSON.parse(stdout) as { url: string; dir: string };
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`PostgreSQL could not be started (${detail}). scripts/services/postgres.mjs starts it and installs Debian's postgresql when missing (as root; else apt-get install -y postgresql).`);
  }
  const pool = new pg.Pool({ connectionString: started.url, max: 4 });
  pool.on('error', () => undefined);
  const migrated = await migrateDatabase(pool);
  if (migrated.isErr()) throw new Error(`migrating the test database failed: ${migrated.error.message}`);
  return {
    url: started.url,
    pool,
    async restart() {
      await run(process.execPath, [SCRIPT, 'restart', started.dir], { timeout: 120_000 });
    },
    async stop() {
      await pool.end().catch(() => undefined);
      await run(process.execPath, [SCRIPT, 'stop', started.dir], { timeout: 120_000 });
    },
  };
}

let counter = 0;
/** A fresh office id, so each test starts from empty logs in the shared database. */
export function freshOffice(prefix = 'kab-uji'): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}`;
}

/** A small pool on another database of the test cluster (for tests that check rows directly). */
export function poolAt(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  return pool;
}
