export { canonicalJson, canonicalJsonOrThrow, type CanonicalJsonError } from './canonical-json.js';
export { sha256Hex, hashRecord, SHA256_HEX_PATTERN, type Sha256Hex } from './sha256.js';
export { compareCodeUnits } from './code-unit-order.js';
