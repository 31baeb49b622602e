import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedRecordLine, type AuditEntry } from '@sipansos/core/evidence';
import { createFsStore } from '../src/index.js';
import { temporaryDir } from './store-test-helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Text with 1-, 2-, 3- and 4-byte UTF-8 characters and characters JSON must escape. */
function note(index: number): string {
  return `catatan ${index}: pengawas "Bawaslu" menilai \\ netralitas ✓ é 🗳️ \u0001 \u2028 `.repeat(8 + (index % 5));
}

function audit(index: number): AuditEntry {
  return { id: `A-${index}`, at: '2024-11-20T01:00:00.000Z', actor: 'petugas-contoh', action: 'test.batch', target: { kind: 'capture', id: `C-${index}` }, details: { note: note(index), index } };
}

describe('group-committed batches are written as the exact canonical lines', () => {
  it('concurrent appends of multi-byte text land byte-for-byte as one canonical line each, readable by offset and after reopening', async () => {
    const { dir, cleanup } = temporaryDir();
    cleanups.push(cleanup);
    const store = createFsStore({ dir });
    (await store.open())._unsafeUnwrap();
    // About 300 KiB in one batch: the batch buffer must grow several times.
    const results = await Promise.all(Array.from({ length: 400 }, (_, index) => store.append('audit', [audit(index)])));
    const stored = results.map((result) => result._unsafeUnwrap()[0]!).sort((a, b) => a.seq - b.seq);
    expect(stored.map((entry) => entry.seq)).toEqual(Array.from({ length: 400 }, (_, index) => index + 1));

    const expected = stored.map((entry) => `${storedRecordLine(entry)}\n`).join('');
    expect(readFileSync(path.join(dir, 'logs', 'audit.jsonl'))).toEqual(Buffer.from(expected, 'utf8'));

    for (const index of [0, 1, 199, 398, 399]) {
      expect((await store.get('audit', `A-${index}`))._unsafeUnwrap()?.record).toEqual(audit(index));
    }
    (await store.close())._unsafeUnwrap();

    const reopened = createFsStore({ dir, readOnly: true });
    const report = (await reopened.open())._unsafeUnwrap();
    expect(report.recovered).toEqual([]);
    expect(report.damaged).toEqual([]);
    expect((await reopened.verify())._unsafeUnwrap().ok).toBe(true);
    const all = (await reopened.query('audit'))._unsafeUnwrap();
    expect(all.map((entry) => entry.record)).toEqual(stored.map((entry) => entry.record));
    (await reopened.close())._unsafeUnwrap();
  });

  it('an id appended twice while its first append waits for the fsync resolves to the same entry, written once', async () => {
    const { dir, cleanup } = temporaryDir();
    cleanups.push(cleanup);
    const store = createFsStore({ dir });
    (await store.open())._unsafeUnwrap();
    const [first, again] = await Promise.all([store.append('audit', [audit(7)]), store.append('audit', [audit(7), audit(8)])]);
    expect(again._unsafeUnwrap()[0]).toEqual(first._unsafeUnwrap()[0]);
    expect(again._unsafeUnwrap()[1]!.seq).toBe(2);
    expect(readFileSync(path.join(dir, 'logs', 'audit.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    (await store.close())._unsafeUnwrap();
  });
});
