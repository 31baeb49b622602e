import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureAudit } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { flipBit, lineRanges, temporaryDir } from './store-test-helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A closed store with three acknowledged audit entries; returns its dir and the log's bytes. */
async function storeWithThreeEntries(): Promise<{ dir: string; log: string; original: Buffer }> {
  const temporary = temporaryDir();
  cleanup = temporary.cleanup;
  const store = createFsStore({ dir: temporary.dir });
  (await store.append('audit', [fixtureAudit({ id: 'A-1' }), fixtureAudit({ id: 'A-2' })]))._unsafeUnwrap();
  (await store.append('audit', [fixtureAudit({ id: 'A-3', note: 'x' })]))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  const log = path.join(temporary.dir, 'logs', 'audit.jsonl');
  return { dir: temporary.dir, log, original: readFileSync(log) };
}

// These trials test recovery logic, not the disk: skipping fsync keeps hundreds of opens fast.
const noFsync = async () => {};

async function reopenAndRead(dir: string, withVerify = true) {
  const store = createFsStore({ dir, fsync: noFsync });
  const report = (await store.open())._unsafeUnwrap();
  const entries = (await store.query('audit'))._unsafeUnwrap();
  const ids = entries.map((entry) => entry.id);
  const verify = withVerify ? (await store.verify())._unsafeUnwrap() : undefined;
  (await store.close())._unsafeUnwrap();
  return { report, ids, verify, entries };
}

describe('recovery on open', () => {
  it('a torn last record, cut at every byte offset, recovers to exactly the entries before it, says so and audits it', async () => {
    const { dir, log, original } = await storeWithThreeEntries();
    const [start, end] = lineRanges(log)[2]!;
    for (let cut = start; cut <= end + 1; cut++) {
      writeFileSync(log, original.subarray(0, cut));
      // verify on a sample: the exact file content below already pins the recovered prefix.
      const { report, ids, verify, entries } = await reopenAndRead(dir, cut % 16 === 0);
      if (cut === start || cut === end + 1) {
        // Nothing torn: a clean boundary.
        expect(report.recovered).toEqual([]);
        expect(ids).toEqual(cut === start ? ['A-1', 'A-2'] : ['A-1', 'A-2', 'A-3']);
      } else {
        expect(ids.slice(0, 2), `cut at ${cut}`).toEqual(['A-1', 'A-2']);
        expect(report.recovered).toEqual([expect.objectContaining({ file: 'logs/audit.jsonl', droppedBytes: cut - start, lastGoodSeq: 2 })]);
        // The cut is itself recorded in the audit log, as entry 3.
        expect(entries[2]).toMatchObject({ seq: 3, record: { action: 'store.tail_recovered', details: { file: 'logs/audit.jsonl', droppedBytes: cut - start, lastGoodSeq: 2 } } });
        expect(readFileSync(log).subarray(0, start)).toEqual(original.subarray(0, start));
      }
      if (verify) expect(verify.problems).toEqual([]);
      expect(report.readOnly).toBe(false);
    }
  });

  it('a single-bit flip anywhere in the last complete record is not cut: the store opens read-only naming it', async () => {
    const { dir, log, original } = await storeWithThreeEntries();
    const [start, end] = lineRanges(log)[2]!;
    for (let offset = start; offset < end; offset++) {
      writeFileSync(log, original);
      flipBit(log, offset, offset % 7);
      const flipped = readFileSync(log);
      const store = createFsStore({ dir, fsync: noFsync });
      const report = (await store.open())._unsafeUnwrap();
      expect(report.readOnly, `flip at ${offset}`).toBe(true);
      expect(report.recovered).toEqual([]);
      expect(report.damaged).toEqual([expect.objectContaining({ file: 'logs/audit.jsonl', seq: 3, message: expect.stringMatching(/complete line.*verify --repair/) })]);
      expect((await store.append('audit', [fixtureAudit({ id: 'A-4' })]))._unsafeUnwrapErr()).toMatchObject({ type: 'read_only', message: expect.stringMatching(/entry 3/) });
      if (offset % 16 === 0) expect((await store.verify())._unsafeUnwrap().problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'logs/audit.jsonl', seq: 3 })]));
      (await store.close())._unsafeUnwrap();
      expect(readFileSync(log)).toEqual(flipped);
    }
    expect(readdirSync(dir)).not.toContain('recovered');
  });

  it('damage before the tail opens the store read-only, naming the entry, and writes are refused', async () => {
    const { dir, log } = await storeWithThreeEntries();
    const [start] = lineRanges(log)[0]!;
    flipBit(log, start + 40);
    const store = createFsStore({ dir });
    const report = (await store.open())._unsafeUnwrap();
    expect(report.readOnly).toBe(true);
    expect(report.damaged).toEqual([expect.objectContaining({ file: 'logs/audit.jsonl', seq: 1 })]);
    expect((await store.append('audit', [fixtureAudit({ id: 'A-4' })]))._unsafeUnwrapErr()).toMatchObject({ type: 'read_only' });
    expect((await store.putBlob(new Uint8Array([1])))._unsafeUnwrapErr().type).toBe('read_only');
    const verify = (await store.verify())._unsafeUnwrap();
    expect(verify.problems[0]).toMatchObject({ file: 'logs/audit.jsonl', seq: 1 });
    (await store.close())._unsafeUnwrap();
    // Nothing was cut: the damaged file is left for a person to examine.
    expect(readFileSync(log).length).toBe(lineRanges(log)[2]![1] + 1);
  });

  it('a reader never cuts a torn tail, it only reports it', async () => {
    const { dir, log, original } = await storeWithThreeEntries();
    writeFileSync(log, original.subarray(0, original.length - 5));
    const reader = createFsStore({ dir, readOnly: true });
    const report = (await reader.open())._unsafeUnwrap();
    expect(report.recovered[0]).toMatchObject({ file: 'logs/audit.jsonl', lastGoodSeq: 2 });
    expect((await reader.query('audit'))._unsafeUnwrap()).toHaveLength(2);
    (await reader.close())._unsafeUnwrap();
    expect(readFileSync(log).length).toBe(original.length - 5);
  });

  it('leftover temporary blob files from a crash are removed on open', async () => {
    const { dir } = await storeWithThreeEntries();
    copyFileSync(path.join(dir, 'STORE.json'), path.join(dir, 'blobs', 'tmp', 'deadbeef.tmp'));
    await reopenAndRead(dir);
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  });
});
