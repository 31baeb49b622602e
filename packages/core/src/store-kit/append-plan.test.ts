import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonOrThrow } from '../hashing/canonical-json.js';
import { sha256Hex } from '../hashing/sha256.js';
import { planAppend, type AppendPlanContext } from './append-plan.js';
import { checkRecordChain, GENESIS_HASH, storedRecordLine } from './record-chain.js';

function audit(index: number, note = `catatan ${index}`) {
  return { id: `A-${index}`, at: '2024-11-20T08:00:00Z', actor: 'petugas', action: 'test.plan', details: { note } };
}

function context(appendedAt: string, prevHash = GENESIS_HASH, seq = 0): AppendPlanContext {
  return { tip: { seq, entryHash: prevHash }, appendedAt, findExisting: () => undefined };
}

describe('planAppend', () => {
  it('planned lines are the canonical stored lines, whether or not the link fields need escapes', () => {
    const text = fc.oneof(fc.constantFrom('2024-11-21T00:00:00.000Z', GENESIS_HASH, 'a'.repeat(64)), fc.string({ unit: 'binary', maxLength: 12 }));
    fc.assert(
      fc.property(text, text, fc.nat({ max: 1000 }), fc.string({ unit: 'binary', maxLength: 20 }), (appendedAt, prevHash, seq, note) => {
        const plan = planAppend('audit', [audit(1, note), audit(2)], context(appendedAt, prevHash, seq))._unsafeUnwrap();
        for (const entry of plan.entries) {
          expect(entry.line).toBe(storedRecordLine(entry.stored));
          expect(entry.lineHead + entry.recordCanonical + entry.lineTail).toBe(entry.line);
          expect(entry.line).toBe(canonicalJsonOrThrow(entry.stored));
        }
        expect(plan.entries[1]!.stored.prevHash).toBe(plan.entries[0]!.stored.entryHash);
        if (seq === 0 && prevHash === GENESIS_HASH) expect(checkRecordChain(plan.entries.map((entry) => entry.stored), { kind: 'audit' }).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a store that hashes records itself is asked once per record, and its answer is the record hash', () => {
    const asked: string[] = [];
    const plan = planAppend('audit', [audit(1), audit(2), audit(1)], {
      ...context('2024-11-21T00:00:00.000Z'),
      hashRecord: (canonical) => {
        asked.push(canonical);
        return sha256Hex(canonical);
      },
    })._unsafeUnwrap();
    expect(asked).toEqual([audit(1), audit(2), audit(1)].map((record) => canonicalJsonOrThrow(record)));
    expect(plan.entries.map((entry) => entry.stored.recordHash)).toEqual(asked.slice(0, 2).map((canonical) => sha256Hex(canonical)));
    expect(plan.outcomes).toEqual([
      { type: 'new', index: 0 },
      { type: 'new', index: 1 },
      { type: 'new', index: 0 },
    ]);
  });
});
