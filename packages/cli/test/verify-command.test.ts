import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { fixtureAudit, fixtureCapture, fixtureCase } from '@sipansos/testkit';
import { createFsStore } from '@sipansos/store-fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

let office: string;
let storeDir: string;

/** Every file of the store that holds evidence (the lock and quarantined tails are not evidence). */
async function evidenceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['recovered', 'tmp'].includes(entry.name)) out.push(...(await evidenceFiles(file)));
    } else if (entry.name !== 'LOCK') out.push(file);
  }
  return out.sort();
}

async function flip(file: string, offset: number, bit: number): Promise<Buffer> {
  const original = await readFile(file);
  const changed = Buffer.from(original);
  changed[offset] = changed[offset]! ^ (1 << bit);
  await writeFile(file, changed);
  return original;
}

beforeAll(async () => {
  office = await mkdtemp(path.join(tmpdir(), 'sipansos-verify-'));
  expect(await main(['init', '.'], memoryIo(office))).toBe(0);
  storeDir = path.join(office, 'store');
  const signingKeyPem = await readFile(path.join(office, 'keys', 'office-ed25519.pem'), 'utf8');
  const store = createFsStore({ dir: storeDir, signingKeyPem });
  const blob = (await store.putBlob(new TextEncoder().encode('{"data":[{"id":"1790001"}]}')))._unsafeUnwrap();
  (await store.append('capture', [fixtureCapture({ id: 'C-1', rawBlobs: [blob.sha256] }), fixtureCapture({ id: 'C-2', minute: 5 })]))._unsafeUnwrap();
  (await store.proofs.createCheckpoint())._unsafeUnwrap();
  (await store.append('audit', [fixtureAudit({ id: 'A-1' })]))._unsafeUnwrap();
  (await store.append('case', [fixtureCase({ id: 'K-1', version: 1, state: 'temuan' })]))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
});

describe('sipansos verify', () => {
  it('exits 0 on an intact store, from the config or from --store', async () => {
    const fromConfig = memoryIo(office);
    expect(await main(['verify'], fromConfig)).toBe(0);
    expect(fromConfig.out()).toContain('UTUH / INTACT');
    expect(fromConfig.out()).toMatch(/4 catatan\/records, 1 blob, 1 checkpoint/);
    const fromFlag = memoryIo(tmpdir());
    expect(await main(['verify', '--store', storeDir], fromFlag)).toBe(0);
  });

  it('exits 1 naming the first bad record with file, sequence number, expected and found hash', async () => {
    const file = path.join(storeDir, 'logs', 'audit.jsonl');
    const text = await readFile(file, 'utf8');
    const original = await flip(file, text.indexOf('"actor"') + 9, 0);
    try {
      const io = memoryIo(office);
      expect(await main(['verify'], io)).toBe(1);
      expect(io.out()).toMatch(/RUSAK \/ DAMAGED/);
      expect(io.out()).toMatch(/catatan rusak pertama \/ first bad record: berkas\/file logs\/audit\.jsonl, urutan\/seq 1, diharapkan\/expected [0-9a-f]{64}, ditemukan\/found [0-9a-f]{64}/);
      const json = memoryIo(office);
      expect(await main(['verify', '--json'], json)).toBe(1);
      expect(JSON.parse(json.out()).problems[0]).toMatchObject({ type: 'record_hash', file: 'logs/audit.jsonl', seq: 1 });
    } finally {
      await writeFile(file, original);
    }
  });

  it('detects a single flipped bit at the first and last byte of every file, and anywhere else at random', async () => {
    const files = await evidenceFiles(storeDir);
    expect(files.map((file) => path.relative(storeDir, file))).toEqual(
      expect.arrayContaining(['STORE.json', 'checkpoints.jsonl', 'logs/capture.jsonl', 'logs/audit.jsonl', 'logs/case.jsonl']),
    );
    const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
    const targets: Array<[number, number, number]> = [];
    files.forEach((_, index) => {
      if (sizes[index]! > 0) targets.push([index, 0, 3], [index, sizes[index]! - 1, 5]);
    });
    const total = sizes.reduce((sum, size) => sum + size, 0);
    for (const [position, bit] of fc.sample(fc.tuple(fc.integer({ min: 0, max: total - 1 }), fc.integer({ min: 0, max: 7 })), { numRuns: 40, seed: 4 })) {
      let rest = position;
      let index = 0;
      while (rest >= sizes[index]!) rest -= sizes[index++]!;
      targets.push([index, rest, bit]);
    }
    for (const [index, offset, bit] of targets) {
      const file = files[index]!;
      const original = await flip(file, offset, bit);
      try {
        const io = memoryIo(tmpdir());
        const code = await main(['verify', '--store', storeDir], io);
        expect(code, `${path.relative(storeDir, file)} byte ${offset} bit ${bit}: ${io.out()}${io.err()}`).toBe(1);
        expect(io.out()).toContain('first bad record');
      } finally {
        await writeFile(file, original);
      }
    }
    expect(await main(['verify', '--store', storeDir], memoryIo(tmpdir()))).toBe(0);
  });

  it('exits 3 when there is no store, and 2 without a config or --store', async () => {
    const none = memoryIo(tmpdir());
    expect(await main(['verify', '--store', path.join(office, 'tidak-ada')], none)).toBe(3);
    expect(none.err()).toMatch(/^galat: .* \/ error: /);
    const empty = await mkdtemp(path.join(tmpdir(), 'sipansos-verify-empty-'));
    expect(await main(['verify'], memoryIo(empty))).toBe(2);
  });
});
