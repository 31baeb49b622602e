/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1), over sha256. The capture
 * log of a store is such a tree; checkpoints sign its root, and an inclusion proof shows one
 * capture is in it. Pure functions over hashes, so an offline verifier needs nothing else.
 */
import { createHash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** Root of the empty tree: sha256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_TREE_ROOT = createHash('sha256').digest('hex');

/** RFC 9162 leaf hash: sha256(0x00 || data). */
export function merkleLeafHash(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** RFC 9162 interior node hash: sha256(0x01 || left || right). */
export function merkleNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/**
 * The leaf hash (hex) of a capture: the leaf data is the 32 raw bytes of the capture's entry
 * hash in its log, so the tree commits to the record, its position and its chain.
 */
export function captureLeafHash(entryHash: string): string {
  return Buffer.from(merkleLeafHash(Buffer.from(entryHash, 'hex'))).toString('hex');
}

/** Largest power of two strictly below `n` (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function subtreeRoot(leaves: ReadonlyArray<Uint8Array>, start: number, end: number): Uint8Array {
  const n = end - start;
  if (n === 1) return leaves[start]!;
  const k = splitPoint(n);
  return merkleNodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

/**
 * Root of the tree over the first `treeSize` leaf hashes (RFC 9162 MTH). `leafHashes` are leaf
 * hashes already (see {@link merkleLeafHash}), not leaf data.
 */
export function merkleRoot(leafHashes: ReadonlyArray<Uint8Array>, treeSize: number = leafHashes.length): Uint8Array {
  if (!Number.isInteger(treeSize) || treeSize < 0 || treeSize > leafHashes.length) throw new RangeError(`tree size ${treeSize} is outside 0..${leafHashes.length}`);
  if (treeSize === 0) return Buffer.from(EMPTY_TREE_ROOT, 'hex');
  return subtreeRoot(leafHashes, 0, treeSize);
}

/** The audit path of leaf `leafIndex` in the tree of the first `treeSize` leaves (RFC 9162 PATH), leaf to root. */
export function merkleInclusionPath(leafHashes: ReadonlyArray<Uint8Array>, leafIndex: number, treeSize: number = leafHashes.length): Uint8Array[] {
  if (!Number.isInteger(treeSize) || treeSize < 1 || treeSize > leafHashes.length) throw new RangeError(`tree size ${treeSize} is outside 1..${leafHashes.length}`);
  if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) throw new RangeError(`leaf index ${leafIndex} is outside 0..${treeSize - 1}`);
  const path: Uint8Array[] = [];
  const walk = (index: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (index < k) {
      walk(index, start, start + k);
      path.push(subtreeRoot(leafHashes, start + k, end));
    } else {
      walk(index - k, start + k, end);
      path.push(subtreeRoot(leafHashes, start, start + k));
    }
  };
  walk(leafIndex, 0, treeSize);
  return path;
}

/**
 * The root an inclusion path leads to (RFC 9162 §2.1.3.2), or `undefined` when the path cannot
 * belong to a tree of that size (wrong length, index out of range). Compare the result with the
 * signed root.
 */
export function merkleRootFromInclusionPath(leafHash: Uint8Array, leafIndex: number, treeSize: number, path: ReadonlyArray<Uint8Array>): Uint8Array | undefined {
  if (!Number.isInteger(leafIndex) || !Number.isInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return undefined;
  // Plain numbers: tree sizes stay far below 2^53, and bit shifts would cut them at 2^31.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = merkleNodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = merkleNodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}
