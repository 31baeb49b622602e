import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sha256Hex } from '@sipansos/core/evidence';
import { fsyncDirectory, writeFully, type FsyncFunction } from './durable-io.js';
import { DIR_MODE, FILE_MODE, type StoreLayout } from './store-layout.js';

/**
 * Content-addressed blob files: `blobs/sha256/<first two hex>/<sha256>`. A blob is written to
 * `blobs/tmp/`, fsynced, renamed into place and its directory fsynced, so after a crash it is
 * either absent or whole.
 */
export class BlobFiles {
  private readonly knownShards = new Set<string>();

  constructor(
    private readonly layout: StoreLayout,
    private readonly fsync: FsyncFunction,
  ) {}

  /** True when the blob file exists (its content is checked on read and by verify). */
  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.layout.blob(sha256));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Store bytes under their sha256; a no-op when the blob exists. */
  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Hex(bytes);
    if (await this.has(sha256)) return sha256;
    const shard = this.layout.blobShard(sha256);
    if (!this.knownShards.has(shard)) {
      const created = await mkdir(shard, { recursive: true, mode: DIR_MODE });
      // A new shard directory must itself survive a crash before a file in it can.
      if (created !== undefined) await fsyncDirectory(this.layout.blobsShaDir, this.fsync);
      this.knownShards.add(shard);
    }
    const tmp = path.join(this.layout.blobsTmpDir, `${sha256.slice(0, 16)}-${randomBytes(8).toString('hex')}.tmp`);
    const handle = await open(tmp, 'wx', FILE_MODE);
    try {
      await writeFully(handle, bytes);
      await this.fsync(handle, tmp);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(tmp, this.layout.blob(sha256));
    await fsyncDirectory(shard, this.fsync);
    return sha256;
  }

  /** Read a blob's bytes (`undefined` when absent). */
  async read(sha256: string): Promise<Uint8Array | undefined> {
    let handle;
    try {
      handle = await open(this.layout.blob(sha256), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const data = await handle.readFile();
      // A plain Uint8Array view (no copy): callers should not meet Buffer's JSON form.
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } finally {
      await handle.close();
    }
  }

  /** Remove temporary files a crash left behind (they were never acknowledged). */
  async cleanTemporary(): Promise<number> {
    const names = await readdir(this.layout.blobsTmpDir).catch(() => [] as string[]);
    for (const name of names) await unlink(path.join(this.layout.blobsTmpDir, name)).catch(() => undefined);
    return names.length;
  }
}

/** sha256 of a file, streamed through one reused buffer (verify reads every blob this way). */
export async function hashFile(file: string, buffer: Buffer): Promise<{ sha256: string; bytes: number }> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await handle.close();
  }
}
