import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { EXAMPLE_CONFIG, EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '../init/example-files.js';

const USAGE = `sipansos init <dir> [--example] [--json]

Membuat folder kerja kantor: sipansos.config.json, contoh konteks pemilihan (election.json,
ubah sesuai pemilihan Anda), daftar subjek kosong (subjects.json; isi dengan
"sipansos subjects import daftar.csv"), dan kunci tanda tangan Ed25519 kantor di keys/ (di luar
folder store). Berkas yang sudah ada tidak pernah ditimpa.

Creates an office working folder: sipansos.config.json, an example election context
(election.json, edit it for your election), an empty subjects list (subjects.json; fill it with
"sipansos subjects import list.csv") and the office's Ed25519 signing key in keys/ (outside the
store folder). Existing files are never overwritten.

  --example   isi subjects.json dengan subjek contoh rekaan (untuk latihan, jangan dicampur
              dengan daftar sungguhan) / fill subjects.json with invented example subjects (for
              practice; do not mix them with a real list)
  --json      satu objek JSON per berkas / one JSON object per file
`;

export const initCommand: CliCommand = {
  name: 'init',
  summary: { id: 'buat folder kerja kantor dengan contoh berkas', en: 'create an office working folder with example files' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { example: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
    } catch (error) {
      printError(io, `argumen tidak dikenal: ${(error as Error).message}`, `unknown argument: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const target = parsed.positionals[0];
    if (!target || parsed.positionals.length > 1) {
      printError(io, 'sebutkan satu folder: sipansos init <dir>', 'name one folder: sipansos init <dir>');
      return EXIT.usage;
    }
    const dir = path.resolve(io.cwd, target);
    await mkdir(path.join(dir, 'keys'), { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const files: Array<[string, string, number]> = [
      ['sipansos.config.json', `${JSON.stringify(EXAMPLE_CONFIG, null, 2)}\n`, 0o644],
      ['election.json', `${JSON.stringify(EXAMPLE_CONTEXT, null, 2)}\n`, 0o644],
      // A real list must not start out mixed with invented people.
      ['subjects.json', `${JSON.stringify(parsed.values.example ? EXAMPLE_SUBJECTS : [], null, 2)}\n`, 0o644],
      [EXAMPLE_CONFIG.signingKey, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600],
      [EXAMPLE_CONFIG.signingKey.replace(/\.pem$/, '.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }).toString(), 0o644],
    ];
    const json = parsed.values.json ?? false;
    const report = (value: { file: string; status: 'created' | 'exists' }, line: string): void => {
      io.stdout.write(json ? `${JSON.stringify(value)}\n` : `${line}\n`);
    };
    let written = 0;
    for (const [name, content, mode] of files) {
      const file = path.join(dir, name);
      try {
        // "wx": fail if the file exists, so nothing an office wrote is ever replaced.
        await writeFile(file, content, { flag: 'wx', mode });
        report({ file, status: 'created' }, `dibuat / created: ${file}`);
        written++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          report({ file, status: 'exists' }, `sudah ada, dibiarkan / exists, left as is: ${file}`);
          // A kept private key must not be paired with a new public key.
          if (name === EXAMPLE_CONFIG.signingKey) break;
          continue;
        }
        printError(io, `tidak dapat menulis ${file}: ${(error as Error).message}`, `cannot write ${file}: ${(error as Error).message}`);
        return EXIT.failure;
      }
    }
    if (written > 0 && !json) {
      // Started through the workspace script, the next commands are typed the same way.
      const command = io.env.npm_lifecycle_event === 'sipansos' ? 'pnpm sipansos' : 'sipansos';
      io.stdout.write(`\nLangkah berikut / next:\n  cd ${target}\n  ${command} validate election.json   # sesuaikan dulu / edit it first\n  ${command} subjects import daftar.csv\n`);
    }
    return EXIT.ok;
  },
};
