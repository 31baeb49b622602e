import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkRecordChain } from '@sipansos/core/evidence';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { freshOffice, startTestDatabase, type TestDatabase } from './postgres-service.js';

const WRITER = fileURLToPath(new URL('./append-writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.stop();
});

interface Writer {
  child: ChildProcess;
  acknowledged: Array<{ seq: number; id: string; entryHash: string }>;
  /** The id of an append the writer started and has not acknowledged yet. */
  inFlight?: string;
  exited: Promise<number | null>;
}

function startWriter(office: string, name: string, count: number): Writer {
  const child = spawn(process.execPath, ['--conditions=sipansos-source', '--import', 'tsx', WRITER, database.url, office, name, String(count)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const writer: Writer = { child, acknowledged: [], exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  let buffer = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('> ')) {
        writer.inFlight = line.slice(2);
        continue;
      }
      const [seq, id, entryHash] = line.split(' ');
      if (id === writer.inFlight || id === writer.inFlight?.replace(/-a$/, '-b')) writer.inFlight = undefined;
      writer.acknowledged.push({ seq: Number(seq), id: id!, entryHash: entryHash! });
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`writer ${name} exited ${code}: ${stderr}\n`);
  });
  return writer;
}

async function readLog(office: string) {
  const store = createPostgresStore({ url: database.url, office, readOnly: true });
  const entries = (await store.query('audit'))._unsafeUnwrap();
  const report = (await store.verify())._unsafeUnwrap();
  await store.close();
  return { entries, report };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('several writer processes on one office', () => {
  test('four processes appending at once leave one gap-free chain holding every acknowledged entry once', async () => {
    const office = freshOffice('kab-serentak');
    const writers = ['a', 'b', 'c', 'd'].map((name) => startWriter(office, name, 30));
    const codes = await Promise.all(writers.map((writer) => writer.exited));
    expect(codes).toEqual([0, 0, 0, 0]);
    const { entries, report } = await readLog(office);
    const acknowledged = writers.flatMap((writer) => writer.acknowledged);
    expect(acknowledged.length).toBe(4 * 40);
    expect(entries.length).toBe(acknowledged.length);
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));
    expect(checkRecordChain(entries, { kind: 'audit' }).problems).toEqual([]);
    const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
    for (const entry of acknowledged) {
      expect(bySeq.get(entry.seq)?.id).toBe(entry.id);
      expect(bySeq.get(entry.seq)?.entryHash).toBe(entry.entryHash);
    }
    // Each writer's entries keep its own order, and its batches stay contiguous.
    for (const writer of writers) {
      const seqs = writer.acknowledged.map((entry) => entry.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      for (const [index, entry] of writer.acknowledged.entries()) {
        if (entry.id.endsWith('-b')) expect(entry.seq).toBe(writer.acknowledged[index - 1]!.seq + 1);
      }
    }
    expect(report.problems).toEqual([]);
  });

  test('kill -9 of a writer in the middle of its appends loses nothing it acknowledged, and the others go on', async () => {
    const office = freshOffice('kab-mati');
    const survivor = startWriter(office, 'tetap', 0);
    const victims: Writer[] = [];
    for (const round of [1, 2, 3]) {
      const victim = startWriter(office, `korban${round}`, 0);
      victims.push(victim);
      // Let it get well into its appends (its transactions interleave with the survivor's).
      await waitFor(() => victim.acknowledged.length >= 15 * round && victim.inFlight !== undefined, `writer ${round} to acknowledge entries and start another`);
      victim.child.kill('SIGKILL');
      await victim.exited;
    }
    const before = survivor.acknowledged.length;
    await waitFor(() => survivor.acknowledged.length >= before + 10, 'the surviving writer to go on after the kills');
    survivor.child.kill('SIGKILL');
    await survivor.exited;
    const { entries, report } = await readLog(office);
    expect(report.problems).toEqual([]);
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));
    const stored = new Map(entries.map((entry) => [entry.id, entry]));
    for (const writer of [...victims, survivor]) {
      expect(writer.acknowledged.length).toBeGreaterThan(0);
      for (const entry of writer.acknowledged) {
        expect(stored.get(entry.id)?.seq).toBe(entry.seq);
        expect(stored.get(entry.id)?.entryHash).toBe(entry.entryHash);
      }
    }
    // A new writer continues the same chain.
    const store = createPostgresStore({ url: database.url, office });
    const [next] = (await store.append('audit', [{ id: 'setelah', at: '2024-11-21T00:00:00.000Z', actor: 'petugas', action: 'uji.lanjut', details: {} }]))._unsafeUnwrap();
    expect(next!.seq).toBe(entries.length + 1);
    expect(next!.prevHash).toBe(entries.at(-1)!.entryHash);
    await store.close();
  });
});
