import { generateKeyPairSync } from 'node:crypto';
import type { RecordKind } from '@sipansos/core/evidence';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import type pg from 'pg';
import type { PostgresEvidenceStore } from '../src/index.js';

/** An invented office's Ed25519 key pair, as `sipansos init` writes it. */
export function officeKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Change one character inside the record of entry `seq`, as someone editing the row would. */
export async function tamperRow(pool: pg.Pool, store: EvidenceStoreV1, kind: RecordKind, seq: number): Promise<void> {
  const office = (store as PostgresEvidenceStore).office;
  const { rows } = await pool.query<{ line: string }>(`SELECT line FROM evidence_${kind} WHERE office_id = $1 AND seq = $2`, [office, seq]);
  const line = rows[0]!.line;
  const at = line.indexOf('"record":') + 12;
  const changed = `${line.slice(0, at)}${line[at] === 'a' ? 'b' : 'a'}${line.slice(at + 1)}`;
  await pool.query(`UPDATE evidence_${kind} SET line = $3 WHERE office_id = $1 AND seq = $2`, [office, seq, changed]);
}

/** Delete the last entry of a log, as someone deleting a row would. */
export async function deleteLastRow(pool: pg.Pool, store: EvidenceStoreV1, kind: RecordKind): Promise<void> {
  const office = (store as PostgresEvidenceStore).office;
  await pool.query(`DELETE FROM evidence_${kind} WHERE office_id = $1 AND seq = (SELECT max(seq) FROM evidence_${kind} WHERE office_id = $1)`, [office]);
}
