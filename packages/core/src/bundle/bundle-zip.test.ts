import { describe, expect, it } from 'vitest';
import { bundleFromZip, bundleToZip, looksLikeZip } from './bundle-zip.js';
import type { BundleFiles } from './create-bundle.js';

const encoder = new TextEncoder();

function sample(): BundleFiles {
  return new Map([
    ['VERIFY.md', encoder.encode('# periksa\n'.repeat(50))],
    ['blobs/sha256/ab', Uint8Array.from([0, 1, 2, 3, 255])],
    ['records/finding.jsonl', encoder.encode('{"a":1}\n'.repeat(200))],
  ]);
}

describe('bundle ZIP', () => {
  it('round-trips every file byte for byte', () => {
    const zip = bundleToZip(sample())._unsafeUnwrap();
    expect(looksLikeZip(zip)).toBe(true);
    const read = bundleFromZip(zip)._unsafeUnwrap();
    expect(read.damaged).toEqual([]);
    expect([...read.files.keys()].sort()).toEqual([...sample().keys()].sort());
    for (const [name, bytes] of sample()) expect(Buffer.from(read.files.get(name)!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a changed byte inside an entry is named by its CRC', () => {
    const zip = Buffer.from(bundleToZip(sample())._unsafeUnwrap());
    // The stored 5-byte blob sits right after its local header and name.
    const at = zip.indexOf(Buffer.from('blobs/sha256/ab')) + 'blobs/sha256/ab'.length + 2;
    zip[at] = zip[at]! ^ 0x01;
    const read = bundleFromZip(zip)._unsafeUnwrap();
    expect(read.damaged).toEqual([expect.objectContaining({ entry: 'blobs/sha256/ab' })]);
  });

  it('refuses unsafe names and archives that inflate beyond the limit', () => {
    expect(bundleToZip(new Map([['../etc/passwd', new Uint8Array([1])]]))._unsafeUnwrapErr().type).toBe('zip_invalid');
    const zip = bundleToZip(new Map([['big.bin', new Uint8Array(1_000_000)]]))._unsafeUnwrap();
    expect(zip.byteLength).toBeLessThan(10_000);
    expect(bundleFromZip(zip, { maxTotalBytes: 100_000 })._unsafeUnwrapErr().type).toBe('zip_too_large');
    expect(bundleFromZip(encoder.encode('not a zip'))._unsafeUnwrapErr().type).toBe('zip_invalid');
  });

  it('refuses an entry whose name climbs out of the bundle', () => {
    const good = Buffer.from(bundleToZip(new Map([['aa/bb.txt', encoder.encode('x')]]))._unsafeUnwrap());
    // Rewrite the name in both headers to "../bb.txt" (same length).
    const evil = Buffer.from(good.toString('latin1').split('aa/bb.txt').join('../bb.txt'), 'latin1');
    expect(bundleFromZip(evil)._unsafeUnwrapErr()).toMatchObject({ type: 'zip_invalid', entry: '../bb.txt' });
  });
});
