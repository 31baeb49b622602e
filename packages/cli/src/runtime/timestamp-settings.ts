import { readFile } from 'node:fs/promises';
import { formatLocalDateTime, type IndonesianTimeZone } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError } from '../command.js';
import type { LoadedConfig } from '../config/load-config.js';

/** The config's `timestamp` block with its PEM files read. */
export interface TimestampSettings {
  tsaUrls: string[];
  trustAnchors: string[];
  intermediates: string[];
  timeoutMs: number;
  retries: number;
}

/**
 * Read the TSA trust anchors the config names. `undefined` when the office timestamps nothing;
 * a bilingual line naming the file when one cannot be read.
 */
export async function loadTimestampSettings(config: LoadedConfig): Promise<TimestampSettings | undefined | { id: string; en: string }> {
  const block = config.config.timestamp;
  if (!block) return undefined;
  const read = async (file: string): Promise<string | { id: string; en: string }> => {
    const full = config.resolve(file);
    try {
      const text = await readFile(full, 'utf8');
      if (!text.includes('-----BEGIN CERTIFICATE-----')) return { id: `${full} bukan sertifikat PEM (timestamp.trustAnchors)`, en: `${full} is not a PEM certificate (timestamp.trustAnchors)` };
      return text;
    } catch (error) {
      return { id: `sertifikat TSA ${full} tidak terbaca (${(error as NodeJS.ErrnoException).code ?? 'error'}); periksa timestamp.trustAnchors di konfigurasi`, en: `cannot read TSA certificate ${full} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check timestamp.trustAnchors in the config` };
    }
  };
  const anchors = await Promise.all(block.trustAnchors.map(read));
  const intermediates = await Promise.all(block.intermediates.map(read));
  const problem = [...anchors, ...intermediates].find((value): value is { id: string; en: string } => typeof value !== 'string');
  if (problem) return problem;
  return { tsaUrls: block.tsaUrls, trustAnchors: anchors as string[], intermediates: intermediates as string[], timeoutMs: block.timeoutMs, retries: block.retries };
}

/**
 * {@link loadTimestampSettings} for a command: a file that cannot be read is printed and gives
 * the usage exit code.
 */
export async function commandTimestampSettings(io: CliIo, config: LoadedConfig): Promise<{ settings: TimestampSettings | undefined } | { exitCode: number }> {
  const loaded = await loadTimestampSettings(config);
  if (loaded !== undefined && !('tsaUrls' in loaded)) {
    printError(io, loaded.id, loaded.en);
    return { exitCode: EXIT.usage };
  }
  return { settings: loaded };
}

/** "signed by the office at T (its own clock)", in the office's zone. */
export function officeSignedLine(at: string, zone: IndonesianTimeZone): string {
  const shown = formatLocalDateTime(at, zone, { seconds: true });
  return `ditandatangani kantor pada ${shown} (jam kantor sendiri) / signed by the office at ${shown} (its own clock)`;
}

/** "existed no later than genTime according to TSA X", in the office's zone. */
export function tsaTimeLine(genTime: string, tsaUrl: string, zone: IndonesianTimeZone): string {
  const shown = formatLocalDateTime(genTime, zone, { seconds: true });
  return `ada paling lambat ${shown} menurut TSA ${tsaUrl} / existed no later than ${shown} according to TSA ${tsaUrl}`;
}
