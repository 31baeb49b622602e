import { Buffer } from 'node:buffer';
import type { Item } from '../capture/item-schema.js';
import type { TrackedItem } from './account-state.js';

/** The members of a plain item, in the order `observeCapture` writes them (and JSON keeps). */
const PLAIN_MEMBERS = ['key', 'scope', 'kind', 'ids', 'createdAt', 'bucket', 'status', 'statusSince', 'contentCaptured', 'firstSeenAt', 'firstSeenCaptureId', 'lastSeenAt', 'lastSeenCaptureId', 'versions'] as const;
const VERSION_MEMBERS = ['item', 'contentHash', 'firstSeenAt', 'firstSeenCaptureId'] as const;
const HASH_BYTES = 32;
const HEX_HASH = /^[0-9a-f]{64}$/;

function hasMembers(value: object, members: readonly string[]): boolean {
  let index = 0;
  for (const name in value) {
    if (name !== members[index] || (value as Record<string, unknown>)[name] === undefined) return false;
    index++;
  }
  return index === members.length;
}

/**
 * Whether an item is "plain": live, captured once, one version, nothing else known about it: the
 * bulk of any account. Everything it holds beyond its version's item is then a few strings that
 * repeat across items, which a packed bucket keeps in columns instead of five objects.
 */
function isPlain(tracked: TrackedItem, bucketName: string, scope: string): boolean {
  if (!hasMembers(tracked, PLAIN_MEMBERS)) return false;
  if (tracked.bucket !== bucketName || tracked.scope !== scope || tracked.status !== 'live' || tracked.contentCaptured !== true) return false;
  if (tracked.statusSince !== tracked.firstSeenAt || typeof tracked.firstSeenAt !== 'string' || typeof tracked.firstSeenCaptureId !== 'string') return false;
  if (typeof tracked.lastSeenAt !== 'string' || typeof tracked.lastSeenCaptureId !== 'string') return false;
  const { versions, ids } = tracked;
  if (!Array.isArray(versions) || versions.length !== 1 || !Array.isArray(ids) || ids.length !== 1) return false;
  const version = versions[0]!;
  if (typeof version !== 'object' || version === null || !hasMembers(version, VERSION_MEMBERS)) return false;
  if (version.firstSeenAt !== tracked.firstSeenAt || version.firstSeenCaptureId !== tracked.firstSeenCaptureId || !HEX_HASH.test(version.contentHash)) return false;
  const item = version.item;
  if (typeof item !== 'object' || item === null || typeof item.id !== 'string' || typeof item.platform !== 'string') return false;
  return ids[0] === item.id && tracked.kind === item.kind && tracked.createdAt === item.createdAt && tracked.key === `${item.platform}:${item.id}`;
}

/** The columns of a bucket; copied one by one, only when written (copy on write). */
interface Columns {
  index: Map<string, number>;
  /** A non-plain item, kept whole. */
  whole: Array<TrackedItem | undefined>;
  /** A plain item's one version item. */
  items: Array<Item | undefined>;
  hashes: Buffer;
  firstSeenAt: Array<string | undefined>;
  firstSeenCaptureId: Array<string | undefined>;
  lastSeenAt: Array<string | undefined>;
  lastSeenCaptureId: Array<string | undefined>;
}
type ColumnName = keyof Columns;
/** One bit per column, for the columns a bucket owns (may write). */
const COLUMN_BIT: Readonly<Record<ColumnName, number>> = { index: 1, whole: 2, items: 4, hashes: 8, firstSeenAt: 16, firstSeenCaptureId: 32, lastSeenAt: 64, lastSeenCaptureId: 128 };
const ALL_COLUMNS = 255;
// Most days of an account hold a handful of items: start small, grow by doubling.
const FIRST_HASH_SLOTS = 4;
const ARRAY_COLUMNS = ['whole', 'items', 'firstSeenAt', 'firstSeenCaptureId', 'lastSeenAt', 'lastSeenCaptureId'] as const;

const views = new WeakMap<object, PackedBucket>();
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * One day bucket of an account state in columns: a plain item (see `isPlain`) costs its version
 * item and a few column slots instead of a tracked item, an id list, a version list, a version
 * and a 64-character hash string; any other item is kept whole. Readers see it through
 * {@link PackedBucket.view}, a read-only record of `TrackedItem`s that serialises to the same
 * JSON as the plain bucket, key order included. A copy shares every column until it writes one,
 * so re-seeing a bucket's items copies only the last-seen columns.
 */
export class PackedBucket {
  readonly name: string;
  readonly scope: string;
  private columns: Columns;
  /** {@link COLUMN_BIT}s of the columns this bucket owns. */
  private owned: number;
  private slots: number;
  private viewCache: Readonly<Record<string, TrackedItem>> | undefined;
  // getOwnPropertyDescriptor then get for one key (Object.keys, spread, JSON): build it once.
  private lastKey: string | undefined;
  private lastValue: TrackedItem | undefined;

  private constructor(name: string, columns: Columns, slots: number, owned: boolean) {
    this.name = name;
    this.scope = name.slice(0, name.indexOf('/'));
    this.columns = columns;
    this.slots = slots;
    this.owned = owned ? ALL_COLUMNS : 0;
  }

  /** An empty bucket. */
  static empty(name: string): PackedBucket {
    const columns: Columns = { index: new Map(), whole: [], items: [], hashes: Buffer.alloc(FIRST_HASH_SLOTS * HASH_BYTES), firstSeenAt: [], firstSeenCaptureId: [], lastSeenAt: [], lastSeenCaptureId: [] };
    return new PackedBucket(name, columns, 0, true);
  }

  /** A bucket holding a plain record's items, in its order. */
  static fromRecord(name: string, record: Readonly<Record<string, TrackedItem>>): PackedBucket {
    const bucket = PackedBucket.empty(name);
    for (const key in record) bucket.put(record[key]!);
    return bucket;
  }

  /** The packed bucket behind a {@link PackedBucket.view}, if `value` is one. */
  static of(value: unknown): PackedBucket | undefined {
    return typeof value === 'object' && value !== null ? views.get(value) : undefined;
  }

  get size(): number {
    return this.columns.index.size;
  }

  has(key: string): boolean {
    return this.columns.index.has(key);
  }

  keys(): IterableIterator<string> {
    return this.columns.index.keys();
  }

  /** The item under `key`: a kept whole item itself, a plain one built anew. */
  get(key: string): TrackedItem | undefined {
    if (key === this.lastKey) return this.lastValue;
    const slot = this.columns.index.get(key);
    if (slot === undefined) return undefined;
    const value = this.columns.whole[slot] ?? this.plainAt(key, slot);
    this.lastKey = key;
    this.lastValue = value;
    return value;
  }

  /** Every item, in insertion order. */
  values(): TrackedItem[] {
    const out: TrackedItem[] = [];
    for (const [key, slot] of this.columns.index) out.push(this.columns.whole[slot] ?? this.plainAt(key, slot));
    return out;
  }

  /**
   * When an item was last seen, without building it; `undefined` when it is not here or has no
   * last sighting.
   */
  lastSeenAtOf(key: string): string | undefined {
    const slot = this.columns.index.get(key);
    if (slot === undefined) return undefined;
    return this.columns.whole[slot]?.lastSeenAt ?? this.columns.lastSeenAt[slot];
  }

  /** The one version item of a plain item (see `isPlain`); `undefined` when not here or kept whole. */
  plainItemOf(key: string): Item | undefined {
    const slot = this.columns.index.get(key);
    return slot === undefined || this.columns.whole[slot] !== undefined ? undefined : this.columns.items[slot];
  }

  /** A copy that shares every column with this bucket until it writes one. */
  copy(): PackedBucket {
    return new PackedBucket(this.name, this.columns, this.slots, false);
  }

  /** Write an item (new or replacing the one under its key, which keeps its place). */
  put(tracked: TrackedItem): void {
    this.forget();
    const index = this.own('index');
    let slot = index.get(tracked.key);
    if (slot === undefined) {
      slot = this.slots++;
      index.set(tracked.key, slot);
      // Every column grows by one, so none becomes a holey array.
      for (const column of ARRAY_COLUMNS) (this.own(column) as unknown[]).push(undefined);
    }
    if (isPlain(tracked, this.name, this.scope)) {
      const version = tracked.versions[0]!;
      if (this.columns.whole[slot] !== undefined) this.own('whole')[slot] = undefined;
      this.own('items')[slot] = version.item;
      this.writeHash(slot, version.contentHash);
      this.own('firstSeenAt')[slot] = tracked.firstSeenAt;
      this.own('firstSeenCaptureId')[slot] = tracked.firstSeenCaptureId;
      this.own('lastSeenAt')[slot] = tracked.lastSeenAt;
      this.own('lastSeenCaptureId')[slot] = tracked.lastSeenCaptureId;
      return;
    }
    this.own('whole')[slot] = tracked;
    if (this.columns.items[slot] !== undefined) this.own('items')[slot] = undefined;
  }

  /**
   * Record that a plain item was seen again; false (nothing written) when the item is not here
   * or is kept whole, for the caller to write it with {@link PackedBucket.put}.
   */
  markSeen(key: string, at: string, captureId: string): boolean {
    const slot = this.columns.index.get(key);
    if (slot === undefined || this.columns.whole[slot] !== undefined) return false;
    this.forget();
    this.own('lastSeenAt')[slot] = at;
    this.own('lastSeenCaptureId')[slot] = captureId;
    return true;
  }

  remove(key: string): void {
    const slot = this.columns.index.get(key);
    if (slot === undefined) return;
    this.forget();
    this.own('index').delete(key);
    // Free what the slot held; the slot itself is not reused (the index keeps the order).
    if (this.columns.whole[slot] !== undefined) this.own('whole')[slot] = undefined;
    if (this.columns.items[slot] !== undefined) this.own('items')[slot] = undefined;
  }

  /** A read-only `Record<key, TrackedItem>` of this bucket, in insertion order. */
  view(): Readonly<Record<string, TrackedItem>> {
    if (this.viewCache === undefined) {
      // A null-prototype target, as the state's plain buckets are. Node's `inspect` (console.log)
      // reads the target, not the proxy: it is told how to show the items.
      const target = Object.create(null) as Record<string, TrackedItem>;
      const bucket = this;
      Object.defineProperty(target, INSPECT, {
        configurable: true,
        value: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) =>
          inspect(Object.assign(Object.create(null) as object, Object.fromEntries([...bucket.keys()].map((key) => [key, bucket.get(key)]))), options),
      });
      this.viewCache = new Proxy(target, VIEW_HANDLER);
      views.set(this.viewCache, this);
      views.set(target, this);
    }
    return this.viewCache;
  }

  private plainAt(key: string, slot: number): TrackedItem {
    const { columns } = this;
    const item = columns.items[slot]!;
    const firstSeenAt = columns.firstSeenAt[slot]!;
    const firstSeenCaptureId = columns.firstSeenCaptureId[slot]!;
    const contentHash = columns.hashes.toString('hex', slot * HASH_BYTES, (slot + 1) * HASH_BYTES);
    return {
      key,
      scope: this.scope as TrackedItem['scope'],
      kind: item.kind,
      ids: [item.id],
      createdAt: item.createdAt!,
      bucket: this.name,
      status: 'live',
      statusSince: firstSeenAt,
      contentCaptured: true,
      firstSeenAt,
      firstSeenCaptureId,
      lastSeenAt: columns.lastSeenAt[slot]!,
      lastSeenCaptureId: columns.lastSeenCaptureId[slot]!,
      versions: [{ item, contentHash, firstSeenAt, firstSeenCaptureId }],
    };
  }

  private writeHash(slot: number, hex: string): void {
    let hashes = this.own('hashes');
    const end = (slot + 1) * HASH_BYTES;
    if (end > hashes.length) {
      const grown = Buffer.alloc(Math.max(end, hashes.length * 2));
      hashes.copy(grown);
      this.columns.hashes = hashes = grown;
    }
    hashes.write(hex, slot * HASH_BYTES, HASH_BYTES, 'hex');
  }

  private own<C extends ColumnName>(column: C): Columns[C] {
    if ((this.owned & COLUMN_BIT[column]) === 0) {
      const current = this.columns[column];
      const copied = (current instanceof Map ? new Map(current) : Buffer.isBuffer(current) ? Buffer.from(current) : [...(current as unknown[])]) as Columns[C];
      this.columns = { ...this.columns, [column]: copied };
      this.owned |= COLUMN_BIT[column];
    }
    return this.columns[column];
  }

  private forget(): void {
    this.lastKey = undefined;
    this.lastValue = undefined;
  }
}

function bucketOf(target: object): PackedBucket {
  return views.get(target)!;
}

const READ_ONLY = 'an account state is read-only: functions of the deletion machine return a new state instead';

// The view answers as a plain record would; writes are refused (states are never mutated).
const VIEW_HANDLER: ProxyHandler<Record<string, TrackedItem>> = {
  get: (target, key) => (typeof key === 'string' ? bucketOf(target).get(key) : undefined),
  has: (target, key) => typeof key === 'string' && bucketOf(target).has(key),
  ownKeys: (target) => [...bucketOf(target).keys()],
  getOwnPropertyDescriptor: (target, key) => {
    if (typeof key !== 'string') return undefined;
    const value = bucketOf(target).get(key);
    return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
  },
  set: () => {
    throw new TypeError(READ_ONLY);
  },
  deleteProperty: () => {
    throw new TypeError(READ_ONLY);
  },
  defineProperty: () => {
    throw new TypeError(READ_ONLY);
  },
};
