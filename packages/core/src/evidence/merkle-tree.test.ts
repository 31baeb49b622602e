import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_TREE_ROOT, merkleInclusionPath, merkleLeafHash, merkleRoot, merkleRootFromInclusionPath } from './merkle-tree.js';

// The Certificate Transparency reference tree (RFC 6962 test data, unchanged in RFC 9162).
const DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => Buffer.from(hex, 'hex'));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const LEAVES = DATA.map((data) => merkleLeafHash(data));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('RFC 9162 Merkle tree', () => {
  it('matches the reference roots for every size 0..8', () => {
    expect(hex(merkleRoot([]))).toBe(EMPTY_TREE_ROOT);
    expect(EMPTY_TREE_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let size = 1; size <= 8; size++) expect(hex(merkleRoot(LEAVES, size))).toBe(ROOTS[size - 1]);
  });

  it('produces the reference inclusion paths', () => {
    expect(merkleInclusionPath(LEAVES, 0, 8).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(merkleInclusionPath(LEAVES, 5, 8).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(merkleInclusionPath(LEAVES, 0, 1)).toEqual([]);
  });

  it('every leaf of every tree size proves into its root, and a changed path or index does not', () => {
    const leaves = Array.from({ length: 40 }, (_, index) => merkleLeafHash(Buffer.from([index, index * 7])));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.nat(), (size, leafSeed, flipSeed) => {
        const index = leafSeed % size;
        const root = hex(merkleRoot(leaves, size));
        const path = merkleInclusionPath(leaves, index, size);
        expect(hex(merkleRootFromInclusionPath(leaves[index]!, index, size, path)!)).toBe(root);
        if (path.length > 0) {
          const broken = path.map((node) => Buffer.from(node));
          broken[flipSeed % broken.length]![flipSeed % 32]! ^= 1;
          expect(hex(merkleRootFromInclusionPath(leaves[index]!, index, size, broken) ?? new Uint8Array())).not.toBe(root);
        }
        if (size > 1) {
          const other = (index + 1) % size;
          const result = merkleRootFromInclusionPath(leaves[index]!, other, size, path);
          expect(result === undefined || hex(result) !== root).toBe(true);
        }
        expect(merkleRootFromInclusionPath(leaves[index]!, index, size, [...path, leaves[0]!])).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an index outside the tree', () => {
    expect(merkleRootFromInclusionPath(LEAVES[0]!, 8, 8, [])).toBeUndefined();
    expect(() => merkleInclusionPath(LEAVES, 8, 8)).toThrow(RangeError);
  });
});
