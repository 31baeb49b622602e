import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError } from '../command.js';

/** `--config FILE`, which every command that reads the office's files takes. */
export const CONFIG_OPTION = { config: { type: 'string', default: 'sipansos.config.json' } } as const;

/** Parse a command's arguments; on a usage mistake print one bilingual line and give the exit code. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  io: CliIo,
  options: T,
  allowPositionals = false,
): { values: ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>>['values']; positionals: string[] } | { exitCode: number } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    const message = (error as Error).message;
    printError(io, `argumen salah: ${message}`, `bad argument: ${message}`);
    return { exitCode: EXIT.usage };
  }
}
