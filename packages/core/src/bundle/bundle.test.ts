import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseWorkflow } from '../case-store/case-workflow-store.js';
import { canonicalJsonOrThrow } from '../hashing/canonical-json.js';
import { sha256Hex } from '../hashing/sha256.js';
import { buildCaseFixture, TINY_PNG } from '../report/__fixtures__/case-fixture.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import { testOfficeKey, withTestProofs } from './__fixtures__/store-with-proofs.js';
import { bundleFromStore } from './bundle-from-store.js';
import type { BundleFiles } from './create-bundle.js';
import { bundleFileNeedsContent, verifyBundle, type BundleFileContent } from './verify-bundle.js';

const key = testOfficeKey();

async function storedCase(options: { proofs: boolean; checkpointFormat?: 'log-heads' | 'capture-only' }) {
  const fixture = buildCaseFixture();
  const memory = createMemoryStore({ now: () => new Date('2024-10-02T00:00:00Z') });
  const store = options.proofs ? withTestProofs(memory, key.privateKeyPem, () => new Date('2024-10-02T12:00:00Z'), options.checkpointFormat) : memory;
  (await store.putBlob(fixture.rawBody))._unsafeUnwrap();
  (await store.putBlob(TINY_PNG))._unsafeUnwrap();
  (await store.append('capture', fixture.captures))._unsafeUnwrap();
  (await store.append('finding', fixture.findings))._unsafeUnwrap();
  const workflow = createCaseWorkflow({ store, now: () => new Date('2024-10-02T01:00:00Z') });
  (await workflow.open({ id: 'K-2024-001', title: 'Dukungan paslon oleh guru ASN', subjectId: fixture.subject.id, findingIds: ['fnd-0001'], actor: 'petugas-a', reason: 'temuan patroli siber' }))._unsafeUnwrap();
  (await workflow.move('K-2024-001', { to: 'kajian_awal', actor: 'petugas-a', reason: 'dikaji' }))._unsafeUnwrap();
  return { store, fixture };
}

function flipByte(files: BundleFiles, file: string, at?: number): BundleFiles {
  const copy = new Map(files);
  const bytes = Uint8Array.from(copy.get(file)!);
  const index = at ?? Math.floor(bytes.length / 2);
  bytes[index] = bytes[index]! ^ 0x01;
  copy.set(file, bytes);
  return copy;
}

describe('verification bundle', () => {
  let files: BundleFiles;

  beforeAll(async () => {
    const { store } = await storedCase({ proofs: true });
    files = (await bundleFromStore(store, { caseId: 'K-2024-001', office: 'Bawaslu Kabupaten Lembah Harapan', createdAt: '2024-10-03T00:00:00Z', createdBy: 'petugas-a', includePersonalData: false, reportHtml: '<!DOCTYPE html><title>r</title>' }))._unsafeUnwrap();
  });

  it('holds blobs, records, checkpoint, key, proofs, manifest, sums and VERIFY.md', () => {
    const names = [...files.keys()].sort();
    expect(names).toEqual(
      expect.arrayContaining(['VERIFY.md', 'SHA256SUMS', 'manifest.json', 'office-public-key.pem', 'checkpoint.json', 'proofs/cap-0001.json', 'proofs/cap-0002.json', 'records/case.jsonl', 'records/finding.jsonl', 'records/capture.jsonl', 'records/audit.jsonl', 'report.html']),
    );
    expect(names.filter((name) => name.startsWith('blobs/sha256/'))).toHaveLength(2);
    expect(new TextDecoder().decode(files.get('records/case.jsonl')).trim().split('\n')).toHaveLength(2);
  });

  it('lists files in the manifest and SHA256SUMS in code-unit order, whatever the machine locale', () => {
    const listed = (JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as { files: Array<{ path: string }> }).files.map((file) => file.path);
    // Array sort compares UTF-16 code units: "SHA256SUMS" and "VERIFY.md" before "blobs/", in every locale.
    expect(listed).toEqual([...listed].sort());
    expect(listed.indexOf('VERIFY.md')).toBeLessThan(listed.findIndex((name) => name.startsWith('blobs/')));
    const summed = new TextDecoder().decode(files.get('SHA256SUMS')).trim().split('\n').map((line) => line.slice(66));
    expect(summed).toEqual([...summed].sort());
  });

  it('verifies clean, offline', () => {
    const report = verifyBundle(files);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, caseId: 'K-2024-001', checked: { blobs: 2, proofs: 2, checkpoints: 1 } });
    expect(report.checked.records).toBeGreaterThanOrEqual(6);
  });

  it('checks blobs, the report and the guide given only as digests, as a streaming reader hands them over', () => {
    const digested = new Map<string, BundleFileContent>(files);
    for (const [name, bytes] of files) if (!bundleFileNeedsContent(name)) digested.set(name, { sha256: sha256Hex(bytes), size: bytes.byteLength });
    expect([...digested.values()].filter((content) => !(content instanceof Uint8Array)).length).toBe(4);
    expect(verifyBundle(digested)).toMatchObject({ ok: true, problems: [], checked: { blobs: 2 } });
    const blob = [...files.keys()].find((name) => name.startsWith('blobs/'))!;
    const wrong = new Map(digested).set(blob, { sha256: 'f'.repeat(64), size: 1 });
    expect(verifyBundle(wrong).problems.map((problem) => `${problem.type} ${problem.file}`)).toEqual(expect.arrayContaining([`file_hash ${blob}`, `blob_hash ${blob}`]));
  });

  it('a file it must read but was given only as a digest is named as not checked', () => {
    const records = 'records/finding.jsonl';
    const bytes = files.get(records)!;
    const report = verifyBundle(new Map<string, BundleFileContent>(files).set(records, { sha256: sha256Hex(bytes), size: bytes.byteLength }));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'unreadable', file: records })]));
  });

  it.each(['blobs', 'records/finding.jsonl', 'records/capture.jsonl', 'records/case.jsonl', 'checkpoint.json', 'proofs/cap-0001.json', 'office-public-key.pem', 'manifest.json'])('one changed byte in %s fails and names the file', (target) => {
    const file = target === 'blobs' ? [...files.keys()].find((name) => name.startsWith('blobs/'))! : target;
    const changed = flipByte(files, file, target === 'office-public-key.pem' ? 40 : undefined);
    const report = verifyBundle(changed);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.file)).toContain(file);
  });

  it('a record changed together with SHA256SUMS is still caught by its record hash', () => {
    const file = 'records/finding.jsonl';
    const text = new TextDecoder().decode(files.get(file));
    const changed = new Map(files);
    changed.set(file, new TextEncoder().encode(text.replace('"severity":"high"', '"severity":"low"')));
    const sums = new TextDecoder().decode(files.get('SHA256SUMS')).replace(/^[0-9a-f]{64}(?=  records\/finding\.jsonl$)/m, sha256Hex(changed.get(file)!));
    changed.set('SHA256SUMS', new TextEncoder().encode(sums));
    const report = verifyBundle(changed);
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'record_hash', file, line: 1 })]));
  });

  it('refuses a bundle signed by a key other than the trusted one', () => {
    const report = verifyBundle(files, { trustedKeyId: 'f'.repeat(64) });
    expect(report.problems).toEqual([expect.objectContaining({ type: 'key_mismatch', file: 'office-public-key.pem' })]);
  });

  it('reports a missing file and an added one', () => {
    const removed = new Map(files);
    removed.delete('proofs/cap-0002.json');
    expect(verifyBundle(removed).problems.map((problem) => problem.file)).toContain('proofs/cap-0002.json');
    const added = new Map(files);
    added.set('blobs/sha256/extra', new Uint8Array([1]));
    expect(verifyBundle(added).problems.map((problem) => problem.type)).toEqual(expect.arrayContaining(['unlisted_file', 'blob_hash']));
  });

  it('a bundle whose checkpoint predates signed log heads still verifies, and a changed one fails', async () => {
    const { store } = await storedCase({ proofs: true, checkpointFormat: 'capture-only' });
    const old = (await bundleFromStore(store, { caseId: 'K-2024-001', office: 'x', createdAt: '2024-10-03T00:00:00Z', createdBy: 'a', includePersonalData: false }))._unsafeUnwrap();
    expect(JSON.parse(new TextDecoder().decode(old.get('checkpoint.json')))).not.toHaveProperty('logs');
    expect(verifyBundle(old)).toMatchObject({ ok: true, problems: [] });
    expect(verifyBundle(flipByte(old, 'checkpoint.json')).ok).toBe(false);
  });

  it('the checkpoint signs the head of every log of the store', async () => {
    const checkpoint = JSON.parse(new TextDecoder().decode(files.get('checkpoint.json'))) as { treeSize: number; logs: Record<string, { seq: number }> };
    expect(Object.keys(checkpoint.logs).sort()).toEqual(['account_state', 'audit', 'capture', 'case', 'change', 'finding']);
    expect(checkpoint.logs.capture!.seq).toBe(checkpoint.treeSize);
    expect(checkpoint.logs.case!.seq).toBeGreaterThan(0);
  });

  it('a store without Merkle proofs gives a hash-bound bundle, and says so', async () => {
    const { store } = await storedCase({ proofs: false });
    const plain = (await bundleFromStore(store, { caseId: 'K-2024-001', office: 'x', createdAt: '2024-10-03T00:00:00Z', createdBy: 'a', includePersonalData: false }))._unsafeUnwrap();
    const report = verifyBundle(plain);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.warnings.join(' ')).toMatch(/no signed checkpoint/);
  });

  describe('the VERIFY.md steps work with standard tools', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'sipansos-bundle-'));
      for (const [name, bytes] of files) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), bytes);
      }
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('sha256sum -c SHA256SUMS passes', () => {
      const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      expect(out).toMatch(/records\/capture\.jsonl: OK/);
      expect(out).not.toMatch(/FAILED/);
    });

    it('openssl verifies the checkpoint signature with the bundled key, and the key id matches', async () => {
      const checkpoint = JSON.parse(new TextDecoder().decode(files.get('checkpoint.json'))) as { at: string; keyId: string; rootHash: string; treeSize: number; logs?: unknown; signature: string };
      expect(checkpoint.logs).toBeDefined();
      // What `jq -cS 'del(.signature)' | tr -d '\n'` (VERIFY.md) prints.
      const { signature: _signature, ...payload } = checkpoint;
      await writeFile(path.join(dir, 'payload.bin'), canonicalJsonOrThrow(payload));
      await writeFile(path.join(dir, 'signature.bin'), Buffer.from(checkpoint.signature, 'base64'));
      const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'office-public-key.pem', '-rawin', '-in', 'payload.bin', '-sigfile', 'signature.bin'], { cwd: dir, encoding: 'utf8' });
      expect(out).toMatch(/Signature Verified Successfully/);
      const der = execFileSync('openssl', ['pkey', '-pubin', '-in', 'office-public-key.pem', '-outform', 'DER'], { cwd: dir });
      expect(sha256Hex(der)).toBe(checkpoint.keyId);
    });
  });
});
