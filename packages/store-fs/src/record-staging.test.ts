import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RecordStaging } from './record-staging.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('records staged while they are planned', () => {
  it('hashes each record over its UTF-8 bytes and hands those bytes back in order, skipping ones not taken', () => {
    const staging = new RecordStaging();
    staging.reset();
    const records = ['{"a":"satu ✓"}', '{"b":"dua 🗳️"}', '{"c":"tiga é"}', '{"d":"\ud800 sendiri"}'];
    const hashes = records.map((record) => staging.hashRecord(record));
    expect(hashes).toEqual(records.map(sha256));
    const target = Buffer.alloc(100, 0xee);
    // The second record was planned away (already stored): the third is still found.
    const first = staging.take(hashes[0]!, target, 0)!;
    const third = staging.take(hashes[2]!, target, first)!;
    expect(target.subarray(0, first + third).toString('utf8')).toBe(records[0]! + records[2]!);
    expect(target[first + third]).toBe(0xee);
    // Taken or never staged: the caller encodes the string itself.
    expect(staging.take(hashes[0]!, target, 0)).toBeUndefined();
    expect(staging.take(sha256('other'), target, 0)).toBeUndefined();
  });

  it('grows for a large record and forgets everything on reset', () => {
    const staging = new RecordStaging();
    staging.reset();
    const small = staging.hashRecord('{"kecil":1}');
    const large = `{"besar":"${'é'.repeat(200_000)}"}`;
    const hash = staging.hashRecord(large);
    expect(hash).toBe(sha256(large));
    const target = Buffer.alloc(500_000);
    const copied = staging.take(small, target, 0)!;
    expect(staging.take(hash, target, copied)).toBe(Buffer.byteLength(large));
    expect(target.subarray(copied, copied + Buffer.byteLength(large)).toString('utf8')).toBe(large);
    staging.reset();
    expect(staging.take(hash, target, 0)).toBeUndefined();
  });
});
