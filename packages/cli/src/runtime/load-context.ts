import { readFile } from 'node:fs/promises';
import { ElectionContextSchema, invalidInputFromZod, parseJsonText, type ElectionContext } from '@sipansos/core';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from './runtime-error.js';

/** Read and check the election context the config names. */
export async function loadContext(config: LoadedConfig): Promise<{ context: ElectionContext } | { problem: BilingualLine }> {
  const file = config.resolve(config.config.context);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problem: { id: `konteks pemilihan ${file} tidak terbaca (${code})`, en: `cannot read election context ${file} (${code})` } };
  }
  const json = parseJsonText(text, file);
  if (json.isErr()) return { problem: { id: `konteks pemilihan tidak sah: ${json.error.message}`, en: `invalid election context: ${json.error.message}` } };
  const parsed = ElectionContextSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = invalidInputFromZod(file, parsed.error).issues[0];
    return { problem: { id: `konteks pemilihan ${file} tidak sah: ${issue?.path}: ${issue?.message}`, en: `invalid election context ${file}: ${issue?.path}: ${issue?.message}` } };
  }
  return { context: parsed.data };
}
