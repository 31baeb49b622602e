import { randomBytes } from 'node:crypto';
import { open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import { FILE_MODE } from './store-layout.js';

/**
 * How the store makes data durable. Injectable so tests can make an fsync fail; the default
 * calls `fsync(2)` through `FileHandle.sync()`.
 */
export type FsyncFunction = (handle: FileHandle, file: string) => Promise<void>;

/** The default {@link FsyncFunction}. */
export const defaultFsync: FsyncFunction = (handle) => handle.sync();

/** fsync a directory, so a file created or renamed in it survives a crash. */
export async function fsyncDirectory(dir: string, fsync: FsyncFunction): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await fsync(handle, dir);
  } finally {
    await handle.close();
  }
}

/** Write all of `data` at the handle's position (appends for an `a` handle). */
export async function writeFully(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset, null);
    offset += bytesWritten;
  }
}

/**
 * Write a file so it is either absent or complete after a crash: a temporary file in
 * `tmpDir` (same file system), fsynced, renamed into place, and the directory fsynced.
 */
export async function writeFileDurably(file: string, data: Uint8Array | string, tmpDir: string, fsync: FsyncFunction): Promise<void> {
  const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', FILE_MODE);
  try {
    await writeFully(handle, typeof data === 'string' ? Buffer.from(data) : data);
    await fsync(handle, tmp);
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await fsyncDirectory(path.dirname(file), fsync);
}

/** Turn an operating-system error into the store's `io` error. */
export function ioError(operation: string, error: unknown): StoreErrorV1 {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'io', operation, ...(code ? { code } : {}), message: `${operation}: ${message}` };
}
