import type pg from 'pg';

const guarded = new WeakSet<pg.PoolClient>();
const ignore = (): void => undefined;

/**
 * Check a client out of the pool with an `error` listener on it. A connection the server cuts
 * while the client is checked out (a restart, a network cut) emits `error`; without a listener
 * that would crash the process. The failure still reaches the caller through its next query.
 */
export async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  if (!guarded.has(client)) {
    client.on('error', ignore);
    guarded.add(client);
  }
  return client;
}
