import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { CaptureSchema } from '../capture/capture-schema.js';
import { verifyCheckpoint } from '../evidence/checkpoint-signature.js';
import { verifyInclusionProof } from '../evidence/inclusion-proof.js';
import { FindingSchema } from '../findings/finding-schema.js';
import { canonicalJsonOrThrow } from '../hashing/canonical-json.js';
import { sha256Hex, SHA256_HEX_PATTERN } from '../hashing/sha256.js';
import { computeEntryHash, storedRecordLine } from '../store-kit/record-chain.js';
import type { StoredRecordV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import { BUNDLE_FILES, BUNDLE_FORMAT, BUNDLE_RECORD_KINDS, proofFileName, recordFileName } from './bundle-layout.js';

/** One thing wrong with a bundle, naming the file. */
export interface BundleProblem {
  type:
    | 'missing_file'
    | 'unlisted_file'
    | 'file_hash'
    | 'blob_hash'
    | 'record_hash'
    | 'entry_hash'
    | 'chain'
    | 'not_canonical'
    | 'unreadable'
    | 'checkpoint_signature'
    | 'key_mismatch'
    | 'inclusion_proof'
    | 'missing_blob'
    | 'missing_proof'
    | 'missing_record'
    | 'timestamp_token';
  /** The bundle file where it was found. */
  file: string;
  /** 1-based line for records files. */
  line?: number;
  expected?: string;
  found?: string;
  message: string;
}

/** The outcome of checking a bundle. */
export interface BundleVerifyReport {
  ok: boolean;
  caseId?: string;
  /** The key id the bundle's public key has (compare it with the office's published one). */
  keyId?: string;
  checked: { files: number; blobs: number; records: number; proofs: number; checkpoints: number };
  problems: BundleProblem[];
  /** Facts worth knowing that are not damage (e.g. a store without Merkle proofs). */
  warnings: string[];
}

/**
 * A bundle file read as a stream and not kept: its sha256 and size. A reader hands blobs and
 * other large files this way, so checking a bundle never holds its media in memory.
 */
export interface BundleFileDigest {
  sha256: string;
  size: number;
}

/** A bundle file as {@link verifyBundle} takes it: the bytes, or only their digest. */
export type BundleFileContent = Uint8Array | BundleFileDigest;

/**
 * Whether {@link verifyBundle} reads this file's bytes (records, manifest, key, checkpoint,
 * proofs, `SHA256SUMS`). Every other file — blobs, the report, the guide — is only hashed, so
 * a reader may hand it over as a {@link BundleFileDigest}.
 */
export function bundleFileNeedsContent(path: string): boolean {
  return !(path.startsWith('blobs/') || path === BUNDLE_FILES.report || path === BUNDLE_FILES.verifyGuide);
}

/** Options of {@link verifyBundle}. */
export interface VerifyBundleOptions {
  /** The office key id known from elsewhere; a bundle signed by another key fails. */
  trustedKeyId?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

const StoredLineSchema = z.object({
  appendedAt: z.string(),
  entryHash: z.string(),
  id: z.string(),
  kind: z.string(),
  prevHash: z.string(),
  record: z.unknown(),
  recordHash: z.string(),
  seq: z.number().int().positive(),
});

/**
 * Check an offline verification bundle given as file name → bytes, without the office's store:
 * every file against `SHA256SUMS`, every blob against its name, every record against its
 * record and entry hash (and the chain where entries are consecutive), the checkpoint's
 * signature by the bundled key (and the trusted key id, if given), each capture's inclusion
 * proof against its entry hash, and that every blob and capture the records name is present.
 * Every problem names the file. Files that are only hashed (see {@link bundleFileNeedsContent})
 * may be given as digests.
 */
export function verifyBundle(contents: ReadonlyMap<string, BundleFileContent>, options: VerifyBundleOptions = {}): BundleVerifyReport {
  const problems: BundleProblem[] = [];
  const files = readableFiles(contents, problems);
  const warnings: string[] = [];
  const checked = { files: 0, blobs: 0, records: 0, proofs: 0, checkpoints: 0 };
  const report = (extra: Partial<BundleVerifyReport> = {}): BundleVerifyReport => ({ ok: problems.length === 0, checked, problems, warnings, ...extra });

  // 1. SHA256SUMS covers every file.
  const sumsBytes = files.get(BUNDLE_FILES.sums);
  const listed = new Map<string, string>();
  if (!sumsBytes) problems.push({ type: 'missing_file', file: BUNDLE_FILES.sums, message: `${BUNDLE_FILES.sums} is missing` });
  else {
    (text(sumsBytes) ?? '').split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!match) {
        problems.push({ type: 'unreadable', file: BUNDLE_FILES.sums, line: index + 1, message: `line ${index + 1} is not "<sha256>  <file>"` });
        return;
      }
      listed.set(match[2] as string, match[1] as string);
    });
  }
  for (const [path, expected] of listed) {
    const content = contents.get(path);
    if (!content) {
      problems.push({ type: 'missing_file', file: path, message: `${path} is listed in ${BUNDLE_FILES.sums} but missing` });
      continue;
    }
    checked.files++;
    const found = digestOf(content);
    if (found !== expected) problems.push({ type: 'file_hash', file: path, expected, found, message: `${path} was changed: its sha256 differs from ${BUNDLE_FILES.sums}` });
  }
  for (const path of contents.keys()) {
    if (path !== BUNDLE_FILES.sums && !listed.has(path)) problems.push({ type: 'unlisted_file', file: path, message: `${path} is not listed in ${BUNDLE_FILES.sums} (added after the bundle was made?)` });
  }

  // 2. Blobs: name = sha256 of bytes.
  const blobs = new Set<string>();
  for (const [path, content] of contents) {
    const match = /^blobs\/sha256\/(.+)$/.exec(path);
    if (!match) continue;
    const name = match[1] as string;
    checked.blobs++;
    const found = digestOf(content);
    if (!SHA256_HEX_PATTERN.test(name) || found !== name) problems.push({ type: 'blob_hash', file: path, expected: name, found, message: `${path}: the bytes do not hash to the blob's name` });
    else blobs.add(name);
  }

  // 3. Records: hashes, canonical form, chain where consecutive.
  const entries = new Map<string, Array<StoredRecordV1<unknown>>>();
  for (const kind of BUNDLE_RECORD_KINDS) {
    const file = recordFileName(kind);
    const bytes = files.get(file);
    if (!bytes) continue;
    const content = text(bytes);
    if (content === undefined) {
      problems.push({ type: 'unreadable', file, message: `${file} is not UTF-8` });
      continue;
    }
    const list: Array<StoredRecordV1<unknown>> = [];
    let previous: StoredRecordV1<unknown> | undefined;
    content.split('\n').forEach((line, index) => {
      if (line === '') return;
      const lineNumber = index + 1;
      let parsed: StoredRecordV1<unknown>;
      try {
        const shape = StoredLineSchema.safeParse(JSON.parse(line));
        if (!shape.success) throw new Error(shape.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
        parsed = shape.data as StoredRecordV1<unknown>;
      } catch (error) {
        problems.push({ type: 'unreadable', file, line: lineNumber, message: `${file}:${lineNumber} is not a stored entry: ${(error as Error).message}` });
        return;
      }
      checked.records++;
      let canonical: string | undefined;
      try {
        canonical = storedRecordLine(parsed);
      } catch (error) {
        problems.push({ type: 'unreadable', file, line: lineNumber, message: `${file}:${lineNumber}: ${(error as Error).message}` });
        return;
      }
      const recordHash = sha256Hex(canonicalJsonOrThrow(parsed.record));
      if (recordHash !== parsed.recordHash) {
        problems.push({ type: 'record_hash', file, line: lineNumber, expected: parsed.recordHash, found: recordHash, message: `${file}:${lineNumber} (${parsed.kind} ${parsed.id}, seq ${parsed.seq}): the record does not match its recordHash` });
      }
      const entryHash = computeEntryHash({ seq: parsed.seq, kind: kind, appendedAt: parsed.appendedAt, recordHash: parsed.recordHash, prevHash: parsed.prevHash });
      if (entryHash !== parsed.entryHash || parsed.kind !== kind) {
        problems.push({ type: 'entry_hash', file, line: lineNumber, expected: parsed.entryHash, found: entryHash, message: `${file}:${lineNumber} (seq ${parsed.seq}): the entry hash does not match its fields` });
      }
      if (canonical !== line) {
        problems.push({ type: 'not_canonical', file, line: lineNumber, expected: sha256Hex(canonical), found: sha256Hex(line), message: `${file}:${lineNumber}: the line is not in canonical form (bytes changed)` });
      }
      if (previous && parsed.seq === previous.seq + 1 && parsed.prevHash !== previous.entryHash) {
        problems.push({ type: 'chain', file, line: lineNumber, expected: previous.entryHash, found: parsed.prevHash, message: `${file}:${lineNumber}: seq ${parsed.seq} does not link to seq ${previous.seq}` });
      }
      previous = parsed;
      list.push(parsed);
    });
    entries.set(kind, list);
  }
  const caseEntries = entries.get('case') ?? [];
  const caseId = caseEntries.at(-1)?.id;
  if (caseEntries.length === 0) problems.push({ type: 'missing_file', file: recordFileName('case'), message: 'the bundle holds no case record' });

  // 4. Key and checkpoint.
  const keyBytes = files.get(BUNDLE_FILES.publicKey);
  const keyText = keyBytes ? text(keyBytes) : undefined;
  // Parse the key once: every proof carries a checkpoint to check against it.
  let keyPem: KeyObject | string | undefined = keyText;
  if (keyText) {
    try {
      keyPem = createPublicKey(keyText);
    } catch {
      keyPem = keyText;
    }
  }
  const checkpointBytes = files.get(BUNDLE_FILES.checkpoint);
  let keyId: string | undefined;
  if (checkpointBytes) {
    checked.checkpoints++;
    if (!keyPem) problems.push({ type: 'missing_file', file: BUNDLE_FILES.publicKey, message: `${BUNDLE_FILES.checkpoint} is present but the office public key is missing` });
    else {
      let checkpoint: unknown;
      try {
        checkpoint = JSON.parse(text(checkpointBytes) ?? '');
      } catch {
        checkpoint = undefined;
      }
      const verified = verifyCheckpoint(checkpoint, keyPem);
      if (verified.isErr()) problems.push({ type: verified.error.type === 'key_mismatch' ? 'key_mismatch' : 'checkpoint_signature', file: BUNDLE_FILES.checkpoint, message: `${BUNDLE_FILES.checkpoint}: ${verified.error.message}` });
      else {
        keyId = verified.value.keyId;
        if (options.trustedKeyId && options.trustedKeyId !== keyId) {
          problems.push({ type: 'key_mismatch', file: BUNDLE_FILES.publicKey, expected: options.trustedKeyId, found: keyId, message: `the bundle is signed by key ${keyId}, not by the trusted office key ${options.trustedKeyId}` });
        }
      }
    }
  } else warnings.push('tidak ada checkpoint bertanda tangan: capture hanya diikat oleh hash / no signed checkpoint: captures are bound by hashes only');

  // 5. Captures: proofs and blobs.
  for (const entry of entries.get('capture') ?? []) {
    const capture = CaptureSchema.safeParse(entry.record);
    const file = proofFileName(entry.id);
    if (capture.success) {
      for (const hash of capture.data.rawBlobs) {
        if (!blobs.has(hash)) problems.push({ type: 'missing_blob', file: `blobs/sha256/${hash}`, message: `capture ${entry.id} names raw body ${hash}, which is not in the bundle (or is damaged)` });
      }
    }
    const proofBytes = files.get(file);
    if (!proofBytes) {
      if (checkpointBytes) problems.push({ type: 'missing_proof', file, message: `no inclusion proof for capture ${entry.id}` });
      continue;
    }
    checked.proofs++;
    if (!keyPem) continue;
    let proof: unknown;
    try {
      proof = JSON.parse(text(proofBytes) ?? '');
    } catch {
      proof = undefined;
    }
    const verified = verifyInclusionProof(proof, keyPem, { entryHash: entry.entryHash });
    if (verified.isErr()) problems.push({ type: 'inclusion_proof', file, message: `${file}: ${verified.error.message}` });
    else if ((proof as { captureId?: string }).captureId !== entry.id) problems.push({ type: 'inclusion_proof', file, message: `${file} proves capture ${(proof as { captureId?: string }).captureId}, not ${entry.id}` });
  }
  if (!checkpointBytes && (entries.get('capture')?.length ?? 0) > 0) warnings.push('capture tanpa bukti Merkle / captures without Merkle proofs');

  // 6. Findings point at captures and blobs in the bundle.
  const captureIds = new Set((entries.get('capture') ?? []).map((entry) => entry.id));
  for (const entry of entries.get('finding') ?? []) {
    const finding = FindingSchema.safeParse(entry.record);
    if (!finding.success) continue;
    if (!captureIds.has(finding.data.evidence.captureId)) problems.push({ type: 'missing_record', file: recordFileName('capture'), message: `finding ${entry.id} rests on capture ${finding.data.evidence.captureId}, which is not in the bundle` });
  }

  // 7. The manifest says what the bundle is.
  const manifestBytes = files.get(BUNDLE_FILES.manifest);
  if (!manifestBytes) problems.push({ type: 'missing_file', file: BUNDLE_FILES.manifest, message: `${BUNDLE_FILES.manifest} is missing` });
  else {
    try {
      const manifest = JSON.parse(text(manifestBytes) ?? '') as { format?: string; caseId?: string };
      if (manifest.format !== BUNDLE_FORMAT) problems.push({ type: 'unreadable', file: BUNDLE_FILES.manifest, expected: BUNDLE_FORMAT, found: String(manifest.format), message: `unknown bundle format ${String(manifest.format)}` });
      if (caseId && manifest.caseId !== caseId) problems.push({ type: 'missing_record', file: BUNDLE_FILES.manifest, expected: caseId, found: String(manifest.caseId), message: `the manifest names case ${String(manifest.caseId)}, the records hold ${caseId}` });
    } catch {
      problems.push({ type: 'unreadable', file: BUNDLE_FILES.manifest, message: `${BUNDLE_FILES.manifest} is not JSON` });
    }
  }
  return report({ ...(caseId ? { caseId } : {}), ...(keyId ? { keyId } : {}) });
}

function digestOf(content: BundleFileContent): string {
  return content instanceof Uint8Array ? sha256Hex(content) : content.sha256;
}

// A file the checks must read but the reader only hashed (too large to hold) cannot be checked.
function readableFiles(contents: ReadonlyMap<string, BundleFileContent>, problems: BundleProblem[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, content] of contents) {
    if (content instanceof Uint8Array) files.set(path, content);
    else if (bundleFileNeedsContent(path)) {
      problems.push({ type: 'unreadable', file: path, message: `${path} (${content.size} bytes) was not read: larger than the reader holds in memory, so it cannot be checked` });
    }
  }
  return files;
}
