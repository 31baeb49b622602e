import { describe, expect, it } from 'vitest';
import { RecordLogIndex } from './record-index.js';

function entry(seq: number, id: string) {
  return { seq, id, entryHash: `e${seq}`, recordHash: `r${seq}`, keys: { id, time: `2024-11-20T08:0${seq % 10}:00Z`, accountKey: 'x:@andi_contoh' }, payload: seq };
}

describe('the record log index', () => {
  it('finds each entry of an append-only log by its id, and every version of an id met again', () => {
    const index = new RecordLogIndex<number>('audit');
    for (const [seq, id] of [[1, 'A'], [2, 'B'], [3, 'A'], [4, 'C'], [5, 'A']] as const) index.add(entry(seq, id));
    expect(index.latest('B')?.seq).toBe(2);
    expect(index.versions('B').map((found) => found.seq)).toEqual([2]);
    expect(index.latest('A')?.seq).toBe(5);
    expect(index.versions('A').map((found) => found.seq)).toEqual([1, 3, 5]);
    expect(index.latest('Z')).toBeUndefined();
    expect(index.versions('Z')).toEqual([]);
    expect(index.query({ accountKey: 'x:@andi_contoh' }).map((found) => found.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a store that says an id is new gets the same index, and loses no version if it was wrong', () => {
    const index = new RecordLogIndex<number>('audit');
    index.add(entry(1, 'A'), true);
    index.add(entry(2, 'B'), true);
    index.add(entry(3, 'A'), true);
    index.add(entry(4, 'A'));
    expect(index.latest('B')?.seq).toBe(2);
    expect(index.versions('B').map((found) => found.seq)).toEqual([2]);
    expect(index.versions('A').map((found) => found.seq)).toEqual([1, 3, 4]);
    expect(index.latest('A')?.seq).toBe(4);
  });

  it('answers a snapshot log with the latest version of each id unless asked for all', () => {
    const index = new RecordLogIndex<number>('case');
    for (const [seq, id] of [[1, 'K-1'], [2, 'K-2'], [3, 'K-1']] as const) index.add(entry(seq, id));
    expect(index.latest('K-1')?.seq).toBe(3);
    expect(index.versions('K-1').map((found) => found.seq)).toEqual([1, 3]);
    expect(index.versions('K-2').map((found) => found.seq)).toEqual([2]);
    expect(index.query({}).map((found) => found.seq)).toEqual([2, 3]);
    expect(index.query({ allVersions: true }).map((found) => found.seq)).toEqual([1, 2, 3]);
  });

  it('reads a time range by instants, whatever the zone the times were written in', () => {
    const index = new RecordLogIndex<number>('audit');
    const times = ['2024-11-20T08:00:00+07:00', '2024-11-20T01:30:00Z', '2024-11-20T10:00:00+07:00', 'not a time'];
    times.forEach((time, position) => index.add({ ...entry(position + 1, `T-${position}`), keys: { id: `T-${position}`, time } }));
    expect(index.entries.map((found) => found.timeMs)).toEqual([Date.UTC(2024, 10, 20, 1), Date.UTC(2024, 10, 20, 1, 30), Date.UTC(2024, 10, 20, 3), Number.NaN]);
    expect(index.query({ from: '2024-11-20T01:15:00Z', to: '2024-11-20T03:00:00Z' }).map((found) => found.seq)).toEqual([2]);
    expect(index.query({ from: '2024-11-20T00:00:00Z' }).map((found) => found.seq)).toEqual([1, 2, 3]);
  });
});
