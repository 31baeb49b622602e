import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ElectionContextSchema,
  invalidInputFromZod,
  type Item,
  ItemSchema,
  parseJsonText,
  parseSubjectsJson,
  type ElectionContext,
  type Subject,
} from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules, evaluateItem, parseRuleSet, type RuleSet } from '@sipansos/core/rules';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { parseCommandArgs } from '../runtime/cli-options.js';
import { openInputStream } from '../runtime/input-file.js';
import { terminalJson } from '../runtime/terminal-text.js';
import { readLines } from '../scan/read-lines.js';
import { scanMedia } from '../scan/scan-media.js';
import { subjectIndex } from '../scan/subject-by-account.js';
import { decodeUtf8, utf8Problem } from '../runtime/utf8-text.js';

/** A line longer than this is reported and skipped rather than held in memory. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

const USAGE = `sipansos scan --context election.json --subjects subjects.json [--rules aturan.json]... [--no-builtin] [--now WAKTU] [--media --blobs DIR [--no-ocr]] <items.jsonl | ->

Mencocokkan item (JSON Lines: satu Item SIPANSOS per baris; "-" = stdin) dengan set aturan dan
menulis satu temuan JSON per baris ke stdout. Temuan adalah tanda untuk ditinjau petugas, bukan
putusan. Item dicocokkan dengan subjek lewat akun penulisnya: platform + id akun, atau platform +
handle (tanpa "@", huruf besar/kecil sama) pada daftar akun subjek; item tanpa subjek dilewati
dan dihitung. Baris rusak dilaporkan ke stderr dengan nomor barisnya lalu dilewati. Masukan
dibaca mengalir (memori tetap kecil walau berkasnya 1 GB).

Matches items (JSON Lines: one SIPANSOS Item per line; "-" = stdin) against the rule sets and
writes one JSON finding per line to stdout. A finding is a flag for human review, not a verdict.
An item's subject is found by its author account: platform + account id, or platform + handle
(without "@", case-insensitive) among the subjects' accounts; items without a subject are
skipped and counted. A malformed line is reported on stderr with its line number and skipped.
Input is streamed (memory stays small even for a 1 GB file).

  --context FILE    konteks pemilihan / election context (required)
  --subjects FILE   daftar subjek / subjects list (required)
  --rules FILE      set aturan tambahan; id yang sama mengganti bawaan (boleh berulang) /
                    extra rule set; the same id replaces a built-in one (repeatable)
  --no-builtin      tanpa set aturan bawaan / without the built-in rule sets
  --now TIME        waktu evaluasi ISO (bawaan: sekarang), juga waktu tindakan bila item tak
                    punya waktu / evaluation time (default: now), also the act time of items
                    without one
  --media           baca juga gambar item (media[].blobSha256): teks di poster/spanduk (OCR,
                    Tesseract) diperiksa aturan sebagai media_text, dan gambar yang cocok dengan
                    gambar akun paslon menjadi temuan "membagikan materi kampanye paslon N" /
                    also read the items' pictures: text in posters and banners (OCR) goes through
                    the rules as media_text, and pictures matching a pair's own become findings
                    "shares campaign material of pair N"
  --blobs DIR       folder gambar untuk --media: <sha256>, <ab>/<sha256> atau folder penyimpanan
                    / image folder for --media: <sha256>, <ab>/<sha256> or a store folder
  --no-ocr          dengan --media: hanya pencocokan gambar / with --media: picture matching only

Setiap baris keluaran / each output line: itemId, subjectId, ruleId, ruleSetId, ruleSetVersion,
category, sanction (semua kelas sanksi yang mungkin / every possible sanction class), legalBasis,
phase, spans (field, start, end, text: posisi UTF-16 pada teks asli / UTF-16 offsets into the
original text), dan medan Finding lainnya / and the other Finding fields.

Kode keluar / exit codes:
  0  semua baris terbaca (ada atau tidak ada temuan) / every line read (with or without findings)
  1  ada baris rusak yang dilewati, atau konteks/subjek/aturan tidak sah /
     some lines were malformed and skipped, or the context, subjects or rules are invalid
  2  pemakaian salah / usage error
  3  masukan tidak dapat dibaca / the input could not be read
`;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: { id: 'cocokkan item JSONL dengan set aturan, tulis temuan JSONL', en: 'match JSONL items against the rule sets, write JSONL findings' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      {
        context: { type: 'string' },
        subjects: { type: 'string' },
        rules: { type: 'string', multiple: true },
        'no-builtin': { type: 'boolean', default: false },
        now: { type: 'string' },
        media: { type: 'boolean', default: false },
        blobs: { type: 'string' },
        'no-ocr': { type: 'boolean', default: false },
      },
      true,
    );
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    if (!values.context || !values.subjects || positionals.length !== 1) {
      printError(io, 'perlu --context, --subjects dan satu berkas item (atau "-")', 'need --context, --subjects and one items file (or "-")');
      return EXIT.usage;
    }
    if (values.media && !values.blobs) {
      printError(io, '--media perlu --blobs DIR (folder gambar)', '--media needs --blobs DIR (the image folder)');
      return EXIT.usage;
    }
    const now = values.now ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(now))) {
      printError(io, `--now bukan waktu ISO: ${now}`, `--now is not an ISO time: ${now}`);
      return EXIT.usage;
    }

    const context = await readContext(path.resolve(io.cwd, values.context), io);
    if (!context) return EXIT.problem;
    const subjects = await readSubjects(path.resolve(io.cwd, values.subjects), io);
    if (!subjects) return EXIT.problem;
    const ruleSets = await readRuleSets(values.rules ?? [], values['no-builtin'] ?? false, io);
    if (!ruleSets) return EXIT.problem;
    const compiled = compileRules(ruleSets, context);
    if (compiled.isErr()) {
      printError(io, `set aturan tidak dapat dikompilasi: ${compiled.error.message}`, `rule sets do not compile: ${compiled.error.message}`);
      return EXIT.problem;
    }

    const source = positionals[0]!;
    let input: NodeJS.ReadableStream;
    try {
      input = source === '-' ? io.stdin : await openInputStream(path.resolve(io.cwd, source));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      printError(io, `masukan ${source} tidak dapat dibaca (${code})`, `cannot read input ${source} (${code})`);
      return EXIT.failure;
    }
    // Ctrl-C while waiting for input (a quiet pipe, a FIFO): stop reading at once.
    const stop = (): void => void (input as { destroy?: () => void }).destroy?.();
    if (io.signal?.aborted) return EXIT.interrupted;
    io.signal?.addEventListener('abort', stop, { once: true });
    const findSubject = subjectIndex(subjects);
    const media = values.media ? scanMedia({ context, subjects, rules: compiled.value, blobsDir: path.resolve(io.cwd, values.blobs!), ocr: !values['no-ocr'] }) : undefined;
    const captureId = `scan:${source === '-' ? 'stdin' : path.basename(source)}`;
    const counts = { items: 0, findings: 0, malformed: 0, noSubject: 0 };
    const output = { closed: false };
    (io.stdout as Output).on?.('error', (error) => {
      // The reader stopped reading (e.g. `| head`): stop quietly, like other Unix tools.
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') output.closed = true;
    });
    try {
      for await (const line of readLines(input as AsyncIterable<Buffer | string>, MAX_LINE_BYTES)) {
        if ('tooLong' in line) {
          counts.malformed++;
          printError(io, `baris ${line.number}: terlalu panjang (${line.bytes} bita), dilewati`, `line ${line.number}: too long (${line.bytes} bytes), skipped`);
          continue;
        }
        if (line.text.trim().length === 0) continue;
        const json = parseJsonText(line.text, `${source}:${line.number}`);
        const item = json.isOk() ? ItemSchema.safeParse(json.value) : undefined;
        if (!item?.success) {
          counts.malformed++;
          const why = json.isErr() ? json.error.issues[0]?.message ?? json.error.message : item ? invalidInputFromZod('item', item.error).message.replace(/^item: /, '') : 'invalid';
          printError(io, `baris ${line.number}: bukan Item yang sah (${why}), dilewati`, `line ${line.number}: not a valid Item (${why}), skipped`);
          continue;
        }
        counts.items++;
        const subject = findSubject(item.data);
        const imageFindings = media ? await mediaFindings(media, item.data, subject, captureId, now, line.number, io) : [];
        if (!subject && imageFindings.length === 0) {
          counts.noSubject++;
          continue;
        }
        for (const finding of [...(subject ? evaluateItem(compiled.value, { item: item.data, subject, evidence: { captureId, rawBlobs: [] }, now }) : []), ...imageFindings]) {
          counts.findings++;
          if (!(await write(io, `${terminalJson({ itemId: finding.itemKey.slice(finding.itemKey.indexOf(':') + 1), line: line.number, sanction: finding.sanctions, ...finding })}\n`, output))) break;
        }
        if (output.closed) return EXIT.ok;
        if (io.signal?.aborted) break;
      }
    } catch (error) {
      if (output.closed) return EXIT.ok;
      if (io.signal?.aborted) return stopped(io, counts);
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      printError(io, `masukan ${source} tidak dapat dibaca (${code})`, `cannot read input ${source} (${code})`);
      return EXIT.failure;
    } finally {
      io.signal?.removeEventListener('abort', stop);
    }
    if (output.closed) return EXIT.ok;
    if (io.signal?.aborted) return stopped(io, counts);
    io.stderr.write(
      `selesai: ${counts.items} item, ${counts.findings} temuan, ${counts.malformed} baris rusak dilewati, ${counts.noSubject} item tanpa subjek / done: ${counts.items} items, ${counts.findings} findings, ${counts.malformed} malformed lines skipped, ${counts.noSubject} items without a subject\n`,
    );
    return counts.malformed > 0 ? EXIT.problem : EXIT.ok;
  },
};

/** The findings an item's pictures give; problems with single images go to stderr and the scan goes on. */
async function mediaFindings(media: ReturnType<typeof scanMedia>, item: Item, subject: Subject | undefined, captureId: string, now: string, lineNumber: number, io: CliIo) {
  const result = await media.process(item, subject, captureId, now);
  if (result.ocrSkipped) io.stderr.write(`OCR dilewati / OCR skipped: ${result.ocrSkipped}\n`);
  for (const problem of result.problems) printError(io, `baris ${lineNumber}: gambar ${problem}`, `line ${lineNumber}: image ${problem}`);
  return result.findings;
}

function stopped(io: CliIo, counts: { items: number; findings: number }): number {
  io.stderr.write(`dihentikan setelah ${counts.items} item, ${counts.findings} temuan / stopped after ${counts.items} items, ${counts.findings} findings\n`);
  return EXIT.interrupted;
}

type Output = { write(text: string): unknown; once?: (event: 'drain' | 'error' | 'close', listener: (error?: unknown) => void) => unknown; on?: (event: 'error', listener: (error: NodeJS.ErrnoException) => void) => unknown };

/**
 * Respect back-pressure so a slow consumer of stdout does not make findings pile up in memory.
 * Resolves false once the reader has gone away (EPIPE, e.g. `| head`), so the scan can stop.
 */
async function write(io: CliIo, text: string, state: { closed: boolean }): Promise<boolean> {
  if (state.closed) return false;
  const stdout = io.stdout as Output;
  if (stdout.write(text) === false && typeof stdout.once === 'function') {
    await new Promise<void>((resolve) => {
      stdout.once!('drain', () => resolve());
      stdout.once!('close', () => resolve());
      stdout.once!('error', () => resolve());
    });
  }
  return !state.closed;
}

async function readText(file: string, io: CliIo): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    printError(io, `tidak dapat membaca ${file} (${code})`, `cannot read ${file} (${code})`);
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  const problem = utf8Problem(file, decoded.invalidLine);
  printError(io, problem.id, problem.en);
  return undefined;
}

async function readContext(file: string, io: CliIo): Promise<ElectionContext | undefined> {
  const text = await readText(file, io);
  if (text === undefined) return undefined;
  const json = parseJsonText(text, file);
  if (json.isErr()) {
    printError(io, `konteks tidak sah: ${json.error.message}`, `invalid context: ${json.error.message}`);
    return undefined;
  }
  const parsed = ElectionContextSchema.safeParse(json.value);
  if (!parsed.success) {
    const message = invalidInputFromZod(file, parsed.error).message;
    printError(io, `konteks tidak sah: ${message}`, `invalid context: ${message}`);
    return undefined;
  }
  return parsed.data;
}

async function readSubjects(file: string, io: CliIo): Promise<Subject[] | undefined> {
  const text = await readText(file, io);
  if (text === undefined) return undefined;
  const parsed = parseSubjectsJson(text, file);
  if (parsed.isErr()) {
    printError(io, `daftar subjek tidak sah: ${parsed.error.message}`, `invalid subjects: ${parsed.error.message}`);
    return undefined;
  }
  return parsed.value;
}

async function readRuleSets(files: string[], noBuiltin: boolean, io: CliIo): Promise<RuleSet[] | undefined> {
  const byId = new Map<string, RuleSet>(noBuiltin ? [] : BUILTIN_RULE_SETS.map((ruleSet) => [ruleSet.id, ruleSet]));
  for (const name of files) {
    const file = path.resolve(io.cwd, name);
    const text = await readText(file, io);
    if (text === undefined) return undefined;
    const parsed = parseRuleSet(text, name);
    if (parsed.isErr()) {
      printError(io, `set aturan tidak sah: ${parsed.error.message}`, `invalid rule set: ${parsed.error.message}`);
      return undefined;
    }
    byId.set(parsed.value.id, parsed.value);
  }
  if (byId.size === 0) {
    printError(io, 'tidak ada set aturan (--no-builtin tanpa --rules)', 'no rule sets (--no-builtin without --rules)');
    return undefined;
  }
  return [...byId.values()];
}
