import type { InvalidInputError } from '@sipansos/core';

/** One line in each language. */
export interface BilingualLine {
  id: string;
  en: string;
}

/** Why the config could not be used, as one line. */
export function configErrorLine(error: InvalidInputError | { type: 'config_missing'; file: string; message: string }): BilingualLine {
  if (error.type === 'config_missing') {
    return {
      id: `konfigurasi ${error.file} tidak ditemukan; jalankan "sipansos init <folder>" atau beri --config`,
      en: `config ${error.file} not found; run "sipansos init <dir>" or pass --config`,
    };
  }
  const first = error.issues[0];
  const where = first ? `${first.path}: ${first.message}` : error.message;
  return { id: `konfigurasi ${error.source} tidak sah: ${where}`, en: `invalid config ${error.source}: ${where}` };
}

/** Words for a store error, in both languages. */
export function storeErrorLine(error: { type: string; message: string; holder?: { pid: number; host: string; since: string } }): BilingualLine {
  switch (error.type) {
    case 'locked':
      return {
        id: `store sedang dipakai proses lain (pid ${error.holder?.pid ?? '?'} di ${error.holder?.host ?? '?'} sejak ${error.holder?.since ?? '?'}); tunggu sampai selesai`,
        en: `the store is in use by another process (pid ${error.holder?.pid ?? '?'} on ${error.holder?.host ?? '?'} since ${error.holder?.since ?? '?'}); wait for it to finish`,
      };
    case 'not_found':
      return { id: `belum ada store di sini; jalankan "sipansos run" dulu (${error.message})`, en: `no store here yet; run "sipansos run" first (${error.message})` };
    case 'read_only':
      return { id: `store hanya-baca (kerusakan ditemukan; jalankan sipansos verify): ${error.message}`, en: `the store is read-only (damage found; run sipansos verify): ${error.message}` };
    case 'not_durable':
      return { id: `penulisan ke disk gagal, tidak ada yang diakui; periksa disk lalu jalankan lagi: ${error.message}`, en: `a write could not be made durable, nothing was acknowledged; check the disk and run again: ${error.message}` };
    default:
      return { id: `store gagal (${error.type}): ${error.message}`, en: `store failed (${error.type}): ${error.message}` };
  }
}
