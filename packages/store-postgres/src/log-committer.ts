import { err, ok, type Result } from 'neverthrow';
import { GENESIS_HASH, planAppend, SNAPSHOT_KINDS, type ExistingEntryRef, type PlannedEntry, type RecordKind } from '@sipansos/core/evidence';
import type { StoredRecordV1, StoreErrorV1 } from '@sipansos/core/spec';
import type pg from 'pg';
import { databaseError } from './database-error.js';
import { officeLockKey } from './office-lock.js';
import { CorruptRowError, insertEntries, storedFromRow, type RecordRow } from './record-rows.js';
import { logLockNumber, recordTable } from './record-tables.js';

type Outcome = Result<Array<StoredRecordV1<unknown>>, StoreErrorV1>;

interface Waiting {
  records: ReadonlyArray<unknown>;
  resolve: (outcome: Outcome) => void;
}

// Appends taken into one transaction at most: enough to amortise the commit, small enough
// that one transaction's statement stays modest.
const MAX_BATCH_RECORDS = 5000;

/**
 * Group commit for one log of one office in this process. Appends that arrive while a
 * transaction for the log is in flight wait and go together in the next one: one advisory lock,
 * one tip read, one INSERT and one COMMIT (one WAL flush) for all of them. Each append is still
 * all or nothing: a refused one (invalid record, conflict) is answered on its own and the others
 * commit. Across processes and machines the advisory lock orders the transactions.
 */
export class LogCommitter {
  private readonly queue: Waiting[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly office: string,
    private readonly kind: RecordKind,
    private readonly connect: () => Promise<pg.PoolClient>,
    private readonly now: () => Date,
  ) {}

  /** Append `records`; resolves once they are committed (or refused). */
  submit(records: ReadonlyArray<unknown>): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ records, resolve });
      this.running ??= this.drain().finally(() => {
        this.running = undefined;
      });
    });
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      let count = 0;
      let take = 0;
      while (take < this.queue.length && (take === 0 || count + this.queue[take]!.records.length <= MAX_BATCH_RECORDS)) count += this.queue[take++]!.records.length;
      await this.commit(this.queue.splice(0, take));
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    const { office, kind } = this;
    const table = recordTable(kind);
    let client: pg.PoolClient;
    try {
      client = await this.connect();
    } catch (error) {
      for (const waiting of batch) waiting.resolve(err(databaseError(`append ${kind}`, error)));
      return;
    }
    const planned: Array<{ waiting: Waiting; outcomes: Array<{ type: 'new'; seq: number } | { type: 'existing'; seq: number }> }> = [];
    let broken: Error | undefined;
    try {
      // Both numbers are integers computed here, so they can be written into the text and the
      // lock taken in the same round trip as BEGIN.
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${officeLockKey(office)}, ${logLockNumber(kind)})`);
      const snapshot = SNAPSHOT_KINDS.includes(kind);
      const ids = snapshot ? [] : [...new Set(batch.flatMap((waiting) => (Array.isArray(waiting.records) ? waiting.records : []).map((record) => (record as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string')))];
      const { rows } = await client.query<{ what: 'tip' | 'id'; seq: string; hash: string; id: string | null }>(
        `(SELECT 'tip' AS what, seq, entry_hash AS hash, NULL AS id FROM ${table} WHERE office_id = $1 ORDER BY seq DESC LIMIT 1)
         UNION ALL (SELECT 'id', seq, record_hash, id FROM ${table} WHERE office_id = $1 AND id = ANY($2::text[]))`,
        [office, ids],
      );
      const tipRow = rows.find((row) => row.what === 'tip');
      let tip = tipRow ? { seq: Number(tipRow.seq), entryHash: tipRow.hash } : { seq: 0, entryHash: GENESIS_HASH };
      const known = new Map<string, ExistingEntryRef>(rows.filter((row) => row.what === 'id').map((row) => [row.id!, { seq: Number(row.seq), recordHash: row.hash }]));
      const appendedAt = this.now().toISOString();
      const entries: Array<PlannedEntry<RecordKind>> = [];
      for (const waiting of batch) {
        const plan = planAppend(kind, waiting.records, { tip, appendedAt, findExisting: (id) => known.get(id) });
        if (plan.isErr()) {
          waiting.resolve(err(plan.error));
          continue;
        }
        for (const entry of plan.value.entries) {
          entries.push(entry as PlannedEntry<RecordKind>);
          if (!snapshot) known.set(entry.stored.id, { seq: entry.stored.seq, recordHash: entry.stored.recordHash });
        }
        tip = plan.value.tip;
        planned.push({ waiting, outcomes: plan.value.outcomes.map((outcome) => (outcome.type === 'new' ? { type: 'new', seq: plan.value.entries[outcome.index]!.stored.seq } : outcome)) });
      }
      if (entries.length > 0) await insertEntries(client, office, kind, entries);
      // Entries met again: from this batch, or read back from the log.
      const bySeq = new Map<number, StoredRecordV1<unknown>>(entries.map((entry) => [entry.stored.seq, entry.stored]));
      const stored = [...new Set(planned.flatMap(({ outcomes }) => outcomes.filter((outcome) => !bySeq.has(outcome.seq)).map((outcome) => outcome.seq)))];
      if (stored.length > 0) {
        const found = await client.query<RecordRow>(`SELECT seq, id, line FROM ${table} WHERE office_id = $1 AND seq = ANY($2::bigint[])`, [office, stored]);
        for (const row of found.rows) bySeq.set(Number(row.seq), storedFromRow(office, kind, row));
      }
      await client.query('COMMIT');
      for (const { waiting, outcomes } of planned) waiting.resolve(ok(outcomes.map((outcome) => bySeq.get(outcome.seq)!)));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A connection that failed (server restarted, network cut) is discarded, not reused.
      if (!(error instanceof CorruptRowError)) broken = error as Error;
      const failure = error instanceof CorruptRowError ? error.problem : databaseError(`append ${kind}`, error);
      for (const { waiting } of planned) waiting.resolve(err(failure));
      // Appends not yet planned when the failure came (none are resolved twice: resolve is idempotent).
      for (const waiting of batch) waiting.resolve(err(failure));
    } finally {
      client.release(broken);
    }
  }
}
