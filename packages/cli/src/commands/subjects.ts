import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSubjectsFile, parseSubjectsJson, SubjectListSchema, type Subject } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { configErrorLine } from '../runtime/runtime-error.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { decodeUtf8, utf8Problem } from '../runtime/utf8-text.js';

const USAGE = `sipansos subjects import <berkas.csv|berkas.json> [--replace] [--dry-run] [--config F]
sipansos subjects list [--json] [--config F]

Mengimpor daftar subjek (CSV atau JSON) ke berkas subjek kantor (kunci "subjects" di
sipansos.config.json). Subjek dengan id yang sama diperbarui, yang baru ditambahkan; --replace
mengganti seluruh daftar. Daftar hasil diperiksa dulu (id unik, satu akun hanya milik satu
subjek); bila ada masalah tidak ada yang ditulis.

Imports a subjects list (CSV or JSON) into the office's subjects file (the "subjects" key of
sipansos.config.json). A subject with the same id is updated, new ones are added; --replace
replaces the whole list. The merged list is checked first (unique ids, each account owned by
one subject); on any problem nothing is written.

CSV: header id,name,category[,employeeNumber,agency,position,region,candidatePairNumber,notes]
plus one column per platform (x, facebook, instagram; several handles separated by ";").
`;

export const subjectsCommand: CliCommand = {
  name: 'subjects',
  summary: { id: 'impor dan tampilkan daftar subjek', en: 'import and list subjects' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [action, ...rest] = args;
    if (action === 'import') return importSubjects(rest, io);
    if (action === 'list') return listSubjects(rest, io);
    printError(io, 'pilih "import" atau "list": sipansos subjects import <berkas>', 'choose "import" or "list": sipansos subjects import <file>');
    return EXIT.usage;
  },
};

async function readExisting(file: string): Promise<{ subjects: Subject[] } | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { subjects: [] };
    return { problem: `${file}: ${(error as Error).message}` };
  }
  const decoded = decodeUtf8(bytes);
  if ('invalidLine' in decoded) return { problem: utf8Problem(file, decoded.invalidLine).en };
  const text = decoded.text;
  const parsed = parseSubjectsJson(text, file);
  return parsed.isOk() ? { subjects: parsed.value } : { problem: parsed.error.message };
}

async function importSubjects(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, replace: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } }, true);
  if ('exitCode' in parsed) return parsed.exitCode;
  const source = parsed.positionals[0];
  if (!source || parsed.positionals.length > 1) {
    printError(io, 'sebutkan satu berkas: sipansos subjects import <berkas.csv|berkas.json>', 'name one file: sipansos subjects import <file.csv|file.json>');
    return EXIT.usage;
  }
  const config = await loadConfig(parsed.values.config ?? 'sipansos.config.json', io.cwd);
  if (config.isErr()) {
    const line = configErrorLine(config.error);
    printError(io, line.id, line.en);
    return EXIT.problem;
  }
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, source), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    printError(io, `tidak dapat membaca ${source} (${code})`, `cannot read ${source} (${code})`);
    return EXIT.problem;
  }
  const incoming = parseSubjectsFile(text, source);
  if (incoming.isErr()) {
    printError(io, `berkas subjek tidak sah: ${incoming.error.message}`, `invalid subjects file: ${incoming.error.message}`);
    for (const issue of incoming.error.issues.slice(0, 20)) io.stderr.write(`  ${issue.line !== undefined ? `${source}:${issue.line} ` : ''}${issue.path}: ${issue.message}\n`);
    return EXIT.problem;
  }
  const target = config.value.resolve(config.value.config.subjects);
  const existing = parsed.values.replace ? { subjects: [] as Subject[] } : await readExisting(target);
  if ('problem' in existing) {
    printError(io, `berkas subjek kantor tidak terbaca, tidak ada yang ditulis: ${existing.problem}`, `the office subjects file is unreadable, nothing written: ${existing.problem}`);
    return EXIT.problem;
  }
  const byId = new Map(existing.subjects.map((subject) => [subject.id, subject]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const subject of incoming.value) {
    const before = byId.get(subject.id);
    if (!before) added++;
    else if (JSON.stringify(before) === JSON.stringify(subject)) unchanged++;
    else updated++;
    byId.set(subject.id, subject);
  }
  const merged = SubjectListSchema.safeParse([...byId.values()]);
  if (!merged.success) {
    const issue = merged.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
    printError(io, `daftar gabungan tidak sah, tidak ada yang ditulis: ${where}`, `the merged list is invalid, nothing written: ${where}`);
    return EXIT.problem;
  }
  const summary = `${added} baru / new, ${updated} diperbarui / updated, ${unchanged} tetap / unchanged; total ${merged.data.length}`;
  if (parsed.values['dry-run']) {
    io.stdout.write(`uji coba, tidak ditulis / dry run, not written: ${summary}\n`);
    return EXIT.ok;
  }
  // Write beside, then rename: a crash leaves the old list or the new one, never half of one.
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(merged.data, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, target);
  } catch (error) {
    printError(io, `tidak dapat menulis ${target}: ${(error as Error).message}`, `cannot write ${target}: ${(error as Error).message}`);
    return EXIT.failure;
  }
  io.stdout.write(`${target}: ${summary}\n`);
  return EXIT.ok;
}

async function listSubjects(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, json: { type: 'boolean', default: false } });
  if ('exitCode' in parsed) return parsed.exitCode;
  const config = await loadConfig(parsed.values.config ?? 'sipansos.config.json', io.cwd);
  if (config.isErr()) {
    const line = configErrorLine(config.error);
    printError(io, line.id, line.en);
    return EXIT.problem;
  }
  const existing = await readExisting(config.value.resolve(config.value.config.subjects));
  if ('problem' in existing) {
    printError(io, `berkas subjek tidak sah: ${existing.problem}`, `invalid subjects file: ${existing.problem}`);
    return EXIT.problem;
  }
  if (parsed.values.json) {
    for (const subject of existing.subjects) io.stdout.write(`${terminalJson(subject)}\n`);
    return EXIT.ok;
  }
  // Names and handles come from a file someone else wrote: escapes and bidi overrides are shown, not obeyed.
  for (const subject of existing.subjects) {
    const accounts = subject.accounts.map((account) => `${account.platform}:@${terminalText(account.handle, 80)}`).join(', ');
    io.stdout.write(`${terminalText(subject.id, 64).padEnd(16)} ${subject.category.padEnd(14)} ${terminalText(subject.name, 120)}  ${accounts}\n`);
  }
  io.stdout.write(`${existing.subjects.length} subjek / subjects\n`);
  return EXIT.ok;
}
