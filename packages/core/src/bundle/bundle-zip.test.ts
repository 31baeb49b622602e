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
