import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { RecordKind } from '@sipansos/core/evidence';
import { logLockNumber } from './record-tables.js';

/** The first half of an office's advisory lock keys: 32 bits of sha256 of its id. */
export function officeLockKey(office: string): number {
  return createHash('sha256').update(`sipansos-office:${office}`).digest().readInt32BE(0);
}

/**
 * Take the transaction-scoped advisory lock of one log of an office: appends to that log queue
 * here, one transaction at a time, and the lock goes with COMMIT or ROLLBACK (or with the
 * connection, when a writer dies).
 */
export async function lockLog(client: pg.PoolClient, office: string, log: RecordKind | 'checkpoint'): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1::integer, $2::integer)', [officeLockKey(office), logLockNumber(log)]);
}
