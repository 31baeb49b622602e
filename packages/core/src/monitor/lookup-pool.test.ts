import { okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { CycleControl } from './cycle-control.js';
import { LookupPool } from './lookup-pool.js';

function poolFor(calls: string[][], unfinishedAccounts: number): { pool: LookupPool; control: CycleControl } {
  const adapter = {
    platform: 'x',
    capabilities: { maxLookupBatch: 2 },
    lookup(ids: readonly string[]) {
      calls.push([...ids]);
      return okAsync({ results: ids.map((id) => ({ id, status: 'gone' as const })), raw: [] });
    },
  } as unknown as PlatformAdapterV1;
  const control = new CycleControl(() => new Date('2024-10-01T00:00:00Z'), 60_000, 0);
  const pool = new LookupPool(adapter, unfinishedAccounts, {
    control,
    storeRaw: () => okAsync([]),
    onWait: () => undefined,
    onCall: () => undefined,
    flushFromMs: Number.POSITIVE_INFINITY,
    stallMs: 60_000,
  });
  return { pool, control };
}

describe('LookupPool', () => {
  it('asks the ids of a call in id order, whichever account asked first, and answers each account only its own', async () => {
    const calls: string[][] = [];
    const { pool, control } = poolFor(calls, 3);
    const first = pool.request('x:2', ['q9']);
    const second = pool.request('x:1', ['q1']);
    const third = pool.request('x:3', ['q7', 'q5']);
    const answers = await Promise.all([first, second, third]);
    control.dispose();
    expect(calls).toEqual([['q1', 'q9'], ['q5', 'q7']]);
    expect(answers.map((answer) => answer.flatMap((part) => (part.kind === 'ok' ? part.results.map((result) => result.id) : [])))).toEqual([['q9'], ['q1'], ['q7', 'q5']]);
  });
});
