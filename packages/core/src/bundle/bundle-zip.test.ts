import { describe, expect, it } from 'vitest';
import { bundleToZip, looksLikeZip } from './bundle-zip.js';
import type { BundleFiles } from './create-bundle.js';

// Reading back (and the hostile archives) is tested with the reader, in the CLI package.
const encoder = new TextEncoder();

function sample(): BundleFiles {
  return new Map([
    ['VERIFY.md', encoder.encode('# periksa\n'.repeat(50))],
    ['blobs/sha256/ab', Uint8Array.from([0, 1, 2, 3, 255])],
    ['records/finding.jsonl', encoder.encode('{"a":1}\n'.repeat(200))],
  ]);
}

describe('bundle ZIP writer', () => {
  it('writes the same bytes for the same files, whatever their order', () => {
    const zip = bundleToZip(sample())._unsafeUnwrap();
    expect(looksLikeZip(zip)).toBe(true);
    const reversed = new Map([...sample()].reverse());
    expect(Buffer.from(bundleToZip(reversed)._unsafeUnwrap()).equals(Buffer.from(zip))).toBe(true);
  });

  it('orders entries by UTF-16 code units, so the bytes do not depend on the machine locale', () => {
    // localeCompare would follow LANG: Danish sorts "aa" after "z", English puts "B" after "a".
    const names = ['z.txt', 'aa/x', 'B.txt', 'a-b', 'a_b', 'ab', 'a.b'];
    const zip = Buffer.from(bundleToZip(new Map(names.map((name) => [name, encoder.encode(name)])))._unsafeUnwrap());
    const written: string[] = [];
    for (let at = zip.readUInt32LE(zip.byteLength - 6); zip.readUInt32LE(at) === 0x02014b50; at += 46 + zip.readUInt16LE(at + 28)) {
      written.push(zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)));
    }
    expect(written).toEqual(['B.txt', 'a-b', 'a.b', 'a_b', 'aa/x', 'ab', 'z.txt']);
  });

  it('deflates what shrinks and stores what does not', () => {
    const zip = bundleToZip(new Map([['big.bin', new Uint8Array(1_000_000)]]))._unsafeUnwrap();
    expect(zip.byteLength).toBeLessThan(10_000);
    const tiny = Buffer.from(bundleToZip(new Map([['t', Uint8Array.from([7, 8, 9])]]))._unsafeUnwrap());
    expect(tiny.readUInt16LE(8)).toBe(0);
  });

  it('refuses names that climb out of the bundle', () => {
    expect(bundleToZip(new Map([['../etc/passwd', new Uint8Array([1])]]))._unsafeUnwrapErr().type).toBe('zip_invalid');
    expect(looksLikeZip(encoder.encode('not a zip'))).toBe(false);
  });
});
