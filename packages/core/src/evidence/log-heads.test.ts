import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../store-kit/record-chain.js';
import type { RecordKind } from '../records/record-kinds.js';
import { compareLogHeads, logHeadsOf } from './log-heads.js';

const hash = (fill: string) => fill.repeat(64);

describe('log heads', () => {
  const logs: Record<string, string[]> = { finding: [hash('1'), hash('2'), hash('3')], audit: [hash('a')] };
  const source = { length: (kind: RecordKind) => logs[kind]?.length ?? 0, entryHashAt: (kind: RecordKind, seq: number) => logs[kind]?.[seq - 1] };
  const heads = logHeadsOf((kind) => {
    const entries = logs[kind];
    return entries && entries.length > 0 ? { seq: entries.length, entryHash: entries.at(-1)! } : undefined;
  });

  it('takes each log last entry, or the genesis head for an empty log', () => {
    expect(heads.finding).toEqual({ seq: 3, entryHash: hash('3') });
    expect(heads.capture).toEqual({ seq: 0, entryHash: GENESIS_HASH });
    expect(compareLogHeads(heads, source, 'checkpoint 1')).toEqual([]);
  });

  it('names the log and entry that is missing or changed; later entries are not a problem', () => {
    const shorter = { ...source, length: (kind: RecordKind) => (kind === 'finding' ? 2 : source.length(kind)) };
    expect(compareLogHeads(heads, shorter, 'checkpoint 1')).toEqual([expect.objectContaining({ kind: 'finding', seq: 3, type: 'missing', message: expect.stringMatching(/finding log holds 2 entries but checkpoint 1 signed 3: entry 3 was removed/) })]);
    const changed = { ...source, entryHashAt: (kind: RecordKind, seq: number) => (kind === 'audit' ? hash('f') : source.entryHashAt(kind, seq)) };
    expect(compareLogHeads(heads, changed, 'checkpoint 1')).toEqual([expect.objectContaining({ kind: 'audit', seq: 1, type: 'changed', expected: hash('a'), found: hash('f') })]);
    const longer = { ...source, length: (kind: RecordKind) => source.length(kind) + 5 };
    expect(compareLogHeads(heads, longer, 'checkpoint 1')).toEqual([]);
  });
});
