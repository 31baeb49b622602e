import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, checkPassword, readUsersFile, updateUser } from './users-file.js';

describe('users file', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps an Argon2id hash, never the password, in a file only the owner can read', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-users-'));
    const file = path.join(dir, 'users.json');
    const added = await addUser(file, { username: 'admin', role: 'admin', password: 'kata-sandi-rekaan-1' });
    expect(added.isOk()).toBe(true);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('kata-sandi-rekaan-1');
    expect(text).toContain('$argon2id$');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const users = (await readUsersFile(file))._unsafeUnwrap();
    expect((await checkPassword(users, 'admin', 'kata-sandi-rekaan-1'))?.role).toBe('admin');
    expect(await checkPassword(users, 'admin', 'kata-sandi-salah-1')).toBeUndefined();
    expect(await checkPassword(users, 'nobody', 'kata-sandi-rekaan-1')).toBeUndefined();
  });

  it('refuses a short password, a taken name, and lets a disabled user in no more', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-users-'));
    const file = path.join(dir, 'users.json');
    expect((await addUser(file, { username: 'staf1', role: 'staf', password: 'pendek' }))._unsafeUnwrapErr().type).toBe('weak_password');
    expect((await addUser(file, { username: 'staf1', role: 'staf', password: 'kata-sandi-rekaan-2' })).isOk()).toBe(true);
    expect((await addUser(file, { username: 'staf1', role: 'kajian', password: 'kata-sandi-rekaan-2' }))._unsafeUnwrapErr().type).toBe('exists');
    (await updateUser(file, 'staf1', { disabled: true }))._unsafeUnwrap();
    const users = (await readUsersFile(file))._unsafeUnwrap();
    expect(await checkPassword(users, 'staf1', 'kata-sandi-rekaan-2')).toBeUndefined();
    (await updateUser(file, 'staf1', { disabled: false, password: 'kata-sandi-baru-3' }))._unsafeUnwrap();
    const again = (await readUsersFile(file))._unsafeUnwrap();
    expect((await checkPassword(again, 'staf1', 'kata-sandi-baru-3'))?.username).toBe('staf1');
    expect(await checkPassword(again, 'staf1', 'kata-sandi-rekaan-2')).toBeUndefined();
  });
});
