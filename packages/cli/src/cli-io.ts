/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Set by `--debug`: show stack traces of unexpected errors. */
  debug?: boolean;
  /** Aborted on SIGINT/SIGTERM, so long-running commands stop gracefully. */
  signal?: AbortSignal;
}

/** The process's own io. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}
