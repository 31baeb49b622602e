import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { bundleToZip, sha256Hex, type BundleFiles } from '@sipansos/core/evidence';
import { describe, expect, it } from 'vitest';
import { readBundleZip, type BundleZipRead } from './bundle-zip-reader.js';

const encoder = new TextEncoder();
const MiB = 1024 ** 2;

interface RawEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A local header (no extra field) followed by its data. */
function local(entry: Omit<RawEntry, 'localOffset'>, data: Uint8Array): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.compressedSize >>> 0, 18);
  header.writeUInt32LE(entry.size >>> 0, 22);
  header.writeUInt16LE(name.byteLength, 26);
  return Buffer.concat([header, name, data]);
}

/** Local section as given, then a central directory that may say anything about it. */
function archive(body: Buffer, entries: RawEntry[]): Buffer {
  const centrals = entries.map((entry) => {
    const name = Buffer.from(entry.name, 'utf8');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressedSize >>> 0, 20);
    central.writeUInt32LE(entry.size >>> 0, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(entry.localOffset, 42);
    return Buffer.concat([central, name]);
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(body.byteLength, 16);
  return Buffer.concat([body, directory, end]);
}

/** Deflate `size` zero bytes without ever holding them. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(MiB);
  for (let written = 0; written < size; written += MiB) {
    if (!deflate.write(chunk.subarray(0, Math.min(MiB, size - written)))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** Bytes from a four-letter alphabet (deterministic): deflate shrinks them only ~4 times. */
function lowEntropy(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 12345;
  for (let index = 0; index < size; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = 0x61 + (state >>> 30);
  }
  return bytes;
}

async function zipFile(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-zip-'));
  const file = path.join(dir, 'bundel.zip');
  await writeFile(file, bytes);
  return file;
}

/**
 * Run `work` and measure, in this process, how far its resident memory rose above where it
 * started (sampled while it runs) and how much CPU time it used.
 */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; memoryGrowthBytes: number; cpuMs: number }> {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const startCpu = process.cpuUsage();
  try {
    const result = await work();
    const cpu = process.cpuUsage(startCpu);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (process.env.SIPANSOS_PRINT_BUDGETS) console.log(`memory +${((peak - startRss) / MiB).toFixed(1)} MiB, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
    return { result, memoryGrowthBytes: peak - startRss, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    clearInterval(sampler);
  }
}

function sample(): BundleFiles {
  const blob = encoder.encode('isi mentah / raw body '.repeat(100));
  return new Map([
    ['VERIFY.md', encoder.encode('# periksa\n'.repeat(50))],
    [`blobs/sha256/${sha256Hex(blob)}`, blob],
    ['records/finding.jsonl', encoder.encode('{"a":1}\n'.repeat(200))],
  ]);
}

const read = (result: BundleZipRead | { type: string }): BundleZipRead => {
  if ('type' in result) throw new Error(`expected a read archive, got ${JSON.stringify(result)}`);
  return result;
};

describe('readBundleZip', () => {
  it('reads the files verifyBundle reads, and only the digest of blobs and the guide', async () => {
    const files = sample();
    const result = read(await readBundleZip(await zipFile(bundleToZip(files)._unsafeUnwrap())));
    expect(result.damaged).toEqual([]);
    expect([...result.files.keys()].sort()).toEqual([...files.keys()].sort());
    expect(Buffer.from(result.files.get('records/finding.jsonl') as Uint8Array).equals(Buffer.from(files.get('records/finding.jsonl')!))).toBe(true);
    for (const [name, bytes] of files) {
      if (name === 'records/finding.jsonl') continue;
      expect(result.files.get(name)).toEqual({ sha256: sha256Hex(bytes), size: bytes.byteLength });
    }
  });

  it('names an entry whose bytes were changed by its CRC', async () => {
    const name = 'records/audit.jsonl';
    const zip = Buffer.from(bundleToZip(new Map([[name, Uint8Array.from([0, 1, 2, 3, 255])]]))._unsafeUnwrap());
    // The stored 5-byte file sits right after its local header and name.
    const at = zip.indexOf(Buffer.from(name)) + name.length + 2;
    zip[at] = zip[at]! ^ 0x01;
    const result = read(await readBundleZip(await zipFile(zip)));
    expect(result.damaged).toEqual([expect.objectContaining({ entry: name, message: expect.stringContaining('CRC-32') })]);
  });

  it('refuses entry names that climb out of the bundle or are absolute', async () => {
    const good = Buffer.from(bundleToZip(new Map([['aa/bb.txt', encoder.encode('x')]]))._unsafeUnwrap());
    const climbing = Buffer.from(good.toString('latin1').split('aa/bb.txt').join('../bb.txt'), 'latin1');
    const refused = await readBundleZip(await zipFile(climbing));
    expect(refused).toMatchObject({ type: 'zip_invalid', message: expect.stringContaining('../bb.txt') });
    const absolute = Buffer.from(good.toString('latin1').split('aa/bb.txt').join('/a/bb.txt'), 'latin1');
    expect(await readBundleZip(await zipFile(absolute))).toMatchObject({ type: 'zip_invalid' });
    expect(await readBundleZip(await zipFile(encoder.encode('not a zip')))).toMatchObject({ type: 'zip_invalid' });
  });

  it('refuses overlapping entries declaring ~4 GiB before inflating anything, within a memory and CPU budget', async () => {
    // One 4 MiB kernel of low-entropy bytes (an ordinary ratio, ~4:1), named by 1000 central
    // entries: 3.9 GiB declared from a ~1 MB archive (under the total limit: the overlap is what is refused).
    const plain = lowEntropy(4 * MiB);
    const kernel = deflateRawSync(plain, { level: 9 });
    const crc = crc32(plain);
    const body = local({ name: 'blobs/sha256/k', method: 8, crc, compressedSize: kernel.byteLength, size: 4 * MiB }, kernel);
    const entries = Array.from({ length: 1000 }, (_, index) => ({ name: `blobs/sha256/k${index}`, method: 8 as const, crc, compressedSize: kernel.byteLength, size: 4 * MiB, localOffset: 0 }));
    const file = await zipFile(archive(body, entries));
    const { result, memoryGrowthBytes, cpuMs } = await measured(() => readBundleZip(file));
    expect(result).toMatchObject({ type: 'zip_invalid', message: expect.stringContaining('overlaps') });
    expect(memoryGrowthBytes).toBeLessThan(64 * MiB);
    expect(cpuMs).toBeLessThan(1500);
  });

  it('refuses entries whose data runs over the next entry (nested overlap)', async () => {
    const parts: Buffer[] = [];
    const offsets: number[] = [];
    let at = 0;
    for (let index = 0; index < 8; index++) {
      offsets.push(at);
      const part = local({ name: `blobs/sha256/n${index}`, method: 0, crc: 0, compressedSize: 0, size: 0 }, Buffer.alloc(16));
      parts.push(part);
      at += part.byteLength;
    }
    // Each entry claims every byte to the end of the local section: it contains all that follow.
    const entries = offsets.map((offset, index) => {
      const dataStart = offset + 30 + `blobs/sha256/n${index}`.length;
      return { name: `blobs/sha256/n${index}`, method: 0 as const, crc: 0, compressedSize: at - dataStart, size: at - dataStart, localOffset: offset };
    });
    expect(await readBundleZip(await zipFile(archive(Buffer.concat(parts), entries)))).toMatchObject({ type: 'zip_invalid', message: expect.stringContaining('overlaps') });
  });

  it('refuses a huge declared size, a total past the limit and a high-ratio bomb before inflating', async () => {
    const tiny = deflateRawSync(Buffer.alloc(1000));
    const huge = archive(local({ name: 'blobs/sha256/h', method: 8, crc: 0, compressedSize: tiny.byteLength, size: 0xfffffff0 }, tiny), [
      { name: 'blobs/sha256/h', method: 8, crc: 0, compressedSize: tiny.byteLength, size: 0xfffffff0, localOffset: 0 },
    ]);
    expect(await readBundleZip(await zipFile(huge))).toMatchObject({ type: 'zip_too_large', entry: 'blobs/sha256/h' });

    const bomb = await deflatedZeros(64 * MiB);
    const bombZip = archive(local({ name: 'blobs/sha256/b', method: 8, crc: 0, compressedSize: bomb.byteLength, size: 64 * MiB }, bomb), [
      { name: 'blobs/sha256/b', method: 8, crc: 0, compressedSize: bomb.byteLength, size: 64 * MiB, localOffset: 0 },
    ]);
    const file = await zipFile(bombZip);
    const { result, memoryGrowthBytes, cpuMs } = await measured(() => readBundleZip(file));
    expect(result).toMatchObject({ type: 'zip_too_large', message: expect.stringContaining('zip bomb') });
    expect(memoryGrowthBytes).toBeLessThan(32 * MiB);
    expect(cpuMs).toBeLessThan(500);
    expect(await readBundleZip(file, { maxRatio: 10_000, maxTotalBytes: 32 * MiB })).toMatchObject({ type: 'zip_too_large', message: expect.stringContaining('more than') });
  });

  it('streams a large blob it accepts without holding it, within a memory and CPU budget', async () => {
    const size = 128 * MiB;
    const deflated = await deflatedZeros(size);
    let crc = 0;
    const zeros = Buffer.alloc(MiB);
    for (let done = 0; done < size; done += MiB) crc = crc32(zeros, crc);
    const name = 'blobs/sha256/besar';
    const file = await zipFile(archive(local({ name, method: 8, crc, compressedSize: deflated.byteLength, size }, deflated), [{ name, method: 8, crc, compressedSize: deflated.byteLength, size, localOffset: 0 }]));
    const { result, memoryGrowthBytes, cpuMs } = await measured(() => readBundleZip(file, { maxRatio: 2000 }));
    const files = read(result);
    expect(files.damaged).toEqual([]);
    expect(files.files.get(name)).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size });
    // Holding the blob would take 128 MiB.
    expect(memoryGrowthBytes).toBeLessThan(64 * MiB);
    expect(cpuMs).toBeLessThan(10_000);
  });

  it('stops an entry that inflates past the size it declares, and names it', async () => {
    const bomb = await deflatedZeros(64 * MiB);
    const name = 'records/capture.jsonl';
    const file = await zipFile(archive(local({ name, method: 8, crc: 0, compressedSize: bomb.byteLength, size: 1000 }, bomb), [{ name, method: 8, crc: 0, compressedSize: bomb.byteLength, size: 1000, localOffset: 0 }]));
    const { result, memoryGrowthBytes, cpuMs } = await measured(() => readBundleZip(file, { maxRatio: 10_000 }));
    const files = read(result);
    expect(files.files.has(name)).toBe(false);
    expect(files.damaged).toEqual([expect.objectContaining({ entry: name, message: expect.stringContaining('cannot inflate') })]);
    expect(memoryGrowthBytes).toBeLessThan(32 * MiB);
    expect(cpuMs).toBeLessThan(1000);
  });
});
