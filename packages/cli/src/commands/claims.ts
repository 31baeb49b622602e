import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonText } from '@sipansos/core';
import { BUILTIN_CLAIMS, CLAIM_TOPICS, claimFromFields, importClaimReviews, importClaimsCsv, type Claim, type ClaimImportError, type ClaimTopic } from '@sipansos/core/rules';
import { loadClaims, officeClaimsFile, readOfficeClaims, writeOfficeClaims } from '../claims/office-claims.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { configErrorLine } from '../runtime/runtime-error.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { decodeUtf8, utf8Problem } from '../runtime/utf8-text.js';

const USAGE = `sipansos claims list [--office] [--json] [--config F]
sipansos claims add --wording TEKS [--wording TEKS ...] --verdict PUTUSAN --url URL
                    --publisher PENERBIT --date YYYY-MM-DD [--topic TOPIK ...] [--id ID]
                    [--wording-en TEXT ...] [--replace] [--json] [--config F]
sipansos claims import <berkas.jsonld|berkas.json|berkas.csv> [--topic TOPIK ...] [--dry-run]
                    [--json] [--config F]

Daftar klaim palsu yang sudah dibantah, yang dicocokkan aturan hoaks (predikat "claim"). SIPANSOS
membawa daftar bawaan (${BUILTIN_CLAIMS.length} klaim pemilu, masing-masing dengan tautan bantahannya); klaim kantor
disimpan di claims.json di samping berkas konfigurasi dan digabung di atas daftar bawaan (id yang
sama menggantikan klaim bawaan). run dan import memakai daftar gabungan itu; scan (tanpa kantor)
memakai daftar bawaan.

  list     menampilkan klaim (bawaan dan kantor; --office hanya kantor)
  add      menambah satu klaim kantor; PUTUSAN: Salah, Hoaks, Menyesatkan, Keluar konteks,
           Manipulasi (atau false, misleading, out_of_context, manipulated); id yang sudah ada
           di claims.json hanya diganti dengan --replace
  import   membaca ClaimReview schema.org (JSON-LD: satu objek, daftar, atau @graph) atau CSV
           dengan baris judul (id, klaim/wording, putusan/verdict, tautan/url, penerbit/publisher,
           tanggal/date, topik/topics; beberapa nilai dipisah "|"); id yang sama diperbarui.
           Setiap masalah disebut dengan baris/butir dan kolomnya; bila ada masalah tidak ada
           yang ditulis. --dry-run hanya memeriksa.

A list of debunked false claims that the hoax rules match (the "claim" predicate). SIPANSOS ships a
built-in list (${BUILTIN_CLAIMS.length} election claims, each with its debunk's address); the office's own claims are
kept in claims.json beside the configuration file and merged over the built-in list (the same id
replaces a built-in claim). run and import use the merged list; scan (no office) uses the
built-in list.

  list     shows the claims (built-in and office; --office: only the office's)
  add      adds one office claim; VERDICT: false, misleading, out_of_context, manipulated (or the
           fact-checkers' words: Salah, Hoaks, Menyesatkan, ...); an id already in claims.json is
           replaced only with --replace
  import   reads schema.org ClaimReview (JSON-LD: one object, a list, or @graph) or a CSV with a
           header row (id, wording, verdict, url, publisher, date, topics; several values
           separated by "|"); the same id is updated. Every problem names its row/item and
           field; on any problem nothing is written. --dry-run only checks.

  --topic TOPIK    ${CLAIM_TOPICS.join(', ')}
                   (tanpa --topic ditebak dari kata-kata klaim / guessed from the wording if absent)
  --json           keluaran JSON, satu baris per klaim / JSON output, one line per claim
`;

export const claimsCommand: CliCommand = {
  name: 'claims',
  summary: { id: 'daftar klaim palsu yang sudah dibantah', en: 'the list of debunked false claims' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [action, ...rest] = args;
    if (action === 'list') return listClaims(rest, io);
    if (action === 'add') return addClaim(rest, io);
    if (action === 'import') return importClaims(rest, io);
    printError(io, 'pilih "list", "add" atau "import": sipansos claims list', 'choose "list", "add" or "import": sipansos claims list');
    return EXIT.usage;
  },
};

async function officeConfig(io: CliIo, configPath: string | undefined): Promise<LoadedConfig | number> {
  const config = await loadConfig(configPath ?? 'sipansos.config.json', io.cwd);
  if (config.isOk()) return config.value;
  const line = configErrorLine(config.error);
  printError(io, line.id, line.en);
  return EXIT.problem;
}

function topicsOption(io: CliIo, values: string[] | undefined): ClaimTopic[] | undefined | number {
  if (!values || values.length === 0) return undefined;
  const unknown = values.find((value) => !(CLAIM_TOPICS as readonly string[]).includes(value));
  if (unknown !== undefined) {
    printError(io, `--topic "${unknown}" tidak dikenal; pilih ${CLAIM_TOPICS.join(', ')}`, `--topic "${unknown}" is not known; choose ${CLAIM_TOPICS.join(', ')}`);
    return EXIT.usage;
  }
  return values as ClaimTopic[];
}

function printImportError(io: CliIo, error: ClaimImportError): void {
  printError(io, `${error.source}: ada masalah, tidak ada yang ditulis`, `${error.source}: there are problems, nothing written`);
  for (const issue of error.issues.slice(0, 50)) io.stderr.write(`  ${terminalText(error.source, 120)} ${terminalText(issue.path, 120)}: ${terminalText(issue.message, 400)}\n`);
  if (error.issues.length > 50) io.stderr.write(`  ${error.issues.length} masalah, ${error.issues.length - 50} tidak ditampilkan / ${error.issues.length} problems, ${error.issues.length - 50} not shown\n`);
}

async function save(io: CliIo, file: string, claims: readonly Claim[]): Promise<number | undefined> {
  try {
    await writeOfficeClaims(file, claims);
    return undefined;
  } catch (error) {
    printError(io, `tidak dapat menulis ${file}: ${(error as Error).message}`, `cannot write ${file}: ${(error as Error).message}`);
    return EXIT.failure;
  }
}

async function listClaims(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, json: { type: 'boolean', default: false }, office: { type: 'boolean', default: false } });
  if ('exitCode' in parsed) return parsed.exitCode;
  const config = await officeConfig(io, parsed.values.config);
  if (typeof config === 'number') return config;
  const loaded = await loadClaims(config);
  if ('problem' in loaded) {
    printError(io, loaded.problem.id, loaded.problem.en);
    return EXIT.problem;
  }
  const officeIds = new Set(loaded.office.map((claim) => claim.id));
  const shown = parsed.values.office ? loaded.office : loaded.claims;
  if (parsed.values.json) {
    for (const claim of shown) io.stdout.write(`${terminalJson({ ...claim, origin: officeIds.has(claim.id) ? 'office' : 'builtin' })}\n`);
    return EXIT.ok;
  }
  // Wordings and publishers may come from files someone else wrote: escapes are shown, not obeyed.
  for (const claim of shown) {
    const origin = officeIds.has(claim.id) ? 'kantor' : 'bawaan';
    io.stdout.write(`${terminalText(claim.id, 64).padEnd(44)} ${origin.padEnd(7)} ${claim.verdict.padEnd(15)} ${claim.review.date}  ${terminalText(claim.review.publisher, 40)}\n`);
    io.stdout.write(`    ${terminalText(claim.wordings[0]!, 140)}\n    ${terminalText(claim.review.url, 200)}\n`);
  }
  io.stdout.write(`${shown.length} klaim / claims (${loaded.office.length} kantor / office, ${loaded.claims.length - loaded.office.length} bawaan / built-in${parsed.values.office ? '' : ' dipakai / in use'})\n`);
  return EXIT.ok;
}

async function addClaim(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, io, {
    ...CONFIG_OPTION,
    wording: { type: 'string', multiple: true },
    'wording-en': { type: 'string', multiple: true },
    verdict: { type: 'string' },
    url: { type: 'string' },
    publisher: { type: 'string' },
    date: { type: 'string' },
    topic: { type: 'string', multiple: true },
    id: { type: 'string' },
    replace: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  const missing = (['wording', 'verdict', 'url', 'publisher', 'date'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    const list = missing.map((name) => `--${name}`).join(', ');
    printError(io, `sebutkan ${list}: sipansos claims add --wording "..." --verdict Salah --url https://... --publisher "..." --date YYYY-MM-DD`, `give ${list}: sipansos claims add --wording "..." --verdict false --url https://... --publisher "..." --date YYYY-MM-DD`);
    return EXIT.usage;
  }
  const topics = topicsOption(io, values.topic);
  if (typeof topics === 'number') return topics;
  const built = claimFromFields(
    { id: values.id, wordings: values.wording!, wordingsEn: values['wording-en'], verdict: values.verdict!, url: values.url!, publisher: values.publisher!, date: values.date!, topics },
    { idPrefix: 'kantor' },
  );
  if (built.isErr()) {
    const option = (field: string) => ({ wordings: '--wording', wordingsEn: '--wording-en', topics: '--topic' })[field] ?? `--${field}`;
    printError(io, 'klaim tidak sah, tidak ada yang ditulis', 'invalid claim, nothing written');
    for (const issue of built.error) io.stderr.write(`  ${option(issue.field)}: ${terminalText(issue.message, 400)}\n`);
    return EXIT.problem;
  }
  const claim = built.value;
  const config = await officeConfig(io, values.config);
  if (typeof config === 'number') return config;
  const file = officeClaimsFile(config);
  const existing = await readOfficeClaims(file);
  if ('problem' in existing) {
    printError(io, `${existing.problem.id}; tidak ada yang ditulis`, `${existing.problem.en}; nothing written`);
    return EXIT.problem;
  }
  const at = existing.claims.findIndex((known) => known.id === claim.id);
  if (at >= 0 && !values.replace) {
    printError(io, `klaim "${claim.id}" sudah ada di ${file}; pakai --replace untuk menggantinya atau --id lain`, `claim "${claim.id}" is already in ${file}; use --replace to replace it or another --id`);
    return EXIT.problem;
  }
  const next = at >= 0 ? existing.claims.map((known, index) => (index === at ? claim : known)) : [...existing.claims, claim];
  const failed = await save(io, file, next);
  if (failed !== undefined) return failed;
  const overrides = BUILTIN_CLAIMS.some((known) => known.id === claim.id);
  if (values.json) io.stdout.write(`${terminalJson({ file, action: at >= 0 ? 'replaced' : 'added', overridesBuiltin: overrides, claim })}\n`);
  else {
    io.stdout.write(`${file}: klaim "${claim.id}" ${at >= 0 ? 'diganti / replaced' : 'ditambahkan / added'} (${claim.verdict}; ${claim.topics.join(', ')})\n`);
    if (overrides) io.stdout.write(`  menggantikan klaim bawaan dengan id yang sama / replaces the built-in claim with the same id\n`);
  }
  return EXIT.ok;
}

async function importClaims(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, topic: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, true);
  if ('exitCode' in parsed) return parsed.exitCode;
  const source = parsed.positionals[0];
  if (!source || parsed.positionals.length > 1) {
    printError(io, 'sebutkan satu berkas: sipansos claims import <berkas.jsonld|berkas.csv>', 'name one file: sipansos claims import <file.jsonld|file.csv>');
    return EXIT.usage;
  }
  const topics = topicsOption(io, parsed.values.topic);
  if (typeof topics === 'number') return topics;
  const extension = path.extname(source).toLowerCase();
  if (!['.csv', '.json', '.jsonld'].includes(extension)) {
    printError(io, `${source}: berkas harus .jsonld, .json (ClaimReview) atau .csv`, `${source}: the file must be .jsonld, .json (ClaimReview) or .csv`);
    return EXIT.usage;
  }
  const config = await officeConfig(io, parsed.values.config);
  if (typeof config === 'number') return config;
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(io.cwd, source));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    printError(io, `tidak dapat membaca ${source} (${code})`, `cannot read ${source} (${code})`);
    return EXIT.problem;
  }
  const decoded = decodeUtf8(bytes);
  if ('invalidLine' in decoded) {
    const line = utf8Problem(source, decoded.invalidLine);
    printError(io, line.id, line.en);
    return EXIT.problem;
  }
  const options = { source, ...(topics ? { topics } : {}) };
  let incoming: Claim[];
  if (extension === '.csv') {
    const read = importClaimsCsv(decoded.text, options);
    if (read.isErr()) {
      printImportError(io, read.error);
      return EXIT.problem;
    }
    incoming = read.value;
  } else {
    const json = parseJsonText(decoded.text, source);
    if (json.isErr()) {
      printError(io, `${source} bukan JSON yang sah: ${json.error.message}`, `${source} is not valid JSON: ${json.error.message}`);
      return EXIT.problem;
    }
    const read = importClaimReviews(json.value, options);
    if (read.isErr()) {
      printImportError(io, read.error);
      return EXIT.problem;
    }
    incoming = read.value;
  }
  const file = officeClaimsFile(config);
  const existing = await readOfficeClaims(file);
  if ('problem' in existing) {
    printError(io, `${existing.problem.id}; tidak ada yang ditulis`, `${existing.problem.en}; nothing written`);
    return EXIT.problem;
  }
  const byId = new Map(existing.claims.map((claim) => [claim.id, claim]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const claim of incoming) {
    const before = byId.get(claim.id);
    if (!before) added++;
    else if (JSON.stringify(before) === JSON.stringify(claim)) unchanged++;
    else updated++;
    byId.set(claim.id, claim);
  }
  const merged = [...byId.values()];
  const dryRun = parsed.values['dry-run'];
  if (!dryRun) {
    const failed = await save(io, file, merged);
    if (failed !== undefined) return failed;
  }
  if (parsed.values.json) {
    io.stdout.write(`${terminalJson({ file, dryRun, read: incoming.length, added, updated, unchanged, office: merged.length, builtin: BUILTIN_CLAIMS.length, ids: incoming.map((claim) => claim.id) })}\n`);
    return EXIT.ok;
  }
  const summary = `${incoming.length} klaim dibaca / claims read: ${added} baru / new, ${updated} diperbarui / updated, ${unchanged} tetap / unchanged; ${merged.length} klaim kantor / office claims`;
  io.stdout.write(dryRun ? `uji coba, tidak ditulis / dry run, not written: ${summary}\n` : `${file}: ${summary}\n`);
  return EXIT.ok;
}
