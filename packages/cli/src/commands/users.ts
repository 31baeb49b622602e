import { ROLES, USERS_FILE_NAME, addUser, readUsersFile, updateUser, type Role, type UsersFileError } from '@sipansos/web';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { configErrorLine } from '../runtime/runtime-error.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';

const USAGE = `sipansos users <add|passwd|disable|enable|list> ...

Pengguna aplikasi web kantor (sipansos serve), disimpan di ${USERS_FILE_NAME} di samping
konfigurasi (mode 0600; kata sandi di-hash dengan Argon2id, tidak pernah disimpan apa adanya).
Kata sandi dibaca dari baris pertama masukan standar, tidak pernah dari argumen.
Users of the office web app, kept in ${USERS_FILE_NAME} beside the config (mode 0600; passwords
hashed with Argon2id, never stored as typed). The password is read from the first line of
standard input, never from an argument.

  users add <nama> --role ${ROLES.join('|')} [--name "Nama Lengkap"]
  users passwd <nama>
  users disable <nama>     menonaktifkan; sesi yang berjalan berakhir / disables; open sessions end
  users enable <nama>
  users list [--json]

Contoh / example:  printf '%s\\n' "$SANDI" | sipansos users add admin --role admin
`;

async function readPassword(io: CliIo): Promise<string> {
  if ('isTTY' in io.stdin && (io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write('kata sandi / password: ');
  let text = '';
  for await (const chunk of io.stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function failed(io: CliIo, error: UsersFileError): number {
  const [indonesian, english] = error.message.includes(' / ') ? error.message.split(' / ', 2) : [error.message, error.message];
  printError(io, indonesian ?? error.message, english ?? error.message);
  return error.type === 'unreadable' ? EXIT.failure : EXIT.problem;
}

/** `sipansos users`: the web app's users (add, password, disable), in the users file. */
export const usersCommand: CliCommand = {
  name: 'users',
  summary: { id: 'pengguna aplikasi web: tambah, kata sandi, nonaktifkan', en: 'web app users: add, password, disable' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, role: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean', default: false } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const [action, username] = positionals;
    const known = ['add', 'passwd', 'disable', 'enable', 'list'];
    if (!action || !known.includes(action)) {
      printError(io, `sebutkan tindakan: ${known.join(', ')}`, `name an action: ${known.join(', ')}`);
      return EXIT.usage;
    }
    if (action !== 'list' && !username) {
      printError(io, 'sebutkan nama pengguna', 'name the user');
      return EXIT.usage;
    }
    const config = await loadConfig(values.config ?? 'sipansos.config.json', io.cwd);
    if (config.isErr()) {
      const line = configErrorLine(config.error);
      printError(io, line.id, line.en);
      return EXIT.problem;
    }
    const file = config.value.resolve(USERS_FILE_NAME);
    const user = username ?? '';
    switch (action) {
      case 'list': {
        const users = await readUsersFile(file);
        if (users.isErr()) return failed(io, users.error);
        for (const entry of users.value) {
          if (values.json) io.stdout.write(`${terminalJson({ username: entry.username, name: entry.name, role: entry.role, disabled: entry.disabled })}\n`);
          else io.stdout.write(`${terminalText(entry.username, 40).padEnd(16)} ${entry.role.padEnd(9)} ${entry.disabled ? 'NONAKTIF / DISABLED ' : ''}${terminalText(entry.name, 80)}\n`);
        }
        return EXIT.ok;
      }
      case 'add': {
        if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
          printError(io, `--role harus salah satu dari ${ROLES.join(', ')}`, `--role must be one of ${ROLES.join(', ')}`);
          return EXIT.usage;
        }
        const added = await addUser(file, { username: user, role: values.role as Role, password: await readPassword(io), ...(values.name ? { name: values.name } : {}) });
        if (added.isErr()) return failed(io, added.error);
        io.stdout.write(values.json ? `${terminalJson({ ok: true, username: user, role: values.role })}\n` : `pengguna ${user} (${values.role}) ditambahkan ke / user added to ${file}\n`);
        return EXIT.ok;
      }
      default: {
        const change = action === 'passwd' ? { password: await readPassword(io) } : { disabled: action === 'disable' };
        const updated = await updateUser(file, user, change);
        if (updated.isErr()) return failed(io, updated.error);
        io.stdout.write(values.json ? `${terminalJson({ ok: true, username: user, action })}\n` : `pengguna ${user}: ${action} OK\n`);
        return EXIT.ok;
      }
    }
  },
};
