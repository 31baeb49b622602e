import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { invalidInputFromZod, parseJsonText, parseSubjectsCsv, type ValidationIssue } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { FILE_KINDS } from '../validate/file-kinds.js';

const USAGE = `sipansos validate [--kind KIND] <file>...

Memeriksa berkas subjek (JSON atau CSV), konteks pemilihan, konfigurasi, dan set aturan. Setiap
masalah dicetak dengan letaknya dan bentuk yang diharapkan. Keluar dengan kode 1 bila ada masalah.

Checks subjects files (JSON or CSV), election contexts, configs and rule sets. Every problem is
printed with its location and the expected form. Exits 1 on any problem.

  --kind KIND   ${FILE_KINDS.map((kind) => kind.kind).join(' | ')} (default: detected from content)
`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: { id: 'periksa berkas subjek, konteks, konfigurasi, set aturan', en: 'check subjects, context, config and rule-set files' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { kind: { type: 'string' } } });
    } catch (error) {
      printError(io, `argumen tidak dikenal: ${(error as Error).message}`, `unknown argument: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const forcedKind = parsed.values.kind;
    if (forcedKind && !FILE_KINDS.some((kind) => kind.kind === forcedKind)) {
      printError(io, `--kind harus salah satu dari ${FILE_KINDS.map((kind) => kind.kind).join(', ')}`, `--kind must be one of ${FILE_KINDS.map((kind) => kind.kind).join(', ')}`);
      return EXIT.usage;
    }
    if (parsed.positionals.length === 0) {
      printError(io, 'sebutkan berkas yang diperiksa', 'name the files to check');
      return EXIT.usage;
    }
    let problems = 0;
    for (const name of parsed.positionals) {
      const file = path.resolve(io.cwd, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        printError(io, `tidak dapat membaca ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, `cannot read ${name}`);
        problems++;
        continue;
      }
      const issues = checkText(name, text, forcedKind);
      if (issues.kindLabel && issues.list.length === 0) {
        io.stdout.write(`OK ${name} (${issues.kindLabel})\n`);
        continue;
      }
      problems++;
      io.stdout.write(`SALAH / INVALID ${name}${issues.kindLabel ? ` (${issues.kindLabel})` : ''}\n`);
      for (const issue of issues.list) {
        const where = issue.line !== undefined ? `${name}:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}` : name;
        io.stdout.write(`  ${where} ${issue.path}: ${issue.message}\n`);
      }
    }
    return problems > 0 ? EXIT.problem : EXIT.ok;
  },
};

function checkText(name: string, text: string, forcedKind: string | undefined): { kindLabel?: string; list: ValidationIssue[] } {
  if (/\.csv$/i.test(name) && (!forcedKind || forcedKind === 'subjects')) {
    const result = parseSubjectsCsv(text, name);
    return { kindLabel: 'daftar subjek / subjects (CSV)', list: result.isErr() ? result.error.issues : [] };
  }
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
