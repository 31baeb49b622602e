import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item } from '../capture/item-schema.js';
import { itemContentHash } from '../diff/item-content.js';
import type { TrackedItem } from './account-state.js';
import { PackedBucket } from './packed-bucket.js';

const BUCKET = 'timeline/2026-03-01';
const CAPTURE_AT = ['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z'];

function post(id: number, text = `Kegiatan posyandu ke-${id}`): Item {
  return { platform: 'x', id: String(5000 + id), kind: 'post', author: { id: '77', handle: 'sari_contoh' }, createdAt: `2026-03-01T0${id % 10}:00:00.000Z`, text, media: [], links: [], hashtags: [], mentions: [] };
}

/** A tracked item as `observeCapture` writes a new one. */
function plain(id: number, seen = 0): TrackedItem {
  const item = post(id);
  return {
    key: `x:${item.id}`,
    scope: 'timeline',
    kind: 'post',
    ids: [item.id],
    createdAt: item.createdAt!,
    bucket: BUCKET,
    status: 'live',
    statusSince: CAPTURE_AT[0]!,
    contentCaptured: true,
    firstSeenAt: CAPTURE_AT[0]!,
    firstSeenCaptureId: 'cap-0',
    lastSeenAt: CAPTURE_AT[seen]!,
    lastSeenCaptureId: `cap-${seen}`,
    versions: [{ item, contentHash: itemContentHash(item), firstSeenAt: CAPTURE_AT[0]!, firstSeenCaptureId: 'cap-0' }],
  };
}

/** Items that must be kept whole: each differs from a plain one in one way. */
const NOT_PLAIN: Array<[string, (id: number) => TrackedItem]> = [
  ['missing', (id) => ({ ...plain(id), status: 'missing', statusSince: CAPTURE_AT[1]!, episode: { firstMissingAt: CAPTURE_AT[1]!, firstMissingCaptureId: 'cap-1', missingCaptures: [], missingCaptureCount: 1, completeMisses: 1, lookups: [], steps: [] } })],
  ['two versions', (id) => ({ ...plain(id), versions: [...plain(id).versions, { ...plain(id).versions[0]!, item: post(id, 'diubah'), contentHash: itemContentHash(post(id, 'diubah')) }] })],
  ['a target', (id) => ({ ...plain(id), targetId: '42' })],
  ['another member order', (id) => {
    const { key, ...rest } = plain(id);
    return { ...rest, key };
  }],
  ['no creation time', (id) => {
    const { createdAt: _createdAt, ...rest } = plain(id);
    return rest;
  }],
  ['an upper-case hash', (id) => ({ ...plain(id), versions: [{ ...plain(id).versions[0]!, contentHash: plain(id).versions[0]!.contentHash.toUpperCase() }] })],
  ['another scope', (id) => ({ ...plain(id), scope: 'likes' })],
];

describe('a packed bucket', () => {
  it('gives back a plain item equal to what was put, member order included', () => {
    const bucket = PackedBucket.empty(BUCKET);
    const item = plain(1);
    bucket.put(item);
    expect(JSON.stringify(bucket.get(item.key))).toBe(JSON.stringify(item));
    expect(bucket.get(item.key)!.versions[0]!.item).toBe(item.versions[0]!.item);
  });

  it.each(NOT_PLAIN)('keeps an item with %s whole', (_name, make) => {
    const bucket = PackedBucket.empty(BUCKET);
    const item = make(2);
    bucket.put(item);
    expect(bucket.get(item.key)).toBe(item);
    expect(bucket.plainItemOf(item.key)).toBeUndefined();
    expect(JSON.stringify(bucket.view())).toBe(JSON.stringify({ [item.key]: item }));
  });

  it('marks a plain item seen in a copy, leaving the original as it was', () => {
    const original = PackedBucket.fromRecord(BUCKET, { [plain(1).key]: plain(1), [plain(2).key]: plain(2) });
    const copy = original.copy();
    expect(copy.markSeen(plain(1).key, CAPTURE_AT[2]!, 'cap-2')).toBe(true);
    expect(JSON.stringify(copy.get(plain(1).key))).toBe(JSON.stringify(plain(1, 2)));
    expect(JSON.stringify(original.get(plain(1).key))).toBe(JSON.stringify(plain(1)));
    copy.put(NOT_PLAIN[0]![1](3));
    expect(original.has(plain(3).key)).toBe(false);
    expect(copy.size).toBe(3);
  });

  it('refuses to mark seen an item it keeps whole, so the caller writes it', () => {
    const bucket = PackedBucket.empty(BUCKET);
    bucket.put(NOT_PLAIN[1]![1](4));
    expect(bucket.markSeen(plain(4).key, CAPTURE_AT[2]!, 'cap-2')).toBe(false);
    expect(bucket.markSeen('x:nope', CAPTURE_AT[2]!, 'cap-2')).toBe(false);
  });

  it('is seen as a read-only plain record: keys, spread, JSON, `in`, inspect', () => {
    const bucket = PackedBucket.fromRecord(BUCKET, { [plain(1).key]: plain(1), [plain(2).key]: NOT_PLAIN[0]![1](2) });
    const view = bucket.view();
    expect(PackedBucket.of(view)).toBe(bucket);
    expect(Object.keys(view)).toEqual([plain(1).key, plain(2).key]);
    expect(plain(1).key in view).toBe(true);
    expect('x:nope' in view).toBe(false);
    expect(Object.getPrototypeOf(view)).toBeNull();
    expect(JSON.parse(JSON.stringify({ ...view }))).toEqual(JSON.parse(JSON.stringify(view)));
    expect(inspect(view, { depth: 1 })).toContain(plain(1).key);
    expect(() => {
      (view as Record<string, TrackedItem>)[plain(3).key] = plain(3);
    }).toThrow(/read-only/);
    expect(() => {
      delete (view as Record<string, TrackedItem>)[plain(1).key];
    }).toThrow(/read-only/);
  });

  it('serialises as a plain record given the same writes would, through any sequence of writes', () => {
    const write = fc.oneof(
      fc.record({ op: fc.constant('plain' as const), id: fc.integer({ min: 0, max: 12 }), seen: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ op: fc.constant('whole' as const), id: fc.integer({ min: 0, max: 12 }), kind: fc.integer({ min: 0, max: NOT_PLAIN.length - 1 }) }),
      fc.record({ op: fc.constant('seen' as const), id: fc.integer({ min: 0, max: 12 }), seen: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ op: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ op: fc.constant('copy' as const) }),
    );
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), (writes) => {
        let bucket = PackedBucket.empty(BUCKET);
        const record = Object.create(null) as Record<string, TrackedItem>;
        const frozen: Array<[PackedBucket, string]> = [];
        for (const step of writes) {
          if (step.op === 'copy') {
            frozen.push([bucket, JSON.stringify(bucket.view())]);
            bucket = bucket.copy();
            continue;
          }
          const key = plain(step.id).key;
          if (step.op === 'plain') record[key] = plain(step.id, step.seen);
          else if (step.op === 'whole') record[key] = NOT_PLAIN[step.kind]![1](step.id);
          else if (step.op === 'remove') delete record[key];
          if (step.op === 'seen') {
            const current = record[key];
            if (current === undefined) continue;
            const next = { ...current, lastSeenAt: CAPTURE_AT[step.seen]!, lastSeenCaptureId: `cap-${step.seen}` };
            record[key] = next;
            if (!bucket.markSeen(key, next.lastSeenAt, next.lastSeenCaptureId)) bucket.put(next);
          } else if (step.op === 'remove') bucket.remove(key);
          else bucket.put(record[key]!);
          expect(JSON.stringify(bucket.view())).toBe(JSON.stringify(record));
          expect(bucket.size).toBe(Object.keys(record).length);
        }
        // Earlier versions of the bucket never change with later writes.
        for (const [earlier, json] of frozen) expect(JSON.stringify(earlier.view())).toBe(json);
      }),
      { numRuns: 300 },
    );
  });
});
