import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError } from '../command.js';

function temporaryNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  }
}

/**
 * Write an output file (report, letter, export) beside its target, flush it, then rename it into
 * place: a full disk or a crash leaves the old file or none, never an empty or half-written one.
 * With `exclusive`, an existing target is refused (`EEXIST`) instead of replaced.
 */
export async function writeOutputFile(target: string, data: string | Uint8Array, options: { mode?: number; exclusive?: boolean } = {}): Promise<void> {
  const temporary = temporaryNameFor(target);
  const handle = await open(temporary, 'wx', options.mode ?? 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // link() fails when the target exists, so nothing is overwritten even in a race.
      await link(temporary, target);
      await unlink(temporary);
    } else await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

/**
 * Fill a new directory beside `target`, then rename it into place. An existing non-empty target is
 * refused (`ENOTEMPTY`/`EEXIST`); on any failure the partial directory is removed.
 */
export async function writeOutputDirectory(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const temporary = temporaryNameFor(target);
  await mkdir(temporary, { mode: 0o700 });
  try {
    await fill(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

/**
 * {@link writeOutputFile} for a command: on failure print one bilingual line naming the file and
 * the cause, and give the exit code (3: the disk, not the input, failed).
 */
export async function writeOutput(io: CliIo, target: string, data: string | Uint8Array): Promise<number | undefined> {
  try {
    await writeOutputFile(target, data);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const hint = code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT' ? ' (disk penuh? / disk full?)' : '';
    printError(io, `tidak dapat menulis ${target} (${code})${hint}; tidak ada berkas setengah jadi yang tertinggal`, `cannot write ${target} (${code})${hint}; no half-written file was left`);
    return EXIT.failure;
  }
}
