import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureAudit } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { temporaryDir } from './store-test-helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The pid of a process that has exited (so it is certainly dead). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('single writer lock', () => {
  it('a second writer gets a typed locked error naming the holder; readers open alongside', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const writer = createFsStore({ dir: temporary.dir });
    (await writer.append('audit', [fixtureAudit({ id: 'A-1' })]))._unsafeUnwrap();
    const second = createFsStore({ dir: temporary.dir });
    const error = (await second.open())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'locked', holder: { pid: process.pid, host: hostname() } });
    expect((await second.append('audit', [fixtureAudit({ id: 'A-2' })]))._unsafeUnwrapErr().type).toBe('locked');
    const reader = createFsStore({ dir: temporary.dir, readOnly: true });
    expect((await reader.open())._unsafeUnwrap().readOnly).toBe(true);
    expect((await reader.get('audit', 'A-1'))._unsafeUnwrap()?.id).toBe('A-1');
    expect((await reader.append('audit', [fixtureAudit({ id: 'A-3' })]))._unsafeUnwrapErr().type).toBe('read_only');
    (await writer.close())._unsafeUnwrap();
    // Once the writer is gone, the lock is free.
    expect((await second.open())._unsafeUnwrap().readOnly).toBe(false);
    await second.close();
    await reader.close();
  });

  it('a stale lock of a dead process on this host is taken over, reported and logged', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const first = createFsStore({ dir: temporary.dir });
    (await first.open())._unsafeUnwrap();
    await first.close();
    const pid = deadPid();
    writeFileSync(path.join(temporary.dir, 'LOCK'), JSON.stringify({ pid, host: hostname(), since: '2024-11-20T01:00:00.000Z' }));
    const store = createFsStore({ dir: temporary.dir });
    const report = (await store.open())._unsafeUnwrap();
    expect(report.staleLockTakenOver).toEqual({ pid, host: hostname(), since: '2024-11-20T01:00:00.000Z' });
    const audit = (await store.query('audit'))._unsafeUnwrap();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.record).toMatchObject({ action: 'store.lock_taken_over', details: { pid, host: hostname() } });
    await store.close();
  });

  it('a lock held from another host is never taken over', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const first = createFsStore({ dir: temporary.dir });
    (await first.open())._unsafeUnwrap();
    await first.close();
    writeFileSync(path.join(temporary.dir, 'LOCK'), JSON.stringify({ pid: deadPid(), host: 'kantor-lain.example', since: '2024-11-20T01:00:00.000Z' }));
    const error = (await createFsStore({ dir: temporary.dir }).open())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'locked', holder: { host: 'kantor-lain.example' } });
  });

  it('refuses to turn a non-empty directory that is not a store into one', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    writeFileSync(path.join(temporary.dir, 'catatan.txt'), 'bukan store');
    expect((await createFsStore({ dir: temporary.dir }).open())._unsafeUnwrapErr().type).toBe('invalid_input');
    expect((await createFsStore({ dir: path.join(temporary.dir, 'none'), readOnly: true }).open())._unsafeUnwrapErr().type).toBe('not_found');
  });

  it('names a malformed setting at construction', () => {
    expect(() => createFsStore({} as never)).toThrow(/dir is required/);
    expect(() => createFsStore({ dir: 'x', signingKeyPem: 'keys/office-ed25519.pem' })).toThrow(/signingKeyPem/);
  });
});
