import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { SNAPSHOT_KINDS, type RecordIndexKeys, type RecordKind } from '../records/record-kinds.js';
import type { RecordQueryV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'expected an ISO 8601 time, e.g. 2024-11-20T08:15:00+07:00' });

/** The shape of {@link RecordQueryV1}, checked at every store's boundary. */
export const RecordQuerySchema = z
  .object({
    accountKey: z.string().min(1).optional(),
    itemKey: z.string().min(1).optional(),
    subjectId: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    state: z.string().min(1).optional(),
    from: instant.optional(),
    to: instant.optional(),
    afterSeq: z.number().int().nonnegative().optional(),
    limit: z.number().int().positive().optional(),
    allVersions: z.boolean().optional(),
  })
  .strict();

/** Check a query from outside; unknown fields are refused so a typo does not widen a read. */
export function parseRecordQuery(query: unknown): Result<RecordQueryV1, InvalidInputError> {
  const parsed = RecordQuerySchema.safeParse(query ?? {});
  if (!parsed.success) return err(invalidInputFromZod('record query', parsed.error));
  return ok(parsed.data);
}

/** One entry of a log as an index holds it; `payload` is where the store keeps the bytes. */
export interface IndexedEntry<P> {
  seq: number;
  id: string;
  entryHash: string;
  recordHash: string;
  keys: RecordIndexKeys;
  /** `keys.time` as epoch milliseconds, so range reads compare instants, not strings. */
  readonly timeMs: number;
  payload: P;
}

/** An {@link IndexedEntry} whose time is parsed on first use: only time-range reads need it. */
class IndexedLogEntry<P> implements IndexedEntry<P> {
  private parsedTimeMs: number | undefined;

  constructor(
    public seq: number,
    public id: string,
    public entryHash: string,
    public recordHash: string,
    public keys: RecordIndexKeys,
    public payload: P,
  ) {}

  get timeMs(): number {
    return (this.parsedTimeMs ??= Date.parse(this.keys.time));
  }
}

/**
 * The derived indexes of one record log: by id (with versions), account, item, subject,
 * category and time. Rebuilt from the log by adding its entries in order; every store uses it
 * so reads mean the same everywhere.
 */
export class RecordLogIndex<P> {
  readonly kind: RecordKind;
  readonly snapshot: boolean;
  readonly entries: Array<IndexedEntry<P>> = [];
  /**
   * Versions by id. An append-only log has one entry per id, kept as it is (one map write per
   * appended entry, no array); a list holds several versions of one id.
   */
  private readonly byId = new Map<string, IndexedEntry<P> | Array<IndexedEntry<P>>>();
  private readonly byAccount = new Map<string, Array<IndexedEntry<P>>>();
  private readonly byItem = new Map<string, Array<IndexedEntry<P>>>();
  private readonly bySubject = new Map<string, Array<IndexedEntry<P>>>();

  constructor(kind: RecordKind) {
    this.kind = kind;
    this.snapshot = SNAPSHOT_KINDS.includes(kind);
  }

  /** Entries indexed so far. */
  get size(): number {
    return this.entries.length;
  }

  /** The last entry, if any. */
  last(): IndexedEntry<P> | undefined {
    return this.entries.at(-1);
  }

  /**
   * Add the next entry of the log (entries must come in `seq` order). `newId`: the caller knows
   * no entry with this id is indexed yet (an append-only entry it planned), which saves a read.
   */
  add(entry: Omit<IndexedEntry<P>, 'timeMs'>, newId = false): IndexedEntry<P> {
    // Called once per appended entry: one object with a fixed shape, no spread, no empty Set,
    // and no Date.parse (a large share of the cost) until a time range is read.
    const keys = entry.keys;
    const indexed = new IndexedLogEntry(entry.seq, entry.id, entry.entryHash, entry.recordHash, keys, entry.payload);
    this.entries.push(indexed);
    const byId = this.byId;
    const before = byId.size;
    // A store that planned the entry knows its append-only id is new: one map write, no read.
    const found = this.snapshot || !newId ? byId.get(entry.id) : undefined;
    if (found === undefined) {
      byId.set(entry.id, this.snapshot ? [indexed] : indexed);
      // The id was not new after all (a store's mistake): keep every version all the same.
      if (newId && byId.size === before) byId.set(entry.id, this.entries.filter((known) => known.id === entry.id));
    } else if (Array.isArray(found)) {
      found.push(indexed);
    } else {
      byId.set(entry.id, [found, indexed]);
    }
    if (keys.accountKey !== undefined) push(this.byAccount, keys.accountKey, indexed);
    const itemKeys = keys.itemKeys;
    if (itemKeys !== undefined && itemKeys.length > 0) {
      for (const item of itemKeys.length === 1 ? itemKeys : new Set(itemKeys)) push(this.byItem, item, indexed);
    }
    if (keys.subjectId !== undefined) push(this.bySubject, keys.subjectId, indexed);
    return indexed;
  }

  /** The latest entry with this id (the only one for append-only kinds). */
  latest(id: string): IndexedEntry<P> | undefined {
    const found = this.byId.get(id);
    return Array.isArray(found) ? found.at(-1) : found;
  }

  /** Every version of an id, oldest first. */
  versions(id: string): ReadonlyArray<IndexedEntry<P>> {
    const found = this.byId.get(id);
    return Array.isArray(found) ? found : found === undefined ? [] : [found];
  }

  /** Entries matching a (checked) query, in `seq` order. */
  query(query: RecordQueryV1): Array<IndexedEntry<P>> {
    let candidates: ReadonlyArray<IndexedEntry<P>> = this.entries;
    for (const narrower of [
      query.accountKey !== undefined ? this.byAccount.get(query.accountKey) ?? [] : undefined,
      query.itemKey !== undefined ? this.byItem.get(query.itemKey) ?? [] : undefined,
      query.subjectId !== undefined ? this.bySubject.get(query.subjectId) ?? [] : undefined,
    ]) {
      if (narrower !== undefined && narrower.length < candidates.length) candidates = narrower;
    }
    const fromMs = query.from !== undefined ? Date.parse(query.from) : undefined;
    const toMs = query.to !== undefined ? Date.parse(query.to) : undefined;
    const latestOnly = this.snapshot && query.allVersions !== true;
    const out: Array<IndexedEntry<P>> = [];
    for (const entry of candidates) {
      if (query.afterSeq !== undefined && entry.seq <= query.afterSeq) continue;
      // Snapshot kinds answer with the current version: a case's state is its latest state.
      if (latestOnly && this.latest(entry.id) !== entry) continue;
      if (!matchesKeys(entry, query, fromMs, toMs)) continue;
      out.push(entry);
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }
}

function matchesKeys(entry: IndexedEntry<unknown>, query: RecordQueryV1, fromMs: number | undefined, toMs: number | undefined): boolean {
  const keys = entry.keys;
  if (query.accountKey !== undefined && keys.accountKey !== query.accountKey) return false;
  if (query.itemKey !== undefined && !(keys.itemKeys ?? []).includes(query.itemKey)) return false;
  if (query.subjectId !== undefined && keys.subjectId !== query.subjectId) return false;
  if (query.category !== undefined && keys.category !== query.category) return false;
  if (query.state !== undefined && keys.state !== query.state) return false;
  if (fromMs !== undefined && !(entry.timeMs >= fromMs)) return false;
  if (toMs !== undefined && !(entry.timeMs < toMs)) return false;
  return true;
}

function push<P>(map: Map<string, Array<IndexedEntry<P>>>, key: string, entry: IndexedEntry<P>): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
