import type { Item } from '../capture/item-schema.js';
import type { AccountState, PendingLookup, TrackedItem } from './account-state.js';
import { PackedBucket } from './packed-bucket.js';

/**
 * A copy of a record as a dictionary-mode object: buckets take thousands of distinct keys, and
 * a null-prototype object skips the hidden-class transition V8 makes for each new key of an
 * ordinary one (measured: several times faster to fill). It serialises to the same JSON.
 */
function copyRecord<T>(source: Record<string, T> | undefined): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, source);
}

/** Whether an item belongs in `AccountState.notable` (what `deletionVerdicts` reads). */
function isNotable(item: TrackedItem): boolean {
  return (
    item.versions.length > 1 ||
    (item.versionsToFetch?.length ?? 0) > 0 ||
    item.episode !== undefined ||
    (item.pastEpisodes?.length ?? 0) > 0 ||
    !item.contentCaptured ||
    item.replacedBy !== undefined ||
    item.status === 'deleted' ||
    item.status === 'deleted_unverified' ||
    item.status === 'original_deleted' ||
    item.status === 'missing'
  );
}

/**
 * Copy-on-write editing of an {@link AccountState}: only the buckets and maps written to are
 * copied, the rest is shared with the input, which is never mutated. This keeps an update
 * proportional to what it touches.
 */
export class StateDraft {
  readonly base: AccountState;
  private items: AccountState['items'];
  private itemsCopied = false;
  /** Buckets written by this draft (its own copies), by name. */
  private readonly writable = new Map<string, PackedBucket>();
  private aliases: AccountState['aliases'];
  private aliasesCopied = false;
  private pending: AccountState['pending'];
  private pendingCopied = false;
  private notable: AccountState['notable'];
  private notableCopied = false;
  private itemCount: number;
  /** Top-level fields to replace on finish. */
  readonly patch: Partial<AccountState> = {};

  constructor(base: AccountState) {
    this.base = base;
    this.items = base.items;
    this.aliases = base.aliases;
    this.pending = base.pending;
    this.notable = base.notable;
    this.itemCount = base.itemCount;
  }

  bucketKeys(): string[] {
    return Object.keys(this.items);
  }

  /** The items of a bucket, in its order (empty when there is no such bucket). */
  values(bucket: string): TrackedItem[] {
    const record = this.items[bucket];
    if (record === undefined) return [];
    return PackedBucket.of(record)?.values() ?? Object.values(record);
  }

  /** The keys of a bucket, in its order. */
  keysOf(bucket: string): Iterable<string> {
    const record = this.items[bucket];
    if (record === undefined) return [];
    return PackedBucket.of(record)?.keys() ?? Object.keys(record);
  }

  /** When an item was last seen, without building a packed item. */
  lastSeenAtOf(bucket: string, key: string): string | undefined {
    const record = this.items[bucket];
    if (record === undefined) return undefined;
    const packed = PackedBucket.of(record);
    return packed ? packed.lastSeenAtOf(key) : record[key]?.lastSeenAt;
  }

  /** The version item of a plain packed item, read without building the item (see `PackedBucket`). */
  plainItemOf(bucket: string, key: string): Item | undefined {
    const record = this.items[bucket];
    return record === undefined ? undefined : PackedBucket.of(record)?.plainItemOf(key);
  }

  get(bucket: string, key: string): TrackedItem | undefined {
    const record = this.items[bucket];
    if (record === undefined) return undefined;
    const packed = PackedBucket.of(record);
    return packed ? packed.get(key) : record[key];
  }

  alias(key: string): { key: string; bucket: string } | undefined {
    return this.aliases[key];
  }

  pendingEntries(): Array<[string, PendingLookup]> {
    return Object.entries(this.pending);
  }

  notableEntries(): Array<[string, string]> {
    return Object.entries(this.notable);
  }

  /** Write an item into its bucket (moving it when its bucket changed from `previousBucket`). */
  put(item: TrackedItem, previousBucket?: string): void {
    if (previousBucket !== undefined && previousBucket !== item.bucket) this.remove(previousBucket, item.key);
    const target = this.writableBucket(item.bucket);
    if (!target.has(item.key)) this.itemCount++;
    target.put(item);
    const notable = isNotable(item);
    if (notable && this.notable[item.key] !== item.bucket) this.writableNotable()[item.key] = item.bucket;
    else if (!notable && item.key in this.notable) delete this.writableNotable()[item.key];
  }

  /**
   * A live, not notable item seen again: only when it was last seen changes. Writes no item
   * object for a plain one (see `PackedBucket`).
   */
  markSeen(item: TrackedItem, at: string, captureId: string): void {
    if (this.writableBucket(item.bucket).markSeen(item.key, at, captureId)) return;
    this.put({ ...item, lastSeenAt: at, lastSeenCaptureId: captureId });
  }

  /** {@link StateDraft.markSeen} for an item {@link StateDraft.plainItemOf} found. */
  markPlainSeen(bucket: string, key: string, at: string, captureId: string): void {
    if (!this.writableBucket(bucket).markSeen(key, at, captureId)) throw new Error(`${key} in ${bucket} is not a plain packed item`);
  }

  remove(bucket: string, key: string): void {
    // `in`, not `get`: a packed item need not be built to be removed.
    const record = this.items[bucket];
    if (record === undefined || !(key in record)) return;
    const target = this.writableBucket(bucket);
    target.remove(key);
    this.itemCount--;
    if (target.size === 0) {
      delete this.writableItems()[bucket];
      this.writable.delete(bucket);
    }
    if (key in this.notable) delete this.writableNotable()[key];
  }

  setAlias(key: string, canonical: string, bucket: string): void {
    const current = this.aliases[key];
    if (current && current.key === canonical && current.bucket === bucket) return;
    if (!this.aliasesCopied) {
      this.aliases = copyRecord(this.aliases);
      this.aliasesCopied = true;
    }
    this.aliases[key] = { key: canonical, bucket };
  }

  setPending(key: string, entry: PendingLookup): void {
    if (!this.pendingCopied) {
      this.pending = copyRecord(this.pending);
      this.pendingCopied = true;
    }
    this.pending[key] = entry;
  }

  getPending(key: string): PendingLookup | undefined {
    return this.pending[key];
  }

  deletePending(key: string): void {
    if (!(key in this.pending)) return;
    if (!this.pendingCopied) {
      this.pending = copyRecord(this.pending);
      this.pendingCopied = true;
    }
    delete this.pending[key];
  }

  finish(updatedAt: string): AccountState {
    // Captures may be observed out of order: updatedAt never moves back.
    const laterOf = Date.parse(updatedAt) > Date.parse(this.base.updatedAt) ? updatedAt : this.base.updatedAt;
    return {
      ...this.base,
      ...this.patch,
      items: this.items,
      aliases: this.aliases,
      pending: this.pending,
      notable: this.notable,
      itemCount: this.itemCount,
      updatedAt: laterOf,
    };
  }

  private writableItems(): AccountState['items'] {
    if (!this.itemsCopied) {
      this.items = copyRecord(this.items);
      this.itemsCopied = true;
    }
    return this.items;
  }

  private writableBucket(bucket: string): PackedBucket {
    let target = this.writable.get(bucket);
    if (target === undefined) {
      const current = this.items[bucket];
      target = current === undefined ? PackedBucket.empty(bucket) : (PackedBucket.of(current)?.copy() ?? PackedBucket.fromRecord(bucket, current));
      this.writable.set(bucket, target);
      this.writableItems()[bucket] = target.view();
    }
    return target;
  }

  private writableNotable(): AccountState['notable'] {
    if (!this.notableCopied) {
      this.notable = copyRecord(this.notable);
      this.notableCopied = true;
    }
    return this.notable;
  }
}
