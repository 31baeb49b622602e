import { Readable } from 'node:stream';
import type { CliIo } from '../src/cli-io.js';

/** A CliIo that records what a command prints, for tests. */
export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}, stdinText = ''): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from([stdinText]),
    cwd,
    env,
    out: () => out,
    err: () => err,
  };
}
