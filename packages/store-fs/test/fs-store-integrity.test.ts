import { appendFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLeafHash, canonicalJsonOrThrow, merkleRoot, signCheckpoint, type RecordKind } from '@sipansos/core/evidence';
import { fixtureAccountState, fixtureAudit, fixtureCapture, fixtureCase, fixtureChange, fixtureFinding } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { flipBit, lineRanges, officeKeyPair, temporaryDir } from './store-test-helpers.js';

const KINDS: RecordKind[] = ['capture', 'account_state', 'change', 'finding', 'case', 'audit'];
const key = officeKeyPair();
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A closed store with two entries in every log, under a checkpoint signed on close. */
async function signedStore(): Promise<string> {
  const temporary = temporaryDir();
  cleanup = temporary.cleanup;
  const store = createFsStore({ dir: temporary.dir, signingKeyPem: key.privatePem, checkpointOnClose: true });
  (await store.append('capture', [fixtureCapture({ id: 'C-1', minute: 1 }), fixtureCapture({ id: 'C-2', minute: 2 })]))._unsafeUnwrap();
  (await store.append('account_state', [fixtureAccountState({ minute: 1 }), fixtureAccountState({ minute: 2, knownItems: 3 })]))._unsafeUnwrap();
  (await store.append('change', [fixtureChange({ id: 'CH-1' }), fixtureChange({ id: 'CH-2', type: 'edited' })]))._unsafeUnwrap();
  (await store.append('finding', [fixtureFinding({ id: 'F-1' }), fixtureFinding({ id: 'F-2' })]))._unsafeUnwrap();
  (await store.append('case', [fixtureCase({ id: 'K-1', version: 1, state: 'temuan' }), fixtureCase({ id: 'K-1', version: 2, state: 'kajian_awal', minute: 5 })]))._unsafeUnwrap();
  (await store.append('audit', [fixtureAudit({ id: 'A-1' }), fixtureAudit({ id: 'A-2', minute: 1 })]))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  return temporary.dir;
}

const logFile = (dir: string, kind: RecordKind) => path.join(dir, 'logs', `${kind}.jsonl`);

async function readerVerify(dir: string) {
  const reader = createFsStore({ dir, readOnly: true, signingKeyPem: key.privatePem });
  const report = (await reader.verify())._unsafeUnwrap();
  (await reader.close())._unsafeUnwrap();
  return report;
}

/** Open as the writer: the report, and whether an append and a checkpoint are refused. */
async function writerAttempt(dir: string) {
  const store = createFsStore({ dir, signingKeyPem: key.privatePem, checkpointOnClose: true });
  const report = (await store.open())._unsafeUnwrap();
  const appended = await store.append('audit', [fixtureAudit({ id: 'A-9', minute: 9 })]);
  const checkpoint = await store.proofs.createCheckpoint();
  (await store.close())._unsafeUnwrap();
  return { report, appended, checkpoint };
}

async function auditActions(dir: string): Promise<Array<{ action: string; details?: Record<string, unknown> }>> {
  const reader = createFsStore({ dir, readOnly: true });
  const entries = (await reader.query('audit'))._unsafeUnwrap();
  (await reader.close())._unsafeUnwrap();
  return entries.map((entry) => entry.record as { action: string; details?: Record<string, unknown> });
}

describe('every log is under the latest checkpoint', () => {
  it('checkpointOnClose signs the head of every log, and signs nothing when nothing changed', async () => {
    const dir = await signedStore();
    const lines = readFileSync(path.join(dir, 'checkpoints.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const checkpoint = JSON.parse(lines[0]!) as { logs: Record<string, { seq: number; entryHash: string }> };
    for (const kind of KINDS) {
      const last = JSON.parse(readFileSync(logFile(dir, kind), 'utf8').trim().split('\n').at(-1)!) as { seq: number; entryHash: string };
      expect(checkpoint.logs[kind]).toEqual({ seq: last.seq, entryHash: last.entryHash });
    }
    const again = createFsStore({ dir, signingKeyPem: key.privatePem, checkpointOnClose: true });
    (await again.open())._unsafeUnwrap();
    (await again.close())._unsafeUnwrap();
    expect(readFileSync(path.join(dir, 'checkpoints.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect((await readerVerify(dir)).ok).toBe(true);
  });

  it.each(KINDS)('deleting the last line of the %s log fails verify naming it, and the writer refuses', async (kind) => {
    const dir = await signedStore();
    truncateSync(logFile(dir, kind), lineRanges(logFile(dir, kind))[1]![0]);
    const report = await readerVerify(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: `logs/${kind}.jsonl`, seq: 2, message: expect.stringMatching(/entry 2 was removed/) })]));
    const attempt = await writerAttempt(dir);
    expect(attempt.report.readOnly).toBe(true);
    expect(attempt.report.damaged).toEqual([expect.objectContaining({ file: `logs/${kind}.jsonl`, seq: 2 })]);
    expect(attempt.appended._unsafeUnwrapErr()).toMatchObject({ type: 'read_only', message: expect.stringContaining(`logs/${kind}.jsonl`) });
    expect(attempt.checkpoint._unsafeUnwrapErr().type).toBe('read_only');
  });

  it.each(KINDS)('a byte flipped in the last line of the %s log: every write is refused, verify fails, nothing is cut', async (kind) => {
    const dir = await signedStore();
    const file = logFile(dir, kind);
    const [start, end] = lineRanges(file)[1]!;
    flipBit(file, Math.floor((start + end) / 2));
    const flipped = readFileSync(file);
    const report = await readerVerify(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: `logs/${kind}.jsonl`, seq: 2 })]));
    for (let attempt = 0; attempt < 2; attempt++) {
      const { report: opened, appended } = await writerAttempt(dir);
      expect(opened.readOnly).toBe(true);
      expect(appended._unsafeUnwrapErr().type).toBe('read_only');
    }
    expect(readFileSync(file)).toEqual(flipped);
    expect((await readerVerify(dir)).ok).toBe(false);
  });

  it.each(KINDS)('a line of the %s log cut mid-way (the shape a crash leaves) is cut, reported and audited', async (kind) => {
    const dir = await signedStore();
    const file = logFile(dir, kind);
    const whole = readFileSync(file);
    // An append that never finished: half of a copy of the last line, no newline.
    const [start, end] = lineRanges(file)[1]!;
    appendFileSync(file, whole.subarray(start, start + Math.floor((end - start) / 2)));
    const attempt = await writerAttempt(dir);
    expect(attempt.report.readOnly).toBe(false);
    expect(attempt.report.recovered).toEqual([expect.objectContaining({ file: `logs/${kind}.jsonl`, lastGoodSeq: 2 })]);
    expect(attempt.appended.isOk()).toBe(true);
    expect(readFileSync(file).subarray(0, whole.length)).toEqual(whole);
    const recovered = (await auditActions(dir)).filter((entry) => entry.action === 'store.tail_recovered');
    expect(recovered).toEqual([expect.objectContaining({ details: expect.objectContaining({ file: `logs/${kind}.jsonl`, lastGoodSeq: 2 }) })]);
    expect(readdirSync(path.join(dir, 'recovered'))).toHaveLength(1);
    expect((await readerVerify(dir)).problems).toEqual([]);
  });
});

describe('a store whose checkpoints predate signed log heads', () => {
  it('still verifies and opens writable; a removed capture is still found; the next checkpoint signs every log', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const store = createFsStore({ dir: temporary.dir, signingKeyPem: key.privatePem });
    const captures = (await store.append('capture', [fixtureCapture({ id: 'C-1' }), fixtureCapture({ id: 'C-2', minute: 2 })]))._unsafeUnwrap();
    (await store.append('finding', [fixtureFinding({ id: 'F-1' })]))._unsafeUnwrap();
    (await store.proofs.createCheckpoint())._unsafeUnwrap();
    (await store.close())._unsafeUnwrap();
    // Rewrite the checkpoint as the store wrote them before: capture tree only.
    const leaves = captures.map((entry) => Buffer.from(captureLeafHash(entry.entryHash), 'hex'));
    const old = signCheckpoint({ treeSize: 2, rootHash: Buffer.from(merkleRoot(leaves, 2)).toString('hex'), at: '2024-11-20T08:00:00.000Z' }, key.privatePem)._unsafeUnwrap();
    writeFileSync(path.join(temporary.dir, 'checkpoints.jsonl'), `${canonicalJsonOrThrow(old)}\n`);
    expect(await readerVerify(temporary.dir)).toMatchObject({ ok: true, problems: [] });
    const writer = createFsStore({ dir: temporary.dir, signingKeyPem: key.privatePem, checkpointOnClose: true });
    expect((await writer.open())._unsafeUnwrap().readOnly).toBe(false);
    (await writer.append('audit', [fixtureAudit({ id: 'A-1' })]))._unsafeUnwrap();
    (await writer.close())._unsafeUnwrap();
    const latest = JSON.parse(readFileSync(path.join(temporary.dir, 'checkpoints.jsonl'), 'utf8').trim().split('\n').at(-1)!) as { logs?: Record<string, { seq: number }> };
    expect(latest.logs?.audit?.seq).toBe(1);
    expect((await readerVerify(temporary.dir)).ok).toBe(true);
    // With only the old checkpoint, a removed capture is found by the Merkle root.
    writeFileSync(path.join(temporary.dir, 'checkpoints.jsonl'), `${canonicalJsonOrThrow(old)}\n`);
    truncateSync(logFile(temporary.dir, 'capture'), lineRanges(logFile(temporary.dir, 'capture'))[1]![0]);
    const attempt = await writerAttempt(temporary.dir);
    expect(attempt.report.damaged).toEqual([expect.objectContaining({ file: 'logs/capture.jsonl', seq: 2 })]);
    expect((await readerVerify(temporary.dir)).ok).toBe(false);
  });
});

describe('repair', () => {
  it('cuts a tampered last line, keeps it, audits it, signs a new checkpoint; the store is writable again', async () => {
    const dir = await signedStore();
    const file = logFile(dir, 'audit');
    const [start, end] = lineRanges(file)[1]!;
    flipBit(file, Math.floor((start + end) / 2));
    const repairing = createFsStore({ dir, signingKeyPem: key.privatePem, repair: true });
    const report = (await repairing.open())._unsafeUnwrap();
    expect(report.readOnly).toBe(false);
    expect(report.recovered.map((entry) => entry.message)).toEqual([expect.stringMatching(/^repaired: cut \d+ bytes from entry 2/), expect.stringMatching(/^repaired: .*audit log holds 1 entries/)]);
    (await repairing.close())._unsafeUnwrap();
    const actions = await auditActions(dir);
    expect(actions.map((entry) => entry.action)).toEqual(['test.entry', 'store.repaired', 'store.repaired']);
    expect(actions[1]!.details).toMatchObject({ file: 'logs/audit.jsonl', action: 'cut_bad_tail', seq: 2 });
    expect(actions[2]!.details).toMatchObject({ file: 'logs/audit.jsonl', action: 'accepted_missing_entries', seq: 2 });
    expect(readdirSync(path.join(dir, 'recovered'))).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'checkpoints.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect((await readerVerify(dir)).problems).toEqual([]);
    const attempt = await writerAttempt(dir);
    expect(attempt.report.readOnly).toBe(false);
    expect(attempt.appended.isOk()).toBe(true);
  });

  it('refuses damage followed by sound entries and changes nothing', async () => {
    const dir = await signedStore();
    const file = logFile(dir, 'finding');
    const [start] = lineRanges(file)[0]!;
    flipBit(file, start + 40);
    const before = readFileSync(file);
    const repairing = createFsStore({ dir, signingKeyPem: key.privatePem, repair: true });
    expect((await repairing.open())._unsafeUnwrapErr()).toMatchObject({ type: 'corrupt', file: 'logs/finding.jsonl', seq: 1, message: expect.stringMatching(/cannot repair, nothing was changed/) });
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dir)).not.toContain('recovered');
  });

  it('needs the signing key', () => {
    expect(() => createFsStore({ dir: '/tmp/none', repair: true })).toThrow(/repair signs a new checkpoint/);
  });
});
