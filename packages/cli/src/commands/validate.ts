import path from 'node:path';
import { parseArgs } from 'node:util';
import { invalidInputFromZod, parseJsonText, type ValidationIssue } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { readSubjectTable, subjectFileFormat } from '../subjects/read-subject-table.js';
import { issueLines } from '../subjects/subject-table-preview.js';
import { isAbortError, readInputBytes } from '../runtime/input-file.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { decodeUtf8, utf8Problem } from '../runtime/utf8-text.js';
import { FILE_KINDS } from '../validate/file-kinds.js';

const USAGE = `sipansos validate [--kind KIND] [--max-errors N] [--json] <file>...

Memeriksa berkas subjek (JSON, CSV atau Excel .xlsx), konteks pemilihan, konfigurasi, dan set
aturan. Masalah dicetak dengan letaknya dan bentuk yang diharapkan, paling banyak N per berkas,
lalu jumlah seluruhnya. Daftar subjek CSV/xlsx dibaca bertahap, berapa pun besarnya. Keluar
dengan kode 1 bila ada masalah.

Checks subjects files (JSON, CSV or Excel .xlsx), election contexts, configs and rule sets.
Problems are printed with their location and the expected form, at most N per file, then the
total. CSV/xlsx subject lists are read as a stream, however large. Exits 1 on any problem.

  --kind KIND      ${FILE_KINDS.map((kind) => kind.kind).join(' | ')} (default: detected from content)
  --max-errors N   masalah yang dicetak per berkas / problems printed per file (default 50)
  --json           satu objek JSON per berkas / one JSON object per file ({ file, ok, kind, issues })

Berkas harus teks UTF-8; baris pertama yang bukan UTF-8 disebutkan.
Files must be UTF-8 text; the first line that is not is named.
`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: { id: 'periksa berkas subjek, konteks, konfigurasi, set aturan', en: 'check subjects, context, config and rule-set files' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { kind: { type: 'string' }, 'max-errors': { type: 'string', default: '50' }, json: { type: 'boolean', default: false } } });
    } catch (error) {
      printError(io, `argumen tidak dikenal: ${(error as Error).message}`, `unknown argument: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const forcedKind = parsed.values.kind;
    if (forcedKind && !FILE_KINDS.some((kind) => kind.kind === forcedKind)) {
      printError(io, `--kind harus salah satu dari ${FILE_KINDS.map((kind) => kind.kind).join(', ')}`, `--kind must be one of ${FILE_KINDS.map((kind) => kind.kind).join(', ')}`);
      return EXIT.usage;
    }
    const maxErrors = Number(parsed.values['max-errors']);
    if (!Number.isInteger(maxErrors) || maxErrors < 1) {
      printError(io, '--max-errors harus bilangan bulat positif', '--max-errors must be a positive whole number');
      return EXIT.usage;
    }
    if (parsed.positionals.length === 0) {
      printError(io, 'sebutkan berkas yang diperiksa', 'name the files to check');
      return EXIT.usage;
    }
    const json = parsed.values.json ?? false;
    let problems = 0;
    for (const name of parsed.positionals) {
      const file = path.resolve(io.cwd, name);
      const format = subjectFileFormat(name);
      if (format === 'old_spreadsheet') {
        printError(io, `${name}: simpan dulu sebagai Excel (.xlsx) atau "CSV UTF-8"`, `${name}: save it as Excel (.xlsx) or "CSV UTF-8" first`);
        problems++;
        continue;
      }
      if ((format === 'csv' || format === 'xlsx') && (!forcedKind || forcedKind === 'subjects')) {
        if (!(await checkTable(io, name, file, format, maxErrors, json))) problems++;
        continue;
      }
      let bytes: Buffer;
      try {
        // Also a FIFO (`<(…)`), read so that Ctrl-C still stops the command.
        bytes = await readInputBytes(file, io.signal);
      } catch (error) {
        if (isAbortError(error)) return EXIT.interrupted;
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        printError(io, `tidak dapat membaca ${name} (${code})`, `cannot read ${name} (${code})`);
        if (json) io.stdout.write(`${terminalJson({ file: name, ok: false, unreadable: code })}\n`);
        problems++;
        continue;
      }
      const decoded = decodeUtf8(bytes);
      const issues: { kindLabel?: string; list: ValidationIssue[] } =
        'text' in decoded ? checkText(name, decoded.text, forcedKind) : { list: [{ path: '(file)', line: decoded.invalidLine, message: utf8Problem(name, decoded.invalidLine).en.replace(`${name}:${decoded.invalidLine}: `, '') }] };
      const ok = Boolean(issues.kindLabel) && issues.list.length === 0;
      if (!ok) problems++;
      if (json) {
        io.stdout.write(`${terminalJson({ file: name, ok, ...(issues.kindLabel ? { kind: issues.kindLabel } : {}), issues: issues.list })}\n`);
        continue;
      }
      if (ok) {
        io.stdout.write(`OK ${terminalText(name)} (${issues.kindLabel})\n`);
        continue;
      }
      io.stdout.write(`SALAH / INVALID ${terminalText(name)}${issues.kindLabel ? ` (${issues.kindLabel})` : ''}\n`);
      for (const issue of issues.list.slice(0, maxErrors)) {
        const where = issue.line !== undefined ? `${name}:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}` : name;
        io.stdout.write(`  ${terminalText(where)} ${terminalText(issue.path, 200)}: ${terminalText(issue.message, 400)}\n`);
      }
      if (issues.list.length > maxErrors) {
        io.stdout.write(`  ${issues.list.length} masalah, ${issues.list.length - maxErrors} tidak ditampilkan / ${issues.list.length} problems, ${issues.list.length - maxErrors} not shown (--max-errors)\n`);
      }
    }
    return problems > 0 ? EXIT.problem : EXIT.ok;
  },
};

/** Check a CSV or xlsx subject list as a stream; whether it has no problem. */
async function checkTable(io: CliIo, name: string, file: string, format: 'csv' | 'xlsx', maxErrors: number, json: boolean): Promise<boolean> {
  const label = `daftar subjek / subjects (${format === 'csv' ? 'CSV' : 'xlsx'})`;
  let reading;
  try {
    reading = await readSubjectTable(file, format, { source: name, maxIssues: maxErrors });
  } catch (error) {
    printError(io, `tidak dapat membaca ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, `cannot read ${name}`);
    return false;
  }
  if (json) {
    const ok = reading.issueCount === 0;
    io.stdout.write(`${terminalJson({ file: name, ok, kind: label, subjects: reading.subjects.length, issueCount: reading.issueCount, issues: ok ? [] : issueLines(name, reading, maxErrors) })}\n`);
    return ok;
  }
  if (reading.issueCount === 0) {
    io.stdout.write(`OK ${terminalText(name)} (${label}, ${reading.subjects.length})\n`);
    return true;
  }
  io.stdout.write(`SALAH / INVALID ${terminalText(name)} (${label})\n`);
  for (const line of issueLines(name, reading, maxErrors)) io.stdout.write(`${line}\n`);
  return false;
}

function checkText(name: string, text: string, forcedKind: string | undefined): { kindLabel?: string; list: ValidationIssue[] } {
  const json = parseJsonText(text, name);
  if (json.isErr()) return { list: json.error.issues };
  const kind = forcedKind ? FILE_KINDS.find((entry) => entry.kind === forcedKind) : FILE_KINDS.find((entry) => entry.detect(json.value));
  if (!kind) {
    return {
      list: [{ path: '(root)', message: `cannot tell what kind of file this is; pass --kind (${FILE_KINDS.map((entry) => entry.kind).join(', ')})` }],
    };
  }
  const label = `${kind.label.id} / ${kind.label.en}`;
  const result = kind.schema.safeParse(json.value);
  return { kindLabel: label, list: result.success ? [] : invalidInputFromZod(name, result.error).issues };
}
