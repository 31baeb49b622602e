import { chmod, open, readFile, rename, stat } from 'node:fs/promises';
import type { Algorithm } from '@node-rs/argon2';
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { ROLES, type Role } from './roles.js';

/** The file beside `sipansos.config.json` holding the office's users. */
export const USERS_FILE_NAME = 'users.json';

/** Passwords shorter than this are refused. */
export const MIN_PASSWORD_LENGTH = 12;

const UserSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  /** Argon2id PHC string; the password itself is never stored. */
  passwordHash: z.string().startsWith('$argon2id$'),
  disabled: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** One user of the web app. */
export type WebUser = z.infer<typeof UserSchema>;

const UsersFileSchema = z.object({ version: z.literal(1), users: z.array(UserSchema) });

/** Why the users file could not be used or changed. */
export type UsersFileError =
  | { type: 'unreadable'; message: string }
  | { type: 'invalid'; message: string }
  | { type: 'exists'; message: string }
  | { type: 'not_found'; message: string }
  | { type: 'weak_password'; message: string }
  | { type: 'invalid_input'; message: string };

/** Argon2id with OWASP's baseline cost (19 MiB, 2 passes). */
// `Algorithm` is an ambient const enum (not importable under isolatedModules): 2 is Argon2id.
const HASH_OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A fixed hash so that an unknown user costs the same time as a wrong password. */
let decoyHash: Promise<string> | undefined;

// Loaded when first needed: every `sipansos` command imports this package, and only `serve` and
// `users` need the native Argon2 binding.
const argon2 = () => import('@node-rs/argon2');

/** Hash a password with Argon2id. */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, HASH_OPTIONS);
}

/** Read the users file; a missing file is an office with no users yet. */
export async function readUsersFile(file: string): Promise<Result<WebUser[], UsersFileError>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
    return err({ type: 'unreadable', message: `berkas pengguna ${file} tidak terbaca / cannot read the users file ${file}: ${(error as Error).message}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ type: 'invalid', message: `berkas pengguna ${file} bukan JSON / the users file ${file} is not JSON` });
  }
  const parsed = UsersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({ type: 'invalid', message: `berkas pengguna ${file} tidak sah / invalid users file ${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` });
  }
  return ok(parsed.data.users);
}

/** Write the users file atomically with mode 0600 (only the office's account may read hashes). */
export async function writeUsersFile(file: string, users: readonly WebUser[]): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ version: 1, users }, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await chmod(file, 0o600);
}

function passwordProblem(password: string): UsersFileError | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { type: 'weak_password', message: `kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter / the password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  return undefined;
}

/** Add a user; refused when the username is taken or the password is short. */
export async function addUser(file: string, input: { username: string; name?: string; role: Role; password: string; now?: Date }): Promise<Result<WebUser, UsersFileError>> {
  const users = await readUsersFile(file);
  if (users.isErr()) return err(users.error);
  if (!/^[a-z0-9._-]{2,40}$/.test(input.username)) {
    return err({ type: 'invalid_input', message: 'nama pengguna 2–40 huruf kecil, angka, ".", "_" atau "-" / a username is 2–40 lowercase letters, digits, ".", "_" or "-"' });
  }
  if (users.value.some((user) => user.username === input.username)) return err({ type: 'exists', message: `pengguna ${input.username} sudah ada / user ${input.username} already exists` });
  const weak = passwordProblem(input.password);
  if (weak) return err(weak);
  const at = (input.now ?? new Date()).toISOString();
  const user: WebUser = { username: input.username, name: input.name ?? input.username, role: input.role, passwordHash: await hashPassword(input.password), disabled: false, createdAt: at, updatedAt: at };
  await writeUsersFile(file, [...users.value, user]);
  return ok(user);
}

/** Change a user: a new password, or disabled/enabled. */
export async function updateUser(file: string, username: string, change: { password?: string; disabled?: boolean; now?: Date }): Promise<Result<WebUser, UsersFileError>> {
  const users = await readUsersFile(file);
  if (users.isErr()) return err(users.error);
  const current = users.value.find((user) => user.username === username);
  if (!current) return err({ type: 'not_found', message: `pengguna ${username} tidak ada / no user ${username}` });
  if (change.password !== undefined) {
    const weak = passwordProblem(change.password);
    if (weak) return err(weak);
  }
  const updated: WebUser = {
    ...current,
    ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    updatedAt: (change.now ?? new Date()).toISOString(),
  };
  await writeUsersFile(file, users.value.map((user) => (user.username === username ? updated : user)));
  return ok(updated);
}

/**
 * Check a username and password. An unknown or disabled user costs one Argon2 verification as a
 * wrong password does, so timing does not tell which usernames exist.
 */
export async function checkPassword(users: readonly WebUser[], username: string, password: string): Promise<WebUser | undefined> {
  const user = users.find((entry) => entry.username === username);
  if (!user || user.disabled) {
    decoyHash ??= hashPassword('sipansos-decoy-password');
    await (await argon2()).verify(await decoyHash, password).catch(() => false);
    return undefined;
  }
  const good = await (await argon2()).verify(user.passwordHash, password).catch(() => false);
  return good ? user : undefined;
}

/** The users file, re-read only when it changed on disk (checked by modification time and size). */
export interface UserDirectory {
  users(): Promise<Result<WebUser[], UsersFileError>>;
}

/** Watch the users file, so `sipansos users disable` takes effect on the next request. */
export function createUserDirectory(file: string): UserDirectory {
  let cached: { stamp: string; users: WebUser[] } | undefined;
  return {
    async users() {
      let stamp = 'missing';
      try {
        const info = await stat(file);
        stamp = `${info.mtimeMs}:${info.size}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return err({ type: 'unreadable', message: `berkas pengguna ${file} tidak terbaca / cannot read the users file ${file}: ${(error as Error).message}` });
      }
      if (cached?.stamp === stamp) return ok(cached.users);
      const read = await readUsersFile(file);
      if (read.isOk()) cached = { stamp, users: read.value };
      return read;
    },
  };
}
