import { readdirSync, statSync, truncateSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyInclusionProof } from '@sipansos/core/evidence';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureCapture } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { lineRanges, officeKeyPair, temporaryDir } from './store-test-helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('Merkle checkpoints and inclusion proofs', () => {
  it('without a signing key the store works but createCheckpoint returns a typed error', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const store = createFsStore({ dir: temporary.dir });
    (await store.append('capture', [fixtureCapture({ id: 'C-1' })]))._unsafeUnwrap();
    expect((await store.proofs.createCheckpoint())._unsafeUnwrapErr()).toMatchObject({ type: 'unsupported', message: expect.stringContaining('signingKeyPem') });
    expect((await store.proofs.inclusionProof('C-1'))._unsafeUnwrapErr().type).toBe('not_found');
    await store.close();
  });

  it('signs checkpoints whose inclusion proofs verify offline with the office public key', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const key = officeKeyPair();
    const store = createFsStore({ dir: temporary.dir, signingKeyPem: key.privatePem });
    const stored = (await store.append('capture', Array.from({ length: 6 }, (_, index) => fixtureCapture({ id: `C-${index}`, minute: index }))))._unsafeUnwrap();
    const first = (await store.proofs.createCheckpoint())._unsafeUnwrap();
    expect(first.treeSize).toBe(6);
    (await store.append('capture', [fixtureCapture({ id: 'C-6' })]))._unsafeUnwrap();
    const second = (await store.proofs.createCheckpoint())._unsafeUnwrap();
    expect(second.treeSize).toBe(7);
    expect((await store.proofs.latestCheckpoint())._unsafeUnwrap()).toEqual(second);
    expect((await store.proofs.publicKeyPem())._unsafeUnwrap()).toBe(key.publicPem);
    const proof = (await store.proofs.inclusionProof('C-3'))._unsafeUnwrap();
    expect(proof).toMatchObject({ captureId: 'C-3', leafIndex: 3, treeSize: 7 });
    expect(verifyInclusionProof(proof, key.publicPem, { entryHash: stored[3]!.entryHash })._unsafeUnwrap()).toEqual(second);
    expect((await store.verify())._unsafeUnwrap()).toMatchObject({ ok: true, checked: { checkpoints: 2 } });
    await store.close();

    // A reader without the private key exports the same proof.
    const reader = createFsStore({ dir: temporary.dir, readOnly: true });
    const readerProof = (await reader.proofs.inclusionProof('C-3'))._unsafeUnwrap();
    expect(readerProof).toEqual(proof);
    expect((await reader.proofs.publicKeyPem())._unsafeUnwrap()).toBe(key.publicPem);
    await reader.close();
  });

  it('verify reports captures removed after a checkpoint, and a checkpoint signed by another key', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const key = officeKeyPair();
    const store = createFsStore({ dir: temporary.dir, signingKeyPem: key.privatePem });
    (await store.append('capture', [fixtureCapture({ id: 'C-1' }), fixtureCapture({ id: 'C-2' })]))._unsafeUnwrap();
    (await store.proofs.createCheckpoint())._unsafeUnwrap();
    await store.close();
    const log = path.join(temporary.dir, 'logs', 'capture.jsonl');
    truncateSync(log, lineRanges(log)[1]![0]);
    const reopened = createFsStore({ dir: temporary.dir, signingKeyPem: key.privatePem });
    const report = (await reopened.verify())._unsafeUnwrap();
    expect(report.problems).toEqual([
      expect.objectContaining({ type: 'merkle_root', file: 'checkpoints.jsonl', seq: 1, expected: '2', found: '1' }),
      expect.objectContaining({ type: 'sequence', file: 'logs/capture.jsonl', seq: 2 }),
    ]);
    await reopened.close();
    const otherOffice = createFsStore({ dir: temporary.dir, readOnly: true, signingKeyPem: officeKeyPair().privatePem });
    const foreign = (await otherOffice.verify())._unsafeUnwrap();
    expect(foreign.problems.map((problem) => problem.type)).toContain('checkpoint_signature');
    await otherOffice.close();
  });

  it('creates files readable by the owner only', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const key = officeKeyPair();
    const store = createFsStore({ dir: path.join(temporary.dir, 'store'), signingKeyPem: key.privatePem });
    (await store.putBlob(new Uint8Array([1])))._unsafeUnwrap();
    (await store.append('capture', [fixtureCapture({ id: 'C-1' })]))._unsafeUnwrap();
    (await store.proofs.createCheckpoint())._unsafeUnwrap();
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? [file, ...walk(file)] : [file];
    });
    for (const file of [store.dir, ...walk(store.dir)]) {
      const mode = statSync(file).mode & 0o777;
      expect(mode & 0o077, `${file} is ${mode.toString(8)}`).toBe(0);
    }
    expect(readFileSync(path.join(store.dir, 'STORE.json'), 'utf8')).toBe('{"format":"sipansos-evidence-store","version":1}\n');
    await store.close();
  });
});
