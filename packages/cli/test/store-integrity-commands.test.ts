import { generateKeyPairSync } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFsStore } from '@sipansos/store-fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCaseFixture, TINY_PNG } from '../../core/src/report/__fixtures__/case-fixture.js';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// An office whose store holds an invented ASN's post and finding, and one case opened by the CLI.
async function officeWithCase(): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'sipansos-integrity-'));
  const signingKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), signingKeyPem, { mode: 0o600 });
  const fixture = buildCaseFixture();
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Kabupaten Lembah Harapan', actor: 'petugas-a' }));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify([fixture.subject]));
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem });
  (await store.putBlob(fixture.rawBody))._unsafeUnwrap();
  (await store.putBlob(TINY_PNG))._unsafeUnwrap();
  (await store.append('capture', fixture.captures))._unsafeUnwrap();
  (await store.append('finding', fixture.findings))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  const opened = await run(['cases', 'open', '--id', 'K-2024-001', '--title', 'Dukungan paslon oleh guru', '--finding', 'fnd-0001', '--reason', 'temuan patroli siber']);
  expect(opened.code).toBe(0);
  return dir;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir, { SIPANSOS_NOW: '2024-10-02T03:00:00Z' });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const log = (kind: string) => path.join(dir, 'store', 'logs', `${kind}.jsonl`);
const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);
const note = () => run(['cases', 'note', 'K-2024-001', '--text', 'catatan petugas']);

describe('store integrity through the CLI', () => {
  it('a writing command leaves a checkpoint that signs the head of every log', async () => {
    await officeWithCase();
    expect((await note()).code).toBe(0);
    const checkpoint = JSON.parse((await lines(path.join(dir, 'store', 'checkpoints.jsonl'))).at(-1)!) as { logs: Record<string, { seq: number; entryHash: string }> };
    for (const kind of ['capture', 'finding', 'case', 'audit']) {
      const last = JSON.parse((await lines(log(kind))).at(-1)!) as { seq: number; entryHash: string };
      expect(checkpoint.logs[kind]).toEqual({ seq: last.seq, entryHash: last.entryHash });
    }
    expect((await run(['verify'])).code).toBe(0);
  });

  it.each(['finding', 'case', 'audit'])('deleting the last line of the %s log: verify exits 1 naming it, writing commands exit 3', async (kind) => {
    await officeWithCase();
    const all = await lines(log(kind));
    await writeFile(log(kind), all.slice(0, -1).map((line) => `${line}\n`).join(''));
    const verify = await run(['verify']);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`logs/${kind}.jsonl`);
    expect(verify.out).toMatch(new RegExp(`entry ${all.length} was removed`));
    const refused = await note();
    expect(refused.code).toBe(3);
    expect(refused.err).toContain(`logs/${kind}.jsonl`);
    expect(refused.err).toContain('verify --repair');
  });

  it('a byte flipped in the last audit line: every writing command refuses until --repair, which is audited', async () => {
    await officeWithCase();
    const before = await readFile(log('audit'));
    const last = before.lastIndexOf('"action"', before.length - 2);
    const flipped = Buffer.from(before);
    flipped[last + 12] = flipped[last + 12]! ^ 1;
    await writeFile(log('audit'), flipped);
    for (const command of [['cases', 'note', 'K-2024-001', '--text', 'x'], ['cases', 'move', 'K-2024-001', 'kajian_awal', '--reason', 'r']]) {
      const refused = await run(command);
      expect(refused.code).toBe(3);
      expect(refused.err).toMatch(/logs\/audit\.jsonl entri\/entry \d+/);
    }
    expect(await readFile(log('audit'))).toEqual(flipped);
    expect((await run(['verify'])).code).toBe(1);
    const repaired = await run(['verify', '--repair']);
    expect(repaired.code).toBe(0);
    expect(repaired.err).toMatch(/pemulihan store \/ store recovery: logs\/audit\.jsonl: repaired: cut/);
    expect(repaired.out).toContain('UTUH / INTACT');
    const actions = (await lines(log('audit'))).map((line) => (JSON.parse(line) as { record: { action: string } }).record.action);
    expect(actions.filter((action) => action === 'store.repaired').length).toBeGreaterThanOrEqual(1);
    expect(await readdir(path.join(dir, 'store', 'recovered'))).toHaveLength(1);
    expect((await note()).code).toBe(0);
  });

  it('a line cut mid-way (the shape a crash leaves) is cut, said on stderr and audited', async () => {
    await officeWithCase();
    const whole = await readFile(log('case'));
    await appendFile(log('case'), whole.subarray(0, 40));
    const written = await note();
    expect(written.code).toBe(0);
    expect(written.err).toMatch(/pemulihan store \/ store recovery: logs\/case\.jsonl: cut 40 bytes/);
    const recovered = (await lines(log('audit'))).map((line) => JSON.parse(line) as { record: { action: string; details?: { file?: string } } }).filter((entry) => entry.record.action === 'store.tail_recovered');
    expect(recovered).toEqual([expect.objectContaining({ record: expect.objectContaining({ details: expect.objectContaining({ file: 'logs/case.jsonl', droppedBytes: 40 }) }) })]);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('--repair needs the office key and says when there is nothing to repair; a missing key stops writers, signingKey null lets them write unsigned and say so', async () => {
    await officeWithCase();
    const clean = await run(['verify', '--repair']);
    expect(clean.code).toBe(0);
    expect(clean.err).toContain('nothing to repair');
    await rm(path.join(dir, 'keys', 'office-ed25519.pem'));
    expect((await run(['verify', '--repair'])).code).toBe(2);
    // A missing key stops a writing command, naming the key file.
    const missing = await note();
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('office-ed25519.pem');
    // Signing switched off on purpose: the command works and says nothing is signed.
    await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Kabupaten Lembah Harapan', actor: 'petugas-a', signingKey: null }));
    const unsigned = await note();
    expect(unsigned.code).toBe(0);
    expect(unsigned.err).toContain('checkpoints are not signed');
  });
});
