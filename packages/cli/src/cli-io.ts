import { invocationDirectory } from './runtime/invocation-directory.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
  /** Where relative paths resolve: the directory the user ran the command in. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Set by `--debug`: show stack traces of unexpected errors. */
  debug?: boolean;
  /** Aborted on SIGINT/SIGTERM (and when stdout's reader goes away), so commands stop. */
  signal?: AbortSignal;
}

/**
 * The process's own io. The working directory is the one the user ran the command in, also under
 * `pnpm sipansos …`, which starts the script in the workspace root (see {@link invocationDirectory}).
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: invocationDirectory(process.env, process.cwd()), env: process.env };
}
