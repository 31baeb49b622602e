import type { ResultAsync } from 'neverthrow';
import { greyPixels } from './decode-image.js';
import type { ImageLimits } from './image-limits.js';
import type { MediaError } from './media-error.js';

/** Perceptual hash sizes: 64 bits (classic pHash) or 256 bits (PDQ-style). */
export type PerceptualHashBits = 64 | 256;

/** A perceptual hash: the bits as lowercase hex, most significant first. */
export interface PerceptualHash {
  algorithm: 'dct-phash';
  bits: PerceptualHashBits;
  hex: string;
}

/**
 * The DCT hash: the image in grey at `side`×`side`, its 2-D DCT-II, the `k`×`k` lowest
 * frequencies without the DC row and column (which carry only overall brightness), each bit set
 * when its coefficient is above their median. 256 bits (64 px, 16×16) follows PDQ's shape;
 * 64 bits (32 px, 8×8) is the classic pHash.
 */
const SHAPES: Record<PerceptualHashBits, { side: number; k: number }> = { 64: { side: 32, k: 8 }, 256: { side: 64, k: 16 } };

const dctMatrices = new Map<string, Float64Array>();

/** Rows 1..k of the orthonormal DCT-II matrix for n samples (row-major k×n). */
function dctMatrix(n: number, k: number): Float64Array {
  const key = `${n}x${k}`;
  let matrix = dctMatrices.get(key);
  if (matrix) return matrix;
  matrix = new Float64Array(k * n);
  const scale = Math.sqrt(2 / n);
  for (let row = 0; row < k; row++) {
    for (let column = 0; column < n; column++) matrix[row * n + column] = scale * Math.cos((Math.PI / (2 * n)) * (row + 1) * (2 * column + 1));
  }
  dctMatrices.set(key, matrix);
  return matrix;
}

/** Hash grey pixels already at the hash's side length (exported for tests and benchmarks). */
export function hashGreyPixels(pixels: Uint8Array, bits: PerceptualHashBits = 256): PerceptualHash {
  const { side, k } = SHAPES[bits];
  if (pixels.length !== side * side) throw new RangeError(`expected ${side * side} grey pixels, got ${pixels.length}`);
  const matrix = dctMatrix(side, k);
  // D · P · Dᵀ in two passes: rows first (k×side), then columns (k×k).
  const rows = new Float64Array(k * side);
  for (let row = 0; row < k; row++) {
    for (let column = 0; column < side; column++) {
      let sum = 0;
      for (let index = 0; index < side; index++) sum += matrix[row * side + index]! * pixels[index * side + column]!;
      rows[row * side + column] = sum;
    }
  }
  const coefficients = new Float64Array(k * k);
  for (let row = 0; row < k; row++) {
    for (let column = 0; column < k; column++) {
      let sum = 0;
      for (let index = 0; index < side; index++) sum += rows[row * side + index]! * matrix[column * side + index]!;
      coefficients[row * k + column] = sum;
    }
  }
  const median = medianOf(coefficients);
  let hex = '';
  for (let nibble = 0; nibble < coefficients.length; nibble += 4) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (coefficients[nibble + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return { algorithm: 'dct-phash', bits, hex };
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Decode an image (within its caps) and compute its perceptual hash. */
export function perceptualHash(bytes: Uint8Array, options: { bits?: PerceptualHashBits; limits?: ImageLimits } = {}): ResultAsync<PerceptualHash, MediaError> {
  const bits = options.bits ?? 256;
  return greyPixels(bytes, SHAPES[bits].side, options.limits).map((pixels) => hashGreyPixels(pixels, bits));
}
