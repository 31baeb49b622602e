import { afterEach, describe, expect, it } from 'vitest';
import { fixtureAudit } from '@sipansos/testkit';
import { createFsStore, defaultFsync, type FsyncFunction } from '../src/index.js';
import { temporaryDir } from './store-test-helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** An fsync that works until armed, then fails like a dying disk. */
function faultyFsync(): { fsync: FsyncFunction; arm(): void; calls(): number } {
  let armed = false;
  let calls = 0;
  return {
    fsync: async (handle, file) => {
      calls++;
      if (armed) throw Object.assign(new Error(`EIO: i/o error, fsync '${file}'`), { code: 'EIO' });
      await defaultFsync(handle, file);
    },
    arm: () => {
      armed = true;
    },
    calls: () => calls,
  };
}

describe('injected fsync failure', () => {
  it('acknowledges nothing of the failed batch, refuses later writes, and loses nothing earlier', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const fault = faultyFsync();
    const store = createFsStore({ dir: temporary.dir, fsync: fault.fsync });
    const before = (await store.append('audit', [fixtureAudit({ id: 'A-1' }), fixtureAudit({ id: 'A-2' })]))._unsafeUnwrap();
    const blob = (await store.putBlob(new Uint8Array([1, 2, 3])))._unsafeUnwrap();
    fault.arm();
    const during = await Promise.all(Array.from({ length: 20 }, (_, index) => store.append('audit', [fixtureAudit({ id: `B-${index}` })])));
    for (const result of during) expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'not_durable', cause: 'EIO' });
    // The store stays refusing, even for writes that would not need the failed fsync.
    expect((await store.append('audit', [fixtureAudit({ id: 'C-1' })]))._unsafeUnwrapErr().type).toBe('not_durable');
    expect((await store.putBlob(new Uint8Array([9])))._unsafeUnwrapErr().type).toBe('not_durable');
    // Reads still answer, and show only what was acknowledged.
    expect((await store.query('audit'))._unsafeUnwrap().map((entry) => entry.id)).toEqual(['A-1', 'A-2']);
    await store.close();

    const reopened = createFsStore({ dir: temporary.dir });
    const report = (await reopened.open())._unsafeUnwrap();
    expect(report.damaged).toEqual([]);
    const after = (await reopened.query('audit'))._unsafeUnwrap();
    expect(after.slice(0, 2)).toEqual(before);
    expect(after.map((entry) => entry.id)).toEqual(['A-1', 'A-2']);
    expect((await reopened.getBlob(blob.sha256))._unsafeUnwrap()).toEqual(new Uint8Array([1, 2, 3]));
    expect((await reopened.verify())._unsafeUnwrap().problems).toEqual([]);
    // Writable again after the reopen.
    expect((await reopened.append('audit', [fixtureAudit({ id: 'B-0' })]))._unsafeUnwrap()[0]!.seq).toBe(3);
    await reopened.close();
  });

  it('with several batches in flight, a failed fsync refuses that batch and every later one, keeping exactly the acknowledged', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    let logFsyncs = 0;
    let armed = false;
    // Slow fsyncs keep several batches in flight; the second batch's fsync fails once the
    // first batch's fsync has finished (so the first batch is acknowledged, deterministically).
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    const fsync: FsyncFunction = async (handle, file) => {
      if (!armed || !file.endsWith('.jsonl')) return defaultFsync(handle, file);
      const call = ++logFsyncs;
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (call === 2) {
        await first;
        throw Object.assign(new Error(`EIO: i/o error, fsync '${file}'`), { code: 'EIO' });
      }
      await defaultFsync(handle, file);
      if (call === 1) firstDone();
    };
    const store = createFsStore({ dir: temporary.dir, fsync });
    (await store.open())._unsafeUnwrap();
    armed = true;
    const results = await Promise.all(Array.from({ length: 600 }, (_, index) => store.append('audit', [fixtureAudit({ id: `P-${index}` })])));
    const acknowledged = results.flatMap((result) => (result.isOk() ? result.value.map((entry) => entry.id) : []));
    const refused = results.filter((result) => result.isErr());
    // More than one batch was written before the failure surfaced, and only a prefix was acknowledged.
    expect(logFsyncs).toBeGreaterThan(2);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged).toEqual(Array.from({ length: acknowledged.length }, (_, index) => `P-${index}`));
    expect(refused.length).toBe(600 - acknowledged.length);
    for (const result of refused) expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'not_durable', cause: 'EIO' });
    expect((await store.query('audit'))._unsafeUnwrap().map((entry) => entry.id)).toEqual(acknowledged);
    await store.close();

    const reopened = createFsStore({ dir: temporary.dir });
    expect((await reopened.open())._unsafeUnwrap().damaged).toEqual([]);
    expect((await reopened.query('audit'))._unsafeUnwrap().map((entry) => entry.id)).toEqual(acknowledged);
    expect((await reopened.verify())._unsafeUnwrap().problems).toEqual([]);
    await reopened.close();
  });

  it('a blob whose fsync fails is not acknowledged and not left in place', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const fault = faultyFsync();
    const store = createFsStore({ dir: temporary.dir, fsync: fault.fsync });
    (await store.open())._unsafeUnwrap();
    fault.arm();
    const bytes = new TextEncoder().encode('badan respons');
    expect((await store.putBlob(bytes))._unsafeUnwrapErr().type).toBe('not_durable');
    await store.close();
    const reopened = createFsStore({ dir: temporary.dir });
    const sha = (await import('@sipansos/core/evidence')).sha256Hex(bytes);
    expect((await reopened.hasBlob(sha))._unsafeUnwrap()).toBe(false);
    await reopened.close();
  });
});
