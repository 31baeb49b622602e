import type { CliIo } from './cli-io.js';

/** Exit codes every command uses. */
export const EXIT = {
  ok: 0,
  /** The input or the evidence has a problem (validation failed, verification failed). */
  problem: 1,
  /** The command was called wrongly (unknown option, missing argument). */
  usage: 2,
  /** Something outside failed (I/O, locked store, platform unreachable). */
  failure: 3,
} as const;

/** One `sipansos` sub-command. Each lives in its own file under `commands/`. */
export interface CliCommand {
  /** The word after `sipansos`, e.g. `verify`. */
  name: string;
  /** One line for `sipansos --help`: Indonesian first, English beside. */
  summary: { id: string; en: string };
  /** Full help text shown by `sipansos <name> --help` (Indonesian first, English beside). */
  usage: string;
  /** Run with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Write one error line, Indonesian first, English beside. */
export function printError(io: CliIo, indonesian: string, english: string): void {
  io.stderr.write(`galat: ${indonesian} / error: ${english}\n`);
}
