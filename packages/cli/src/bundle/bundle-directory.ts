import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFileNeedsContent, compareCodeUnits, isSafeBundlePath, type BundleFileContent, type BundleFiles } from '@sipansos/core/evidence';
import { writeOutputDirectory } from '../runtime/write-output.js';

/** Why a bundle directory could not be written or read. */
export interface BundleDirectoryError {
  type: 'exists' | 'unsafe_path' | 'io' | 'too_large' | 'not_a_directory';
  message: string;
  path?: string;
}

/**
 * Write a bundle into a new directory (mode 0700, files 0600: it holds raw personal data).
 * Refuses a directory that already has files in it, so an older bundle is never mixed in. The
 * files are written into a directory beside it that is renamed into place at the end, so a full
 * disk leaves no half-written bundle.
 */
export async function writeBundleDirectory(dir: string, files: BundleFiles): Promise<BundleDirectoryError | undefined> {
  try {
    const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
    if (existing.length > 0) return { type: 'exists', path: dir, message: `${dir} is not empty; choose a new directory` };
    for (const name of files.keys()) {
      if (!isSafeBundlePath(name)) return { type: 'unsafe_path', path: name, message: `refusing unsafe bundle path ${name}` };
    }
    await mkdir(path.dirname(dir), { recursive: true });
    await writeOutputDirectory(dir, async (temporary) => {
      for (const [name, bytes] of files) {
        const target = path.join(temporary, ...name.split('/'));
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await writeFile(target, bytes, { mode: 0o600, flag: 'wx' });
      }
    });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return { type: 'exists', path: dir, message: `${dir} is not empty; choose a new directory` };
    return { type: 'io', path: dir, message: (error as Error).message };
  }
}

/** Limits when reading a bundle someone handed over. */
export interface ReadBundleLimits {
  /** @default 10_000 */
  maxFiles?: number;
  /** @default 4 GiB */
  maxTotalBytes?: number;
}

/**
 * Read a bundle directory for `verifyBundle`: the files it reads as bytes, blobs and other
 * files it only hashes as digests (streamed, never held). Symbolic links and special files are
 * not followed (a bundle from outside must not make the checker read elsewhere); they are
 * reported.
 */
export async function readBundleDirectory(dir: string, limits: ReadBundleLimits = {}): Promise<{ files: Map<string, BundleFileContent>; skipped: string[] } | BundleDirectoryError> {
  const maxFiles = limits.maxFiles ?? 10_000;
  const maxTotalBytes = limits.maxTotalBytes ?? 4 * 1024 ** 3;
  const files = new Map<string, BundleFileContent>();
  const skipped: string[] = [];
  let total = 0;
  try {
    const root = await lstat(dir);
    if (!root.isDirectory()) return { type: 'not_a_directory', path: dir, message: `${dir} is not a directory` };
    const walk = async (relative: string): Promise<BundleDirectoryError | undefined> => {
      const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
      for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
        const name = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          const problem = await walk(name);
          if (problem) return problem;
        } else if (entry.isFile()) {
          if (files.size >= maxFiles) return { type: 'too_large', path: dir, message: `more than ${maxFiles} files` };
          const file = path.join(dir, name);
          total += (await lstat(file)).size;
          if (total > maxTotalBytes) return { type: 'too_large', path: dir, message: `more than ${maxTotalBytes} bytes` };
          if (bundleFileNeedsContent(name)) {
            const bytes = await readFile(file);
            files.set(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          } else files.set(name, await digestOf(file));
        } else skipped.push(name);
      }
      return undefined;
    };
    const problem = await walk('');
    if (problem) return problem;
    return { files, skipped };
  } catch (error) {
    return { type: 'io', path: dir, message: (error as Error).message };
  }
}

async function digestOf(file: string): Promise<BundleFileContent> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}
