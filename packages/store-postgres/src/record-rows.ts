import { computeEntryHash, hashRecord, type PlannedEntry, type RecordKind } from '@sipansos/core/evidence';
import type { RecordQueryV1, StoredRecordV1, StoreErrorV1 } from '@sipansos/core/spec';
import type pg from 'pg';
import { isSnapshotKind, logName, recordTable } from './record-tables.js';

/** A record row as reads select it. */
export interface RecordRow {
  seq: string;
  id: string;
  line: string;
}

/** Thrown by {@link storedFromRow} for a row whose bytes no longer match its hashes. */
export class CorruptRowError extends Error {
  constructor(readonly problem: Extract<StoreErrorV1, { type: 'corrupt' }>) {
    super(problem.message);
  }
}

/**
 * Parse a row back into its stored entry, re-hashing it: a record changed in the database is
 * never served (verify says where).
 */
export function storedFromRow<T>(office: string, kind: RecordKind, row: RecordRow): StoredRecordV1<T> {
  const file = logName(office, kind);
  const seq = Number(row.seq);
  let stored: StoredRecordV1<T>;
  try {
    stored = JSON.parse(row.line) as StoredRecordV1<T>;
  } catch {
    throw new CorruptRowError({ type: 'corrupt', message: `${file} entry ${seq} is no longer JSON; run verify`, file, seq });
  }
  const recordHash = hashRecord(stored.record);
  if (stored.seq !== seq || stored.id !== row.id || stored.kind !== kind || recordHash !== stored.recordHash || computeEntryHash(stored) !== stored.entryHash) {
    throw new CorruptRowError({ type: 'corrupt', message: `${file} entry ${seq}: the stored entry no longer matches its hashes; run verify`, file, seq, expected: stored.recordHash, found: recordHash });
  }
  return stored;
}

/** Insert planned entries in one statement (arrays unnested, so a batch has no parameter limit). */
export async function insertEntries(client: pg.PoolClient, office: string, kind: RecordKind, entries: ReadonlyArray<PlannedEntry<RecordKind>>): Promise<void> {
  const columns = { seq: [] as number[], id: [] as string[], entryHash: [] as string[], recordHash: [] as string[], line: [] as string[], timeMs: [] as number[], account: [] as Array<string | null>, items: [] as Array<string | null>, subject: [] as Array<string | null>, category: [] as Array<string | null>, state: [] as Array<string | null> };
  for (const { stored, keys, line } of entries) {
    columns.seq.push(stored.seq);
    columns.id.push(stored.id);
    columns.entryHash.push(stored.entryHash);
    columns.recordHash.push(stored.recordHash);
    columns.line.push(line);
    columns.timeMs.push(Date.parse(keys.time));
    columns.account.push(keys.accountKey ?? null);
    // text[] per row cannot be unnested from a 2-D array (rows differ in length): JSON per row.
    columns.items.push(keys.itemKeys && keys.itemKeys.length > 0 ? JSON.stringify(keys.itemKeys) : null);
    columns.subject.push(keys.subjectId ?? null);
    columns.category.push(keys.category ?? null);
    columns.state.push(keys.state ?? null);
  }
  await client.query(
    `INSERT INTO ${recordTable(kind)} (office_id, seq, id, entry_hash, record_hash, line, time_ms, account_key, item_keys, subject_id, category, state)
     SELECT $1, seq, id, entry_hash, record_hash, line, time_ms, account_key,
            CASE WHEN items IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(items::jsonb)) END,
            subject_id, category, state
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
          AS input(seq, id, entry_hash, record_hash, line, time_ms, account_key, items, subject_id, category, state)`,
    [office, columns.seq, columns.id, columns.entryHash, columns.recordHash, columns.line, columns.timeMs, columns.account, columns.items, columns.subject, columns.category, columns.state],
  );
}

/** The SQL of a (checked) query over one office's log of `kind`, in `seq` order. */
export function querySql(office: string, kind: RecordKind, query: RecordQueryV1): { text: string; values: unknown[] } {
  const table = recordTable(kind);
  const values: unknown[] = [office];
  const where = ['t.office_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown): void => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (query.accountKey !== undefined) add((p) => `t.account_key = ${p}`, query.accountKey);
  if (query.itemKey !== undefined) add((p) => `t.item_keys @> ARRAY[${p}::text]`, query.itemKey);
  if (query.subjectId !== undefined) add((p) => `t.subject_id = ${p}`, query.subjectId);
  if (query.category !== undefined) add((p) => `t.category = ${p}`, query.category);
  if (query.from !== undefined) add((p) => `t.time_ms >= ${p}`, Date.parse(query.from));
  if (query.to !== undefined) add((p) => `t.time_ms < ${p}`, Date.parse(query.to));
  if (query.afterSeq !== undefined) add((p) => `t.seq > ${p}`, query.afterSeq);
  // Snapshot kinds answer with the current version, so state filters the latest state only.
  if (isSnapshotKind(kind) && query.allVersions !== true) where.push(`NOT EXISTS (SELECT 1 FROM ${table} n WHERE n.office_id = t.office_id AND n.id = t.id AND n.seq > t.seq)`);
  if (query.state !== undefined) add((p) => `t.state = ${p}`, query.state);
  let text = `SELECT t.seq, t.id, t.line FROM ${table} t WHERE ${where.join(' AND ')} ORDER BY t.seq`;
  if (query.limit !== undefined) {
    values.push(query.limit);
    text += ` LIMIT $${values.length}`;
  }
  return { text, values };
}
