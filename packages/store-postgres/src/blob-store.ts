import type { ResultAsync } from 'neverthrow';
import type { StoreErrorV1 } from '@sipansos/core/spec';

/** What {@link BlobStore.check} found: every blob of an office re-hashed. */
export interface BlobCheckReport {
  checked: number;
  bytes: number;
  /** Blobs whose bytes no longer give the hash they are stored under. */
  mismatched: Array<{ sha256: string; found: string; where: string }>;
}

/**
 * Where the PostgreSQL evidence store keeps blob bytes, per office, addressed by sha256. The
 * store hashes the bytes before calling `put`; `put` resolves only once the bytes are durable
 * and checked against that hash, so a record naming the blob never commits before it.
 */
export interface BlobStore {
  /** Names the backend in errors and `verify` problems, e.g. `postgres`, `s3`. */
  readonly kind: string;
  /** Store `bytes` (whose sha256 is `sha256`) for `office`; storing them twice is a no-op. */
  put(office: string, sha256: string, bytes: Uint8Array): ResultAsync<void, StoreErrorV1>;
  /** The bytes, or `undefined` when absent. The caller re-hashes them. */
  get(office: string, sha256: string): ResultAsync<Uint8Array | undefined, StoreErrorV1>;
  has(office: string, sha256: string): ResultAsync<boolean, StoreErrorV1>;
  /** Re-hash every blob of `office`. */
  check(office: string): ResultAsync<BlobCheckReport, StoreErrorV1>;
  /** Free connections the backend opened itself. */
  close(): ResultAsync<void, StoreErrorV1>;
}
