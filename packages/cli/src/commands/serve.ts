import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMonitor, type Subject } from '@sipansos/core';
import { createWebApp, readUsersFile, startWebServer, USERS_FILE_NAME, type SubjectImporter } from '@sipansos/web';
import { loadCaseSettings } from '../cases/case-settings.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { formatCycleReport } from '../runtime/cycle-summary.js';
import { parseDuration } from '../runtime/duration.js';
import { NOW_ENVIRONMENT, PLATFORM_ENVIRONMENT } from '../runtime/environment.js';
import { monitorOptionsOf } from '../runtime/monitor-options.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { isOfficeFailure, openOffice, type Office } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { removeServeMarker, writeServeMarker } from '../runtime/serve-marker.js';
import { closeWriterStore } from '../runtime/store-integrity.js';
import { readSubjectTable, subjectFileFormat } from '../subjects/read-subject-table.js';
import { mergeSubjectLists } from '../subjects/merge-subject-lists.js';
import { writeSubjectsFile } from '../subjects/write-subjects-file.js';

const USAGE = `sipansos serve [--port 8080] [--host 127.0.0.1] [--every 30m] [--tls-key F --tls-cert F] [--config F] [--store DIR]

Menjalankan aplikasi web kantor: antrean temuan, kasus, surat, bundel, subjek, presisi aturan,
dengan peran staf / kajian / pimpinan / admin. Server memegang store sebagai satu-satunya
penulis; dengan --every ia juga menjalankan siklus pemantauan. Perintah yang menulis akan
menolak selama server berjalan; perintah baca tetap bisa dipakai. Bawaan hanya 127.0.0.1;
antarmuka lain perlu --host dan sebaiknya TLS. Pengguna pertama: sipansos users add.

Runs the office web app: findings queue, cases, letters, bundles, subjects, rule precision,
with the roles staf / kajian / pimpinan / admin. The server holds the store as its only writer;
with --every it also runs the monitoring cycles. Writing commands refuse while it runs; read-only
commands keep working. Serves 127.0.0.1 only by default; another interface needs --host (and
should have TLS). First user: sipansos users add.

  --port N        port (bawaan / default 8080; 0 = bebas / any free port)
  --host H        antarmuka / interface (bawaan / default 127.0.0.1)
  --every D       jalankan siklus pemantauan setiap D / run a monitoring cycle every D (e.g. 30m)
  --tls-key F     kunci TLS (PEM) / TLS key (PEM); with --tls-cert
  --tls-cert F    sertifikat TLS (PEM) / TLS certificate (PEM)
`;

function uploadImporter(io: CliIo, subjectsFile: string, current: { subjects: readonly Subject[] }): SubjectImporter {
  return {
    async preview(fileName, bytes) {
      const format = subjectFileFormat(fileName);
      if (format !== 'csv' && format !== 'xlsx') return { problem: { id: `${fileName}: unggah CSV atau Excel (.xlsx)`, en: `${fileName}: upload a CSV or an Excel (.xlsx) file` } };
      // The CLI's readers read files as streams: the upload goes to a private temporary folder.
      const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-upload-'));
      try {
        const file = path.join(dir, `upload.${format}`);
        await writeFile(file, bytes, { mode: 0o600 });
        const reading = await readSubjectTable(file, format, { source: fileName, maxIssues: 100 });
        const how = reading.format === 'xlsx' ? 'Excel (.xlsx)' : `CSV (${reading.delimiter === '\t' ? 'tab' : (reading.delimiter ?? ',')}${reading.encoding ? `, ${reading.encoding}` : ''})`;
        const merged = mergeSubjectLists(current.subjects, reading.subjects);
        const issues = reading.issues.map((issue) => ({ ...(issue.row !== undefined ? { row: issue.row } : {}), ...(issue.column ? { column: `${issue.column}${issue.header ? ` "${issue.header}"` : ''}` } : {}), message: issue.message }));
        if (merged.problem && reading.issueCount === 0) issues.push({ message: { id: `daftar gabungan tidak sah: ${merged.problem}`, en: `the merged list is invalid: ${merged.problem}` } });
        return { description: `${fileName}: ${how}, ${reading.rowCount} baris / rows`, subjects: reading.subjects, issues, moreIssues: Math.max(0, reading.issueCount - reading.issues.length) };
      } catch (error) {
        return { problem: { id: `${fileName} tidak terbaca: ${(error as Error).message}`, en: `cannot read ${fileName}: ${(error as Error).message}` } };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async save(subjects) {
      const merged = mergeSubjectLists(current.subjects, subjects);
      if (merged.problem) return { problem: { id: `daftar gabungan tidak sah, tidak ada yang ditulis: ${merged.problem}`, en: `the merged list is invalid, nothing written: ${merged.problem}` } };
      try {
        await writeSubjectsFile(subjectsFile, merged.merged);
      } catch (error) {
        return { problem: { id: `tidak dapat menulis ${subjectsFile}: ${(error as Error).message}`, en: `cannot write ${subjectsFile}: ${(error as Error).message}` } };
      }
      current.subjects = merged.merged;
      io.stdout.write(`subjek / subjects: ${merged.added} baru / new, ${merged.updated} diperbarui / updated (web)\n`);
      return merged.merged;
    },
  };
}

/** `sipansos serve`: the office web app, the store's single writer, and (with --every) the monitor. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: { id: 'aplikasi web kantor (temuan, kasus, surat, peran)', en: 'the office web app (findings, cases, letters, roles)' },
  usage: USAGE,
  environment: [...PLATFORM_ENVIRONMENT, ...NOW_ENVIRONMENT],
  stopsGracefully: true,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, port: { type: 'string', default: '8080' }, host: { type: 'string' }, every: { type: 'string' }, 'tls-key': { type: 'string' }, 'tls-cert': { type: 'string' }, store: { type: 'string' } });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      printError(io, '--port harus 0–65535', '--port must be 0–65535');
      return EXIT.usage;
    }
    if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) {
      printError(io, '--tls-key dan --tls-cert dipakai bersama', '--tls-key and --tls-cert go together');
      return EXIT.usage;
    }
    const every = values.every === undefined ? undefined : parseDuration(values.every);
    if (values.every !== undefined && every === undefined) {
      printError(io, '--every ditulis seperti 30m, 2h', '--every is written like 30m, 2h');
      return EXIT.usage;
    }
    const monitoring = every !== undefined;
    const office = await openOffice(io, values.config ?? 'sipansos.config.json', { subjects: 'optional', store: 'write', ...(monitoring ? { context: true, rules: true, adapters: true } : {}), ...(values.store ? { storeDir: values.store } : {}) } as const);
    if (isOfficeFailure(office)) {
      printError(io, office.line.id, office.line.en);
      return office.exitCode;
    }
    const { store, storeDir } = office;
    for (const note of office.notes) io.stderr.write(`catatan: ${note.id} / note: ${note.en}\n`);
    let timer: NodeJS.Timeout | undefined;
    let cycle: Promise<unknown> = Promise.resolve();
    try {
      const settings = await loadCaseSettings(office.config);
      if ('problem' in settings) {
        printError(io, settings.problem.id, settings.problem.en);
        return EXIT.problem;
      }
      const usersFile = office.config.resolve(USERS_FILE_NAME);
      const users = await readUsersFile(usersFile);
      if (users.isErr()) {
        printError(io, users.error.message, users.error.message);
        return EXIT.problem;
      }
      if (users.value.length === 0) io.stderr.write(`belum ada pengguna; buat admin pertama / no users yet; create the first admin:\n  sipansos users add admin --role admin --config ${values.config ?? 'sipansos.config.json'}\n`);
      let tls: { key: Buffer; cert: Buffer } | undefined;
      if (values['tls-key'] && values['tls-cert']) {
        try {
          tls = { key: await readFile(path.resolve(io.cwd, values['tls-key'])), cert: await readFile(path.resolve(io.cwd, values['tls-cert'])) };
        } catch (error) {
          printError(io, `berkas TLS tidak terbaca: ${(error as Error).message}`, `cannot read the TLS files: ${(error as Error).message}`);
          return EXIT.problem;
        }
      }
      const current = { subjects: office.subjects as readonly Subject[] };
      const timeZone = await officeTimeZone(office, settings.deadlines.timeZone);
      const now = io.env.SIPANSOS_NOW ? () => new Date(io.env.SIPANSOS_NOW!) : () => new Date();
      const app = createWebApp({
        office: {
          store,
          officeName: office.config.config.office,
          ...(office.config.config.seat ? { seat: office.config.config.seat } : {}),
          timeZone,
          subjects: () => current.subjects,
          routing: settings.routing,
          deadlines: settings.deadlines,
          templates: settings.templates,
          usersFile,
          subjectImporter: uploadImporter(io, office.config.resolve(office.config.config.subjects), current),
          now,
        },
        secure: Boolean(tls),
      });
      const started = await startWebServer({ app, port, ...(values.host ? { host: values.host, hostExplicit: true } : {}), ...(tls ? { tls } : {}) });
      if (started.isErr()) {
        const [indonesian, english] = started.error.message.split(' / ', 2);
        printError(io, indonesian ?? started.error.message, english ?? started.error.message);
        return started.error.type === 'host_not_allowed' ? EXIT.usage : EXIT.failure;
      }
      const server = started.value;
      for (const warning of server.warnings) io.stderr.write(`${warning.id}\n${warning.en}\n`);
      await writeServeMarker(storeDir, server.url);
      io.stdout.write(`SIPANSOS web: ${server.url}  (Ctrl-C untuk berhenti / to stop)\n`);
      if (monitoring) {
        // Opened with context, rules and adapters when monitoring (see the needs above).
        const parts = office as unknown as Office<{ context: true; rules: true; adapters: true }>;
        const monitor = createMonitor({ store, adapters: parts.adapters, rules: parts.rules, context: parts.context, subjects: [...current.subjects], options: monitorOptionsOf(office.config, Math.min(every, 10 * 60_000)) });
        if (monitor.isErr()) io.stderr.write(`pemantau tidak dapat dibuat / cannot build the monitor: ${monitor.error.message}\n`);
        else {
          let running = false;
          const runOnce = () => {
            if (running || io.signal?.aborted) return;
            running = true;
            cycle = Promise.resolve(monitor.value.runCycle(io.signal ? { signal: io.signal } : {}))
              .then((result) => {
                if (result.isOk()) io.stdout.write(formatCycleReport(result.value));
                else io.stderr.write(`siklus gagal / cycle failed: ${result.error.type === 'store' ? storeErrorLine(result.error.error).en : result.error.message}\n`);
              })
              .finally(() => {
                running = false;
              });
          };
          runOnce();
          timer = setInterval(runOnce, every);
        }
      }
      await new Promise<void>((resolve) => {
        if (!io.signal || io.signal.aborted) return resolve();
        io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      if (timer) clearInterval(timer);
      await server.close();
      await cycle;
      io.stderr.write('server dihentikan / server stopped\n');
      return EXIT.ok;
    } finally {
      if (timer) clearInterval(timer);
      await removeServeMarker(storeDir);
      await closeWriterStore(io, store);
    }
  },
};
