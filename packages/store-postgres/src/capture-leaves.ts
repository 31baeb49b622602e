import { captureLeafHash } from '@sipansos/core/evidence';
import type pg from 'pg';

/**
 * The Merkle leaves of one office's capture log, read once and then extended: committed
 * entries never change, so leaves up to a committed sequence number can be kept in memory.
 */
export class CaptureLeaves {
  readonly leaves: Buffer[] = [];

  constructor(private readonly office: string) {}

  /** The first `count` leaves, reading the missing ones from the database. */
  async upTo(queryable: pg.Pool | pg.PoolClient, count: number): Promise<Buffer[]> {
    while (this.leaves.length < count) {
      const { rows } = await queryable.query<{ seq: string; entry_hash: string }>(
        'SELECT seq, entry_hash FROM evidence_capture WHERE office_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT 10000',
        [this.office, this.leaves.length, count],
      );
      if (rows.length === 0) throw new Error(`the capture log of ${this.office} holds fewer than ${count} entries`);
      for (const row of rows) {
        if (Number(row.seq) !== this.leaves.length + 1) throw new Error(`capture entry ${this.leaves.length + 1} of ${this.office} is missing`);
        this.leaves.push(Buffer.from(captureLeafHash(row.entry_hash), 'hex'));
      }
    }
    return this.leaves.slice(0, count);
  }
}
