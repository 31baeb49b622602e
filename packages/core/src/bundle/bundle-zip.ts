import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { err, ok, type Result } from 'neverthrow';
import { isSafeBundlePath } from './bundle-layout.js';
import type { BundleFiles } from './create-bundle.js';

/**
 * A bundle as one ZIP file (PKZIP 2.0: deflate or stored, UTF-8 names, no ZIP64), for sending
 * by mail or on a stick. Any unzip tool opens it; `verify-bundle` reads it directly.
 */

/** Why a ZIP could not be written or read. */
export interface BundleZipError {
  type: 'zip_invalid' | 'zip_too_large';
  message: string;
  /** The entry at fault, when one is. */
  entry?: string;
}

/** Limits when reading a ZIP someone handed over (zip bombs, huge archives). */
export interface ReadZipLimits {
  /** @default 10_000 */
  maxEntries?: number;
  /** Total uncompressed bytes. @default 4 GiB - 1 */
  maxTotalBytes?: number;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const UTF8_FLAG = 0x0800;
const MAX_32 = 0xffffffff;

function dosTimeDate(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Write bundle files as a ZIP archive, entries in name order, all stamped with `modifiedAt`. */
export function bundleToZip(files: BundleFiles, modifiedAt: Date = new Date('2000-01-01T00:00:00Z')): Result<Uint8Array, BundleZipError> {
  if (files.size >= 0xffff) return err({ type: 'zip_too_large', message: `${files.size} files: more than a ZIP without ZIP64 holds` });
  const { time, date } = dosTimeDate(modifiedAt);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, bytes] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isSafeBundlePath(name)) return err({ type: 'zip_invalid', entry: name, message: `unsafe entry name ${name}` });
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(bytes);
    const stored = deflated.byteLength >= bytes.byteLength;
    const data = stored ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : deflated;
    const crc = crc32(bytes) >>> 0;
    if (bytes.byteLength >= MAX_32 || offset + data.byteLength >= MAX_32) return err({ type: 'zip_too_large', entry: name, message: 'the archive would exceed 4 GiB (no ZIP64); write a directory instead' });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(bytes.byteLength, 22);
    local.writeUInt16LE(nameBytes.byteLength, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.byteLength, 20);
    central.writeUInt32LE(bytes.byteLength, 24);
    central.writeUInt16LE(nameBytes.byteLength, 28);
    // Extra, comment, disk, internal attributes: 0. External: a regular file readable by the owner only.
    central.writeUInt32LE(((0o100600 << 16) >>> 0) as number, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.byteLength + nameBytes.byteLength + data.byteLength;
  }
  const centralDirectory = Buffer.concat(centrals);
  if (offset + centralDirectory.byteLength >= MAX_32) return err({ type: 'zip_too_large', message: 'the archive would exceed 4 GiB (no ZIP64); write a directory instead' });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(centralDirectory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, centralDirectory, end]);
  return ok(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
}

/** Whether bytes start like a ZIP archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Read a bundle ZIP into file name → bytes. Every entry's size and CRC-32 are checked (a
 * changed byte names its entry), names must be safe relative paths, and the limits stop
 * archives that inflate beyond reason.
 */
export function bundleFromZip(bytes: Uint8Array, limits: ReadZipLimits = {}): Result<{ files: BundleFiles; damaged: BundleZipError[] }, BundleZipError> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const maxEntries = limits.maxEntries ?? 10_000;
  const maxTotal = limits.maxTotalBytes ?? MAX_32 - 1;
  let endAt = -1;
  for (let index = buffer.byteLength - 22; index >= Math.max(0, buffer.byteLength - 22 - 0xffff); index--) {
    if (buffer.readUInt32LE(index) === END_SIGNATURE) {
      endAt = index;
      break;
    }
  }
  if (endAt < 0) return err({ type: 'zip_invalid', message: 'not a ZIP archive (no end-of-central-directory record)' });
  const count = buffer.readUInt16LE(endAt + 10);
  const centralSize = buffer.readUInt32LE(endAt + 12);
  const centralOffset = buffer.readUInt32LE(endAt + 16);
  if (count > maxEntries) return err({ type: 'zip_too_large', message: `${count} entries: more than the limit of ${maxEntries}` });
  if (centralOffset + centralSize > endAt) return err({ type: 'zip_invalid', message: 'the central directory lies outside the archive' });
  const files: BundleFiles = new Map();
  // Entries whose bytes fail their CRC are kept (verify-bundle then names them too); ones that
  // cannot be inflated at all are reported here only.
  const damaged: BundleZipError[] = [];
  let total = 0;
  let at = centralOffset;
  for (let entry = 0; entry < count; entry++) {
    if (at + 46 > endAt || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) return err({ type: 'zip_invalid', message: `central directory entry ${entry + 1} is damaged` });
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (!isSafeBundlePath(name)) return err({ type: 'zip_invalid', entry: name, message: `unsafe entry name ${JSON.stringify(name)} (absolute, "..", or odd characters)` });
    if (files.has(name)) return err({ type: 'zip_invalid', entry: name, message: `${name} appears twice in the archive` });
    if (flags & 0x1) return err({ type: 'zip_invalid', entry: name, message: `${name} is encrypted` });
    total += size;
    if (total > maxTotal) return err({ type: 'zip_too_large', entry: name, message: `the archive inflates to more than ${maxTotal} bytes` });
    if (localOffset + 30 > buffer.byteLength || buffer.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) return err({ type: 'zip_invalid', entry: name, message: `${name}: local header is damaged` });
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buffer.byteLength) return err({ type: 'zip_invalid', entry: name, message: `${name}: data runs past the end of the archive` });
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    try {
      if (method === 0) content = Buffer.from(data);
      else if (method === 8) content = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      else return err({ type: 'zip_invalid', entry: name, message: `${name}: compression method ${method} is not supported (use deflate or stored)` });
    } catch (error) {
      damaged.push({ type: 'zip_invalid', entry: name, message: `${name}: cannot inflate (${(error as Error).message}); the entry was changed or truncated` });
      continue;
    }
    if (content.byteLength !== size) damaged.push({ type: 'zip_invalid', entry: name, message: `${name}: ${content.byteLength} bytes, the directory says ${size}` });
    else if ((crc32(content) >>> 0) !== crc) damaged.push({ type: 'zip_invalid', entry: name, message: `${name}: CRC-32 mismatch; the entry was changed` });
    files.set(name, new Uint8Array(content.buffer, content.byteOffset, content.byteLength));
  }
  return ok({ files, damaged });
}
