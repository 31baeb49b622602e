import { constants, createReadStream, open as openCallback } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { promisify } from 'node:util';

const openFd = promisify(openCallback);

/**
 * A readable stream of a file the user named. A FIFO (`mkfifo`, `<(…)`) is opened non-blocking and
 * read through the event loop: a blocking open or read would hold a thread that no signal can
 * free, so Ctrl-C could not stop the command.
 */
export async function openInputStream(file: string): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  const info = await stat(file);
  if (info.isFIFO()) {
    const fd = await openFd(file, constants.O_RDONLY | constants.O_NONBLOCK);
    return new Socket({ fd, readable: true, writable: false });
  }
  return createReadStream(file);
}

/** The bytes of a file (regular or FIFO); rejects with an `AbortError` once `signal` aborts. */
export async function readInputBytes(file: string, signal?: AbortSignal): Promise<Buffer> {
  const info = await stat(file);
  if (!info.isFIFO()) return readFile(file, signal ? { signal } : {});
  const stream = await openInputStream(file);
  const chunks: Buffer[] = [];
  const onAbort = (): void => stream.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (error) {
    if (signal?.aborted) throw Object.assign(new Error('stopped by a signal'), { name: 'AbortError', code: 'ABORT_ERR' });
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw Object.assign(new Error('stopped by a signal'), { name: 'AbortError', code: 'ABORT_ERR' });
  return Buffer.concat(chunks);
}

/** Whether an error is the abort of {@link readInputBytes} (or of `readFile` with a signal). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as Error).name === 'AbortError' || (error as NodeJS.ErrnoException).code === 'ABORT_ERR');
}
