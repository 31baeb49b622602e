import * as nodeCrypto from 'node:crypto';
import { canonicalJsonOrThrow } from './canonical-json.js';

/** A lowercase hexadecimal sha256 digest (64 characters). */
export type Sha256Hex = string;

/** Pattern of a lowercase hex sha256 digest; use it to validate hashes read from outside. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

/** Node's one-shot `crypto.hash` (Node 20.12+, 21.7+); `undefined` on a runtime without it. */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array | string, outputEncoding: 'hex') => string }).hash;

/** sha256 of raw bytes, or of a string's UTF-8 encoding. */
export function sha256Hex(data: Uint8Array | string): Sha256Hex {
  // Every append hashes a record and a link; the one-shot form skips building a Hash object.
  if (oneShotHash !== undefined) return oneShotHash('sha256', data, 'hex');
  return nodeCrypto.createHash('sha256').update(data).digest('hex');
}

/**
 * The hash of a record: sha256 over its RFC 8785 canonical JSON. Key order and white space do
 * not change it.
 */
export function hashRecord(record: unknown): Sha256Hex {
  return sha256Hex(canonicalJsonOrThrow(record));
}
