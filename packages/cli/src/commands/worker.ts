import { createMonitor } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { buildAdapters } from '../runtime/build-adapters.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { parseDuration } from '../runtime/duration.js';
import { PLATFORM_ENVIRONMENT } from '../runtime/environment.js';
import { monitorOptionsOf } from '../runtime/monitor-options.js';
import { noQueueLine, openOfficeQueue } from '../runtime/office-queue.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { closeWriterStore } from '../runtime/store-integrity.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';

const USAGE = `sipansos worker [--concurrency N] [--job-expiry 15m] [--json] [--config F]

Pekerja perekaman: mengambil tugas siklus (satu akun per tugas) dari antrean kantor di
PostgreSQL, merekamnya, dan menyimpan buktinya di store yang sama. Jalankan di sebanyak mesin
yang perlu, masing-masing dengan konfigurasi, token dan kunci kantor yang sama; siklus
direncanakan dan ditutup oleh "sipansos run --queue". Tugas yang gagal dicoba lagi; tugas
pekerja yang mati dialihkan ke pekerja lain setelah --job-expiry, tanpa bukti ganda atau hilang.
Ctrl-C / SIGTERM: tugas yang sedang berjalan diselesaikan, lalu keluar.

A capture worker: takes cycle jobs (one account per job) from the office's queue in PostgreSQL,
captures them and keeps their evidence in the same store. Run it on as many machines as needed,
each with the office's config, tokens and key; cycles are planned and closed by
"sipansos run --queue". A failed job is retried; a dead worker's job goes to another worker after
--job-expiry, with no evidence duplicated or lost. Ctrl-C / SIGTERM: the job in hand is
finished, then the worker exits.

  --concurrency N   tugas sekaligus / jobs at once (default 1)
  --job-expiry D    tugas dianggap hilang setelah / a job is taken as lost after (default 15m)
  --json            baris JSON per kejadian / one JSON line per event
  --config F        berkas konfigurasi / config file (default: sipansos.config.json)

Hanya untuk "store": { "kind": "postgres", ... } (keluar 1 bila store folder).
Only for "store": { "kind": "postgres", ... } (exits 1 for the folder store).
`;

export const workerCommand: CliCommand = {
  name: 'worker',
  summary: { id: 'pekerja perekaman dari antrean PostgreSQL', en: 'capture worker on the PostgreSQL queue' },
  usage: USAGE,
  environment: [...PLATFORM_ENVIRONMENT, { name: 'PGPASSWORD', id: 'kata sandi basis data', en: 'the database password' }],
  stopsGracefully: true,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, concurrency: { type: 'string' }, 'job-expiry': { type: 'string' }, json: { type: 'boolean', default: false } });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
    const expiry = parseDuration(values['job-expiry'] ?? '15m');
    if (!(Number.isInteger(concurrency) && concurrency > 0) || expiry === undefined || expiry < 1_000) {
      printError(io, '--concurrency bilangan bulat positif; --job-expiry ditulis seperti 15m (paling sedikit 1s)', '--concurrency is a positive integer; --job-expiry is written like 15m (at least 1s)');
      return EXIT.usage;
    }
    const office = await openOffice(io, values.config ?? 'sipansos.config.json', { context: true, subjects: true, rules: true, adapters: true, store: 'write' });
    if (isOfficeFailure(office)) {
      printError(io, office.line.id, office.line.en);
      return office.exitCode;
    }
    const { store } = office;
    const json = values.json || !io.stdout.isTTY;
    const emit = (value: unknown): void => {
      io.stdout.write(`${terminalJson(value)}\n`);
    };
    try {
      const opened = await openOfficeQueue(office.config, { jobExpiryMs: expiry });
      if (!opened) {
        const line = noQueueLine();
        printError(io, line.id, line.en);
        return EXIT.problem;
      }
      if ('line' in opened) {
        printError(io, opened.line.id, opened.line.en);
        return EXIT.failure;
      }
      const { queue, budget } = opened;
      try {
        const adapters = buildAdapters(office.config.config, io.env, { sharedBudget: budget }).adapters;
        const monitor = createMonitor({ store, adapters, rules: office.rules, context: office.context, subjects: office.subjects, options: monitorOptionsOf(office.config, parseDuration(office.config.config.monitor.deadline) ?? 600_000) });
        if (monitor.isErr()) {
          printError(io, `pemantau tidak dapat dibuat: ${monitor.error.message}`, `cannot build the monitor: ${monitor.error.message}`);
          return EXIT.problem;
        }
        const worker = await queue.work((job, signal) => monitor.value.runJob(job, signal), {
          concurrency,
          onEvent: (event) => {
            if (json) emit(event);
            else if (event.type === 'job_failed') io.stderr.write(`tugas gagal, dicoba lagi / job failed, retried: ${terminalText(event.key, 200)}: ${terminalText(event.message, 400)}\n`);
            else if (event.type === 'job_finished') io.stdout.write(`selesai / done: ${terminalText(event.key, 200)} (${event.outcome})\n`);
          },
        });
        if (worker.isErr()) {
          printError(io, worker.error.message, worker.error.message);
          return EXIT.failure;
        }
        if (json) emit({ type: 'worker_started', queue: queue.name, concurrency });
        else io.stdout.write(`pekerja siap di antrean / worker ready on queue ${queue.name} (Ctrl-C untuk berhenti / to stop)\n`);
        await new Promise<void>((resolve) => {
          if (!io.signal || io.signal.aborted) return resolve();
          io.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await worker.value.stop();
        if (json) emit({ type: 'stopped', id: 'dihentikan setelah tugas yang berjalan', en: 'stopped after the job in hand' });
        else io.stderr.write('dihentikan setelah tugas yang berjalan / stopped after the job in hand\n');
        return EXIT.ok;
      } finally {
        await queue.close();
        await budget.close();
      }
    } finally {
      await closeWriterStore(io, store);
    }
  },
};
