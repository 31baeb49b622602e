import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonText } from '@sipansos/core';
import { BUILTIN_CLAIMS, ClaimRegistrySchema, mergeClaims, type Claim } from '@sipansos/core/rules';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from '../runtime/runtime-error.js';
import { decodeUtf8, utf8Problem } from '../runtime/utf8-text.js';
import { writeOutputFile } from '../runtime/write-output.js';

/** The office's own claims: `claims.json` beside the configuration. */
export function officeClaimsFile(config: LoadedConfig): string {
  return path.join(config.baseDir, 'claims.json');
}

/** The office's claims, `[]` when it has none yet, or what is wrong with the file. */
export async function readOfficeClaims(file: string): Promise<{ claims: Claim[] } | { problem: BilingualLine }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { claims: [] };
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problem: { id: `berkas klaim ${file} tidak terbaca (${code})`, en: `cannot read the claims file ${file} (${code})` } };
  }
  const decoded = decodeUtf8(bytes);
  if ('invalidLine' in decoded) return { problem: utf8Problem(file, decoded.invalidLine) };
  const json = parseJsonText(decoded.text, file);
  if (json.isErr()) return { problem: { id: `berkas klaim tidak sah: ${json.error.message}`, en: `invalid claims file: ${json.error.message}` } };
  const parsed = ClaimRegistrySchema.safeParse(json.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = `${file}: ${first.path.join('.') || '(root)'}: ${first.message}`;
    return { problem: { id: `berkas klaim tidak sah: ${where}`, en: `invalid claims file: ${where}` } };
  }
  return { claims: parsed.data.claims };
}

/** The built-in registry with the office's claims over it (an office claim replaces a built-in one with its id). */
export async function loadClaims(config: LoadedConfig): Promise<{ claims: readonly Claim[]; office: Claim[] } | { problem: BilingualLine }> {
  const office = await readOfficeClaims(officeClaimsFile(config));
  if ('problem' in office) return office;
  return { claims: office.claims.length === 0 ? BUILTIN_CLAIMS : mergeClaims(BUILTIN_CLAIMS, office.claims), office: office.claims };
}

/** Write the office's claims beside the target and rename over it: a crash leaves the old file or the new one. */
export async function writeOfficeClaims(file: string, claims: readonly Claim[]): Promise<void> {
  await writeOutputFile(file, `${JSON.stringify({ claims }, null, 2)}\n`);
}
