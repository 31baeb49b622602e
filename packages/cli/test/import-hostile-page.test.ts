import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_HTML_LIMITS, type Capture } from '@sipansos/core';
import { sha256Hex } from '@sipansos/core/evidence';
import { createFsStore } from '@sipansos/store-fs';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const MiB = 1024 ** 2;
const fixture = (pkg: string, name: string): string => fileURLToPath(new URL(`../../${pkg}/src/__fixtures__/${name}`, import.meta.url));

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-import-deep-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json', store: { dir: 'store' }, actor: 'petugas.kantor' }));
  await writeFile(
    path.join(dir, 'subjects.json'),
    JSON.stringify([
      { id: 'kades-103', name: 'Kepala Desa Sukamaju Contoh', category: 'kepala_desa', accounts: [{ platform: 'facebook', handle: 'infodesasukamaju.contoh' }] },
      { id: 'ptt-102', name: 'Rudi Hartono Contoh', category: 'ptt', accounts: [{ platform: 'instagram', handle: 'rudi.hartono.contoh' }] },
    ]),
  );
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(EXAMPLE_CONTEXT));
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return dir;
}

/** A real saved page with `depth` nested elements added before `</body>`. */
async function deepened(source: string, depth: number): Promise<string> {
  const html = await readFile(source, 'utf8');
  return html.replace('</body>', `${'<div><span>'.repeat(depth / 2)}terlalu dalam${'</span></div>'.repeat(depth / 2)}</body>`);
}

/** Run `work`, measuring in this process the CPU time it used and how far resident memory rose. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number; memoryGrowthBytes: number }> {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const startCpu = process.cpuUsage();
  try {
    const result = await work();
    const cpu = process.cpuUsage(startCpu);
    return { result, cpuMs: (cpu.user + cpu.system) / 1000, memoryGrowthBytes: Math.max(peak, process.memoryUsage().rss) - startRss };
  } finally {
    clearInterval(sampler);
  }
}

async function storedCapture(dir: string): Promise<{ capture: Capture; blob: Uint8Array }> {
  const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
  (await store.open())._unsafeUnwrap();
  try {
    const capture = (await store.query('capture'))._unsafeUnwrap()[0]!.record as Capture;
    return { capture, blob: (await store.getBlob(capture.rawBlobs[0]!))._unsafeUnwrap() };
  } finally {
    await store.close();
  }
}

describe('sipansos import of a page nested beyond reason', () => {
  it.each([
    { platform: 'facebook', source: fixture('adapter-facebook', 'facebook-page-public.html'), subject: 'kades-103', url: 'https://www.facebook.com/infodesasukamaju.contoh' },
    { platform: 'instagram', source: fixture('adapter-instagram', 'instagram-profile-saved-dom.html'), subject: 'ptt-102', url: 'https://www.instagram.com/rudi.hartono.contoh/' },
  ])('a $platform page 50,000 levels deep is read within a CPU and memory budget; the capture keeps the file whole and says what was skipped', async ({ source, subject, url }) => {
    const dir = await office();
    const html = await deepened(source, 50_000);
    await writeFile(path.join(dir, 'dalam.html'), html);
    const io = memoryIo(dir);
    const { result: code, cpuMs, memoryGrowthBytes } = await measured(() => main(['import', 'dalam.html', '--subject', subject, '--url', url, '--json'], io));
    expect(code).toBe(0);
    // Before the cut, this ran for ~17 s and ended in "Maximum call stack size exceeded" with no items.
    expect(cpuMs).toBeLessThan(4000);
    expect(memoryGrowthBytes).toBeLessThan(192 * MiB);
    expect(io.err()).toContain(`elements nested deeper than ${PAGE_HTML_LIMITS.maxDepth} levels`);

    const { capture, blob } = await storedCapture(dir);
    expect(capture.items.length).toBeGreaterThan(0);
    expect(capture.skippedHtml).toMatchObject({ maxDepth: PAGE_HTML_LIMITS.maxDepth, truncatedChars: 0 });
    expect(capture.skippedHtml?.deepElements).toBeGreaterThan(49_000);
    expect(sha256Hex(blob)).toBe(sha256Hex(new TextEncoder().encode(html)));
  });
});
