/** Bits set in a 32-bit word. */
export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A hex hash as 32-bit words, most significant first. */
export function hexToWords(hex: string): Uint32Array {
  if (!/^[0-9a-f]+$/.test(hex) || hex.length % 8 !== 0) throw new RangeError(`a hash must be lowercase hex in whole 32-bit words, got "${hex.slice(0, 20)}"`);
  const words = new Uint32Array(hex.length / 8);
  for (let index = 0; index < words.length; index++) words[index] = Number.parseInt(hex.slice(index * 8, index * 8 + 8), 16) >>> 0;
  return words;
}

/** Number of differing bits between two hex hashes of equal length. */
export function hammingDistance(left: string, right: string): number {
  if (left.length !== right.length) throw new RangeError(`hashes of different lengths (${left.length * 4} and ${right.length * 4} bits) cannot be compared`);
  const a = hexToWords(left);
  const b = hexToWords(right);
  let distance = 0;
  for (let index = 0; index < a.length; index++) distance += popcount32((a[index]! ^ b[index]!) >>> 0);
  return distance;
}
