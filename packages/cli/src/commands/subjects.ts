import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { categoryFromWord, parseSubjectsJson, type Subject, type SubjectTableSettings } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { configErrorLine } from '../runtime/runtime-error.js';
import { readSubjectTable, subjectFileFormat } from '../subjects/read-subject-table.js';
import { issueLines, subjectPreview, tableDescription } from '../subjects/subject-table-preview.js';
import { writeSubjectsFile } from '../subjects/write-subjects-file.js';
import { mergeSubjectLists } from '../subjects/merge-subject-lists.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { decodeUtf8, utf8Problem } from '../runtime/utf8-text.js';

const USAGE = `sipansos subjects import <berkas.xlsx|berkas.csv|berkas.json> [--dry-run] [--replace]
                 [--category KATEGORI] [--max-errors N] [--config F]
sipansos subjects list [--json] [--config F]

Mengimpor daftar subjek ke berkas subjek kantor (kunci "subjects" di sipansos.config.json).
Daftar boleh berupa Excel (.xlsx, lembar pertama), CSV (pemisah ",", ";" atau tab dikenali
sendiri) atau JSON. Judul kolom boleh bahasa Indonesia atau Inggris, huruf besar atau kecil:
Nama / Nama Lengkap, Kategori / Status Kepegawaian, NIP / NIP/NRP, Instansi / Unit Kerja,
Jabatan, Wilayah, Keterangan, id, Akun FB / Link Facebook, Instagram / IG, Twitter/X, TikTok,
Akun (alamat profil apa saja). Baris judul di atas tabel dan baris kosong dilewati; kolom lain
diabaikan dengan catatan. Kategori ditulis seperti biasa: ASN, PNS, PPPK, Honorer, THL, TNI,
Polri, Kepala Desa, Perangkat Desa, Calon, Tim Kampanye, Relawan. Akun boleh berupa nama akun
(dengan atau tanpa @) atau alamat profil (https://www.facebook.com/profile.php?id=...,
https://www.instagram.com/nama/, https://x.com/nama), beberapa per sel dipisah "," ";" atau
baris baru. Tanpa kolom id, id dibuat dari nama.

Subjek dengan id yang sama diperbarui, yang baru ditambahkan; --replace mengganti seluruh
daftar. Setiap masalah disebut dengan baris dan kolomnya seperti terlihat di Excel; bila ada
masalah tidak ada yang ditulis. --dry-run menampilkan pratinjau (kolom yang dibaca, subjek
pertama, masalah, perubahan) tanpa menulis apa pun.

Imports a subjects list into the office's subjects file (the "subjects" key of
sipansos.config.json). The list may be Excel (.xlsx, first sheet), CSV (",", ";" or tab, found
by itself) or JSON. Headers may be Indonesian or English, any case (see above); title rows above
the table and blank rows are skipped; other columns are ignored with a note. Categories are the
words people write (ASN, PNS, PPPK, Honorer, ...). Accounts are handles (with or without @) or
profile addresses, several per cell separated by ",", ";" or line breaks. Without an id column,
ids are made from names.

A subject with the same id is updated, new ones are added; --replace replaces the whole list.
Every problem names its row and column as Excel shows them; on any problem nothing is written.
--dry-run shows a preview (columns read, first subjects, problems, changes) and writes nothing.

  --category KATEGORI   kategori untuk baris tanpa kategori / category for rows without one
  --max-errors N        masalah yang ditampilkan (bawaan 50) / problems shown (default 50)
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
  const parsed = parseCommandArgs(
    args,
    io,
    {
      ...CONFIG_OPTION,
      replace: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      category: { type: 'string' },
      'max-errors': { type: 'string', default: '50' },
    },
    true,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const source = parsed.positionals[0];
  if (!source || parsed.positionals.length > 1) {
    printError(io, 'sebutkan satu berkas: sipansos subjects import <berkas.xlsx|berkas.csv|berkas.json>', 'name one file: sipansos subjects import <file.xlsx|file.csv|file.json>');
    return EXIT.usage;
  }
  const maxErrors = Number(parsed.values['max-errors']);
  if (!Number.isInteger(maxErrors) || maxErrors < 1) {
    printError(io, '--max-errors harus bilangan bulat positif', '--max-errors must be a positive whole number');
    return EXIT.usage;
  }
  const defaultCategory = parsed.values.category === undefined ? undefined : categoryFromWord(parsed.values.category);
  if (parsed.values.category !== undefined && !defaultCategory) {
    printError(io, `--category "${parsed.values.category}" tidak dikenal; mis. ASN, PPPK, Honorer, Kepala Desa`, `--category "${parsed.values.category}" is not known; e.g. ASN, PPPK, Honorer, Kepala Desa`);
    return EXIT.usage;
  }
  const config = await loadConfig(parsed.values.config ?? 'sipansos.config.json', io.cwd);
  if (config.isErr()) {
    const line = configErrorLine(config.error);
    printError(io, line.id, line.en);
    return EXIT.problem;
  }
  const incoming = await readIncoming(io, source, { source, maxIssues: maxErrors, ...(defaultCategory ? { defaultCategory } : {}) }, parsed.values['dry-run']);
  if (typeof incoming === 'number') return incoming;
  const target = config.value.resolve(config.value.config.subjects);
  const existing = parsed.values.replace ? { subjects: [] as Subject[] } : await readExisting(target);
  if ('problem' in existing) {
    printError(io, `berkas subjek kantor tidak terbaca, tidak ada yang ditulis: ${existing.problem}`, `the office subjects file is unreadable, nothing written: ${existing.problem}`);
    return EXIT.problem;
  }
  const { merged, added, updated, unchanged, problem } = mergeSubjectLists(existing.subjects, incoming);
  if (problem) {
    printError(io, `daftar gabungan tidak sah, tidak ada yang ditulis: ${problem}`, `the merged list is invalid, nothing written: ${problem}`);
    return EXIT.problem;
  }
  const summary = `${added} baru / new, ${updated} diperbarui / updated, ${unchanged} tetap / unchanged; total ${merged.length}`;
  if (parsed.values['dry-run']) {
    io.stdout.write(`uji coba, tidak ditulis / dry run, not written: ${summary}\n`);
    return EXIT.ok;
  }
  try {
    await writeSubjectsFile(target, merged);
  } catch (error) {
    printError(io, `tidak dapat menulis ${target}: ${(error as Error).message}`, `cannot write ${target}: ${(error as Error).message}`);
    return EXIT.failure;
  }
  io.stdout.write(`${target}: ${summary}\n`);
  return EXIT.ok;
}

/** The subjects of the file to import, or the exit code after its problems were printed. */
async function readIncoming(io: CliIo, source: string, settings: SubjectTableSettings & { maxIssues: number }, preview: boolean): Promise<Subject[] | number> {
  const file = path.resolve(io.cwd, source);
  const format = subjectFileFormat(source);
  const cannotRead = (error: unknown): number => {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    printError(io, `tidak dapat membaca ${source} (${code})`, `cannot read ${source} (${code})`);
    return EXIT.problem;
  };
  if (format === 'old_spreadsheet') {
    printError(io, `${source}: simpan dulu sebagai Excel (.xlsx) atau "CSV UTF-8"`, `${source}: save it as Excel (.xlsx) or "CSV UTF-8" first`);
    return EXIT.problem;
  }
  if (format === 'json') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      return cannotRead(error);
    }
    const parsed = parseSubjectsJson(text, source);
    if (parsed.isOk()) return parsed.value;
    printError(io, `berkas subjek tidak sah: ${parsed.error.message}`, `invalid subjects file: ${parsed.error.message}`);
    for (const issue of parsed.error.issues.slice(0, settings.maxIssues)) io.stderr.write(`  ${issue.line !== undefined ? `${source}:${issue.line} ` : ''}${issue.path}: ${issue.message}\n`);
    if (parsed.error.issues.length > settings.maxIssues) io.stderr.write(`  ${parsed.error.issues.length} masalah, ${parsed.error.issues.length - settings.maxIssues} tidak ditampilkan / ${parsed.error.issues.length} problems, ${parsed.error.issues.length - settings.maxIssues} not shown (--max-errors)\n`);
    return EXIT.problem;
  }
  let reading;
  try {
    reading = await readSubjectTable(file, format, settings);
  } catch (error) {
    return cannotRead(error);
  }
  for (const line of tableDescription(source, reading)) io.stdout.write(`${line}\n`);
  if (preview) for (const line of subjectPreview(reading.subjects, 10)) io.stdout.write(`${line}\n`);
  if (reading.issueCount > 0) {
    printError(io, `${source}: ada masalah, tidak ada yang ditulis`, `${source}: there are problems, nothing written`);
    for (const line of issueLines(source, reading, settings.maxIssues)) io.stderr.write(`${line}\n`);
    return EXIT.problem;
  }
  io.stdout.write(`${reading.rowCount} baris dibaca / rows read\n`);
  return reading.subjects;
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
