import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { configErrorLine } from '../runtime/runtime-error.js';

const USAGE = `sipansos db migrate [--config FILE] [--json]

Membawa skema basis data PostgreSQL store bukti ke versi paket ini: setiap migrasi yang belum
ada dijalankan sekali, dalam transaksinya sendiri, dan dicatat di tabel schema_migrations. Aman
diulang dan aman dijalankan dari beberapa mesin sekaligus. Hanya untuk konfigurasi dengan
"store": { "kind": "postgres", ... }; store folder tidak perlu migrasi. Kata sandi basis data
dibaca dari PGPASSWORD, tidak pernah dari berkas.

Brings the evidence store's PostgreSQL schema to this package's version: each missing
migration runs once, in its own transaction, and is recorded in the schema_migrations table.
Safe to repeat and to run from several machines at once. Only for a config with
"store": { "kind": "postgres", ... }; the folder store needs no migration. The database
password is read from PGPASSWORD, never from a file.

  --config FILE   berkas konfigurasi / config file (default: sipansos.config.json)
  --json          hasil sebagai JSON / result as JSON
`;

export const dbCommand: CliCommand = {
  name: 'db',
  summary: { id: 'migrasi skema basis data PostgreSQL (db migrate)', en: 'migrate the PostgreSQL schema (db migrate)' },
  usage: USAGE,
  environment: [{ name: 'PGPASSWORD', id: 'kata sandi basis data', en: 'the database password' }],
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, json: { type: 'boolean', default: false } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'migrate') {
      printError(io, 'tulis "sipansos db migrate"', 'write "sipansos db migrate"');
      return EXIT.usage;
    }
    const loaded = await loadConfig(parsed.values.config, io.cwd);
    if (loaded.isErr()) {
      const line = configErrorLine(loaded.error);
      printError(io, line.id, line.en);
      return EXIT.problem;
    }
    const store = loaded.value.config.store;
    if (store.kind !== 'postgres') {
      printError(io, 'store di konfigurasi adalah store folder, yang tidak perlu migrasi', "the config's store is the folder store, which needs no migration");
      return EXIT.problem;
    }
    const { migrateDatabase } = await import('@sipansos/store-postgres');
    const migrated = await migrateDatabase(store.url);
    if (migrated.isErr()) {
      printError(io, `migrasi gagal: ${migrated.error.message}`, `migration failed: ${migrated.error.message}`);
      return migrated.error.type === 'unsupported' ? EXIT.problem : EXIT.failure;
    }
    const { applied, version } = migrated.value;
    if (parsed.values.json) io.stdout.write(`${JSON.stringify({ database: store.url, applied, version }, null, 2)}\n`);
    else if (applied.length === 0) io.stdout.write(`skema sudah versi ${version} / the schema is already at version ${version} (${store.url})\n`);
    else {
      for (const migration of applied) io.stdout.write(`diterapkan / applied ${migration.version}: ${migration.name}\n`);
      io.stdout.write(`skema kini versi ${version} / the schema is now at version ${version} (${store.url})\n`);
    }
    return EXIT.ok;
  },
};
