import { err, ok, type Result } from 'neverthrow';
import type pg from 'pg';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import type { BlobStore } from './blob-store.js';

/** An office id: lowercase letters, digits, `-` and `_`, e.g. `kab-lembah-harapan`. */
export const OFFICE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Settings of `createPostgresStore`. */
export interface PostgresStoreOptions {
  /**
   * Connection string without a password, e.g. `postgres://sipansos@db.internal:5432/bukti`.
   * The password comes from `PGPASSWORD` (or `~/.pgpass`), never from a file the office shares.
   * Required unless `pool` is given.
   */
  url?: string;
  /** A pool to use instead of one built from `url`; the store does not end it. */
  pool?: pg.Pool;
  /** Connections the store's own pool opens. @default 10 */
  poolSize?: number;
  /** The office whose logs this store reads and writes; every row carries it. */
  office: string;
  /**
   * Where blob bytes go: `'postgres'` (a `bytea` table in the same database) or a
   * {@link BlobStore} such as `createS3BlobStore(...)`. @default 'postgres'
   */
  blobs?: BlobStore | 'postgres';
  /** The office's Ed25519 private key (PKCS#8 PEM text) that signs checkpoints. */
  signingKeyPem?: string;
  /** Open as a reader: no writes. @default false */
  readOnly?: boolean;
  /** Clock for `appendedAt` and checkpoint times. @default () => new Date() */
  now?: () => Date;
  /** On `close()`, sign a checkpoint when any log changed since the latest one. @default false */
  checkpointOnClose?: boolean;
}

/** Check settings at construction, naming the field at fault. */
export function checkPostgresStoreOptions(options: unknown): Result<PostgresStoreOptions, StoreErrorV1> {
  const issues: Array<{ path: string; message: string }> = [];
  const value = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  if (value.pool === undefined) {
    if (typeof value.url !== 'string' || !/^postgres(ql)?:\/\//.test(value.url)) {
      issues.push({ path: 'url', message: 'url is required: a connection string such as "postgres://sipansos@127.0.0.1:5432/bukti" (or pass pool)' });
    } else if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(value.url)) {
      issues.push({ path: 'url', message: 'url must not hold a password: set PGPASSWORD in the environment instead' });
    }
  }
  if (typeof value.office !== 'string' || !OFFICE_ID_PATTERN.test(value.office)) {
    issues.push({ path: 'office', message: 'office is required: lowercase letters, digits, "-" and "_", e.g. "kab-lembah-harapan"' });
  }
  if (value.blobs !== undefined && value.blobs !== 'postgres' && (typeof value.blobs !== 'object' || value.blobs === null || typeof (value.blobs as BlobStore).put !== 'function')) {
    issues.push({ path: 'blobs', message: 'blobs must be "postgres" or a BlobStore such as createS3BlobStore({ endpoint, bucket })' });
  }
  if (value.signingKeyPem !== undefined && (typeof value.signingKeyPem !== 'string' || !value.signingKeyPem.includes('PRIVATE KEY'))) {
    issues.push({ path: 'signingKeyPem', message: 'signingKeyPem must be the PEM text of an Ed25519 private key (read the file first), not a path' });
  }
  for (const name of ['readOnly', 'checkpointOnClose'] as const) {
    if (value[name] !== undefined && typeof value[name] !== 'boolean') issues.push({ path: name, message: `${name} must be true or false` });
  }
  if (value.now !== undefined && typeof value.now !== 'function') issues.push({ path: 'now', message: 'now must be a function' });
  if (value.poolSize !== undefined && (!Number.isInteger(value.poolSize) || (value.poolSize as number) < 1)) issues.push({ path: 'poolSize', message: 'poolSize must be a positive integer' });
  if (issues.length > 0) return err({ type: 'invalid_input', message: `createPostgresStore: ${issues.map((issue) => issue.message).join('; ')}`, issues });
  return ok(value as unknown as PostgresStoreOptions);
}
