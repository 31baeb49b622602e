import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errAsync } from 'neverthrow';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { createFsStore } from '@sipansos/store-fs';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

// A store whose finding log refuses the next append, to stop an import part-way.
const failures = vi.hoisted(() => ({ findingAppends: 0 }));
vi.mock('@sipansos/store-fs', async (original) => {
  const actual = await original<typeof import('@sipansos/store-fs')>();
  return {
    ...actual,
    createFsStore: (...args: Parameters<typeof actual.createFsStore>) => {
      const store = actual.createFsStore(...args);
      const append = store.append.bind(store) as EvidenceStoreV1['append'];
      return Object.assign(store, {
        append: ((kind, records) => {
          if (kind === 'finding' && failures.findingAppends > 0) {
            failures.findingAppends--;
            return errAsync({ type: 'io', message: 'disk full (simulated)' });
          }
          return append(kind, records);
        }) as EvidenceStoreV1['append'],
      });
    },
  };
});

const fixture = (pkg: string, name: string): string => fileURLToPath(new URL(`../../${pkg}/src/__fixtures__/${name}`, import.meta.url));
const URL_DESA = 'https://www.facebook.com/infodesasukamaju.contoh';

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-import-repeat-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json', store: { dir: 'store' }, actor: 'petugas.kantor' }));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify([{ id: 'kades-103', name: 'Kepala Desa Sukamaju Contoh', category: 'kepala_desa', accounts: [{ platform: 'facebook', handle: 'infodesasukamaju.contoh' }] }]));
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(EXAMPLE_CONTEXT));
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  await copyFile(fixture('adapter-facebook', 'facebook-page-public.html'), path.join(dir, 'desa.html'));
  return dir;
}

async function logs(dir: string) {
  const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
  (await store.open())._unsafeUnwrap();
  try {
    const ids = async (kind: 'capture' | 'finding' | 'audit') => (await store.query(kind))._unsafeUnwrap().map((entry) => entry.id);
    return { captures: await ids('capture'), findings: await ids('finding'), audit: await ids('audit') };
  } finally {
    await store.close();
  }
}

async function runImport(dir: string, file = 'desa.html', actor = 'andi.pengawas') {
  const io = memoryIo(dir);
  const code = await main(['import', file, '--subject', 'kades-103', '--url', URL_DESA, '--actor', actor, '--json'], io);
  return { code, io, summary: code === 0 ? (JSON.parse(io.out()) as { captureId: string; alreadyStored: boolean; findings: number; newFindings: number }) : undefined };
}

describe('sipansos import, repeated', () => {
  it('importing the same saved page twice succeeds both times and stores one capture, its findings and one audit entry', async () => {
    const dir = await office();
    const first = await runImport(dir);
    expect(first.code).toBe(0);
    expect(first.summary?.findings).toBeGreaterThan(0);
    const afterFirst = await logs(dir);

    const second = await runImport(dir, 'desa.html', 'budi.pengawas');
    expect(second.io.err()).toContain('already imported');
    expect(second.code).toBe(0);
    expect(second.summary).toMatchObject({ captureId: first.summary?.captureId, alreadyStored: true, findings: first.summary?.findings, newFindings: 0 });
    expect(await logs(dir)).toEqual(afterFirst);
    expect(afterFirst.captures).toEqual([first.summary?.captureId]);
    expect(afterFirst.audit).toEqual([`import-${first.summary?.captureId}`]);
  });

  it('a later re-save of the page with other bytes is a new capture; findings already stored stay as they were', async () => {
    const dir = await office();
    const first = await runImport(dir);
    const html = await readFile(path.join(dir, 'desa.html'), 'utf8');
    await writeFile(path.join(dir, 'desa-lagi.html'), html.replace('</body>', '<!-- disimpan lagi --></body>'));
    const resaved = await runImport(dir, 'desa-lagi.html');
    expect(resaved.code).toBe(0);
    expect(resaved.summary?.alreadyStored).toBe(false);
    expect(resaved.summary?.captureId).not.toBe(first.summary?.captureId);
    const stored = await logs(dir);
    expect(stored.captures).toEqual([first.summary?.captureId, resaved.summary?.captureId]);
    // The same posts break the same rules: those findings keep their first evidence.
    expect(resaved.summary?.newFindings).toBe(0);
    expect(stored.findings).toHaveLength(first.summary?.findings ?? -1);
  });

  it('an import stopped part-way is completed by running the same command again', async () => {
    const dir = await office();
    failures.findingAppends = 1;
    const stopped = await runImport(dir);
    expect(stopped.code).toBe(3);
    expect(stopped.io.err()).toContain('run the same command again');
    const partial = await logs(dir);
    expect(partial.findings).toEqual([]);
    expect(partial.audit).toEqual([]);

    const again = await runImport(dir);
    expect(again.code).toBe(0);
    expect(again.summary?.alreadyStored).toBe(true);
    const complete = await logs(dir);
    expect(complete.captures).toEqual(partial.captures);
    expect(complete.findings.length).toBeGreaterThan(0);
    expect(complete.audit).toEqual([`import-${again.summary?.captureId}`]);
  });
});
