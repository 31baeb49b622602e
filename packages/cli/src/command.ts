import type { CliIo } from './cli-io.js';

/** Exit codes every command uses. */
export const EXIT = {
  ok: 0,
  /** The input or the evidence has a problem (validation failed, verification failed). */
  problem: 1,
  /** The command was called wrongly (unknown option, missing argument). */
  usage: 2,
  /** Something outside failed (I/O, locked store, platform unreachable, no account captured). */
  failure: 3,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM before it finished (143 for SIGTERM). */
  interrupted: 130,
} as const;

/** The exit codes every `--help` lists, Indonesian first. */
export const EXIT_CODE_HELP = `Kode keluar / exit codes:
  0    berhasil (run: juga bila dihentikan dengan rapi) / success (run: also when stopped gracefully)
  1    masukan, konfigurasi, kunci atau bukti bermasalah / a problem with input, config, key or evidence
  2    pemakaian salah / usage error (unknown option, missing argument)
  3    kegagalan di luar: I/O, store terkunci, platform, tak satu akun pun terekam /
       an outside failure: I/O, locked store, platform, no account captured
  130  dihentikan oleh Ctrl-C / stopped by Ctrl-C (SIGINT); 143 oleh / by SIGTERM
`;

/** Environment variables every command reads: where it was started from, when run by pnpm/npm. */
export const COMMON_ENVIRONMENT = ['INIT_CWD', 'npm_package_json', 'npm_lifecycle_event'] as const;

/** One `sipansos` sub-command. Each lives in its own file under `commands/`. */
export interface CliCommand {
  /** The word after `sipansos`, e.g. `verify`. */
  name: string;
  /** One line for `sipansos --help`: Indonesian first, English beside. */
  summary: { id: string; en: string };
  /** Full help text shown by `sipansos <name> --help` (Indonesian first, English beside). */
  usage: string;
  /**
   * Environment variables this command reads besides {@link COMMON_ENVIRONMENT}, each with what it
   * is for; `--help` lists them.
   */
  environment?: ReadonlyArray<{ name: string; id: string; en: string }>;
  /**
   * The command stops gracefully by itself on SIGINT/SIGTERM (it watches `io.signal` everywhere it
   * waits); others are ended by the bin if they have not returned shortly after the signal.
   */
  stopsGracefully?: boolean;
  /** Run with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Write one error line, Indonesian first, English beside. */
export function printError(io: CliIo, indonesian: string, english: string): void {
  io.stderr.write(`galat: ${indonesian} / error: ${english}\n`);
}
