import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// s3rver ships no types; the test uses its constructor, run() and close().
// @ts-expect-error -- untyped CommonJS package
import S3rver from 's3rver';

/** A local S3 server (s3rver) on 127.0.0.1 with one bucket, for tests. */
export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** Invented keys: s3rver accepts S3RVER/S3RVER. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export async function startTestS3(bucket = 'bukti-uji'): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'sipansos-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] }) as { run(): Promise<{ port: number }>; close(): Promise<void> };
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
