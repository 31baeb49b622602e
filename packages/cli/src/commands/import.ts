import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseFacebookPage } from '@sipansos/adapter-facebook';
import { parseInstagramPage } from '@sipansos/adapter-instagram';
import { appendIfAbsent, parseSubjectsFile, type Capture, type Finding, type Account, type Platform, type Subject } from '@sipansos/core';
import { buildManualCapture, platformFromUrl, type SavedPageParser } from '@sipansos/core/adapter-kit';
import { parseRecord, type AuditEntry } from '@sipansos/core/evidence';
import { evaluateItem } from '@sipansos/core/rules';
import { type EvidenceStoreV1 } from '@sipansos/core/spec';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { loadContext } from '../runtime/load-context.js';
import { loadRules } from '../runtime/load-rules.js';
import { configErrorLine, storeErrorLine, type BilingualLine } from '../runtime/runtime-error.js';
import { closeWriterStore, printStoreRecovery, readOnlyStoreLine } from '../runtime/store-integrity.js';
import { createConfiguredStore } from '../runtime/configured-store.js';
import { loadSigningKey } from '../runtime/signing-key.js';
import { terminalText } from '../runtime/terminal-text.js';

/**
 * Page parsers for saved pages, per platform. X has none yet: its saved pages are kept as
 * evidence without Items until adapter-x exports one.
 */
export const SAVED_PAGE_PARSERS: Partial<Record<Platform, SavedPageParser>> = {
  facebook: parseFacebookPage,
  instagram: parseInstagramPage,
};

/** Largest file accepted: a saved page with its images, or a long screenshot. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

const USAGE = `sipansos import <berkas|file> --subject ID --url URL [--note TEKS] [--actor NAMA]
                [--platform x|facebook|instagram] [--handle AKUN] [--json] [--config F]

Menyimpan apa yang direkam petugas — halaman yang disimpan peramban (HTML atau MHTML) atau
tangkapan layar (PNG/JPEG) — sebagai rekaman bukti "manual": byte berkas sebagai blob dengan
sha256-nya, siapa yang mengimpor dan kapan, URL, catatan, dan untuk halaman Facebook/Instagram
yang disimpan, unggahan dan komentar yang terbaca darinya. Tangkapan layar adalah bukti tanpa
unggahan. Halaman login atau pemeriksaan keamanan ditolak (tidak ada yang disimpan). Setiap
impor dicatat di log audit. Mengimpor berkas yang sama lagi untuk akun dan URL yang sama tidak
menyimpan apa pun dua kali; impor yang terhenti di tengah diselesaikan dengan perintah yang sama.

Stores what a supervisor saved — a browser-saved page (HTML or MHTML) or a screenshot
(PNG/JPEG) — as a "manual" evidence capture: the file's bytes as a blob with its sha256, who
imported it and when, the URL, the note, and for saved Facebook/Instagram pages the posts and
comments read from it. A screenshot is evidence without items. A login wall or security-check
page is refused (nothing is stored). Every import is recorded in the audit log. Importing the
same file again for the same account and URL stores nothing twice; an import stopped part-way
is completed by running the same command again.

  --subject ID     subjek pemilik akun / the subject whose account this documents
  --url URL        alamat halaman yang dilihat / the address of the page as seen
  --note TEKS      catatan petugas / the supervisor's note
  --actor NAMA     siapa yang mengimpor (bawaan: actor di konfigurasi) / who imports (default: config actor)
  --platform P     bila tidak terbaca dari URL / when the URL does not tell
  --handle AKUN    akun subjek yang dimaksud, bila ada beberapa / which of the subject's accounts
  --json           ringkasan sebagai JSON / summary as JSON
`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: { id: 'simpan halaman tersimpan atau tangkapan layar sebagai bukti', en: 'store a saved page or screenshot as evidence' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      {
        ...CONFIG_OPTION,
        subject: { type: 'string' },
        url: { type: 'string' },
        note: { type: 'string' },
        actor: { type: 'string' },
        platform: { type: 'string' },
        handle: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      true,
    );
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const fileName = positionals[0];
    if (!fileName || positionals.length > 1) {
      printError(io, 'sebutkan satu berkas: sipansos import <berkas> --subject ID --url URL', 'name one file: sipansos import <file> --subject ID --url URL');
      return EXIT.usage;
    }
    if (!values.subject) {
      printError(io, '--subject wajib: id subjek pemilik akun', '--subject is required: the id of the subject whose account this documents');
      return EXIT.usage;
    }
    if (!values.url || !/^https?:\/\//i.test(values.url) || !URL.canParse(values.url)) {
      printError(io, '--url wajib dan harus alamat http(s) lengkap, mis. https://www.facebook.com/nama.akun', '--url is required and must be a full http(s) address, e.g. https://www.facebook.com/account.name');
      return EXIT.usage;
    }
    if (values.note !== undefined && values.note.length > 4000) {
      printError(io, '--note paling banyak 4000 karakter', '--note may hold at most 4000 characters');
      return EXIT.usage;
    }
    const platform = values.platform ?? platformFromUrl(values.url);
    if (!platform) {
      printError(io, `platform tidak terbaca dari ${values.url}; beri --platform x|facebook|instagram`, `cannot tell the platform from ${values.url}; pass --platform x|facebook|instagram`);
      return EXIT.usage;
    }

    const file = path.resolve(io.cwd, fileName);
    let bytes: Uint8Array;
    try {
      const info = await stat(file);
      if (info.size > MAX_FILE_BYTES) {
        printError(io, `${fileName} lebih besar dari ${MAX_FILE_BYTES / 1024 / 1024} MB`, `${fileName} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
        return EXIT.problem;
      }
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      printError(io, `tidak dapat membaca ${fileName} (${code})`, `cannot read ${fileName} (${code})`);
      return EXIT.problem;
    }

    const loaded = await loadConfig(values.config ?? 'sipansos.config.json', io.cwd);
    if (loaded.isErr()) {
      const line = configErrorLine(loaded.error);
      printError(io, line.id, line.en);
      return EXIT.problem;
    }
    const config = loaded.value;
    const subjects = await readSubjects(config);
    if ('problem' in subjects) {
      printError(io, subjects.problem.id, subjects.problem.en);
      return EXIT.problem;
    }
    // Check the subject and account before the store is opened (and locked).
    const subject = subjects.subjects.find((entry) => entry.id === values.subject);
    if (!subject) {
      printError(io, `subjek "${values.subject}" tidak ada di ${config.config.subjects}`, `no subject "${values.subject}" in ${config.config.subjects}`);
      return EXIT.problem;
    }
    const account = pickAccount(subject, platform, values.handle ?? handleFromUrl(values.url));
    if ('problem' in account) {
      printError(io, account.problem.id, account.problem.en);
      return EXIT.problem;
    }
    const opened = await openStore(io, config);
    if ('exitCode' in opened) return opened.exitCode;
    const store = opened.store;
    try {
      const actor = values.actor ?? config.config.actor;
      const importedAt = new Date().toISOString();
      const parser = SAVED_PAGE_PARSERS[platform];
      const built = buildManualCapture({
        bytes,
        account: account.account,
        sourceUrl: values.url,
        importedBy: actor,
        importedAt,
        fileName: path.basename(fileName),
        ...(values.note ? { note: values.note } : {}),
        ...(parser ? { parser } : {}),
      });
      if (built.isErr()) {
        if (built.error.type === 'unauthorized') {
          printError(
            io,
            `halaman ini adalah halaman login atau pemeriksaan keamanan, bukan akun yang dimaksud; simpan lagi halaman itu saat sudah masuk. Tidak ada yang disimpan. (${built.error.message})`,
            `this page is a login wall or security check, not the account; save the page again while logged in. Nothing was stored. (${built.error.message})`,
          );
          return EXIT.problem;
        }
        printError(io, `berkas tidak dapat diimpor: ${built.error.message}`, `the file cannot be imported: ${built.error.message}`);
        return EXIT.problem;
      }
      const { blob, warnings, format } = built.value;

      // Everything is decided before the first write. The capture id comes from the file, the
      // account and the address, so the same saved page imported again names the capture
      // already stored: it is reused, never written twice.
      const previous = await store.get('capture', built.value.capture.id);
      if (previous.isErr()) return storeFailure(io, previous.error);
      const earlier = previous.value?.record;
      const capture = earlier ?? built.value.capture;
      // What a person saw can break a rule as much as what an adapter read: run the rules on it.
      const ruled = await importFindings(config, subject, capture, importedAt);
      const findings = 'problem' in ruled ? [] : ruled.findings;
      if ('problem' in ruled) warnings.push(`aturan tidak dijalankan: ${ruled.problem.id} / rules not run: ${ruled.problem.en}`);
      const audit: AuditEntry = {
        id: `import-${capture.id}`,
        at: importedAt,
        actor,
        action: 'import.capture',
        target: { kind: 'capture', id: capture.id },
        details: {
          subjectId: subject.id,
          accountKey: capture.accountKey,
          sourceUrl: capture.manual?.sourceUrl ?? values.url,
          fileName: path.basename(fileName),
          format,
          blobSha256: blob.sha256,
          bytes: blob.bytes.byteLength,
          items: capture.items.length,
          ...(values.note ? { note: values.note } : {}),
          ...(built.value.parseProblem ? { parseProblem: built.value.parseProblem.type } : {}),
        },
      };
      // A record the store would refuse must stop the import before anything is written.
      const invalid = [parseRecord('audit', audit, `audit ${audit.id}`), ...findings.map((finding) => parseRecord('finding', finding, `finding ${finding.id}`))].find((checked) => checked.isErr());
      if (invalid?.isErr()) {
        printError(io, `rekaman tidak sah, tidak ada yang disimpan: ${invalid.error.message}`, `invalid record, nothing was stored: ${invalid.error.message}`);
        return EXIT.failure;
      }

      // Blob first (content-addressed, harmless if left alone), then the capture, its findings,
      // and the audit entry last. A failure part-way leaves records a repeated run completes:
      // each is appended only when its id is absent.
      const stored = await store.putBlob(blob.bytes);
      if (stored.isErr()) return storeFailure(io, stored.error);
      if (stored.value.sha256 !== blob.sha256) {
        printError(io, `store menyimpan blob dengan hash lain (${stored.value.sha256}); tidak ada rekaman yang ditulis`, `the store answered another hash (${stored.value.sha256}); no capture was written`);
        return EXIT.failure;
      }
      if (!earlier) {
        const appended = await store.append('capture', [capture]);
        if (appended.isErr()) return storeFailure(io, appended.error);
      }
      const appendedFindings = await appendIfAbsent(store, 'finding', findings);
      if (appendedFindings.isErr()) return partialFailure(io, appendedFindings.error);
      const audited = await appendIfAbsent(store, 'audit', [audit]);
      if (audited.isErr()) return partialFailure(io, audited.error);
      const findingCount = findings.length;
      const newFindings = appendedFindings.value.length;
      if (earlier) {
        warnings.push(
          `berkas ini sudah diimpor untuk akun dan alamat yang sama (${earlier.capturedAt}, oleh ${earlier.manual?.importedBy ?? '?'}); rekaman yang ada dipakai, tidak ada yang disimpan dua kali / this file was already imported for the same account and address (${earlier.capturedAt}, by ${earlier.manual?.importedBy ?? '?'}); the stored capture is reused, nothing is stored twice`,
        );
      }

      for (const warning of warnings) io.stderr.write(`peringatan / warning: ${terminalText(warning, 300)}\n`);
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ captureId: capture.id, alreadyStored: earlier !== undefined, blobSha256: blob.sha256, format, accountKey: capture.accountKey, items: capture.items.length, findings: findingCount, newFindings, warnings })}\n`);
      } else {
        io.stdout.write(`${earlier ? 'sudah tersimpan / already stored' : 'diimpor / imported'}: ${capture.id}\n`);
        io.stdout.write(`  berkas / file: ${terminalText(path.basename(fileName), 120)} (${format}, ${blob.bytes.byteLength} byte) sha256 ${blob.sha256}\n`);
        io.stdout.write(`  akun / account: ${capture.accountKey} — subjek / subject ${subject.id}\n`);
        io.stdout.write(`  unggahan terbaca / items read: ${capture.items.length}${format === 'png' || format === 'jpeg' ? ' (tangkapan layar / screenshot)' : ''}\n`);
        io.stdout.write(`  temuan / findings: ${findingCount}${earlier ? ` (baru / new: ${newFindings})` : ''}${findingCount > 0 ? ' — lihat / see: sipansos findings' : ''}\n`);
      }
      return EXIT.ok;
    } finally {
      await closeWriterStore(io, store);
    }
  },
};

/** The office's rules run on the imported items, for the subject the capture documents. */
async function importFindings(config: LoadedConfig, subject: Subject, capture: Capture, now: string): Promise<{ findings: Finding[] } | { problem: BilingualLine }> {
  if (capture.items.length === 0) return { findings: [] };
  const loadedContext = await loadContext(config);
  if ('problem' in loadedContext) return loadedContext;
  const loadedRules = await loadRules(config, loadedContext.context);
  if ('problem' in loadedRules) return loadedRules;
  const evidence = { captureId: capture.id, rawBlobs: capture.rawBlobs };
  return { findings: capture.items.flatMap((item) => evaluateItem(loadedRules.rules, { item, subject, evidence, now })) };
}

export async function readSubjects(config: LoadedConfig): Promise<{ subjects: Subject[] } | { problem: { id: string; en: string } }> {
  const file = config.resolve(config.config.subjects);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problem: { id: `daftar subjek ${file} tidak terbaca (${code})`, en: `cannot read the subjects file ${file} (${code})` } };
  }
  const parsed = parseSubjectsFile(text, file);
  if (parsed.isErr()) return { problem: { id: `daftar subjek tidak sah: ${parsed.error.message}`, en: `invalid subjects file: ${parsed.error.message}` } };
  return { subjects: parsed.value };
}

/** Open the office store as its writer, with the signing key when there is one. */
export async function openStore(io: CliIo, config: LoadedConfig): Promise<{ store: EvidenceStoreV1 } | { exitCode: number }> {
  const key = await loadSigningKey(config);
  if ('problem' in key) {
    printError(io, key.problem.id, key.problem.en);
    return { exitCode: EXIT.problem };
  }
  const signingKeyPem = key.pem;
  let store: EvidenceStoreV1;
  try {
    ({ store } = await createConfiguredStore(config, { access: 'write', checkpointOnClose: true, ...(signingKeyPem ? { signingKeyPem } : {}) }));
  } catch (error) {
    printError(io, `store tidak dapat dibuat: ${(error as Error).message}`, `cannot create the store: ${(error as Error).message}`);
    return { exitCode: EXIT.problem };
  }
  const opened = await store.open();
  if (opened.isErr()) {
    storeFailure(io, opened.error);
    return { exitCode: EXIT.failure };
  }
  printStoreRecovery(io, opened.value);
  if (opened.value.readOnly) {
    await store.close();
    const line = readOnlyStoreLine(opened.value);
    printError(io, line.id, line.en);
    return { exitCode: EXIT.failure };
  }
  return { store };
}

// The capture is stored but not all of its records: the same command completes them.
function partialFailure(io: CliIo, error: { type: string; message: string }): number {
  storeFailure(io, error);
  printError(io, 'bukti sudah tersimpan tetapi temuan/audit belum; jalankan perintah yang sama lagi untuk menyelesaikannya', 'the evidence is stored but not all its findings/audit; run the same command again to complete it');
  return EXIT.failure;
}

export function storeFailure(io: CliIo, error: { type: string; message: string }): number {
  const line = storeErrorLine(error);
  printError(io, line.id, line.en);
  return EXIT.failure;
}

/** The account name in a profile URL (`facebook.com/<name>`, `instagram.com/<name>/`, `x.com/<name>`). */
function handleFromUrl(url: string): string | undefined {
  try {
    const first = new URL(url).pathname.split('/').filter(Boolean)[0];
    if (!first || /^(p|reel|reels|tv|stories|profile\.php|story\.php|permalink\.php|photo|photo\.php|watch|groups|i|home|search|explore)$/i.test(first)) return undefined;
    return first;
  } catch {
    return undefined;
  }
}

export function pickAccount(subject: Subject, platform: Platform, handle: string | undefined): { account: Account } | { problem: { id: string; en: string } } {
  const onPlatform = subject.accounts.filter((account) => account.platform === platform);
  if (onPlatform.length === 0) {
    return {
      problem: {
        id: `subjek ${subject.id} tidak punya akun ${platform}; tambahkan dulu di daftar subjek (sipansos subjects import)`,
        en: `subject ${subject.id} has no ${platform} account; add it to the subjects file first (sipansos subjects import)`,
      },
    };
  }
  if (handle) {
    const match = onPlatform.find((account) => account.handle.toLowerCase() === handle.toLowerCase() || account.id === handle);
    if (match) return { account: match };
  }
  if (onPlatform.length === 1) return { account: onPlatform[0] as Account };
  const names = onPlatform.map((account) => account.handle).join(', ');
  return {
    problem: {
      id: `subjek ${subject.id} punya beberapa akun ${platform} (${names}); pilih dengan --handle`,
      en: `subject ${subject.id} has several ${platform} accounts (${names}); choose one with --handle`,
    },
  };
}
