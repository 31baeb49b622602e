import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJsonOrThrow } from '../hashing/canonical-json.js';
import { RECORD_KINDS } from '../records/record-kinds.js';
import type { StoredRecordV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import { buildStoredRecord, checkRecordChain, checkStoredRecord, computeEntryHash, GENESIS_HASH, storedRecordLine } from './record-chain.js';

function audit(index: number) {
  return { id: `A-${index}`, at: '2024-11-20T08:00:00Z', actor: 'petugas', action: 'test.entry', details: { index, note: 'catatan ✓' } };
}

function chain(length: number): Array<StoredRecordV1<ReturnType<typeof audit>>> {
  const out: Array<StoredRecordV1<ReturnType<typeof audit>>> = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const entry = buildStoredRecord({ kind: 'audit', seq, id: `A-${seq}`, record: audit(seq), prevHash, appendedAt: '2024-11-20T08:00:01.000Z' });
    out.push(entry);
    prevHash = entry.entryHash;
  }
  return out;
}

describe('record hash chain', () => {
  it('the genesis link is 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('the entry hash is sha256 of the canonical JSON of the link fields, as an auditor computes it', () => {
    const input = { seq: 3, kind: 'capture' as const, appendedAt: '2024-11-20T08:00:00.000Z', recordHash: 'a'.repeat(64), prevHash: 'b'.repeat(64) };
    const text = `{"appendedAt":"2024-11-20T08:00:00.000Z","kind":"capture","prevHash":"${'b'.repeat(64)}","recordHash":"${'a'.repeat(64)}","seq":3}`;
    expect(computeEntryHash(input)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('the directly written entry-hash input and the log line are byte-identical to canonical JSON', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(
        fc.record({ seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), kind: fc.constantFrom(...RECORD_KINDS), appendedAt: text, recordHash: text, prevHash: text, id: text }),
        fc.dictionary(text, text, { maxKeys: 4 }),
        ({ id, ...link }, record) => {
          expect(computeEntryHash(link)).toBe(createHash('sha256').update(canonicalJsonOrThrow(link)).digest('hex'));
          const entry = { ...link, id, entryHash: computeEntryHash(link), record };
          expect(storedRecordLine(entry)).toBe(canonicalJsonOrThrow(entry));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a stored line is the canonical JSON of its entry, whatever its fields need escaped', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.stringMatching(/^[0-9a-f]{64}$/));
    fc.assert(
      fc.property(
        fc.record({ seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), kind: fc.constantFrom(...RECORD_KINDS), appendedAt: text, recordHash: text, prevHash: text, entryHash: text, id: text }),
        fc.dictionary(text, fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true })), { maxKeys: 4 }),
        (fields, record) => {
          const entry = { ...fields, record };
          const canonical = canonicalJsonOrThrow(entry);
          expect(storedRecordLine(entry)).toBe(canonical);
          expect(storedRecordLine(entry, canonicalJsonOrThrow(record))).toBe(canonical);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a built chain checks clean and its line is the canonical JSON of the entry', () => {
    const entries = chain(5);
    expect(checkRecordChain(entries, { kind: 'audit' })).toEqual({ problems: [], tip: { seq: 5, entryHash: entries[4]!.entryHash } });
    for (const entry of entries) expect(storedRecordLine(entry)).toBe(canonicalJsonOrThrow(entry));
  });

  it('any change to a record is reported at that entry only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.string({ minLength: 1 }), (position, text) => {
        const entries = chain(6);
        const target = entries[position]!;
        fc.pre(text !== target.record.details.note);
        target.record = { ...target.record, details: { ...target.record.details, note: text } };
        const { problems, tip } = checkRecordChain(entries, { kind: 'audit' });
        expect(problems).toEqual([expect.objectContaining({ type: 'record_hash', seq: position + 1, expected: target.recordHash })]);
        expect(tip.seq).toBe(position);
      }),
      { numRuns: 100 },
    );
  });

  it('a removed, reordered or relinked entry breaks the chain', () => {
    const entries = chain(4);
    const removed = [entries[0]!, entries[2]!, entries[3]!];
    expect(checkRecordChain(removed, { kind: 'audit' }).problems.map((problem) => problem.type)).toEqual(['sequence', 'chain']);
    const relinked = chain(2);
    relinked[1] = { ...relinked[1]!, prevHash: 'f'.repeat(64) };
    expect(checkRecordChain(relinked, { kind: 'audit' }).problems.map((problem) => problem.type)).toEqual(['chain', 'chain']);
  });

  it('a stored line that is not byte-for-byte canonical is reported even when it parses the same', () => {
    const [entry] = chain(1);
    const line = storedRecordLine(entry!).replace('"actor":"petugas"', '"actor": "petugas"');
    const problems = checkStoredRecord(JSON.parse(line) as StoredRecordV1<unknown>, { seq: 0, entryHash: GENESIS_HASH }, { kind: 'audit', file: 'logs/audit.jsonl' }, line);
    expect(problems).toEqual([expect.objectContaining({ type: 'record_hash', file: 'logs/audit.jsonl', seq: 1 })]);
  });
});
