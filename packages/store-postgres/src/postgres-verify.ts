import {
  captureLeafHash,
  checkStoredRecord,
  compareLogHeads,
  GENESIS_HASH,
  keyIdOf,
  merkleRoot,
  RECORD_KINDS,
  recordIndexKeys,
  SHA256_HEX_PATTERN,
  verifyCheckpoint,
  type ChainTip,
  type RecordKind,
} from '@sipansos/core/evidence';
import type { StoredRecordV1, VerifyProblemV1, VerifyReportV1 } from '@sipansos/core/spec';
import type pg from 'pg';
import type { BlobStore } from './blob-store.js';
import { parseCheckpointLine } from './checkpoint-rows.js';
import { citedBlobHashes } from './cited-blobs.js';
import { logName, recordTable } from './record-tables.js';

const PAGE = 2000;

interface IndexRow {
  seq: string;
  id: string;
  entry_hash: string;
  record_hash: string;
  line: string;
  time_ms: string;
  account_key: string | null;
  item_keys: string[] | null;
  subject_id: string | null;
  category: string | null;
  state: string | null;
}

/** Whether the index columns of a row are the ones its entry gives (a changed column would mislead reads). */
function indexColumnsMatch(kind: RecordKind, entry: StoredRecordV1<unknown>, row: IndexRow): boolean {
  let keys;
  try {
    keys = recordIndexKeys(kind, entry.record as never);
  } catch {
    return false;
  }
  const items = keys.itemKeys && keys.itemKeys.length > 0 ? keys.itemKeys : null;
  return (
    row.id === entry.id &&
    row.entry_hash === entry.entryHash &&
    row.record_hash === entry.recordHash &&
    Number(row.time_ms) === Date.parse(keys.time) &&
    row.account_key === (keys.accountKey ?? null) &&
    JSON.stringify(row.item_keys) === JSON.stringify(items) &&
    row.subject_id === (keys.subjectId ?? null) &&
    row.category === (keys.category ?? null) &&
    row.state === (keys.state ?? null)
  );
}

/**
 * Check one office's rows, trusting nothing derived: every entry's canonical line (record hash,
 * entry hash, sequence, link, id) and its index columns, every checkpoint (signature, office key,
 * Merkle root recomputed from the capture lines) and the heads the latest checkpoint signed.
 * Run inside one REPEATABLE READ transaction so appends racing with it are not mistaken for
 * damage. Answers the blobs captures cite, for {@link verifyBlobs}.
 */
export async function verifyOfficeRows(client: pg.PoolClient, office: string, signingKeyPem: string | undefined): Promise<VerifyReportV1 & { cited: Map<string, { seq: number; id: string }> }> {
  const problems: VerifyProblemV1[] = [];
  const checked = { blobs: 0, records: 0, checkpoints: 0, bytes: 0 };
  const entryHashes = new Map<RecordKind, Map<number, string>>();
  const leaves: Buffer[] = [];
  const cited = new Map<string, { seq: number; id: string }>();

  for (const kind of RECORD_KINDS) {
    const file = logName(office, kind);
    const hashes = new Map<number, string>();
    entryHashes.set(kind, hashes);
    let previous: ChainTip = { seq: 0, entryHash: GENESIS_HASH };
    let after = 0;
    for (;;) {
      const { rows } = await client.query<IndexRow>(
        `SELECT seq, id, entry_hash, record_hash, line, time_ms, account_key, item_keys, subject_id, category, state FROM ${recordTable(kind)} WHERE office_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`,
        [office, after],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        checked.records++;
        checked.bytes += Buffer.byteLength(row.line);
        let entry: StoredRecordV1<unknown>;
        try {
          entry = JSON.parse(row.line) as StoredRecordV1<unknown>;
        } catch (error) {
          problems.push({ type: 'unreadable', file, seq, message: `entry ${seq} is not JSON: ${(error as Error).message}` });
          previous = { seq, entryHash: row.entry_hash };
          continue;
        }
        const found = checkStoredRecord(entry, previous, { kind, file }, row.line);
        problems.push(...found);
        if (entry.seq !== seq) problems.push({ type: 'sequence', file, seq, expected: String(seq), found: String(entry.seq), message: `row ${seq} holds entry ${String(entry.seq)}` });
        else if (found.length === 0 && !indexColumnsMatch(kind, entry, row)) {
          problems.push({ type: 'record_hash', file, seq, message: `entry ${seq}: the index columns of its row are not the ones the entry gives (reads would mislead)` });
        }
        hashes.set(seq, String(entry.entryHash));
        if (kind === 'capture') {
          leaves.push(Buffer.from(captureLeafHash(typeof entry.entryHash === 'string' && SHA256_HEX_PATTERN.test(entry.entryHash) ? entry.entryHash : GENESIS_HASH), 'hex'));
          for (const hash of citedBlobHashes(entry.record)) if (!cited.has(hash)) cited.set(hash, { seq, id: String(entry.id) });
        }
        previous = { seq: typeof entry.seq === 'number' ? entry.seq : seq, entryHash: String(entry.entryHash) };
      }
      if (rows.length < PAGE) break;
      after = Number(rows.at(-1)!.seq);
    }
  }

  // Checkpoints: each signed by a key the office registered, each root recomputed.
  const { rows: keyRows } = await client.query<{ key_id: string; public_pem: string }>('SELECT key_id, public_pem FROM office_keys WHERE office_id = $1', [office]);
  const keys = new Map<string, string>();
  for (const row of keyRows) {
    let keyId: string | undefined;
    try {
      keyId = keyIdOf(row.public_pem);
    } catch (error) {
      problems.push({ type: 'checkpoint_signature', file: `office/${office}/keys/${row.key_id}`, message: `office key ${row.key_id} is not an Ed25519 public key: ${(error as Error).message}` });
      continue;
    }
    if (keyId !== row.key_id) problems.push({ type: 'checkpoint_signature', file: `office/${office}/keys/${row.key_id}`, expected: row.key_id, found: keyId, message: `the office key stored as ${row.key_id} is key ${keyId}` });
    else keys.set(keyId, row.public_pem);
  }
  const officeKeyId = signingKeyPem ? keyIdOf(signingKeyPem) : undefined;
  const checkpointFile = logName(office, 'checkpoint');
  const { rows: checkpointRows } = await client.query<{ n: number; line: string }>('SELECT n, line FROM evidence_checkpoint WHERE office_id = $1 ORDER BY n', [office]);
  let latest: { n: number; logs: NonNullable<ReturnType<typeof parseCheckpointLine>>['logs'] } | undefined;
  let expectedN = 1;
  for (const row of checkpointRows) {
    checked.checkpoints++;
    checked.bytes += Buffer.byteLength(row.line);
    const where = { file: checkpointFile, seq: row.n };
    if (row.n !== expectedN) problems.push({ type: 'sequence', ...where, expected: String(expectedN), found: String(row.n), message: `checkpoint ${row.n} follows ${expectedN - 1}: checkpoints were removed` });
    expectedN = row.n + 1;
    const checkpoint = parseCheckpointLine(row.line);
    if (!checkpoint) {
      problems.push({ type: 'unreadable', ...where, message: `checkpoint ${row.n} is not a signed checkpoint` });
      continue;
    }
    latest = { n: row.n, logs: checkpoint.logs };
    const pem = keys.get(checkpoint.keyId);
    if (!pem) problems.push({ type: 'checkpoint_signature', ...where, expected: checkpoint.keyId, message: `checkpoint ${row.n}: its key ${checkpoint.keyId} is not among the office's keys` });
    else {
      const signature = verifyCheckpoint(checkpoint, pem);
      if (signature.isErr()) problems.push({ type: 'checkpoint_signature', ...where, message: `checkpoint ${row.n}: ${signature.error.message}` });
    }
    if (officeKeyId && checkpoint.keyId !== officeKeyId) {
      problems.push({ type: 'checkpoint_signature', ...where, expected: officeKeyId, found: checkpoint.keyId, message: `checkpoint ${row.n} is signed by key ${checkpoint.keyId}, not by the office key ${officeKeyId}` });
    }
    if (checkpoint.treeSize > leaves.length) {
      problems.push({ type: 'merkle_root', ...where, expected: String(checkpoint.treeSize), found: String(leaves.length), message: `checkpoint ${row.n} signs ${checkpoint.treeSize} captures, but the capture log holds ${leaves.length}: captures were removed` });
      continue;
    }
    const root = Buffer.from(merkleRoot(leaves, checkpoint.treeSize)).toString('hex');
    if (root !== checkpoint.rootHash) problems.push({ type: 'merkle_root', ...where, expected: checkpoint.rootHash, found: root, message: `checkpoint ${row.n}: the first ${checkpoint.treeSize} captures no longer give the signed root` });
  }

  // A removed or replaced last entry leaves a sound chain: only the signed heads show it.
  if (latest?.logs) {
    const source = { length: (kind: RecordKind) => entryHashes.get(kind)?.size ?? 0, entryHashAt: (kind: RecordKind, seq: number) => entryHashes.get(kind)?.get(seq) };
    for (const mismatch of compareLogHeads(latest.logs, source, `checkpoint ${latest.n}`)) {
      const file = logName(office, mismatch.kind);
      problems.push({ type: mismatch.type === 'missing' ? 'sequence' : 'chain', file, seq: mismatch.seq, expected: mismatch.expected, found: mismatch.found, message: `${file}: ${mismatch.message}` });
    }
  }

  return { ok: problems.length === 0, checked, problems, cited };
}

/**
 * Check the blobs after the rows (outside their transaction: a blob is stored before the record
 * naming it commits, and never removed): every cited blob is present, every blob re-hashed.
 */
export async function verifyBlobs(report: VerifyReportV1, office: string, blobs: BlobStore, cited: ReadonlyMap<string, { seq: number; id: string }>): Promise<VerifyReportV1> {
  const problems = [...report.problems];
  const checked = { ...report.checked };
  for (const [hash, where] of cited) {
    const present = await blobs.has(office, hash);
    if (present.isErr()) problems.push({ type: 'unreadable', file: `${blobs.kind}:${office}/${hash}`, message: present.error.message });
    else if (!present.value) problems.push({ type: 'missing_blob', file: `${blobs.kind}:${office}/${hash}`, seq: where.seq, expected: hash, message: `capture ${where.id} (entry ${where.seq}) cites blob ${hash}, which is missing` });
  }
  const blobReport = await blobs.check(office);
  if (blobReport.isErr()) problems.push({ type: 'unreadable', file: `${blobs.kind}:${office}`, message: blobReport.error.message });
  else {
    checked.blobs += blobReport.value.checked;
    checked.bytes += blobReport.value.bytes;
    for (const bad of blobReport.value.mismatched) problems.push({ type: 'blob_hash', file: bad.where, expected: bad.sha256, found: bad.found, message: `blob ${bad.where} does not match its hash` });
  }
  return { ok: problems.length === 0, checked, problems };
}
