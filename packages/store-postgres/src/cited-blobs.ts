import { SHA256_HEX_PATTERN } from '@sipansos/core/evidence';

/** The blob hashes a capture record names (raw responses and request bodies); other kinds name none here. */
export function citedBlobHashes(record: unknown): string[] {
  const value = record as { rawBlobs?: unknown; requests?: Array<{ bodySha256?: unknown } | null> } | null;
  const hashes = [...(Array.isArray(value?.rawBlobs) ? value.rawBlobs : []), ...(Array.isArray(value?.requests) ? value.requests.map((request) => request?.bodySha256) : [])];
  return hashes.filter((hash): hash is string => typeof hash === 'string' && SHA256_HEX_PATTERN.test(hash));
}
