import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../cases/case-schema.js';
import { createMemoryStore } from './memory-store.js';

const audit = (id: string, action = 'test.entry') => ({ id, at: '2024-11-20T08:00:00+07:00', actor: 'petugas', action, details: {} });
const caseVersion = (version: number, state: 'temuan' | 'kajian_awal') =>
  CaseSchema.parse({
  id: 'K-2024-001',
  title: 'Dugaan ketidaknetralan ASN',
  subjectId: 'S-1',
  state,
  openedAt: '2024-11-20T08:00:00Z',
  openedBy: 'petugas',
  transitions: [{ from: null, to: 'temuan' as const, at: '2024-11-20T08:00:00Z', actor: 'petugas', reason: 'dibuka' }],
  version,
  });

describe('memory store', () => {
  it('stores blobs by sha256 and returns copies', async () => {
    const store = createMemoryStore();
    const bytes = new TextEncoder().encode('isi mentah');
    const ref = (await store.putBlob(bytes))._unsafeUnwrap();
    bytes[0] = 0;
    const read = (await store.getBlob(ref.sha256))._unsafeUnwrap();
    expect(new TextDecoder().decode(read)).toBe('isi mentah');
    read[0] = 0;
    expect((await store.verify())._unsafeUnwrap().ok).toBe(true);
  });

  it('appends with a chain from genesis and returns the same entry for a repeated identical record', async () => {
    const store = createMemoryStore({ now: () => new Date('2024-11-20T01:00:00Z') });
    const [first] = (await store.append('audit', [audit('A-1')]))._unsafeUnwrap();
    expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64), appendedAt: '2024-11-20T01:00:00.000Z' });
    const again = (await store.append('audit', [audit('A-1'), audit('A-2')]))._unsafeUnwrap();
    expect(again.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(again[1]!.prevHash).toBe(first!.entryHash);
  });

  it('refuses a different record under an existing id and writes nothing of the batch', async () => {
    const store = createMemoryStore();
    await store.append('audit', [audit('A-1')]);
    const result = await store.append('audit', [audit('A-2'), audit('A-1', 'other.action')]);
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'conflict', kind: 'audit', id: 'A-1' });
    expect((await store.query('audit'))._unsafeUnwrap()).toHaveLength(1);
  });

  it('keeps every case version and reads the latest by default', async () => {
    const store = createMemoryStore();
    await store.append('case', [caseVersion(1, 'temuan')]);
    await store.append('case', [caseVersion(2, 'kajian_awal')]);
    expect((await store.get('case', 'K-2024-001'))._unsafeUnwrap()?.record.version).toBe(2);
    expect((await store.query('case', { state: 'temuan' }))._unsafeUnwrap()).toHaveLength(0);
    expect((await store.query('case', { allVersions: true }))._unsafeUnwrap()).toHaveLength(2);
  });

  it('rejects an invalid record and an unknown query field with the field named', async () => {
    const store = createMemoryStore();
    const bad = await store.append('audit', [{ ...audit('A-1'), at: 'kemarin' }]);
    expect(bad._unsafeUnwrapErr()).toMatchObject({ type: 'invalid_input', issues: [expect.objectContaining({ path: 'at' })] });
    const query = await store.query('audit', { acountKey: 'x' } as never);
    expect(query._unsafeUnwrapErr().type).toBe('invalid_input');
  });

  it('verify reports a changed byte in an entry and in a blob', async () => {
    const store = createMemoryStore();
    await store.append('audit', [audit('A-1'), audit('A-2')]);
    const ref = (await store.putBlob(new Uint8Array([1, 2, 3])))._unsafeUnwrap();
    store.corruptEntryForTesting('audit', 2);
    store.corruptBlobForTesting(ref.sha256);
    const report = (await store.verify())._unsafeUnwrap();
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.type, problem.seq])).toEqual([
      ['blob_hash', undefined],
      ['record_hash', 2],
    ]);
    expect((await store.getBlob(ref.sha256))._unsafeUnwrapErr().type).toBe('corrupt');
  });

  it('is closed after close() until opened again, and keeps its data', async () => {
    const store = createMemoryStore();
    await store.append('audit', [audit('A-1')]);
    await store.close();
    expect((await store.get('audit', 'A-1'))._unsafeUnwrapErr().type).toBe('closed');
    await store.open();
    expect((await store.get('audit', 'A-1'))._unsafeUnwrap()?.id).toBe('A-1');
  });
});

describe('memory store proofs', () => {
  it('signs checkpoints and exports inclusion proofs that verify offline', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { verifyInclusionProof } = await import('../evidence/inclusion-proof.js');
    const { CaptureSchema } = await import('../capture/capture-schema.js');
    const { privateKey } = generateKeyPairSync('ed25519');
    const store = createMemoryStore({ signingKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const capture = (id: string) =>
      CaptureSchema.parse({ id, adapter: { id: 'x-api', version: '0' }, platform: 'x', account: { platform: 'x', handle: 'andi_contoh' }, accountKey: 'x:@andi_contoh', scope: 'timeline', capturedAt: '2024-11-20T01:00:00Z', window: { complete: true } });
    expect(store.capabilities.merkleProofs).toBe(true);
    expect((await store.proofs!.inclusionProof('C-1'))._unsafeUnwrapErr().type).toBe('not_found');
    const stored = (await store.append('capture', [capture('C-1'), capture('C-2'), capture('C-3')]))._unsafeUnwrap();
    const checkpoint = (await store.proofs!.createCheckpoint())._unsafeUnwrap();
    const proof = (await store.proofs!.inclusionProof('C-2'))._unsafeUnwrap();
    const publicKey = (await store.proofs!.publicKeyPem())._unsafeUnwrap();
    expect(verifyInclusionProof(proof, publicKey, { entryHash: stored[1]!.entryHash })._unsafeUnwrap()).toEqual(checkpoint);
    expect((await store.verify())._unsafeUnwrap()).toMatchObject({ ok: true, checked: { checkpoints: 1 } });
    const plain = createMemoryStore();
    expect(plain.proofs).toBeUndefined();
    expect(plain.capabilities.merkleProofs).toBe(false);
  });
});
