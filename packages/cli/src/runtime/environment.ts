import { COMMON_ENVIRONMENT, type CliCommand } from '../command.js';

type EnvironmentEntry = { name: string; id: string; en: string };

/** What the platform adapters read (`run`); tokens are never printed or stored. */
export const PLATFORM_ENVIRONMENT: readonly EnvironmentEntry[] = [
  { name: 'SIPANSOS_X_BEARER_TOKEN', id: 'token bearer aplikasi X', en: 'X app-only bearer token' },
  { name: 'SIPANSOS_X_BASE_URL', id: 'alamat API X lain (proksi, uji)', en: 'another X API base URL (proxy, tests)' },
  { name: 'SIPANSOS_META_ACCESS_TOKEN', id: 'token Meta (Facebook dan Instagram)', en: 'Meta token (Facebook and Instagram)' },
  { name: 'SIPANSOS_FACEBOOK_BASE_URL', id: 'alamat Graph API Facebook lain', en: 'another Facebook Graph API base URL' },
  { name: 'SIPANSOS_FACEBOOK_API_VERSION', id: 'versi Graph API Facebook', en: 'Facebook Graph API version' },
  { name: 'SIPANSOS_FACEBOOK_WEB_BASE_URL', id: 'alamat web Facebook lain', en: 'another Facebook web base URL' },
  { name: 'SIPANSOS_FACEBOOK_CONTROL_POST_ID', id: 'unggahan Facebook yang pasti tayang (konfirmasi penghapusan)', en: 'a Facebook post known to be live (confirms deletions)' },
  { name: 'SIPANSOS_INSTAGRAM_USER_ID', id: 'id akun bisnis Instagram kantor', en: "the office's own Instagram business account id" },
  { name: 'SIPANSOS_INSTAGRAM_BASE_URL', id: 'alamat Graph API Instagram lain', en: 'another Instagram Graph API base URL' },
  { name: 'SIPANSOS_INSTAGRAM_API_VERSION', id: 'versi Graph API Instagram', en: 'Instagram Graph API version' },
  { name: 'SIPANSOS_INSTAGRAM_WEB_BASE_URL', id: 'alamat web Instagram lain', en: 'another Instagram web base URL' },
  { name: 'SIPANSOS_META_SLOW_DOWN_AT_PERCENT', id: 'persen kuota Meta saat mulai melambat (bawaan 85)', en: 'Meta usage percent at which to slow down (default 85)' },
];

/** The clock override the case and export commands read. */
export const NOW_ENVIRONMENT: readonly EnvironmentEntry[] = [
  { name: 'SIPANSOS_NOW', id: 'waktu "sekarang" (ISO), untuk uji dan latihan', en: 'the time taken as "now" (ISO), for tests and drills' },
];

const COMMON_LINE = `  ${COMMON_ENVIRONMENT[0]}  folder asal saat dijalankan lewat pnpm/npm (dipakai bila ${COMMON_ENVIRONMENT[2]} dan ${COMMON_ENVIRONMENT[1]} menunjukkan proses dimulai oleh skrip paket) /
             the folder pnpm/npm was started in (used when ${COMMON_ENVIRONMENT[2]} and ${COMMON_ENVIRONMENT[1]} show a package script started the process)`;

/** The "environment" section of a command's `--help` (or of the general help, given every command). */
export function environmentHelp(commands: readonly CliCommand[]): string {
  const seen = new Map<string, EnvironmentEntry>();
  for (const command of commands) for (const entry of command.environment ?? []) seen.set(entry.name, entry);
  const lines = [...seen.values()].map((entry) => `  ${entry.name}  ${entry.id} / ${entry.en}`);
  return `Lingkungan / environment:\n${[...lines, COMMON_LINE].join('\n')}\n`;
}
