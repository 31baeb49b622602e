import { crc32, deflateRawSync } from 'node:zlib';
import { err, ok, type Result } from 'neverthrow';
import { compareCodeUnits } from '../hashing/code-unit-order.js';
import { isSafeBundlePath } from './bundle-layout.js';
import type { BundleFiles } from './create-bundle.js';

/**
 * A bundle as one ZIP file (PKZIP 2.0: deflate or stored, UTF-8 names, no ZIP64), for sending
 * by mail or on a stick. Any unzip tool opens it. Reading one someone handed over is the
 * command line's job (`sipansos verify-bundle`, with yauzl and limits): it needs the file
 * system to read by random access, which core does not touch.
 */

/** Why a ZIP could not be written or read. */
export interface BundleZipError {
  type: 'zip_invalid' | 'zip_too_large';
  message: string;
  /** The entry at fault, when one is. */
  entry?: string;
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

/** Options of {@link bundleToZip}. */
export interface BundleZipOptions {
  /**
   * Entries to keep uncompressed whatever their size (a WACZ's WARCs, which readers fetch by
   * byte range).
   */
  stored?: (name: string) => boolean;
}

/** Write bundle files as a ZIP archive, entries in name order (UTF-16 code units), all stamped with `modifiedAt`. */
export function bundleToZip(files: BundleFiles, modifiedAt: Date = new Date('2000-01-01T00:00:00Z'), options: BundleZipOptions = {}): Result<Uint8Array, BundleZipError> {
  if (files.size >= 0xffff) return err({ type: 'zip_too_large', message: `${files.size} files: more than a ZIP without ZIP64 holds` });
  const { time, date } = dosTimeDate(modifiedAt);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, bytes] of [...files.entries()].sort(([a], [b]) => compareCodeUnits(a, b))) {
    if (!isSafeBundlePath(name)) return err({ type: 'zip_invalid', entry: name, message: `unsafe entry name ${name}` });
    const nameBytes = Buffer.from(name, 'utf8');
    const forceStored = options.stored?.(name) ?? false;
    const deflated = forceStored ? undefined : deflateRawSync(bytes);
    const stored = deflated === undefined || deflated.byteLength >= bytes.byteLength;
    const data = stored ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : (deflated as Buffer);
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
