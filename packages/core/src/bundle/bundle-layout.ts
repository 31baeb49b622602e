/**
 * The layout of an offline verification bundle (format `sipansos-bundle/1`). Everything is a
 * plain file a person can check with sha256sum, jq and openssl; `VERIFY.md` says how.
 *
 * ```
 * VERIFY.md                    how to check the bundle by hand and with sipansos
 * SHA256SUMS                   sha256sum -c list of every other file
 * manifest.json                what the bundle is: case, office, key id, checkpoint, files
 * office-public-key.pem        the office's Ed25519 public key (compare its id out of band)
 * checkpoint.json              the latest signed checkpoint of the capture log
 * proofs/<capture>.json        inclusion proof of each capture under a signed checkpoint
 * records/<kind>.jsonl         the stored entries (seq, hashes, chain link, record) of the case
 * blobs/sha256/<hash>          raw response bodies, media and lookup responses, byte for byte
 * report.html                  the evidence report (optional)
 * ```
 */
export const BUNDLE_FORMAT = 'sipansos-bundle/1';

/** Fixed file names of a bundle. */
export const BUNDLE_FILES = {
  verifyGuide: 'VERIFY.md',
  sums: 'SHA256SUMS',
  manifest: 'manifest.json',
  publicKey: 'office-public-key.pem',
  checkpoint: 'checkpoint.json',
  report: 'report.html',
} as const;

/** Record kinds a bundle carries, in this order. */
export const BUNDLE_RECORD_KINDS = ['case', 'finding', 'capture', 'audit'] as const;
export type BundleRecordKind = (typeof BUNDLE_RECORD_KINDS)[number];

/** `records/<kind>.jsonl`. */
export function recordFileName(kind: BundleRecordKind): string {
  return `records/${kind}.jsonl`;
}

/** `blobs/sha256/<hash>`. */
export function blobFileName(sha256: string): string {
  return `blobs/sha256/${sha256}`;
}

/** `proofs/<capture id>.json`, with characters outside `[A-Za-z0-9._-]` replaced by `_`. */
export function proofFileName(captureId: string): string {
  return `proofs/${captureId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/** A bundle-relative path that is safe to create: no absolute path, no `..`, no odd characters. */
export function isSafeBundlePath(path: string): boolean {
  if (path.length === 0 || path.length > 300 || path.startsWith('/') || path.includes('\\')) return false;
  return path.split('/').every((part) => part.length > 0 && part !== '.' && part !== '..' && /^[A-Za-z0-9._-]+$/.test(part));
}
