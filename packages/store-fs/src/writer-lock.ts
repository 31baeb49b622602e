import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import { ioError } from './durable-io.js';
import { FILE_MODE } from './store-layout.js';

/** Who holds a store's writer lock. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** A held lock, and the stale one it replaced, if any. */
export interface AcquiredLock {
  holder: LockHolder;
  staleTakenOver?: LockHolder;
  release(): Promise<void>;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 && typeof value.host === 'string' && typeof value.since === 'string') {
      return { pid: value.pid, host: value.host, since: value.since };
    }
  } catch {
    // An unreadable lock is treated below as held by an unknown process.
  }
  return undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createLock(file: string, holder: LockHolder): Promise<'created' | 'exists'> {
  try {
    const handle = await open(file, 'wx', FILE_MODE);
    try {
      // Not fsynced: after a power loss no process holds the lock anyway.
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
    } finally {
      await handle.close();
    }
    return 'created';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}

/**
 * Take the single-writer lock: a file holding pid, host and start time, created exclusively.
 * A lock left by a dead process on this host is taken over (and reported); a live holder, or
 * one on another host, gives a `locked` error naming it.
 */
export async function acquireWriterLock(file: string, now: () => Date): Promise<Result<AcquiredLock, StoreErrorV1>> {
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: now().toISOString() };
  const release = async () => {
    try {
      const current = parseHolder(await readFile(file, 'utf8'));
      if (current && current.pid === holder.pid && current.host === holder.host && current.since === holder.since) await unlink(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  try {
    if ((await createLock(file, holder)) === 'created') return ok({ holder, release });
    const text = await readFile(file, 'utf8').catch(() => '');
    const existing = parseHolder(text);
    if (!existing) {
      return err({ type: 'locked', holder: { pid: 0, host: 'unknown', since: '' }, message: `the store lock ${file} is unreadable; if no SIPANSOS process uses this store, delete the file and retry` });
    }
    if (existing.host !== holder.host || processAlive(existing.pid)) {
      return err({
        type: 'locked',
        holder: existing,
        message: `the store is being written by process ${existing.pid} on ${existing.host} since ${existing.since}; open it read-only, or stop that process${existing.host === holder.host ? '' : ' (another host: check it before deleting the lock)'}`,
      });
    }
    // Move the stale lock aside atomically, then check it is the one we judged dead: another
    // process may have taken it over in between.
    const aside = path.join(path.dirname(file), `LOCK.stale-${randomBytes(6).toString('hex')}`);
    await rename(file, aside);
    const moved = parseHolder(await readFile(aside, 'utf8').catch(() => ''));
    if (!moved || moved.pid !== existing.pid || moved.since !== existing.since) {
      await rename(aside, file).catch(() => undefined);
      return err({ type: 'locked', holder: moved ?? existing, message: 'another process took over the stale store lock at the same moment; retry' });
    }
    await unlink(aside);
    if ((await createLock(file, holder)) === 'exists') {
      const winner = parseHolder(await readFile(file, 'utf8').catch(() => '')) ?? existing;
      return err({ type: 'locked', holder: winner, message: `process ${winner.pid} on ${winner.host} took the store lock first` });
    }
    return ok({ holder, staleTakenOver: existing, release });
  } catch (error) {
    return err(ioError('take the store lock', error));
  }
}

/**
 * True when a live process holds the writer lock in `file` (its last line may be in flight).
 * A holder on another host cannot be probed and counts as live.
 */
export async function writerAlive(file: string): Promise<boolean> {
  const holder = parseHolder(await readFile(file, 'utf8').catch(() => ''));
  if (!holder) return false;
  return holder.host !== hostname() || processAlive(holder.pid);
}
