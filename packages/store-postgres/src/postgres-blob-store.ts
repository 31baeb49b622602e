import { err, ok, ResultAsync, type Result } from 'neverthrow';
import type pg from 'pg';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import type { BlobCheckReport, BlobStore } from './blob-store.js';
import { databaseError } from './database-error.js';

const wrap = <T>(operation: string, run: () => Promise<T>): ResultAsync<T, StoreErrorV1> => ResultAsync.fromPromise(run(), (error) => databaseError(operation, error));

/**
 * Blobs as `bytea` rows of the `evidence_blob` table in the store's own database, one row per
 * office and sha256 (deduplicated). The database hashes what it stored before `put` returns,
 * so the check needs no second transfer of the bytes.
 */
export function createPostgresBlobStore(pool: pg.Pool): BlobStore {
  return {
    kind: 'postgres',
    put(office, sha256, bytes) {
      return new ResultAsync(
        (async (): Promise<Result<void, StoreErrorV1>> => {
          try {
            const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            await pool.query('INSERT INTO evidence_blob (office_id, sha256, size, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (office_id, sha256) DO NOTHING', [office, sha256, bytes.byteLength, buffer]);
            const { rows } = await pool.query<{ found: string }>("SELECT encode(sha256(bytes), 'hex') AS found FROM evidence_blob WHERE office_id = $1 AND sha256 = $2", [office, sha256]);
            const found = rows[0]?.found;
            if (found !== sha256) return err({ type: 'corrupt', message: `blob ${sha256} reads back as ${found ?? '(absent)'} after it was written`, file: `postgres:evidence_blob/${office}/${sha256}`, expected: sha256, ...(found ? { found } : {}) });
            return ok(undefined);
          } catch (error) {
            return err(databaseError('store a blob', error));
          }
        })(),
      );
    },
    get(office, sha256) {
      return wrap('read a blob', async () => {
        const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM evidence_blob WHERE office_id = $1 AND sha256 = $2', [office, sha256]);
        return rows[0] ? new Uint8Array(rows[0].bytes.buffer, rows[0].bytes.byteOffset, rows[0].bytes.byteLength) : undefined;
      });
    },
    has(office, sha256) {
      return wrap('look up a blob', async () => (await pool.query('SELECT 1 FROM evidence_blob WHERE office_id = $1 AND sha256 = $2', [office, sha256])).rowCount === 1);
    },
    check(office) {
      return wrap('check the blobs', async () => {
        const report: BlobCheckReport = { checked: 0, bytes: 0, mismatched: [] };
        // In pages by hash, so a large office is never read at once; the server hashes the bytes.
        let after = '';
        for (;;) {
          const { rows } = await pool.query<{ sha256: string; found: string; size: string }>(
            "SELECT sha256, encode(sha256(bytes), 'hex') AS found, octet_length(bytes) AS size FROM evidence_blob WHERE office_id = $1 AND sha256 > $2 ORDER BY sha256 LIMIT 500",
            [office, after],
          );
          for (const row of rows) {
            report.checked++;
            report.bytes += Number(row.size);
            if (row.found !== row.sha256) report.mismatched.push({ sha256: row.sha256, found: row.found, where: `postgres:evidence_blob/${office}/${row.sha256}` });
          }
          if (rows.length < 500) return report;
          after = rows.at(-1)!.sha256;
        }
      });
    },
    close() {
      return ResultAsync.fromSafePromise(Promise.resolve());
    },
  };
}
