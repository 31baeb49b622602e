import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { invalidInputFromZod, parseJsonText, type InvalidInputError } from '@sipansos/core';
import { err, ok, type Result } from 'neverthrow';
import { CliConfigSchema, type CliConfig } from './config-schema.js';

/** A loaded config with every path made absolute. */
export interface LoadedConfig {
  file: string;
  baseDir: string;
  config: CliConfig;
  resolve(relative: string): string;
}

/** Read and check `sipansos.config.json` (or the `--config` path). */
export async function loadConfig(configPath: string, cwd: string): Promise<Result<LoadedConfig, InvalidInputError | { type: 'config_missing'; file: string; message: string }>> {
  const file = path.resolve(cwd, configPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return err({ type: 'config_missing', file, message: `${file} not found; run "sipansos init <dir>" first or pass --config` });
  }
  const json = parseJsonText(text, file);
  if (json.isErr()) return err(json.error);
  const parsed = CliConfigSchema.safeParse(json.value);
  if (!parsed.success) return err(invalidInputFromZod(file, parsed.error));
  const baseDir = path.dirname(file);
  return ok({ file, baseDir, config: parsed.data, resolve: (relative: string) => path.resolve(baseDir, relative) });
}
