import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { err, ok, ResultAsync, type Result } from 'neverthrow';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import type { BlobCheckReport, BlobStore } from './blob-store.js';

/** Settings of {@link createS3BlobStore}. */
export interface S3BlobStoreOptions {
  /** The S3-compatible endpoint (MinIO, Garage, Ceph RGW), e.g. `http://127.0.0.1:9000`. */
  endpoint: string;
  /** The bucket; it must exist. */
  bucket: string;
  /** @default "us-east-1" */
  region?: string;
  /** Prepended to every key, e.g. `sipansos/`. Keys are `<prefix><office>/<sha256[0..2]>/<sha256>`. @default "" */
  prefix?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most self-hosted servers need. @default true */
  forcePathStyle?: boolean;
  /**
   * Access keys. Leave out to let the AWS SDK read `AWS_ACCESS_KEY_ID` and
   * `AWS_SECRET_ACCESS_KEY` from the environment: keys never belong in a config file.
   */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** A client to use instead of one built from these settings (the store does not destroy it). */
  client?: S3Client;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function isNotFound(error: unknown): boolean {
  const value = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return value?.name === 'NotFound' || value?.name === 'NoSuchKey' || value?.$metadata?.httpStatusCode === 404;
}

function s3Error(operation: string, error: unknown): StoreErrorV1 {
  const value = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = value?.$metadata?.httpStatusCode;
  return { type: 'io', operation, message: `${operation}: ${value?.name ?? 'Error'}: ${value?.message ?? String(error)}${status ? ` (HTTP ${status})` : ''}`, ...(value?.name ? { code: value.name } : {}) };
}

/**
 * Blobs in S3-compatible object storage, one object per office and sha256. `put` skips bytes
 * already there, and reads a new object back and re-hashes it before resolving: a record names
 * a blob only after the storage has shown it holds exactly those bytes.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  if (typeof options?.endpoint !== 'string' || !/^https?:\/\//.test(options.endpoint)) throw new TypeError('createS3BlobStore: endpoint is required, e.g. "http://127.0.0.1:9000"');
  if (typeof options.bucket !== 'string' || options.bucket.length === 0) throw new TypeError('createS3BlobStore: bucket is required');
  const prefix = options.prefix ?? '';
  const ownClient = options.client === undefined;
  const client =
    options.client ??
    new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? true,
      // Self-hosted servers differ in which checksum headers they know; the store hashes itself.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  const bucket = options.bucket;
  const keyOf = (office: string, sha256: string): string => `${prefix}${office}/${sha256.slice(0, 2)}/${sha256}`;

  async function read(key: string): Promise<Uint8Array | undefined> {
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async function exists(key: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  return {
    kind: 's3',
    put(office, sha256, bytes) {
      return new ResultAsync(
        (async (): Promise<Result<void, StoreErrorV1>> => {
          const key = keyOf(office, sha256);
          try {
            if (await exists(key)) return ok(undefined);
            await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength, ContentType: 'application/octet-stream', Metadata: { sha256 } }));
            const back = await read(key);
            const found = back ? sha256Of(back) : undefined;
            if (found !== sha256) return err({ type: 'corrupt', message: `blob ${sha256} reads back from s3://${bucket}/${key} as ${found ?? '(absent)'}`, file: `s3:${key}`, expected: sha256, ...(found ? { found } : {}) });
            return ok(undefined);
          } catch (error) {
            return err(s3Error('store a blob in S3', error));
          }
        })(),
      );
    },
    get(office, sha256) {
      return ResultAsync.fromPromise(read(keyOf(office, sha256)), (error) => s3Error('read a blob from S3', error));
    },
    has(office, sha256) {
      return ResultAsync.fromPromise(exists(keyOf(office, sha256)), (error) => s3Error('look up a blob in S3', error));
    },
    check(office) {
      return ResultAsync.fromPromise(
        (async () => {
          const report: BlobCheckReport = { checked: 0, bytes: 0, mismatched: [] };
          let token: string | undefined;
          do {
            const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${office}/`, ...(token ? { ContinuationToken: token } : {}) }));
            for (const object of page.Contents ?? []) {
              if (!object.Key) continue;
              const bytes = (await read(object.Key)) ?? new Uint8Array();
              const name = object.Key.split('/').at(-1)!;
              const found = sha256Of(bytes);
              report.checked++;
              report.bytes += bytes.byteLength;
              if (found !== name) report.mismatched.push({ sha256: name, found, where: `s3:${object.Key}` });
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
          } while (token);
          return report;
        })(),
        (error) => s3Error('check the blobs in S3', error),
      );
    },
    close() {
      if (ownClient) client.destroy();
      return ResultAsync.fromSafePromise(Promise.resolve());
    },
  };
}
