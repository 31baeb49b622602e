import { readFile, unlink, writeFile } from 'node:fs/promises';
import type { BilingualLine } from './runtime-error.js';

/** What `sipansos serve` leaves beside the store it holds, so other commands can name it. */
interface ServeMarker {
  pid: number;
  url: string;
  since: string;
}

/** The marker file of a store directory: a sibling, so the store's own folder stays the store's. */
export function serveMarkerFile(storeDir: string): string {
  return `${storeDir.replace(/[\\/]+$/, '')}.serve.json`;
}

/** Record that this process serves the store (called once it holds the store's lock). */
export async function writeServeMarker(storeDir: string, url: string): Promise<void> {
  const marker: ServeMarker = { pid: process.pid, url, since: new Date().toISOString() };
  await writeFile(serveMarkerFile(storeDir), `${JSON.stringify(marker)}\n`, { mode: 0o600 });
}

/** Remove this process's marker (only its own). */
export async function removeServeMarker(storeDir: string): Promise<void> {
  const marker = await readServeMarker(storeDir);
  if (marker?.pid === process.pid) await unlink(serveMarkerFile(storeDir)).catch(() => undefined);
}

async function readServeMarker(storeDir: string): Promise<ServeMarker | undefined> {
  try {
    const value = JSON.parse(await readFile(serveMarkerFile(storeDir), 'utf8')) as Partial<ServeMarker>;
    return typeof value.pid === 'number' && typeof value.url === 'string' && typeof value.since === 'string' ? (value as ServeMarker) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the store's lock is held by `sipansos serve`, the line that says so: the server is the
 * office's one writer, so the change belongs in the web app (or the server must be stopped).
 */
export async function servedStoreLine(storeDir: string, holderPid: number | undefined): Promise<BilingualLine | undefined> {
  const marker = await readServeMarker(storeDir);
  if (!marker || marker.pid !== holderPid) return undefined;
  return {
    id: `store dipegang oleh "sipansos serve" (pid ${marker.pid}, ${marker.url}, sejak ${marker.since}); lakukan perubahan di aplikasi web, atau hentikan server dulu. Perintah baca (status, findings, cases list/show) tetap bisa dipakai`,
    en: `the store is held by "sipansos serve" (pid ${marker.pid}, ${marker.url}, since ${marker.since}); make the change in the web app, or stop the server first. Read-only commands (status, findings, cases list/show) keep working`,
  };
}
