import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { bundleFileNeedsContent, isSafeBundlePath, type BundleFileContent, type BundleZipError } from '@sipansos/core/evidence';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Limits when reading a bundle ZIP someone handed over. Everything is checked from the
 * central directory before a byte is inflated, and yauzl stops any entry that inflates past
 * the size it declares, so the work done is bounded by these numbers, not by the archive.
 */
export interface ReadBundleZipLimits {
  /** @default 10_000 */
  maxEntries?: number;
  /** Sum of the entries' inflated sizes. @default 4 GiB - 1 (what a ZIP without ZIP64 holds) */
  maxTotalBytes?: number;
  /**
   * Largest inflated/compressed ratio of an entry over 64 KiB. Deflate reaches ~1030:1 only on
   * runs of one byte; evidence (media, JSON, HTML) stays far below. @default 200
   */
  maxRatio?: number;
  /** Largest file held in memory to be read (records, proofs, manifest). @default 256 MiB */
  maxHeldFileBytes?: number;
  /** All files held in memory together; blobs are only hashed, never held. @default 512 MiB */
  maxHeldBytes?: number;
}

/** What {@link readBundleZip} read: files for `verifyBundle`, and entries that did not inflate cleanly. */
export interface BundleZipRead {
  files: Map<string, BundleFileContent>;
  /** Entries whose bytes fail their CRC-32 or cannot be inflated: each names its entry. */
  damaged: BundleZipError[];
}

const RATIO_FLOOR_BYTES = 64 * 1024;

/**
 * Read a bundle ZIP for `verifyBundle`, streaming one entry at a time from the file (never
 * the whole archive in memory). Refused before anything is inflated: unsafe or repeated
 * names, encrypted entries, entries whose bytes overlap another's (the "overlapping files"
 * bomb), more than the limits in count, total size or ratio. Files `verifyBundle` reads are
 * held; blobs, the report and the guide are hashed as they stream and handed over as digests.
 */
export async function readBundleZip(file: string, limits: ReadBundleZipLimits = {}): Promise<BundleZipRead | BundleZipError> {
  const maxEntries = limits.maxEntries ?? 10_000;
  const maxTotal = limits.maxTotalBytes ?? 0xffffffff - 1;
  const maxRatio = limits.maxRatio ?? 200;
  const maxHeldFile = limits.maxHeldFileBytes ?? 256 * 1024 ** 2;
  const maxHeld = limits.maxHeldBytes ?? 512 * 1024 ** 2;
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    return { type: 'zip_invalid', message: `not a readable ZIP archive (${(error as Error).message})` };
  }
  try {
    if (zip.entryCount > maxEntries) return { type: 'zip_too_large', message: `${zip.entryCount} entries: more than the limit of ${maxEntries}` };
    let entries: Entry[];
    try {
      entries = await listEntries(zip);
    } catch (error) {
      // yauzl names the entry: "invalid relative path: ../x", "absolute path: /x".
      return { type: 'zip_invalid', message: `unsafe or damaged entry in the central directory (${(error as Error).message})` };
    }
    const checked = await checkEntries(zip, entries, { maxTotal, maxRatio });
    if ('type' in checked) return checked;

    const files = new Map<string, BundleFileContent>();
    const damaged: BundleZipError[] = [];
    let held = 0;
    for (const entry of checked.files) {
      const name = entry.fileName;
      const keep = bundleFileNeedsContent(name) && entry.uncompressedSize <= maxHeldFile && held + entry.uncompressedSize <= maxHeld;
      if (keep) held += entry.uncompressedSize;
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let crc = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          crc = crc32(chunk, crc);
          if (keep) chunks.push(chunk);
        }
      } catch (error) {
        damaged.push({ type: 'zip_invalid', entry: name, message: `${name}: cannot inflate (${(error as Error).message}); the entry was changed or truncated` });
        continue;
      }
      if (crc >>> 0 !== entry.crc32 >>> 0) damaged.push({ type: 'zip_invalid', entry: name, message: `${name}: CRC-32 mismatch; the entry was changed` });
      if (keep) {
        const bytes = Buffer.concat(chunks);
        files.set(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } else files.set(name, { sha256: hash.digest('hex'), size: entry.uncompressedSize });
    }
    return { files, damaged };
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

// Every check that needs no inflating, over the whole directory, before the first entry is read.
async function checkEntries(zip: ZipFile, entries: Entry[], limits: { maxTotal: number; maxRatio: number }): Promise<{ files: Entry[] } | BundleZipError> {
  const names = new Set<string>();
  const files: Entry[] = [];
  let total = 0;
  for (const entry of entries) {
    const name = entry.fileName;
    if (name.endsWith('/')) continue;
    if (!isSafeBundlePath(name)) return { type: 'zip_invalid', entry: name, message: `unsafe entry name ${JSON.stringify(name)} (absolute, "..", or odd characters)` };
    if (names.has(name)) return { type: 'zip_invalid', entry: name, message: `${name} appears twice in the archive` };
    names.add(name);
    if (entry.isEncrypted()) return { type: 'zip_invalid', entry: name, message: `${name} is encrypted` };
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      return { type: 'zip_invalid', entry: name, message: `${name}: compression method ${entry.compressionMethod} is not supported (use deflate or stored)` };
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotal) return { type: 'zip_too_large', entry: name, message: `the archive inflates to more than ${limits.maxTotal} bytes` };
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > limits.maxRatio * entry.compressedSize) {
      return { type: 'zip_too_large', entry: name, message: `${name} inflates ${entry.compressedSize} bytes to ${entry.uncompressedSize}: more than ${limits.maxRatio} times (a zip bomb?)` };
    }
    files.push(entry);
  }
  // Each entry's bytes, from its local header to the end of its data, must stand alone:
  // overlapping entries make a small archive inflate the same bytes many times.
  const spans: Array<{ name: string; start: number; end: number }> = [];
  for (const entry of files) {
    let fileDataStart: number;
    try {
      ({ fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true }));
    } catch (error) {
      return { type: 'zip_invalid', entry: entry.fileName, message: `${entry.fileName}: local header is damaged (${(error as Error).message})` };
    }
    spans.push({ name: entry.fileName, start: entry.relativeOffsetOfLocalHeader, end: fileDataStart + entry.compressedSize });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let index = 1; index < spans.length; index++) {
    const before = spans[index - 1] as (typeof spans)[number];
    const span = spans[index] as (typeof spans)[number];
    if (span.start < before.end) return { type: 'zip_invalid', entry: span.name, message: `${span.name} overlaps ${before.name} in the archive: refused before inflating (an overlapping-entries zip bomb?)` };
  }
  return { files };
}
