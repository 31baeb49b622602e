// The embedded evidence store on disk: keep a raw response as a blob, a capture as a record,
// sign a checkpoint with the office key, prove the capture is in it, and verify everything.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accountKey, type Capture } from '@sipansos/core';
import { verifyInclusionProof } from '@sipansos/core/evidence';
import { createFsStore } from '@sipansos/store-fs';
import { err, ok, type Result } from 'neverthrow';
import { run, type ExampleError } from '../lib/run.js';

await run('store a capture in a new store-fs store, prove it and verify', async (): Promise<Result<string, ExampleError>> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-store-example-'));
  // The office key lives outside the store (sipansos init writes keys/office-ed25519.pem).
  const { privateKey } = generateKeyPairSync('ed25519');
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  const opened = await store.open();
  if (opened.isErr()) return err(opened.error);
  try {
    const body = new TextEncoder().encode('{"data":[{"id":"1790001","text":"Selamat pagi warga Lembah Harapan"}]}');
    const blob = await store.putBlob(body);
    if (blob.isErr()) return err(blob.error);
    const account = { platform: 'x', handle: 'contoh_asn', id: '1402000001' };
    const capture: Capture = {
      id: 'example-capture-1',
      adapter: { id: 'example', version: '1.0.0' },
      platform: 'x',
      account,
      accountKey: accountKey(account),
      scope: 'timeline',
      capturedAt: '2024-10-01T03:00:00Z',
      status: 'ok',
      accountObservation: 'public',
      requests: [{ method: 'GET', url: 'https://api.x.com/2/users/1402000001/tweets', status: 200, at: '2024-10-01T03:00:00Z', bodySha256: blob.value.sha256 }],
      rawBlobs: [blob.value.sha256],
      items: [{ platform: 'x', id: '1790001', kind: 'post', author: { id: '1402000001', handle: 'contoh_asn' }, text: 'Selamat pagi warga Lembah Harapan', media: [], links: [], hashtags: [], mentions: [] }],
      window: { complete: true, reachedEnd: true, newest: { id: '1790001' }, oldest: { id: '1790001' } },
    };
    const stored = await store.append('capture', [capture]);
    if (stored.isErr()) return err(stored.error);
    // Appending the same record again is a no-op: a resumed cycle never duplicates evidence.
    const again = await store.append('capture', [capture]);
    if (again.isErr()) return err(again.error);
    const lines = [`blob ${blob.value.sha256} (${blob.value.size} bytes)`, `capture seq ${stored.value[0]!.seq}, entry hash ${stored.value[0]!.entryHash.slice(0, 16)}…; appended twice, stored once: seq ${again.value[0]!.seq}`];
    const byAccount = await store.query('capture', { accountKey: capture.accountKey });
    if (byAccount.isErr()) return err(byAccount.error);
    lines.push(`captures of ${capture.accountKey}: ${byAccount.value.length}`);
    if (store.proofs) {
      const checkpoint = await store.proofs.createCheckpoint();
      if (checkpoint.isErr()) return err(checkpoint.error);
      const proof = await store.proofs.inclusionProof(capture.id);
      const publicKey = await store.proofs.publicKeyPem();
      if (proof.isErr()) return err(proof.error);
      if (publicKey.isErr()) return err(publicKey.error);
      const checked = verifyInclusionProof(proof.value, publicKey.value, { entryHash: stored.value[0]!.entryHash });
      if (checked.isErr()) return err(checked.error);
      lines.push(`signed checkpoint over ${checkpoint.value.treeSize} capture(s), root ${checkpoint.value.rootHash.slice(0, 16)}…; inclusion proof checks offline`);
    }
    const verified = await store.verify();
    if (verified.isErr()) return err(verified.error);
    lines.push(`verify: ${verified.value.ok ? 'intact' : 'PROBLEMS'} (${verified.value.checked.blobs} blobs, ${verified.value.checked.records} records)`);
    lines.push(`store on disk: ${path.join(dir, 'store')}`);
    return ok(lines.join('\n'));
  } finally {
    await store.close();
  }
});
