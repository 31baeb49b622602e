import type { EndpointRateLimit, SharedRateBudget } from '@sipansos/core/adapter-kit';
import pg from 'pg';

/** Settings of {@link createPostgresRateBudget}. */
export interface PostgresRateBudgetOptions {
  /** The office's PostgreSQL (the password from `PGPASSWORD`), or a pool to share. */
  url?: string;
  pool?: pg.Pool;
  /** The office id: offices have separate budgets (each office calls with its own app). */
  office: string;
}

/** A shared budget that can be closed (its own pool, when it made one). */
export interface PostgresRateBudget extends SharedRateBudget {
  close(): Promise<void>;
}

// Operational state, not evidence: created on first use, like pg-boss's own schema.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS rate_budget_start (
  office_id  text        NOT NULL,
  platform   text        NOT NULL,
  endpoint   text        NOT NULL,
  started_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_budget_start_window ON rate_budget_start (office_id, platform, endpoint, started_at);
CREATE TABLE IF NOT EXISTS rate_budget_pause (
  office_id    text        NOT NULL,
  platform     text        NOT NULL,
  endpoint     text        NOT NULL,
  paused_until timestamptz NOT NULL,
  PRIMARY KEY (office_id, platform, endpoint)
);`;

/**
 * A platform rate budget shared by every worker of an office, in its PostgreSQL: a log of
 * request starts per (office, platform, endpoint), read and appended under a transaction-scoped
 * advisory lock on that key, so N workers together start no more requests in any rolling window
 * than the adapter's limit allows one; and a pause row per endpoint that a 429 seen by any worker
 * sets, which every worker's next start waits out. Times are the database server's, so the
 * workers' clocks need not agree.
 */
export function createPostgresRateBudget(options: PostgresRateBudgetOptions): PostgresRateBudget {
  const own = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.url, max: 2 });
  // A connection the server cuts (restart) is replaced on the next query; one listener per connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  let ready: Promise<void> | undefined;
  const prepare = (): Promise<void> =>
    (ready ??= transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('sipansos:rate-budget:schema'))");
      await client.query(SCHEMA);
    }).catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  async function transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await body(client);
      await client.query('COMMIT');
      client.release();
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error as Error);
      throw error;
    }
  }

  return {
    async acquire(platform: string, endpoint: string, limit: EndpointRateLimit | undefined): Promise<number> {
      await prepare();
      return transaction(async (client) => {
        const key = [options.office, platform, endpoint];
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sipansos:rate-budget:${key.join('\n')}`]);
        const paused = await client.query<{ wait_ms: string }>(
          `SELECT ceil(extract(epoch FROM paused_until - clock_timestamp()) * 1000) AS wait_ms
             FROM rate_budget_pause WHERE office_id = $1 AND platform = $2 AND endpoint = $3 AND paused_until > clock_timestamp()`,
          key,
        );
        if (paused.rows[0]) return Math.max(1, Number(paused.rows[0].wait_ms));
        if (!limit) return 0;
        const windowSeconds = limit.windowMs / 1000;
        await client.query(`DELETE FROM rate_budget_start WHERE office_id = $1 AND platform = $2 AND endpoint = $3 AND started_at <= clock_timestamp() - make_interval(secs => $4)`, [...key, windowSeconds]);
        // The start that leaves the window first, when the window is full: the limit-th newest.
        const full = await client.query<{ wait_ms: string }>(
          `SELECT ceil(extract(epoch FROM started_at + make_interval(secs => $4) - clock_timestamp()) * 1000) AS wait_ms
             FROM rate_budget_start WHERE office_id = $1 AND platform = $2 AND endpoint = $3
            ORDER BY started_at DESC OFFSET $5 - 1 LIMIT 1`,
          [...key, windowSeconds, limit.limit],
        );
        if (full.rows[0]) return Math.max(1, Number(full.rows[0].wait_ms));
        await client.query('INSERT INTO rate_budget_start (office_id, platform, endpoint, started_at) VALUES ($1, $2, $3, clock_timestamp())', key);
        return 0;
      });
    },
    async pause(platform: string, endpoint: string, until: number): Promise<void> {
      await prepare();
      // `until` is on this worker's clock: sent as "this long from now", the server's now.
      const ms = Math.max(0, until - Date.now());
      await pool.query(
        `INSERT INTO rate_budget_pause (office_id, platform, endpoint, paused_until) VALUES ($1, $2, $3, clock_timestamp() + make_interval(secs => $4))
         ON CONFLICT (office_id, platform, endpoint) DO UPDATE SET paused_until = GREATEST(rate_budget_pause.paused_until, EXCLUDED.paused_until)`,
        [options.office, platform, endpoint, ms / 1000],
      );
    },
    async close() {
      if (own) await pool.end();
    },
  };
}
