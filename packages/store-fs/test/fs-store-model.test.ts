import fc from 'fast-check';
import { createMemoryStore } from '@sipansos/core';
import { type EvidenceStoreV1, type RecordQueryV1 } from '@sipansos/core/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureAudit, fixtureCase, fixtureChange, fixtureFinding } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { temporaryDir } from './store-test-helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

const fixedClock = () => new Date('2024-11-20T01:00:00.000Z');

type Operation =
  | { type: 'finding'; id: number; subject: number; category: 0 | 1; minute: number }
  | { type: 'change'; id: number; handle: number; edited: boolean }
  | { type: 'case'; id: number; version: number; kajian: boolean }
  | { type: 'audit'; ids: number[] }
  | { type: 'query'; kind: 'finding' | 'change' | 'case' | 'audit'; query: RecordQueryV1 }
  | { type: 'reopen' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ type: fc.constant('finding' as const), id: fc.nat(6), subject: fc.nat(2), category: fc.constantFrom(0 as const, 1 as const), minute: fc.nat(60) }),
  fc.record({ type: fc.constant('change' as const), id: fc.nat(6), handle: fc.nat(2), edited: fc.boolean() }),
  fc.record({ type: fc.constant('case' as const), id: fc.nat(2), version: fc.integer({ min: 1, max: 5 }), kajian: fc.boolean() }),
  fc.record({ type: fc.constant('audit' as const), ids: fc.array(fc.nat(8), { minLength: 1, maxLength: 3 }) }),
  fc.record({
    type: fc.constant('query' as const),
    kind: fc.constantFrom('finding' as const, 'change' as const, 'case' as const, 'audit' as const),
    query: fc.record(
      {
        subjectId: fc.constantFrom('S-0', 'S-1'),
        accountKey: fc.constantFrom('x:@h0', 'x:@h1'),
        category: fc.constantFrom('neutrality', 'hoax', 'added', 'edited'),
        state: fc.constantFrom('temuan', 'kajian_awal'),
        from: fc.nat(60).map((minute) => new Date(Date.parse('2024-11-20T01:00:00Z') + minute * 60_000).toISOString()),
        afterSeq: fc.nat(5),
        limit: fc.integer({ min: 1, max: 4 }),
        allVersions: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.constant({ type: 'reopen' as const }),
);

async function apply(store: EvidenceStoreV1, op: Operation): Promise<unknown> {
  const outcome = (result: { isOk(): boolean; _unsafeUnwrap(): unknown; _unsafeUnwrapErr(): unknown }) =>
    result.isOk() ? { ok: result._unsafeUnwrap() } : { err: (result._unsafeUnwrapErr() as { type: string }).type };
  switch (op.type) {
    case 'finding':
      return outcome(await store.append('finding', [fixtureFinding({ id: `F-${op.id}`, subjectId: `S-${op.subject}`, category: op.category ? 'hoax' : 'neutrality', minute: op.minute, handle: `h${op.subject}` })]));
    case 'change':
      return outcome(await store.append('change', [fixtureChange({ id: `CH-${op.id}`, handle: `h${op.handle}`, type: op.edited ? 'edited' : 'added' })]));
    case 'case':
      return outcome(await store.append('case', [fixtureCase({ id: `K-${op.id}`, version: op.version, state: op.kajian ? 'kajian_awal' : 'temuan' })]));
    case 'audit':
      return outcome(await store.append('audit', op.ids.map((id) => fixtureAudit({ id: `A-${id}` }))));
    case 'query':
      return outcome(await store.query(op.kind, op.query));
    case 'reopen':
      return undefined;
  }
}

describe('store-fs behaves as the in-memory store', () => {
  it('gives the same answers, entry for entry and hash for hash, to any sequence of appends and reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const memory = createMemoryStore({ now: fixedClock });
        const { dir, cleanup } = temporaryDir();
        cleanups.push(cleanup);
        let fs: EvidenceStoreV1 = createFsStore({ dir, now: fixedClock, fsync: async () => {} });
        try {
          for (const op of operations) {
            if (op.type === 'reopen') {
              await fs.close();
              fs = createFsStore({ dir, now: fixedClock, fsync: async () => {} });
              continue;
            }
            expect(await apply(fs, op), JSON.stringify(op)).toEqual(await apply(memory, op));
          }
          expect((await fs.verify())._unsafeUnwrap().problems).toEqual([]);
        } finally {
          await fs.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
