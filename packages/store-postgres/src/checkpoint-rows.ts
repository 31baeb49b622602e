import { canonicalJsonOrThrow, logHeadsOf, RECORD_KINDS, SignedCheckpointSchema, type RecordKind } from '@sipansos/core/evidence';
import type { CheckpointLogHeadsV1, SignedCheckpointV1 } from '@sipansos/core/spec';
import type pg from 'pg';
import { recordTable } from './record-tables.js';

/** A checkpoint's stored form: its canonical JSON. */
export function checkpointLine(checkpoint: SignedCheckpointV1): string {
  return canonicalJsonOrThrow({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, at: checkpoint.at, keyId: checkpoint.keyId, ...(checkpoint.logs ? { logs: checkpoint.logs } : {}), signature: checkpoint.signature });
}

/** Parse a stored checkpoint line; `undefined` when it is not a checkpoint. */
export function parseCheckpointLine(line: string): SignedCheckpointV1 | undefined {
  try {
    const parsed = SignedCheckpointSchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data as SignedCheckpointV1) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The head of every log of an office, read in one statement so the heads belong to one
 * snapshot even while writers append.
 */
export async function readLogHeads(queryable: pg.Pool | pg.PoolClient, office: string): Promise<CheckpointLogHeadsV1> {
  const text = RECORD_KINDS.map((kind) => `(SELECT '${kind}' AS kind, seq, entry_hash FROM ${recordTable(kind)} WHERE office_id = $1 ORDER BY seq DESC LIMIT 1)`).join(' UNION ALL ');
  const { rows } = await queryable.query<{ kind: RecordKind; seq: string; entry_hash: string }>(text, [office]);
  const byKind = new Map(rows.map((row) => [row.kind, { seq: Number(row.seq), entryHash: row.entry_hash }]));
  return logHeadsOf((kind) => byKind.get(kind));
}

/** The latest checkpoint of an office with its number, or `undefined`. */
export async function readLatestCheckpoint(queryable: pg.Pool | pg.PoolClient, office: string): Promise<{ n: number; line: string } | undefined> {
  const { rows } = await queryable.query<{ n: number; line: string }>('SELECT n, line FROM evidence_checkpoint WHERE office_id = $1 ORDER BY n DESC LIMIT 1', [office]);
  return rows[0];
}
