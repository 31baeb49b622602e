import { sha256Hex } from '../hashing/sha256.js';

const CAPTURE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of the capture of one account scope in one cycle. Deterministic, so a cycle resumed
 * after a crash finds the capture it already stored instead of storing a second one.
 */
export function captureIdFor(cycleId: string, accountKey: string, scope: string): string {
  const readable = `${cycleId}:${accountKey}:${scope}`;
  if (CAPTURE_ID_PATTERN.test(readable)) return readable;
  // Keys holding a handle ("x:@name") or long ids fall back to a hash of the key.
  const platform = accountKey.split(':')[0] ?? 'account';
  return `${cycleId}:${platform}:${sha256Hex(accountKey).slice(0, 24)}:${scope}`;
}
