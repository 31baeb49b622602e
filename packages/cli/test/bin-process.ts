import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The workspace root and the CLI's entry, run from source as `pnpm sipansos` does. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'packages/cli/src/bin.ts');
// tsx by its file URL: a bare `--import tsx` resolves from the working directory, outside the clone here.
export const NODE_SOURCE_ARGS = ['--conditions=sipansos-source', '--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href];

/** The environment without what an outer pnpm/npm run (the test runner's) would pass down. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'INIT_CWD' || key.startsWith('npm_') || key.startsWith('SIPANSOS_') || key === 'PNPM_SCRIPT_SRC_DIR') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run a program to its end, collecting its output. */
export function runProcess(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; input?: string; timeoutMs?: number }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    // A child stopped (e.g. by the signal a test sends) before it read its input closes the pipe;
    // its exit is what the test reads, so that EPIPE is not a failure of the harness.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin.end(options.input ?? '');
  });
}

/** `sipansos …` from source, as a separate process (optionally under `bash -c 'ulimit …'`). */
export function sipansos(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string; shellPrefix?: string }): Promise<ProcessResult> {
  const command = [process.execPath, ...NODE_SOURCE_ARGS, BIN, ...args];
  if (!options.shellPrefix) return runProcess(command[0]!, command.slice(1), options);
  return runProcess('bash', ['-c', `${options.shellPrefix}; exec "$0" "$@"`, ...command], options);
}

/** A stack trace in output: what a closed pipe or a signal must never print. */
export const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|node:internal|Unhandled|EPIPE/;
