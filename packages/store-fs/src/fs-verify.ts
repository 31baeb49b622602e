import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  captureLeafHash,
  compareLogHeads,
  keyIdOf,
  merkleRoot,
  RECORD_KINDS,
  SHA256_HEX_PATTERN,
  verifyCheckpoint,
  type RecordKind,
} from '@sipansos/core/evidence';
import { type StoredRecordV1, type VerifyProblemV1, type VerifyReportV1 } from '@sipansos/core/spec';
import { hashFile } from './blob-files.js';
import { scanCheckpoints } from './checkpoint-file.js';
import { scanLog } from './log-scan.js';
import { STORE_MARKER_CONTENT, type StoreLayout } from './store-layout.js';

/** Settings of {@link verifyFsStore}. */
export interface VerifyFsStoreOptions {
  /** The office key: checkpoints signed by any other key are reported. */
  signingKeyPem?: string;
  /** A live writer may be mid-write: an incomplete last line is not a problem. */
  tolerateTornTail?: boolean;
  /**
   * Bytes of each file known durable, by path relative to the store: the writer's own verify
   * checks only what it has acknowledged, so an append in flight is not mistaken for damage.
   */
  durableBytes?: ReadonlyMap<string, number>;
}

/**
 * Check a store directory from the disk up, trusting nothing held in memory: the format
 * marker, every log line (JSON, canonical bytes, record hash, entry hash, sequence, link),
 * every blob (re-hashed, named by its hash), blobs that captures cite, every checkpoint
 * (signature, key file, Merkle root against the capture log) and the checkpoint key files.
 */
export async function verifyFsStore(layout: StoreLayout, options: VerifyFsStoreOptions = {}): Promise<VerifyReportV1> {
  const problems: VerifyProblemV1[] = [];
  const checked = { blobs: 0, records: 0, checkpoints: 0, bytes: 0 };

  const marker = await readFile(layout.marker, 'utf8').catch(() => undefined);
  if (marker !== STORE_MARKER_CONTENT) {
    problems.push({ type: 'unreadable', file: 'STORE.json', expected: STORE_MARKER_CONTENT.trim(), found: marker === undefined ? '(missing)' : marker.trim().slice(0, 200), message: 'STORE.json is missing or changed' });
  }

  let captures: Array<StoredRecordV1<unknown>> = [];
  const entryHashes = new Map<RecordKind, Map<number, string>>();
  for (const kind of RECORD_KINDS) {
    const file = layout.log(kind);
    const name = layout.relative(file);
    const exists = await stat(file).then((info) => info.isFile(), () => false);
    if (!exists) {
      problems.push({ type: 'unreadable', file: name, message: `${name} is missing` });
      continue;
    }
    const scan = await scanLog(file, { kind, name, keepParsed: true, ...(options.durableBytes?.has(name) ? { maxBytes: options.durableBytes.get(name)! } : {}) });
    checked.records += scan.parsed.length;
    checked.bytes += scan.fileBytes;
    for (const problem of scan.problems) {
      if (options.tolerateTornTail && problem.message.includes('incomplete line')) continue;
      problems.push(problem);
    }
    const durable = options.durableBytes?.get(name);
    if (durable !== undefined && scan.fileBytes < durable) {
      problems.push({ type: 'sequence', file: name, expected: String(durable), found: String(scan.fileBytes), message: `${name} is ${durable - scan.fileBytes} bytes shorter than what this store acknowledged: entries were removed` });
    }
    if (kind === 'capture') captures = scan.parsed;
    entryHashes.set(kind, new Map(scan.parsed.map((entry) => [entry.seq, String(entry.entryHash)])));
  }

  // Evidence the captures cite must be here.
  const cited = new Set<string>();
  for (const entry of captures) {
    const record = entry.record as { rawBlobs?: unknown; requests?: Array<{ bodySha256?: unknown }> } | null;
    for (const hash of [...(Array.isArray(record?.rawBlobs) ? record.rawBlobs : []), ...(Array.isArray(record?.requests) ? record.requests.map((request) => request?.bodySha256) : [])]) {
      if (typeof hash === 'string' && SHA256_HEX_PATTERN.test(hash) && !cited.has(hash)) {
        cited.add(hash);
        const present = await stat(layout.blob(hash)).then(() => true, () => false);
        if (!present) problems.push({ type: 'missing_blob', file: layout.relative(layout.blob(hash)), seq: entry.seq, expected: hash, message: `capture ${String(entry.id)} (entry ${entry.seq}) cites blob ${hash}, which is missing` });
      }
    }
  }

  // Checkpoints: key files, signatures, and roots recomputed from the capture log as written.
  const keys = new Map<string, string>();
  const keyNames = await readdir(layout.checkpointKeysDir).catch(() => [] as string[]);
  for (const name of keyNames) {
    const relative = `checkpoint-keys/${name}`;
    const match = /^([0-9a-f]{64})\.pem$/.exec(name);
    if (!match) {
      problems.push({ type: 'unreadable', file: relative, message: `unexpected file ${relative}` });
      continue;
    }
    const pem = await readFile(path.join(layout.checkpointKeysDir, name), 'utf8');
    checked.bytes += Buffer.byteLength(pem);
    let keyId: string | undefined;
    try {
      keyId = keyIdOf(pem);
    } catch (error) {
      problems.push({ type: 'checkpoint_signature', file: relative, expected: match[1], message: `${relative} is not an Ed25519 public key: ${(error as Error).message}` });
      continue;
    }
    if (keyId !== match[1]) problems.push({ type: 'checkpoint_signature', file: relative, expected: match[1], found: keyId, message: `${relative} holds key ${keyId}, not the key its name says` });
    else keys.set(keyId, pem);
  }
  const officeKeyId = options.signingKeyPem ? keyIdOf(options.signingKeyPem) : undefined;
  const checkpointScan = await scanCheckpoints(layout.checkpoints, 'checkpoints.jsonl', options.durableBytes?.get('checkpoints.jsonl'));
  checked.bytes += checkpointScan.fileBytes;
  for (const problem of checkpointScan.problems) {
    if (options.tolerateTornTail && problem.message.includes('incomplete line')) continue;
    problems.push(problem);
  }
  const leaves = captures.map((entry) => Buffer.from(captureLeafHash(typeof entry.entryHash === 'string' && SHA256_HEX_PATTERN.test(entry.entryHash) ? entry.entryHash : '0'.repeat(64)), 'hex'));
  for (const { checkpoint, line } of checkpointScan.checkpoints) {
    checked.checkpoints++;
    const where = { file: 'checkpoints.jsonl', seq: line };
    const pem = keys.get(checkpoint.keyId);
    if (!pem) {
      problems.push({ type: 'checkpoint_signature', ...where, expected: checkpoint.keyId, message: `checkpoint ${line}: its key ${checkpoint.keyId} is not in checkpoint-keys/` });
    } else {
      const signature = verifyCheckpoint(checkpoint, pem);
      if (signature.isErr()) problems.push({ type: 'checkpoint_signature', ...where, message: `checkpoint ${line}: ${signature.error.message}` });
    }
    if (officeKeyId && checkpoint.keyId !== officeKeyId) {
      problems.push({ type: 'checkpoint_signature', ...where, expected: officeKeyId, found: checkpoint.keyId, message: `checkpoint ${line} is signed by key ${checkpoint.keyId}, not by the office key ${officeKeyId}` });
    }
    if (checkpoint.treeSize > leaves.length) {
      problems.push({ type: 'merkle_root', ...where, expected: String(checkpoint.treeSize), found: String(leaves.length), message: `checkpoint ${line} signs ${checkpoint.treeSize} captures, but the capture log holds ${leaves.length}: captures were removed` });
      continue;
    }
    const root = Buffer.from(merkleRoot(leaves, checkpoint.treeSize)).toString('hex');
    if (root !== checkpoint.rootHash) {
      problems.push({ type: 'merkle_root', ...where, expected: checkpoint.rootHash, found: root, message: `checkpoint ${line}: the first ${checkpoint.treeSize} captures no longer give the signed root` });
    }
  }

  // Every log must still hold the head the latest checkpoint signed: a removed or replaced last
  // entry leaves a sound chain, so only the signature can show it.
  const latest = checkpointScan.checkpoints.at(-1);
  if (latest?.checkpoint.logs) {
    const source = { length: (kind: RecordKind) => entryHashes.get(kind)?.size ?? 0, entryHashAt: (kind: RecordKind, seq: number) => entryHashes.get(kind)?.get(seq) };
    for (const mismatch of compareLogHeads(latest.checkpoint.logs, source, `checkpoint ${latest.line}`)) {
      const file = layout.relative(layout.log(mismatch.kind));
      problems.push({ type: mismatch.type === 'missing' ? 'sequence' : 'chain', file, seq: mismatch.seq, expected: mismatch.expected, found: mismatch.found, message: `${file}: ${mismatch.message}` });
    }
  }

  // Blobs: every file is named by the sha256 of its bytes.
  let buffer: Buffer | undefined;
  const shards = await readdir(layout.blobsShaDir).catch(() => [] as string[]);
  for (const shard of shards.sort()) {
    const shardDir = path.join(layout.blobsShaDir, shard);
    if (!/^[0-9a-f]{2}$/.test(shard)) {
      problems.push({ type: 'unreadable', file: layout.relative(shardDir), message: `unexpected entry ${layout.relative(shardDir)} among blob shards` });
      continue;
    }
    const names = await readdir(shardDir);
    for (const name of names.sort()) {
      const file = path.join(shardDir, name);
      const relative = layout.relative(file);
      if (!SHA256_HEX_PATTERN.test(name) || !name.startsWith(shard)) {
        problems.push({ type: 'unreadable', file: relative, message: `unexpected file ${relative}: blob files are named by their sha256` });
        continue;
      }
      buffer ??= Buffer.allocUnsafe(8 * 1024 * 1024);
      const { sha256, bytes } = await hashFile(file, buffer);
      checked.blobs++;
      checked.bytes += bytes;
      if (sha256 !== name) problems.push({ type: 'blob_hash', file: relative, expected: name, found: sha256, message: `blob ${relative} does not match its hash` });
    }
  }
  return { ok: problems.length === 0, checked, problems };
}
