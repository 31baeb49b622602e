import { createMonitor, type CycleReport, type IndonesianTimeZone, type Monitor, type MonitorError, type MonitorProgressEvent } from '@sipansos/core';
import type { CaptureQueue } from '@sipansos/store-postgres';
import { err, ok, type Result } from 'neverthrow';
import { type EvidenceStoreV1 } from '@sipansos/core/spec';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { buildAdapters } from '../runtime/build-adapters.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { formatCycleReport } from '../runtime/cycle-summary.js';
import { formatDuration, parseDuration } from '../runtime/duration.js';
import { monitorOptionsOf } from '../runtime/monitor-options.js';
import { noQueueLine, openOfficeQueue, runQueuedCycle } from '../runtime/office-queue.js';
import { PLATFORM_ENVIRONMENT } from '../runtime/environment.js';
import { createRunMediaStep } from '../runtime/media-step.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { progressBar } from '../runtime/progress-bar.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { stampCheckpoint } from '../runtime/store-timestamps.js';
import { closeWriterStore } from '../runtime/store-integrity.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { commandTimestampSettings, officeSignedLine, tsaTimeLine, type TimestampSettings } from '../runtime/timestamp-settings.js';

const USAGE = `sipansos run [--once] [--every 30m] [--deadline 10m] [--queue] [--json] [--store DIR] [--config F]

Menjalankan siklus pemantauan: merekam setiap akun subjek, menyimpan bukti, mendeteksi perubahan
dan penghapusan, mencocokkan aturan, dan mencatat temuan. Tanpa --once, siklus diulang setiap
--every (bawaan dari konfigurasi, 30m). Ctrl-C menghentikan dengan rapi; siklus yang terhenti
dilanjutkan pada run berikutnya tanpa kehilangan atau menggandakan bukti.

Runs monitoring cycles: captures every subject account, keeps the evidence, detects changes and
deletions, matches the rules and records findings. Without --once, a cycle starts every --every
(default from the config, 30m). Ctrl-C stops gracefully; an interrupted cycle is resumed by the
next run without losing or duplicating evidence.

  --once          satu siklus lalu keluar / one cycle, then exit
  --every D       jarak antar-siklus / time between cycle starts (e.g. 30m, 2h)
  --deadline D    batas waktu satu siklus / a cycle's deadline; rate-limited work past it is deferred
  --max-cycles N  berhenti setelah N siklus / stop after N cycles
  --json          baris JSON per kejadian / one JSON line per event (default when not a terminal)
  --store DIR     folder store lain / another store directory
  --queue         rencanakan siklus sebagai tugas di antrean PostgreSQL untuk "sipansos worker"
                  dan tutup setelah semua tugas selesai / plan the cycle as jobs on the
                  PostgreSQL queue for "sipansos worker" and close it once every job ended
  --job-expiry D  dengan --queue: tugas pekerja yang mati dialihkan setelah / with --queue: a
                  dead worker's job is handed on after (default 15m)

Bila konfigurasi memuat "media" ({ "ocr": true, "match": true, "deadline": "10m" }), setelah
tiap siklus gambar baru dibaca (OCR) dan dicocokkan dengan gambar paslon, dalam antrean sendiri.
With a "media" section in the config, after each cycle new pictures are read (OCR) and matched
against the pairs' pictures, in a queue of their own.

Dengan --once, keluar 3 bila tak satu akun pun terekam (setiap permintaan gagal, atau tidak ada
token untuk platform akun-akun subjek) dan 1 bila daftar subjek kosong. Ctrl-C: keluar 0.
With --once, exits 3 when no account could be captured (every request failed, or no token for the
subjects' platforms) and 1 when the subjects list is empty. Ctrl-C: exits 0.
`;

export const runCommand: CliCommand = {
  name: 'run',
  summary: { id: 'jalankan siklus pemantauan', en: 'run monitoring cycles' },
  usage: USAGE,
  environment: PLATFORM_ENVIRONMENT,
  stopsGracefully: true,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, {
      ...CONFIG_OPTION,
      once: { type: 'boolean', default: false },
      every: { type: 'string' },
      deadline: { type: 'string' },
      'max-cycles': { type: 'string' },
      json: { type: 'boolean', default: false },
      store: { type: 'string' },
      queue: { type: 'boolean', default: false },
      'job-expiry': { type: 'string' },
    });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    const office = await openOffice(io, values.config ?? 'sipansos.config.json', { context: true, subjects: true, rules: true, adapters: true, store: 'write', ...(values.store ? { storeDir: values.store } : {}) });
    if (isOfficeFailure(office)) {
      printError(io, office.line.id, office.line.en);
      return office.exitCode;
    }
    const { store } = office;
    try {
      const monitorConfig = office.config.config.monitor;
      const every = parseDuration(values.every ?? monitorConfig.every);
      const deadline = parseDuration(values.deadline ?? monitorConfig.deadline);
      const maxCycles = values['max-cycles'] === undefined ? undefined : Number(values['max-cycles']);
      if (every === undefined || deadline === undefined) {
        printError(io, '--every dan --deadline ditulis seperti 30m, 2h, 90s', '--every and --deadline are written like 30m, 2h, 90s');
        return EXIT.usage;
      }
      if (maxCycles !== undefined && !(Number.isInteger(maxCycles) && maxCycles > 0)) {
        printError(io, '--max-cycles harus bilangan bulat positif', '--max-cycles must be a positive integer');
        return EXIT.usage;
      }
      const jobExpiry = parseDuration(values['job-expiry'] ?? '15m');
      if (jobExpiry === undefined || jobExpiry < 1_000) {
        printError(io, '--job-expiry ditulis seperti 15m (paling sedikit 1s)', '--job-expiry is written like 15m (at least 1s)');
        return EXIT.usage;
      }
      // Say first what the queue needs: a token set for nothing is a wasted step.
      if (values.queue && office.config.config.store.kind !== 'postgres') {
        const line = noQueueLine();
        printError(io, line.id, line.en);
        return EXIT.problem;
      }
      const json = values.json || !io.stdout.isTTY;
      const emit = (value: unknown): void => {
        io.stdout.write(`${terminalJson(value)}\n`);
      };
      for (const note of office.notes) {
        if (json) emit({ type: 'note', id: note.id, en: note.en });
        else io.stderr.write(`catatan: ${note.id} / note: ${note.en}\n`);
      }
      if (office.adapters.length === 0) {
        printError(io, 'tidak ada platform yang dapat direkam: isi SIPANSOS_X_BEARER_TOKEN dan/atau SIPANSOS_META_ACCESS_TOKEN di lingkungan, atau aktifkan platform di konfigurasi', 'no platform can be captured: set SIPANSOS_X_BEARER_TOKEN and/or SIPANSOS_META_ACCESS_TOKEN in the environment, or enable a platform in the config');
        // As documented for --once: no account could be captured is exit 3, whatever the cause.
        return EXIT.failure;
      }
      const loadedTimestamps = await commandTimestampSettings(io, office.config);
      if ('exitCode' in loadedTimestamps) return loadedTimestamps.exitCode;
      const timestamps = loadedTimestamps.settings;
      const stamping = timestamps ? { settings: timestamps, actor: office.config.config.actor, zone: office.context?.timeZone ?? 'WIB' } : undefined;
      const options = monitorOptionsOf(office.config, deadline);
      const mediaConfig = office.config.config.media;
      const media = mediaConfig ? createRunMediaStep(mediaConfig, { store, context: office.context, subjects: office.subjects, rules: office.rules, actor: office.config.config.actor }) : undefined;
      const opened = values.queue ? await openOfficeQueue(office.config, { jobExpiryMs: jobExpiry }) : undefined;
      if (values.queue && (!opened || 'line' in opened)) {
        const line = opened && 'line' in opened ? opened.line : noQueueLine();
        printError(io, line.id, line.en);
        return opened ? EXIT.failure : EXIT.problem;
      }
      const queue = opened && 'queue' in opened ? opened.queue : undefined;
      const budget = opened && 'budget' in opened ? opened.budget : undefined;
      const storeOffice = office.config.config.store;
      // Through the queue, this process's own requests (batched resolutions) count against the workers' budget.
      const adapters = budget ? buildAdapters(office.config.config, io.env, { sharedBudget: budget }).adapters : office.adapters;
      const monitor = createMonitor({ store, adapters, rules: office.rules, context: office.context, subjects: office.subjects, options });
      let cycles = 0;
      try {
        if (monitor.isErr()) {
          printError(io, `pemantau tidak dapat dibuat: ${monitor.error.message}`, `cannot build the monitor: ${monitor.error.message}`);
          return EXIT.problem;
        }
        for (;;) {
          const startedAt = Date.now();
          const bar = json ? undefined : progressBar((text) => io.stdout.write(text));
          const onProgress = (event: MonitorProgressEvent): void => {
            media?.listener(event);
            if (json) emit({ ...event, type: event.type });
            else bar?.onProgress(event);
          };
          const result = queue && storeOffice.kind === 'postgres'
            ? await queuedCycle(monitor.value, queue, storeOffice.office, io.signal, onProgress, json ? emit : undefined)
            : await monitor.value.runCycle({ ...(io.signal ? { signal: io.signal } : {}), onProgress });
          bar?.end();
          if (result.isErr()) {
            const error = result.error;
            const line = error.type === 'store' ? storeErrorLine(error.error) : { id: error.message, en: error.message };
            printError(io, line.id, line.en);
            if (io.debug && error.type === 'unexpected' && error.stack) io.stderr.write(`${error.stack}\n`);
            return EXIT.failure;
          }
          const report: CycleReport = result.value;
          if (!json) io.stdout.write(formatCycleReport(report));
          if (media) {
            // After the cycle's report: a slow or missing Tesseract never holds a cycle up.
            const done = await media.finish();
            if (json) emit({ type: 'media', ...done.report });
            else io.stdout.write(`${done.line.id}\n  / ${done.line.en}\n`);
          }
          const signed = report.status === 'complete' ? await signCheckpoint(store, io, json, stamping) : true;
          cycles++;
          if (io.signal?.aborted || report.status === 'interrupted') {
            const message = { id: 'dihentikan; siklus yang belum selesai dilanjutkan pada run berikutnya', en: 'stopped; an unfinished cycle is resumed by the next run' };
            if (json) emit({ type: 'stopped', ...message });
            else io.stderr.write(`${message.id} / ${message.en}\n`);
            return EXIT.ok;
          }
          if (values.once) return signed ? onceExitCode(io, report, json, emit) : EXIT.failure;
          if (maxCycles !== undefined && cycles >= maxCycles) return EXIT.ok;
          const wait = Math.max(0, every - (Date.now() - startedAt));
          if (!json) io.stdout.write(`siklus berikut dalam / next cycle in ${formatDuration(wait)} (Ctrl-C untuk berhenti / to stop)\n`);
          else emit({ type: 'waiting', ms: wait });
          if (!(await sleep(wait, io.signal))) {
            if (!json) io.stderr.write('dihentikan / stopped\n');
            else emit({ type: 'stopped', id: 'dihentikan', en: 'stopped' });
            return EXIT.ok;
          }
        }
      } finally {
        await queue?.close();
        await budget?.close();
      }
    } finally {
      await closeWriterStore(io, store);
    }
  },
};

/**
 * `run --once` in a script must tell a cycle that kept evidence from one that kept none: no
 * account captured (every request failed, or no token for any subject's platform) is exit 3.
 */
function onceExitCode(io: CliIo, report: CycleReport, json: boolean, emit: (value: unknown) => void): number {
  const problem =
    report.accounts.total === 0 && report.skipped.length === 0
      ? { exitCode: EXIT.problem, id: 'daftar subjek kosong, tidak ada yang direkam; isi dengan "sipansos subjects import daftar.csv"', en: 'the subjects list is empty, nothing was captured; fill it with "sipansos subjects import list.csv"' }
      : report.accounts.captured === 0
        ? {
            exitCode: EXIT.failure,
            id: `tak satu akun pun terekam (${report.accounts.failed} gagal, ${report.accounts.deferred} ditunda, ${report.skipped.length} dilewati); lihat "sipansos status"`,
            en: `no account was captured (${report.accounts.failed} failed, ${report.accounts.deferred} deferred, ${report.skipped.length} skipped); see "sipansos status"`,
          }
        : undefined;
  if (!problem) return EXIT.ok;
  if (json) emit({ type: 'error', id: problem.id, en: problem.en, exitCode: problem.exitCode });
  printError(io, problem.id, problem.en);
  return problem.exitCode;
}

/** Where and how checkpoints are timestamped. */
interface Stamping {
  settings: TimestampSettings;
  actor: string;
  zone: IndonesianTimeZone;
}

/**
 * Sign a checkpoint over the cycle's captures and have every TSA timestamp it; false when
 * signing failed (said on stderr). A TSA that fails is reported and recorded, never fatal.
 */
async function signCheckpoint(store: EvidenceStoreV1, io: CliIo, json: boolean, stamping: Stamping | undefined): Promise<boolean> {
  if (!store.capabilities.merkleProofs || !store.proofs) return true;
  const checkpoint = await store.proofs.createCheckpoint();
  if (checkpoint.isErr()) {
    // `unsupported` only when the config says "signingKey": null on purpose.
    if (checkpoint.error.type === 'unsupported') return true;
    printError(io, `checkpoint tidak dapat ditandatangani: ${checkpoint.error.message}`, `the checkpoint could not be signed: ${checkpoint.error.message}`);
    return false;
  }
  const { treeSize, rootHash } = checkpoint.value;
  if (json) io.stdout.write(`${JSON.stringify({ type: 'checkpoint', treeSize, rootHash })}\n`);
  else io.stdout.write(`  checkpoint bertanda tangan / signed checkpoint: ${treeSize} rekaman / captures, root ${rootHash.slice(0, 16)}…\n`);
  if (!stamping) return true;
  const { settings } = stamping;
  const stamped = await stampCheckpoint(store, checkpoint.value, settings, stamping.actor, io.signal);
  if (json) {
    io.stdout.write(`${terminalJson({ type: 'timestamps', checkpointHash: stamped.checkpointHash, signedAt: checkpoint.value.at, tokens: stamped.tokens.map(({ tsaUrl, genTime, tokenSha256 }) => ({ tsaUrl, genTime, tokenSha256 })), failures: stamped.failures, storeErrors: stamped.storeErrors.map((error) => error.message) })}\n`);
    return true;
  }
  io.stdout.write(`    ${officeSignedLine(checkpoint.value.at, stamping.zone)}\n`);
  for (const token of stamped.tokens) io.stdout.write(`    ${terminalText(tsaTimeLine(token.genTime, token.tsaUrl, stamping.zone), 400)}\n`);
  for (const failure of stamped.failures) {
    io.stderr.write(`  catatan: TSA ${terminalText(failure.tsaUrl ?? '?')} gagal (${failure.type}), dicoba lagi pada checkpoint berikut / note: TSA failed (${terminalText(failure.message, 300)}), retried at the next checkpoint\n`);
  }
  for (const error of stamped.storeErrors) io.stderr.write(`  catatan: token TSA tidak tersimpan / note: a TSA token was not kept: ${terminalText(error.message, 300)}\n`);
  return true;
}

/** One cycle through the queue, as `runCycle` answers: workers run the jobs, this process plans and closes. */
async function queuedCycle(monitor: Monitor, queue: CaptureQueue, office: string, signal: AbortSignal | undefined, onProgress: (event: MonitorProgressEvent) => void, emit: ((value: unknown) => void) | undefined): Promise<Result<CycleReport, MonitorError>> {
  const done = await runQueuedCycle(monitor, queue, office, {
    ...(signal ? { signal } : {}),
    onProgress: (event) => {
      if (event.type === 'jobs') emit?.(event);
      else onProgress(event);
    },
  });
  return done.ok ? ok(done.report) : err(done.error);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
